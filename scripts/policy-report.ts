/**
 * `npm run policy`: prints the per-rule policy report for every stack and exits 1 on any violation
 * or unguarded stack.
 *
 * `runPolicyReport` takes the function that builds the app's stacks (the same one main.ts uses), so
 * the report sees exactly what `cdktf synth` would. Wire it as:
 *   if (require.main === module) process.exitCode = runPolicyReport(buildApp);
 */
import type { App } from "cdktf";
import { reportApp } from "../src/policy";

/** Prints the report to `write` and returns the process exit code. */
export function runPolicyReport(
  buildApp: (app: App) => void,
  write: (text: string) => void = (text) => process.stdout.write(text),
): number {
  const report = reportApp(buildApp);
  write(report.text);
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  // Imported here, not at the top, so tests can import runPolicyReport without building the app.
  const { buildRecipeChatbotApp } = require("../src/app") as typeof import("../src/app");
  const { readOverrides, resolveEnvironments } = require("../src/config") as typeof import("../src/config");
  const environments = resolveEnvironments(readOverrides());
  process.exitCode = runPolicyReport((app) => buildRecipeChatbotApp(app, { environments }));
}
