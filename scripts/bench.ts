/**
 * `npm run bench`: times a full synth of every stack (JSON and HCL) the way cdktf.json runs it (tsx),
 * side by side with the same app under ts-node (the cdktf template's default) and as compiled
 * JavaScript. Prints the median wall time of BENCH_RUNS runs (default 5), the ratio to ts-node, and
 * the peak memory of the largest process.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PEAK_RSS_HOOK = path.join(__dirname, "bench", "peak-rss.cjs");

interface Variant {
  readonly name: string;
  readonly command: string[];
  readonly prepare?: () => void;
}

const variants: Variant[] = [
  { name: "tsx (cdktf.json)", command: ["npx", "tsx", "main.ts"] },
  { name: "ts-node (baseline)", command: ["npx", "ts-node", "main.ts"] },
  {
    name: "compiled JS (tsc)",
    command: ["node", "dist/main.js"],
    prepare: () => execFileSync("npx", ["tsc", "-p", "."], { cwd: ROOT, stdio: "inherit" }),
  },
];

interface Sample {
  readonly seconds: number;
  readonly peakMiB: number;
}

function runOnce(variant: Variant, outdir: string): Sample {
  const started = process.hrtime.bigint();
  const result = spawnSync(variant.command[0], variant.command.slice(1), {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CDKTF_OUTDIR: outdir, NODE_OPTIONS: `--require ${PEAK_RSS_HOOK}` },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${variant.name} failed:\n${result.stderr}`);
  const peaks = [...result.stderr.matchAll(/peak-rss-kib=(\d+)/g)].map((m) => Number(m[1]));
  return { seconds, peakMiB: Math.max(...peaks) / 1024 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function main(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
  const results = variants.map((variant) => {
    variant.prepare?.();
    runOnce(variant, outdir); // warm-up: file-system cache, npx resolution
    const samples = Array.from({ length: RUNS }, () => runOnce(variant, outdir));
    return {
      name: variant.name,
      seconds: median(samples.map((s) => s.seconds)),
      peakMiB: Math.max(...samples.map((s) => s.peakMiB)),
      all: samples.map((s) => s.seconds.toFixed(2)).join(" "),
    };
  });
  fs.rmSync(outdir, { recursive: true, force: true });
  const baseline = results.find((r) => r.name.startsWith("ts-node"))!;
  console.log(`Full synth of every stack, median of ${RUNS} runs (after one warm-up), ${os.cpus().length} cores\n`);
  console.log(`${"variant".padEnd(22)}${"median s".padStart(10)}${"vs ts-node".padStart(12)}${"peak MiB".padStart(10)}   runs (s)`);
  for (const r of results) {
    const ratio = `${(baseline.seconds / r.seconds).toFixed(2)}x`;
    console.log(`${r.name.padEnd(22)}${r.seconds.toFixed(2).padStart(10)}${ratio.padStart(12)}${r.peakMiB.toFixed(0).padStart(10)}   ${r.all}`);
  }
}

main();
