/** The estimate as text (the terminal), as a comparison with the guide's table, and as Markdown (the PR comment). */
import { GUIDE_ITEMS, GUIDE_TOTAL, type CostLine, type GuideItem, type Range, type StackEstimate } from "./model";

const usd = (value: number) => `$${value.toFixed(2)}`;
/** Unit prices below a dollar keep their precision ($0.045/GB, not $0.04/GB). */
const unitUsd = (value: number) => (value >= 1 || Math.abs(value * 100 - Math.round(value * 100)) < 1e-9 ? usd(value) : `$${Number(value.toPrecision(3))}`);
const span = (r: Range) => (Math.abs(r.min - r.max) < 0.005 ? usd(r.min) : `${usd(r.min)} - ${usd(r.max)}`);
const qty = (r: Range) => {
  const f = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
  return r.min === r.max ? f(r.min) : `${f(r.min)}-${f(r.max)}`;
};
const addRanges = (lines: readonly CostLine[]): Range => ({
  min: lines.reduce((s, l) => s + l.monthly.min, 0),
  max: lines.reduce((s, l) => s + l.monthly.max, 0),
});

function table(rows: string[][], align: ("l" | "r")[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (align[c] === "r" ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd());
}

/** Per stack: one line per priced item (what, unit price, quantity, monthly), totals at min and max capacity, the assumptions. */
export function formatStack(estimate: StackEstimate): string {
  const out = [`${estimate.stack} (${estimate.region}): ${span(estimate.total)} a month (minimum - maximum capacity)`];
  if (estimate.lines.length === 0) return `${out[0]}\n  nothing priced\n`;
  const rows = [["what", "unit price", "quantity (min-max)", "monthly (min-max)"]];
  for (const l of estimate.lines) rows.push([`${l.what}${l.usage ? ` [usage.${l.usage}]` : ""}`, `${unitUsd(l.unitPrice)}/${l.unit}`, qty(l.quantity), span(l.monthly)]);
  rows.push(["total", "", "", span(estimate.total)]);
  out.push(...table(rows, ["l", "r", "r", "r"]).map((r) => `  ${r}`));
  if (estimate.lines.some((l) => l.usage)) {
    out.push(`  usage assumptions (environments.<name>.cost.usage): ${Object.entries(estimate.usage).map(([k, v]) => `${k}=${v}`).join(", ")}`);
  }
  return `${out.join("\n")}\n`;
}

/** The guide's "Estimated monthly costs" next to the estimate of one environment, and what the guide left out. */
export function formatGuideComparison(estimate: StackEstimate): string {
  const rows = [["guide item", "guide", "this estimate"]];
  for (const [key, item] of Object.entries(GUIDE_ITEMS) as [GuideItem, (typeof GUIDE_ITEMS)[GuideItem]][]) {
    const lines = estimate.lines.filter((l) => l.guideItem === key);
    const ours = key === "hostedZone" ? "outside the stack (hosted_zone_id is an input)" : lines.length === 0 ? "not in this stack" : span(addRanges(lines));
    rows.push([item.label, span(item), ours]);
  }
  rows.push(["Total", span(GUIDE_TOTAL), span(estimate.total)]);
  const omitted = estimate.lines.filter((l) => !l.guideItem);
  const out = [`${estimate.stack} against the guide's table (us-east-1):`, ...table(rows, ["l", "r", "r"]).map((r) => `  ${r}`)];
  out.push(`  the guide omitted (${span(addRanges(omitted))}):`);
  for (const l of omitted) out.push(`    - ${l.what}: ${span(l.monthly)}`);
  return `${out.join("\n")}\n`;
}

export interface TotalsFile {
  readonly stacks: Record<string, Range>;
}

export function totals(estimates: readonly StackEstimate[]): TotalsFile {
  return { stacks: Object.fromEntries(estimates.map((e) => [e.stack, e.total])) };
}

const delta = (now: number, before: number | undefined) => {
  if (before === undefined) return "new";
  const d = now - before;
  return Math.abs(d) < 0.005 ? "±$0.00" : `${d > 0 ? "+" : "-"}${usd(Math.abs(d))}`;
};

/** The pull request comment's section: each stack's monthly estimate and its change against `base` (main). */
export function formatMarkdown(estimates: readonly StackEstimate[], base?: TotalsFile): string {
  const out = ["### Monthly cost estimate (`npm run cost`, us-east-1 list prices)", "", "| stack | minimum capacity | maximum capacity | change vs main (min / max) |", "|---|---:|---:|---:|"];
  for (const e of estimates) {
    const before = base?.stacks[e.stack];
    const change = base ? `${delta(e.total.min, before?.min)} / ${delta(e.total.max, before?.max)}` : "main not estimated";
    out.push(`| ${e.stack} | ${usd(e.total.min)} | ${usd(e.total.max)} | ${change} |`);
  }
  out.push("", "Usage-priced lines follow `environments.<name>.cost.usage` (README \"Cost\").");
  return `${out.join("\n")}\n`;
}
