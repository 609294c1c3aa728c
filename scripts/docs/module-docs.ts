/**
 * `npm run docs`: regenerates README's "Modules" section from the constructs in scripts/docs/modules.ts.
 *
 *   npx tsx scripts/docs/module-docs.ts           rewrite the section between the README markers
 *   npx tsx scripts/docs/module-docs.ts --check   exit 1 if the section differs from a fresh generation
 *
 * Both exit 1 without writing anything when a prop lacks a description or an optional prop lacks a
 * `@default` tag, listing each at file:line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { createDocsProgram, extractConstruct, formatProblem, type ConstructDoc, type DocProblem } from "./extract";
import { MODULES, type ModuleDocEntry } from "./modules";
import { readSection, replaceSection } from "./readme-section";
import { renderModules } from "./render";

export const STALE_MESSAGE = "README.md Modules section is stale: run npm run docs";

export interface ModuleDocs {
  /** The body that belongs between the README markers. */
  readonly markdown: string;
  /** Empty when every documented prop has a description and every optional one a `@default`. */
  readonly problems: readonly DocProblem[];
}

/** Generates the section for `entries`, reading sources relative to `rootDir` (which holds tsconfig.json). */
export function generateModuleDocs(entries: readonly ModuleDocEntry[], rootDir: string): ModuleDocs {
  const program = createDocsProgram(rootDir, entries);
  const problems: DocProblem[] = [];
  const docs = entries
    .map((entry) => extractConstruct(program, rootDir, entry, problems))
    .filter((doc): doc is ConstructDoc => doc !== undefined);
  return { markdown: renderModules(docs), problems: uniqueProblems(problems) };
}

/** A base interface shared by two constructs would otherwise report each of its gaps twice. */
function uniqueProblems(problems: readonly DocProblem[]): DocProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface CliIo {
  readonly rootDir: string;
  readonly entries: readonly ModuleDocEntry[];
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Defaults to README.md in `rootDir`; tests point it at a copy. */
  readonly readmePath?: string;
}

/** Runs the CLI and returns its exit code. */
export function runModuleDocs(args: readonly string[], io: CliIo): number {
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    io.err(`Unknown argument(s): ${unknown.join(" ")}. Usage: module-docs.ts [--check]\n`);
    return 2;
  }
  const { markdown, problems } = generateModuleDocs(io.entries, io.rootDir);
  if (problems.length > 0) {
    io.err(`Module docs are incomplete (${problems.length} problem(s)):\n${problems.map((p) => `  ${formatProblem(p)}\n`).join("")}`);
    return 1;
  }
  const readmePath = io.readmePath ?? path.join(io.rootDir, "README.md");
  try {
    return args.includes("--check") ? checkReadme(readmePath, markdown, io) : writeReadme(readmePath, markdown, io);
  } catch (error) {
    // Missing or repeated markers: say so plainly rather than with a stack trace.
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function checkReadme(readmePath: string, markdown: string, io: CliIo): number {
  if (readSection(fs.readFileSync(readmePath, "utf8")) === markdown) {
    io.out("README.md Modules section is up to date.\n");
    return 0;
  }
  io.err(`${STALE_MESSAGE}\n`);
  return 1;
}

/** Reads README.md immediately before writing it, so edits others made outside the markers are kept. */
function writeReadme(readmePath: string, markdown: string, io: CliIo): number {
  const readme = fs.readFileSync(readmePath, "utf8");
  const updated = replaceSection(readme, markdown);
  if (updated === readme) {
    io.out("README.md Modules section is up to date.\n");
    return 0;
  }
  fs.writeFileSync(readmePath, updated);
  io.out("Updated the Modules section of README.md.\n");
  return 0;
}

if (require.main === module) {
  process.exitCode = runModuleDocs(process.argv.slice(2), {
    rootDir: path.resolve(__dirname, "../.."),
    entries: MODULES,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
