/** The per-rule policy report printed by `npm run policy`. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { formatViolation, PolicyGuard, StackEvaluation } from "./policy-guard";

const COLUMNS = ["rule", "severity", "checked", "passed", "suppressed", "failed", "unverifiable", "title"] as const;

/** A plain-text table of every rule's counts for one stack, then suppressions and violations. */
export function formatReport(evaluation: StackEvaluation): string {
  const rows = evaluation.results.map((r) => [
    r.rule.id,
    r.rule.severity,
    ...[r.checked, r.passed, r.suppressed, r.failed, r.unverifiable].map(String),
    r.rule.title,
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((row) => row[i].length)));
  // Text columns align left, counts right; the last column is not padded.
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ");
  const section = (title: string, lines: readonly string[]) =>
    lines.length === 0 ? [] : ["", `${title}:`, ...lines.map((l) => `  ${l}`)];

  return [
    `Policy report for ${evaluation.stackPath}: ${evaluation.violations.length} violation(s)`,
    line(COLUMNS),
    ...rows.map(line),
    ...section(
      "Suppressed",
      evaluation.appliedSuppressions.map((s) => `[${s.ruleId}] ${s.path}: ${s.reason}`),
    ),
    ...section(
      "Unused suppressions (remove them)",
      evaluation.unusedSuppressions.map((s) => `[${s.ruleId}] ${s.path}`),
    ),
    ...section("Unverifiable", evaluation.unverifiable),
    ...section("Violations", evaluation.violations.map(formatViolation)),
    "",
  ].join("\n");
}

export interface AppReport {
  readonly text: string;
  /** False when any stack has a violation or no policy guard. */
  readonly ok: boolean;
}

/**
 * Builds an app with `buildApp`, synthesizes it with validation off (so one failing stack does not
 * hide the others' reports) and reports every stack against the guards applied to it.
 */
export function reportApp(buildApp: (app: App) => void): AppReport {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-report-"));
  try {
    const app = new App({ outdir, skipValidation: true });
    buildApp(app);
    app.synth();
    const reports = app.node
      .findAll()
      .filter(TerraformStack.isStack)
      .map((stack) => {
        const guards = PolicyGuard.of(stack);
        if (guards.length === 0) return { text: `No policy guard is applied to ${stack.node.path}\n`, ok: false };
        const evaluations = guards.map((guard) => guard.evaluate(stack));
        return {
          text: evaluations.map(formatReport).join("\n"),
          ok: evaluations.every((e) => e.violations.length === 0),
        };
      });
    return { text: reports.map((r) => r.text).join("\n"), ok: reports.every((r) => r.ok) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
