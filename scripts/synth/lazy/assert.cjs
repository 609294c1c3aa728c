"use strict";
// See ../lazy-builtin.cjs. cdktf calls assert.ok for every element it synthesizes: a passing check
// answers here; a failing one, and anything else, goes to node's assert (loaded then).
const real = require("../lazy-builtin.cjs").lazyBuiltin("assert");
function ok(value, message) {
  if (!value) real.ok(value, message);
}
module.exports = new Proxy(ok, { get: (_, key) => (key === "ok" ? ok : real[key]) });
