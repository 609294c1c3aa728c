// @ts-check
const { LAYERS } = require("./layers");

/**
 * Prints one summary after jest's own: per ladder layer its suites, tests, failures and time, then
 * a closing line `ladder: N passed, N failed[, N skipped]`. A suite that could not run at all (a
 * syntax error, a failing beforeAll outside any test) counts as one failed test, so the closing line
 * never reads "0 failed" over a suite that did not run.
 *
 * Layers run side by side (scripts/test/layers.js), so a layer's "wall" is the span from its first
 * suite's start to its last suite's end, and "suites" the sum of its suites' own run times.
 */
class LadderReporter {
  /** @type {Map<string, { suites: number, crashed: number, passed: number, failed: number, skipped: number, start: number, end: number, busy: number }>} */
  layers = new Map();

  /**
   * @param {import("@jest/test-result").Test} test
   * @param {import("@jest/test-result").TestResult} result
   */
  onTestResult(test, result) {
    const name = String(test.context.config.displayName?.name ?? "unit");
    const layer = this.layers.get(name) ?? { suites: 0, crashed: 0, passed: 0, failed: 0, skipped: 0, start: Infinity, end: 0, busy: 0 };
    layer.suites += 1;
    layer.crashed += result.testExecError ? 1 : 0;
    layer.passed += result.numPassingTests;
    layer.failed += result.numFailingTests;
    layer.skipped += result.numPendingTests + result.numTodoTests;
    layer.start = Math.min(layer.start, result.perfStats.start);
    layer.end = Math.max(layer.end, result.perfStats.end);
    layer.busy += result.perfStats.end - result.perfStats.start;
    this.layers.set(name, layer);
  }

  /**
   * @param {unknown} _contexts
   * @param {import("@jest/test-result").AggregatedResult} aggregated
   */
  onRunComplete(_contexts, aggregated) {
    const rows = [["layer", "suites", "passed", "failed", "skipped", "wall", "suites' own time", "what"]];
    const total = { suites: 0, passed: 0, failed: 0, skipped: 0 };
    for (const { name, what } of LAYERS) {
      const layer = this.layers.get(name);
      if (!layer) {
        rows.push([name, "0", "-", "-", "-", "-", "-", `not run: ${what}`]);
        continue;
      }
      const failed = layer.failed + layer.crashed;
      rows.push([
        name,
        String(layer.suites),
        String(layer.passed),
        String(failed),
        String(layer.skipped),
        seconds(layer.end - layer.start),
        seconds(layer.busy),
        what,
      ]);
      total.suites += layer.suites;
      total.passed += layer.passed;
      total.failed += failed;
      total.skipped += layer.skipped;
    }
    rows.push(["total", String(total.suites), String(total.passed), String(total.failed), String(total.skipped), seconds(Date.now() - aggregated.startTime), "", ""]);
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd());
    const closing = `ladder: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`;
    process.stdout.write(`\nVerification ladder\n${lines.join("\n")}\n\n${closing}\n`);
  }
}

/** @param {number} ms */
function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

module.exports = LadderReporter;
