/**
 * `npm run bench`: times a full synth of every stack (JSON and HCL) the way cdktf.json runs it (the
 * bundling runner, scripts/synth/run.cjs), side by side in one run with the same app under tsx and
 * under ts-node (the cdktf template's default, type-checking: the baseline). Then how the runner's
 * time grows with the number of environments, added through configuration (RECIPE_CHATBOT_CONFIG).
 *
 * Prints for each the median wall time of BENCH_RUNS runs (default 5, after one warm-up), the ratio to
 * ts-node, the peak memory of the largest process, the median CPU time (user + system of every process:
 * steadier than wall time on a shared machine) and the load average, so a loaded run is visible.
 * Runs alternate between variants, so a burst of load elsewhere hits every variant alike.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PEAK_RSS_HOOK = path.join(__dirname, "bench", "peak-rss.cjs");
/** Environment counts of the scaling table: the three presets, minus or plus environments from configuration. */
const SCALE = (process.env.BENCH_SCALE ?? "1,3,10").split(",").map(Number);

interface Variant {
  readonly name: string;
  readonly command: string[];
  readonly env?: Record<string, string>;
}

/** The command cdktf.json runs (and `npm run synth`), flags included. */
const RUNNER: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")).app.split(" ");
const variants: Variant[] = [
  { name: "bundle (cdktf.json)", command: RUNNER },
  { name: "tsx", command: ["npx", "tsx", "main.ts"] },
  { name: "ts-node (baseline)", command: ["npx", "ts-node", "main.ts"] },
];

interface Sample {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakMiB: number;
}

function runOnce(variant: Variant, outdir: string): Sample {
  const started = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/env", ["bash", "-c", '"$@"; status=$?; echo "child-cpu-ticks=$(cut -d" " -f16,17 /proc/$$/stat)" >&2; exit $status', "bench", ...variant.command], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...variant.env, CDKTF_OUTDIR: outdir, NODE_OPTIONS: `--require ${PEAK_RSS_HOOK}` },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${variant.name} failed:\n${result.stderr}`);
  const peaks = [...result.stderr.matchAll(/peak-rss-kib=(\d+)/g)].map((m) => Number(m[1]));
  const ticks = /child-cpu-ticks=(\d+) (\d+)/.exec(result.stderr);
  const cpuSeconds = ticks ? (Number(ticks[1]) + Number(ticks[2])) / CLOCK_TICKS : NaN;
  return { seconds, cpuSeconds, peakMiB: Math.max(...peaks) / 1024 };
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface Result {
  readonly name: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakMiB: number;
  readonly all: string;
}

/** One warm-up each, then RUNS rounds, each round running every variant once. */
function measure(list: readonly Variant[]): Result[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
  try {
    list.forEach((variant) => runOnce(variant, outdir));
    const samples = list.map(() => [] as Sample[]);
    for (let round = 0; round < RUNS; round++) list.forEach((variant, i) => samples[i].push(runOnce(variant, outdir)));
    return list.map((variant, i) => ({
      name: variant.name,
      seconds: median(samples[i].map((s) => s.seconds)),
      cpuSeconds: median(samples[i].map((s) => s.cpuSeconds)),
      peakMiB: Math.max(...samples[i].map((s) => s.peakMiB)),
      all: samples[i].map((s) => s.seconds.toFixed(2)).join(" "),
    }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * A configuration with `count` environments: the presets (dev, staging, prod) switched off or kept,
 * then environments extending staging (`qa1`, `qa2`, ...).
 */
function scaledConfig(count: number, dir: string): string {
  const presets = ["dev", "staging", "prod"];
  const environments: Record<string, unknown> = {};
  presets.slice(count).forEach((name) => (environments[name] = { enabled: false }));
  for (let i = 1; i <= count - presets.length; i++) environments[`qa${i}`] = { extends: "staging" };
  const file = path.join(dir, `environments-${count}.json`);
  fs.writeFileSync(file, JSON.stringify({ environments }));
  return file;
}

function printTable(title: string, results: readonly Result[], baseline?: Result): void {
  console.log(`\n${title}`);
  console.log(`${"variant".padEnd(26)}${"median s".padStart(10)}${"cpu s".padStart(8)}${baseline ? "vs ts-node".padStart(12) : ""}${"peak MiB".padStart(10)}   runs (s)`);
  for (const r of results) {
    const ratio = baseline ? `${(baseline.seconds / r.seconds).toFixed(2)}x`.padStart(12) : "";
    console.log(`${r.name.padEnd(26)}${r.seconds.toFixed(2).padStart(10)}${r.cpuSeconds.toFixed(2).padStart(8)}${ratio}${r.peakMiB.toFixed(0).padStart(10)}   ${r.all}`);
  }
}

function main(): void {
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`Full synth of every stack (JSON and HCL), median of ${RUNS} runs after one warm-up, ${os.cpus().length} cores; load average ${load()}`);
  execFileSync(RUNNER[0], RUNNER.slice(1), { cwd: ROOT, env: { ...process.env, SYNTH_BUNDLE_ONLY: "1" }, stdio: "inherit" });
  const results = measure(variants);
  printTable("Runners (default configuration: 5 stacks)", results, results.find((r) => r.name.startsWith("ts-node")));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-config-"));
  try {
    const scaled = measure(
      SCALE.map((count) => ({ name: `${count} environment(s)`, command: RUNNER, env: { RECIPE_CHATBOT_CONFIG: scaledConfig(count, dir) } })),
    );
    printTable("Scaling: the bundle with N environment stacks (plus bootstrap and github)", scaled);
    const [first, last] = [scaled[0], scaled[scaled.length - 1]];
    const perEnvironment = (last.seconds - first.seconds) / (SCALE[SCALE.length - 1] - SCALE[0]);
    console.log(`about ${(perEnvironment * 1000).toFixed(0)} ms per added environment; fixed cost ${(first.seconds - perEnvironment * SCALE[0]).toFixed(2)} s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nload average after: ${load()}`);
}

main();
