// jest's per-suite output (what "default" prints) without its closing summary, which jest always
// prints after every custom reporter; the ladder reporter's summary takes its place as the last lines.
module.exports = require("@jest/reporters").DefaultReporter;
