import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { keepingResolvedTokens } from "./core/fast-resolve";
import { formatHcl, formatHclWithTerraform, UnsupportedHclError } from "./core/hcl-format";

/** Sub-directory of the output that holds one HCL root per stack, apart from the JSON roots. */
export const HCL_DIR = "hcl";

export interface SynthesizeOptions {
  /** Where cdktf expects the output (cdktf.json "output", or CDKTF_OUTDIR from the cdktf CLI). */
  readonly outdir: string;
  /** Adds every stack to the app. */
  readonly build: (app: App) => void;
  /** Also write formatted HCL to <outdir>/hcl/<stack>/main.tf. Default true. */
  readonly hcl?: boolean;
}

/**
 * Synthesizes into a staging directory and only moves the result over `outdir` when every stack
 * synthesized (configuration, policy guard and cdktf validations all passed). A failed run therefore
 * leaves the previous output exactly as it was; an `.terraform` directory or local state that
 * `cdktf deploy` left under the output survives, because files are moved over one by one, not replaced wholesale.
 */
export function synthesize(options: SynthesizeOptions): string[] {
  const outdir = path.resolve(options.outdir);
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(outdir), `.${path.basename(outdir)}-staging-`));
  try {
    // No construct metadata stack traces: with the token traces main.ts turns off, a third of synth's CPU (README "Speed").
    const app = new App({ outdir: staging, stackTraces: false });
    options.build(app);
    const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
    keepingResolvedTokens(() => {
      app.synth();
      if (options.hcl ?? true) writeHcl(stacks, path.join(staging, HCL_DIR));
    });
    moveTree(staging, outdir);
    return stacks.map((s) => s.node.id);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * One directory of HCL per stack, so Terraform never loads JSON and HCL together, formatted as
 * `terraform fmt` would (in process; through terraform for what the in-process formatter does not
 * cover) and tidied: what a person would commit.
 */
function writeHcl(stacks: TerraformStack[], dir: string): void {
  for (const stack of stacks) {
    const stackDir = path.join(dir, stack.node.id);
    fs.mkdirSync(stackDir, { recursive: true });
    fs.writeFileSync(path.join(stackDir, "main.tf"), tidyBlankLines(formatted(renderHcl(stack))));
  }
}

/** cdktf's HCL of a synthesized stack with the fix-ups below, before formatting. */
export function renderHcl(stack: TerraformStack): string {
  return blockifyUntypedBlocks(unquoteReferenceLists(stack.toHclTerraform().hcl));
}

function formatted(hcl: string): string {
  try {
    return formatHcl(hcl);
  } catch (error) {
    if (!(error instanceof UnsupportedHclError)) throw error;
    return formatHclWithTerraform(hcl);
  }
}

/**
 * cdktf leaves empty lines where a block had nothing more to render (after `backend`, around
 * `lifecycle`), which `terraform fmt` keeps: at most one blank line in a row, none just inside braces.
 */
const CLOSING_LINE = /[ \t]*[}\]]/y;

export function tidyBlankLines(hcl: string): string {
  // Blank lines inside a heredoc are content: leave such a file as it is (cdktf renders none today).
  if (/<<-?[A-Z]+\n/.test(hcl)) return hcl;
  // One pass over each run of blank lines: kept as one, unless it follows a `{`, precedes a closing
  // bracket or ends the file.
  return hcl.replace(/\n(?:[ \t]*\n)+/g, (run: string, at: number) => {
    const after = at + run.length;
    if (after === hcl.length || hcl[at - 1] === "{") return "\n";
    CLOSING_LINE.lastIndex = after;
    return CLOSING_LINE.test(hcl) ? "\n" : "\n\n";
  });
}

/**
 * cdktf 0.21 renders `depends_on` and `ignore_changes` entries as quoted strings, which Terraform
 * reads as deprecated 0.11-style references and warns about on every validate/plan. Unquote them.
 */
export function unquoteReferenceLists(hcl: string): string {
  return hcl.replace(
    /(depends_on|ignore_changes) = \[([^\]]*)\]/g,
    // An entry is a quoted address, bare or as an interpolation (outputs' depends_on): "x.y" or "${x.y}".
    (_, key: string, refs: string) => `${key} = [${refs.replace(/"(?:\$\{([\w.-]+)\}|([\w.-]+))"/g, "$1$2")}]`,
  );
}

/**
 * Nested blocks that the provider bindings type as `any` (the WAF rule `statement`) are rendered by
 * cdktf's HCL writer as object attributes (`statement = { ... }`) and lists of objects
 * (`statement = [ { ... }, ]`, e.g. and_statement, rule_action_override), which Terraform rejects:
 * inside them every object is a block. Rewrite `key = {` as `key {`, and a list of objects as the
 * same block repeated (`key { ... }` per element), within such a block.
 */
export const UNTYPED_BLOCKS = ["statement"];

export function blockifyUntypedBlocks(hcl: string): string {
  const lines = hcl.split("\n");
  const out: string[] = [];
  // Open constructs inside an untyped block: a block (braces), a list of blocks (the key repeated
  // per element) or a list of plain values (kept as written). Empty = outside.
  const open: ({ kind: "block" } | { kind: "blocks"; indent: string; key: string } | { kind: "values" })[] = [];
  const nextLine = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j].trim() !== "") return lines[j].trim();
    return undefined;
  };
  lines.forEach((line, i) => {
    // Outside an untyped block only its opener matters: most lines are passed on without a regular expression.
    if (open.length === 0 && !line.includes(" = {")) {
      out.push(line);
      return;
    }
    const opener = /^(\s*)([A-Za-z_][\w-]*) = \{\s*$/.exec(line);
    const listOpener = /^(\s*)([A-Za-z_][\w-]*) = \[\s*$/.exec(line);
    if (open.length === 0 && !(opener && UNTYPED_BLOCKS.includes(opener[2]))) {
      out.push(line);
      return;
    }
    const top = open[open.length - 1];
    const trimmed = line.trim();
    if (top?.kind === "values") {
      if (trimmed === "]" || trimmed === "],") open.pop();
      out.push(line);
    } else if (opener) {
      open.push({ kind: "block" });
      out.push(`${opener[1]}${opener[2]} {`);
    } else if (listOpener) {
      const ofBlocks = nextLine(i) === "{";
      open.push(ofBlocks ? { kind: "blocks", indent: listOpener[1], key: listOpener[2] } : { kind: "values" });
      if (!ofBlocks) out.push(line);
    } else if (top?.kind === "blocks" && trimmed === "{") {
      open.push({ kind: "block" });
      out.push(`${top.indent}${top.key} {`);
    } else if (top?.kind === "blocks" && (trimmed === "]" || trimmed === "],")) {
      open.pop();
    } else if (top?.kind === "block" && (trimmed === "}" || trimmed === "},")) {
      open.pop();
      out.push(line.replace(/\},\s*$/, "}"));
    } else {
      // A one-line object (`key = {}`) or attribute; braces opened and closed on the same line.
      out.push(line);
    }
  });
  return out.join("\n");
}

/**
 * Moves every file of `from` over the same path under `to`, leaving files only `to` has. Renamed, not
 * copied: the staging directory sits beside the output, on the same file system, and is dropped next.
 */
function moveTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) moveTree(source, target);
    else moveFile(source, target);
  }
}

function moveFile(source: string, target: string): void {
  try {
    fs.renameSync(source, target);
  } catch (error) {
    // The output is a mount point or a link to another file system: copy instead.
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    fs.copyFileSync(source, target);
  }
}
