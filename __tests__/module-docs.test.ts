/**
 * README's "Modules" section (scripts/docs/module-docs.ts): it matches the source, and the generator
 * refuses undocumented props. Rendering and the documentation check are tested on the fixtures in
 * __tests__/fixtures/module-docs/, so changes to the real modules never break these expectations.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatProblem } from "../scripts/docs/extract";
import { STALE_MESSAGE, generateModuleDocs, runModuleDocs, type ModuleDocs } from "../scripts/docs/module-docs";
import { MODULES, type ModuleDocEntry } from "../scripts/docs/modules";
import { END_MARKER, START_MARKER, readSection, replaceSection } from "../scripts/docs/readme-section";
import { dedent } from "../scripts/docs/render";

const ROOT = path.resolve(__dirname, "..");
const FIXTURES = "__tests__/fixtures/module-docs";

function fixtureEntry(construct: string, props: string, file: string): ModuleDocEntry {
  return { module: "fixture", importPath: "fixture", file: `${FIXTURES}/${file}`, construct, props, usage: `new ${construct}(this, "x", {});` };
}

const EXAMPLE = fixtureEntry("ExampleAlb", "ExampleAlbProps", "example-alb.ts");
const UNDOCUMENTED = fixtureEntry("Undocumented", "UndocumentedProps", "undocumented.ts");

/** The lines of the table that follows the `#### name` heading. */
function tableOf(markdown: string, name: string): string[] {
  const afterHeading = markdown.split(`#### ${name}\n`)[1] ?? "";
  const lines = afterHeading.split("\n");
  const start = lines.findIndex((line) => line.startsWith("| "));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("| "));
  return lines.slice(start + 2, end === -1 ? undefined : end);
}

function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split("\n");
  const expectedLines = expected.split("\n");
  const line = actualLines.findIndex((text, index) => text !== expectedLines[index]);
  const at = line === -1 ? actualLines.length : line;
  return `first difference at section line ${at + 1}:\n  README:    ${actualLines[at] ?? "(end)"}\n  generated: ${expectedLines[at] ?? "(end)"}`;
}

describe("README Modules section", () => {
  let fresh: ModuleDocs;
  beforeAll(() => {
    fresh = generateModuleDocs(MODULES, ROOT);
  });

  it("documents every listed construct completely", () => {
    expect(fresh.problems.map(formatProblem)).toEqual([]);
  });

  it("is deterministic", () => {
    expect(generateModuleDocs(MODULES, ROOT).markdown).toBe(fresh.markdown);
  });

  it("equals a fresh generation (if not: npm run docs)", () => {
    const section = readSection(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
    // The fix and the first differing line say more than jest's diff of the whole section.
    if (section !== fresh.markdown) throw new Error(`${STALE_MESSAGE}\n${firstDifference(section, fresh.markdown)}`);
  });
});

describe("documentation check", () => {
  it("reports each gap at file:line, and a construct without a summary", () => {
    const { problems } = generateModuleDocs([UNDOCUMENTED], ROOT);
    const file = `${FIXTURES}/undocumented.ts`;
    expect(problems.map(formatProblem)).toEqual([
      `${file}:18: Undocumented: no JSDoc summary (or set \`summary\` in the manifest)`,
      `${file}:10: UndocumentedProps.size: no description (add a JSDoc comment)`,
      `${file}:12: UndocumentedProps.retries: optional but has no @default tag`,
      `${file}:13: UndocumentedProps.mode: no description (add a JSDoc comment)`,
      `${file}:13: UndocumentedProps.mode: optional but has no @default tag`,
      `${file}:15: UndocumentedProps.timeout: optional but has no @default tag`,
    ]);
  });

  it("reports a manifest entry that names a missing file or export", () => {
    const missingFile = { ...EXAMPLE, file: `${FIXTURES}/nope.ts` };
    const missingExport = { ...EXAMPLE, props: "NopeProps" };
    const { problems } = generateModuleDocs([missingFile, missingExport], ROOT);
    expect(problems.map(formatProblem)).toEqual([
      `${FIXTURES}/nope.ts:1: ExampleAlb: file not found (manifest scripts/docs/modules.ts)`,
      `${FIXTURES}/example-alb.ts:1: NopeProps: not exported by this file (manifest scripts/docs/modules.ts)`,
    ]);
  });

  it("makes the CLI exit 1 without touching README.md", () => {
    const errors: string[] = [];
    const code = runModuleDocs(["--check"], { rootDir: ROOT, entries: [UNDOCUMENTED], out: () => {}, err: (text) => errors.push(text) });
    expect(code).toBe(1);
    expect(errors.join("")).toContain("UndocumentedProps.retries: optional but has no @default tag");
  });
});

describe("rendering (fixture)", () => {
  let markdown: string;
  beforeAll(() => {
    const docs = generateModuleDocs([EXAMPLE], ROOT);
    expect(docs.problems).toEqual([]);
    markdown = docs.markdown;
  });

  it("heads the construct with its module, summary paragraphs and usage", () => {
    expect(markdown).toContain(
      [
        "### ExampleAlb",
        `Module \`fixture\`, imported from \`fixture\`; source: [${FIXTURES}/example-alb.ts](${FIXTURES}/example-alb.ts).`,
        "Fixture: an application load balancer in front of its targets.",
        "It creates nothing; only its documentation matters.",
        '```ts\nnew ExampleAlb(this, "x", {});\n```',
      ].join("\n\n"),
    );
  });

  it("renders own props, then inherited ones, with types as written and defaults", () => {
    expect(tableOf(markdown, "ExampleAlbProps")).toEqual([
      "| `targets` | `ExampleTarget[]` | *required* | Targets in priority order: the first whose paths match takes the request. |",
      '| `scheme` | `"internet-facing" \\| "internal"` | `"internet-facing"` | Who can reach the balancer. |',
      "| `idleTimeoutSeconds` | `number` | `60` | Idle timeout in seconds; a value \\| 0 disables it. |",
      "| `certificateArn` | `` `arn:${string}` `` | a certificate is requested for the name | Certificate for the HTTPS listener. |",
      "| `overrides` | `Record<string, Partial<ExampleTarget>>` | `{}` | Per-path overrides, keyed by path pattern. |",
      "| `namePrefix` (from `CommonProps`) | `string` | *required* | Name prefix for every resource, e.g. `recipe-chatbot-dev`. |",
      "| `tags` (from `CommonProps`) | `Record<string, string>` | no extra tags | Tags added to every resource, merged over the provider's default tags. |",
    ]);
  });

  it("gives each nested interface of the module one table, following references and stopping at cycles", () => {
    const headings = markdown.split("\n").filter((line) => line.startsWith("#### "));
    expect(headings).toEqual(["#### ExampleAlbProps", "#### ExampleTarget", "#### ExampleHealthCheck"]);
    expect(markdown).toContain("#### ExampleTarget\n\nHow the balancer reaches one service.\n\n| Prop |");
    expect(tableOf(markdown, "ExampleTarget")).toEqual([
      "| `paths` | `string[]` | *required* | Path patterns routed to this target, e.g. `/api/*`. |",
      "| `port` | `number` | `8000` | Container port. |",
      "| `healthCheck` | `ExampleHealthCheck` | the `ExampleHealthCheck` defaults | Health check of this target. |",
    ]);
    expect(tableOf(markdown, "ExampleHealthCheck")).toEqual([
      '| `path` | `string` | `"/health"` | Path the balancer requests. |',
      "| `fallback` | `ExampleTarget` | none: requests fail | Target that takes the traffic while this one is unhealthy. It points back at `ExampleTarget`, which is documented once. |",
    ]);
  });

  it("does not give interfaces from outside the module a table", () => {
    const outside = { ...EXAMPLE, moduleDir: "src" };
    const { markdown: withoutNested } = generateModuleDocs([outside], ROOT);
    expect(withoutNested).not.toContain("#### ExampleTarget");
  });
});

describe("CLI", () => {
  const captured = { out: "", err: "" };
  const run = (args: string[], readmePath: string): number =>
    runModuleDocs(args, {
      rootDir: ROOT,
      entries: [EXAMPLE],
      readmePath,
      out: (text) => (captured.out += text),
      err: (text) => (captured.err += text),
    });

  it("--check fails on a stale section; a rewrite fixes it and leaves the rest of the file alone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "module-docs-"));
    const readmePath = path.join(dir, "README.md");
    const outside = "# Title\n\nOther people's text.\n";
    fs.writeFileSync(readmePath, `${outside}\n${START_MARKER}\nstale\n${END_MARKER}\n`);
    try {
      expect(run(["--check"], readmePath)).toBe(1);
      expect(captured.err).toBe(`${STALE_MESSAGE}\n`);

      expect(run([], readmePath)).toBe(0);
      const rewritten = fs.readFileSync(readmePath, "utf8");
      expect(rewritten.startsWith(`${outside}\n${START_MARKER}\n<!-- Generated by`)).toBe(true);
      expect(rewritten.endsWith(`${END_MARKER}\n`)).toBe(true);
      expect(run(["--check"], readmePath)).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("README markers", () => {
  const readme = `# Title\n\nText.\n\n${START_MARKER}\nold\n${END_MARKER}\n\n## After\n`;

  it("replaces only the text between the markers", () => {
    const updated = replaceSection(readme, "new\n");
    expect(updated).toBe(`# Title\n\nText.\n\n${START_MARKER}\nnew\n${END_MARKER}\n\n## After\n`);
    expect(readSection(updated)).toBe("new\n");
  });

  it("fails plainly when the markers are missing", () => {
    expect(() => readSection("# Title\n")).toThrow(`README.md needs exactly one ${START_MARKER} followed by one ${END_MARKER}`);
  });
});

describe("dedent", () => {
  it("drops blank edge lines and shared indentation", () => {
    expect(dedent("\n    a\n      b\n\n    c\n  ")).toBe("a\n  b\n\nc");
  });
});
