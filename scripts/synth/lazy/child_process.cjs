"use strict";
// See ../lazy-builtin.cjs.
module.exports = require("../lazy-builtin.cjs").lazyBuiltin("child_process");
