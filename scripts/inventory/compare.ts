/**
 * The resource inventory check on the command line (run with `npx tsx`):
 *
 *   compare.ts --before <cdktf.out | baseline.json> --after <cdktf.out | baseline.json>
 *     prints the report; exits 1 on any difference that intended-differences.ts does not list.
 *   compare.ts --write-baseline <file> --from <cdktf.out>
 *     writes the inventory of a synth as the committed baseline.
 */
import * as fs from "fs";
import { compareInventories, formatReport, unexpectedDifferences } from "./inventory-diff";
import { INTENDED_DIFFERENCES } from "./intended-differences";
import { readBaseline, readSynthesizedInventory, serializeBaseline, type Inventory } from "./resource-inventory";

const USAGE = [
  "usage: npx tsx scripts/inventory/compare.ts --before <cdktf.out|baseline.json> --after <cdktf.out|baseline.json>",
  "       npx tsx scripts/inventory/compare.ts --write-baseline <file> --from <cdktf.out>",
].join("\n");

/** `--flag value` pairs; anything else is a usage error. */
function parseFlags(args: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (!flag.startsWith("--") || value === undefined || value.startsWith("--")) throw new Error(`expected --flag value, found ${args.slice(i).join(" ")}`);
    flags.set(flag.slice(2), value);
  }
  return flags;
}

/** A synth output directory or a baseline file: comparing against the committed baseline needs no second synth. */
function readInventory(location: string): Inventory {
  return fs.statSync(location).isDirectory() ? readSynthesizedInventory(location) : readBaseline(location);
}

/** Runs the command and returns the process exit code: 0 no unexpected difference, 1 some, 2 misuse. */
function runCompare(args: string[]): number {
  const flags = parseFlags(args);
  const [before, after, baseline, from] = ["before", "after", "write-baseline", "from"].map((flag) => flags.get(flag));
  if (baseline !== undefined && from !== undefined && flags.size === 2) {
    fs.writeFileSync(baseline, serializeBaseline(readSynthesizedInventory(from)));
    process.stdout.write(`wrote ${baseline}\n`);
    return 0;
  }
  if (before === undefined || after === undefined || flags.size !== 2) throw new Error("expected either --before and --after, or --write-baseline and --from");
  const comparison = compareInventories(readInventory(before), readInventory(after), INTENDED_DIFFERENCES);
  process.stdout.write(formatReport(comparison));
  return unexpectedDifferences(comparison).length === 0 ? 0 : 1;
}

if (require.main === module) {
  try {
    process.exitCode = runCompare(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exitCode = 2;
  }
}
