/**
 * `npm run test:soak`: runs the emulator layer SOAK_RUNS times (default 5) back to back while
 * SOAK_LOAD CPU-bound processes (default 1) spin beside it, as on a shared CI machine, then prints
 * each run's time, passes and failures with every failure's first error line. Exits non-zero when
 * any run failed. SOAK_LAYERS picks other layers (comma-separated names from scripts/test/layers.js,
 * or `all` for the whole ladder, as `npm test` runs it). Extra arguments go to jest, e.g.
 * `npm run test:soak -- __tests__/emulator/bootstrap`.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const RUNS = Number(process.env.SOAK_RUNS ?? 5);
const LOAD = Number(process.env.SOAK_LOAD ?? 1);
const LAYERS = process.env.SOAK_LAYERS ?? "emulator";

/** The parts of jest's `--json` report the soak reads. */
interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: { name: string; message: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

interface Run {
  seconds: number;
  passed: number;
  failed: number;
  failures: string[];
}

/** The first line of an error that says what went wrong (jest prefixes messages with blank lines and "●" headers). */
function firstErrorLine(message: string): string {
  const lines = message.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /error|exited with|expect/i.test(line)) ?? lines[0] ?? "(no message)";
}

function runLayers(extraArgs: string[]): Run {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "soak-")), "report.json");
  const started = Date.now();
  const selection = LAYERS === "all" ? [] : ["--selectProjects", ...LAYERS.split(",")];
  // jest reports progress on stderr (shown as it comes) and the ladder summary on stdout (not needed here).
  const jest = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), ...selection, "--json", `--outputFile=${report}`, ...extraArgs], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stderr.write(jest.stderr);
  const seconds = (Date.now() - started) / 1000;
  if (!fs.existsSync(report)) return { seconds, passed: 0, failed: 1, failures: [`jest wrote no report: ${firstErrorLine(jest.stderr)}`] };
  const result = JSON.parse(fs.readFileSync(report, "utf8")) as JestReport;
  const failures = result.testResults.flatMap((suite) => {
    const name = path.relative(ROOT, suite.name);
    const failedTests = suite.assertionResults.filter((test) => test.status === "failed");
    if (failedTests.length === 0 && suite.message) return [`${name}: ${firstErrorLine(suite.message)}`];
    return failedTests.map((test) => `${name} › ${test.fullName}: ${firstErrorLine(test.failureMessages.join("\n"))}`);
  });
  return { seconds, passed: result.numPassedTests, failed: result.numFailedTests + result.numRuntimeErrorTestSuites, failures };
}

/** CPU-bound busy loops in child processes; they end with this process. */
function startLoad(processes: number): () => void {
  const children = Array.from({ length: processes }, () =>
    spawn(process.execPath, ["-e", "for (;;) Math.sqrt(Math.random());"], { stdio: "ignore" }),
  );
  return () => children.forEach((child) => child.kill("SIGKILL"));
}

function main(): void {
  const stopLoad = startLoad(LOAD);
  process.on("exit", stopLoad);
  const runs: Run[] = [];
  try {
    for (let index = 1; index <= RUNS; index += 1) {
      const run = runLayers(process.argv.slice(2));
      runs.push(run);
      console.log(`run ${index}/${RUNS}: ${run.seconds.toFixed(0)} s, ${run.passed} passed, ${run.failed} failed`);
      for (const failure of run.failures) console.log(`  ${failure}`);
    }
  } finally {
    stopLoad();
  }
  const green = runs.filter((run) => run.failed === 0).length;
  const times = runs.map((run) => run.seconds).sort((a, b) => a - b);
  console.log(
    `\nsoak (${LAYERS}): ${green} of ${RUNS} runs green with ${LOAD} CPU-bound process(es) beside them on ${os.cpus().length} cores; ` +
      `run time median ${times[Math.floor(times.length / 2)].toFixed(0)} s, max ${times[times.length - 1].toFixed(0)} s`,
  );
  console.log(`${runs.reduce((sum, run) => sum + run.passed, 0)} passed, ${runs.reduce((sum, run) => sum + run.failed, 0)} failed`);
  process.exitCode = green === RUNS ? 0 : 1;
}

main();
