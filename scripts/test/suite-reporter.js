// @ts-check
const { DefaultReporter, VerboseReporter } = require("@jest/reporters");

/**
 * jest's per-suite output (what reporter "default" prints, verbose with --verbose) without its
 * closing summary, which jest always prints after every custom reporter: the ladder reporter's
 * summary takes its place as the last lines.
 */
class SuiteReporter {
  /** @param {import("@jest/types").Config.GlobalConfig} globalConfig */
  constructor(globalConfig) {
    return globalConfig.verbose ? new VerboseReporter(globalConfig) : new DefaultReporter(globalConfig);
  }
}

module.exports = SuiteReporter;
