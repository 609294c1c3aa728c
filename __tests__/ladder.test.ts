// The ladder's own machinery (scripts/test/): the summary's closing line and the layer schedule.
/* eslint-disable @typescript-eslint/no-require-imports */
const LadderReporter = require("../scripts/test/ladder-reporter");
const LadderSequencer = require("../scripts/test/sequencer");
const { LAYERS } = require("../scripts/test/layers");

const testIn = (layer: string, file: string) => ({ path: `/repo/__tests__/${file}`, context: { config: { displayName: { name: layer } } } });
const result = (passed: number, failed: number, crashed = false) => ({
  numPassingTests: passed,
  numFailingTests: failed,
  numPendingTests: 0,
  numTodoTests: 0,
  testExecError: crashed ? { message: "beforeAll failed" } : undefined,
  perfStats: { start: 1_000, end: 3_000 },
});

describe("ladder summary", () => {
  it("lists every layer and counts a suite that could not run as a failure in the closing line", () => {
    const reporter = new LadderReporter();
    reporter.onTestResult(testIn("unit", "a.test.ts"), result(3, 0));
    reporter.onTestResult(testIn("emulator", "emulator/b.test.ts"), result(0, 0, true));
    reporter.onTestResult(testIn("validate", "validate.test.ts"), result(2, 1));
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      reporter.onRunComplete(undefined, { startTime: Date.now() });
    } finally {
      spy.mockRestore();
    }
    const lines = written.join("").trimEnd().split("\n");
    expect(lines[lines.length - 1]).toBe("ladder: 5 passed, 2 failed");
    expect(lines.find((line) => line.startsWith("emulator "))).toMatch(/^emulator\s+1\s+0\s+1\s+0\s+2\.0 s\s+2\.0 s/);
    expect(lines.find((line) => line.startsWith("types "))).toMatch(/not run/);
  });
});

describe("ladder schedule", () => {
  it("starts the emulator suites first and the unit suites last, whatever jest's own order", () => {
    const sequencer = new LadderSequencer();
    jest.spyOn(Object.getPrototypeOf(LadderSequencer.prototype), "sort").mockImplementation((tests: unknown) => tests);
    // Every layer, in an order unlike the schedule's.
    const shuffled = [...LAYERS].map((layer: { name: string }) => layer.name).reverse();
    const tests = shuffled.map((layer) => testIn(layer, `${layer}.test.ts`));
    const names = sequencer.sort(tests).map((test: ReturnType<typeof testIn>) => test.context.config.displayName.name);
    expect(names).toEqual([...LAYERS].sort((a, b) => a.schedule - b.schedule).map((layer: { name: string }) => layer.name));
    expect(names[0]).toBe("emulator");
    expect(names[names.length - 1]).toBe("unit");
  });
});
