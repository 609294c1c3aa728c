/**
 * `npm run diagram`: draws the prod stack's architecture (synthesized in-process with the default
 * configuration) as Mermaid into README.md, between `<!-- diagram:start -->` and `<!-- diagram:end -->`.
 *
 *   npx tsx scripts/diagram/diagram.ts           rewrite the block between the README markers
 *   npx tsx scripts/diagram/diagram.ts --check   exit 1 if the block differs from a fresh generation
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateReadmeDiagram } from "./generate";
import { readBlock, replaceBlock } from "./readme-block";

export const STALE_MESSAGE = "README.md architecture diagram is stale: run npm run diagram";

export interface DiagramCliIo {
  readonly readmePath: string;
  /** The block's fresh content (tests pass a stub instead of synthesizing). */
  readonly generate: () => string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Runs the CLI and returns its exit code. */
export function runDiagram(args: readonly string[], io: DiagramCliIo): number {
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    io.err(`Unknown argument(s): ${unknown.join(" ")}. Usage: diagram.ts [--check]\n`);
    return 2;
  }
  const fresh = io.generate();
  try {
    // Read immediately before comparing or writing, so edits others made outside the markers are kept.
    const readme = fs.readFileSync(io.readmePath, "utf8");
    if (readBlock(readme) === fresh) {
      io.out("README.md architecture diagram is up to date.\n");
      return 0;
    }
    if (args.includes("--check")) {
      io.err(`${STALE_MESSAGE}\n`);
      return 1;
    }
    fs.writeFileSync(io.readmePath, replaceBlock(readme, fresh));
    io.out("Updated the architecture diagram in README.md.\n");
    return 0;
  } catch (error) {
    // Missing or repeated markers: say so plainly rather than with a stack trace.
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runDiagram(process.argv.slice(2), {
    readmePath: path.resolve(__dirname, "../../README.md"),
    generate: generateReadmeDiagram,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
