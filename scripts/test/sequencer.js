// @ts-check
const Sequencer = require("@jest/test-sequencer").default;
const { LAYERS } = require("./layers");

const schedule = new Map(LAYERS.map((layer) => [layer.name, layer.schedule]));

/**
 * Jest's own order (failed last time first, then slowest by recorded time or file size), but layer
 * by layer in LAYERS' `schedule` order, so the long emulator suites never start last on a clean clone.
 */
class LadderSequencer extends Sequencer {
  /** @param {import("@jest/test-result").Test[]} tests */
  sort(tests) {
    const rank = (/** @type {import("@jest/test-result").Test} */ test) =>
      schedule.get(String(test.context.config.displayName?.name)) ?? LAYERS.length;
    const ordered = /** @type {import("@jest/test-result").Test[]} */ (super.sort(tests));
    return ordered.map((test, index) => ({ test, index })).sort((a, b) => rank(a.test) - rank(b.test) || a.index - b.index).map(({ test }) => test);
  }
}

module.exports = LadderSequencer;
