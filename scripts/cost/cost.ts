/**
 * `npm run cost`: what each synthesized stack costs a month (README "Cost").
 *
 *   npm run cost                                  synth, then every stack: lines, totals, the guide's table beside prod
 *   tsx scripts/cost/cost.ts --from DIR           estimate an existing cdktf.out without synthesizing
 *   ... --stack recipe-chatbot-prod               one stack (repeatable)
 *   ... --json FILE                               also write the totals (for a later --base)
 *   ... --markdown --base FILE                    the pull request comment: totals and change against FILE
 *
 * Usage assumptions come from the configuration (RECIPE_CHATBOT_CONFIG, environments.<name>.cost.usage).
 */
import * as fs from "fs";
import * as path from "path";
import { ConfigError, readOverrides, resolveConfig } from "../../src/config";
import { environmentStackName } from "../../src/core/naming";
import { estimateStack } from "./estimate";
import type { StackEstimate } from "./model";
import { formatGuideComparison, formatMarkdown, formatStack, totals, type TotalsFile } from "./report";

interface Args {
  from: string;
  stacks: string[];
  json?: string;
  markdown: boolean;
  base?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { from: "cdktf.out", stacks: [], markdown: false };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return next;
    };
    switch (argv[i]) {
      case "--from": args.from = value(); break;
      case "--stack": args.stacks.push(value()); break;
      case "--json": args.json = value(); break;
      case "--base": args.base = value(); break;
      case "--markdown": args.markdown = true; break;
      default: throw new Error(`unknown argument ${argv[i]}; see the header of scripts/cost/cost.ts`);
    }
  }
  return args;
}

/** Estimates every stack of a synthesized output directory, with each environment's usage assumptions. */
export function estimateOutput(outdir: string, only: readonly string[] = []): StackEstimate[] {
  const manifestFile = path.join(outdir, "manifest.json");
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} not found: run npm run synth first (or pass --from)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { stacks: Record<string, { synthesizedStackPath: string }> };
  const { environments } = resolveConfig(readOverrides());
  const usageByStack = new Map(environments.map((e) => [environmentStackName(e.name), e.cost.usage]));
  const names = only.length > 0 ? only : Object.keys(manifest.stacks);
  return names.map((stack) => {
    const entry = manifest.stacks[stack];
    if (!entry) throw new Error(`no stack ${stack} in ${outdir}; it has ${Object.keys(manifest.stacks).join(", ")}`);
    const terraform: unknown = JSON.parse(fs.readFileSync(path.join(outdir, entry.synthesizedStackPath), "utf8"));
    return estimateStack(terraform, { stack, usage: usageByStack.get(stack) });
  });
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const estimates = estimateOutput(args.from, args.stacks);
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify(totals(estimates), null, 2)}\n`);
  if (args.markdown) {
    const base = args.base && fs.existsSync(args.base) ? (JSON.parse(fs.readFileSync(args.base, "utf8")) as TotalsFile) : undefined;
    process.stdout.write(formatMarkdown(estimates, base));
    return;
  }
  for (const estimate of estimates) console.log(formatStack(estimate));
  const prod = estimates.find((e) => e.stack === environmentStackName("prod"));
  if (prod) console.log(formatGuideComparison(prod));
}

try {
  main();
} catch (error) {
  if (!(error instanceof Error)) throw error;
  // Bad input (no output yet, an unpriced region or type, bad configuration): the message, no stack trace.
  console.error(error instanceof ConfigError ? error.message : `npm run cost: ${error.message}`);
  process.exitCode = 1;
}
