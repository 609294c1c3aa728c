/**
 * DESIGN.md "Layers": dependencies point down only. Each folder of src/ may import only the layers
 * listed for it (and itself); a module never imports another module, the configuration model or the
 * app. Imports are read with TypeScript's own pre-processor, not a regex.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const SRC = path.join(__dirname, "..", "src");

/** What each layer may import besides itself. Top-level files (app.ts, index.ts, synthesize.ts) may import anything. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  policy: ["core"],
  config: ["core"],
  blocks: ["core", "policy"],
  modules: ["core", "policy", "blocks"],
  account: ["core", "policy", "blocks"],
  state: ["core", "policy", "blocks", "config"],
  ci: ["core", "policy", "blocks", "config", "state"],
  github: ["core", "policy", "config", "ci"],
  "recipe-chatbot": ["core", "policy", "blocks", "config", "modules", "account"],
  stacks: ["core", "policy", "blocks", "config", "modules", "account", "state", "ci", "github", "recipe-chatbot"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** The src/ folders (and, under modules/, the module) a file imports, from its relative imports. */
function importedLocations(file: string): { layer: string; module?: string; specifier: string }[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => {
      const [layer, module] = path.relative(SRC, path.resolve(path.dirname(file), specifier)).split(path.sep);
      return { layer, module, specifier };
    });
}

const files = sourceFiles(SRC).filter((file) => path.relative(SRC, file).includes(path.sep));

describe("layering of src/ (DESIGN.md)", () => {
  it("knows every folder of src/", () => {
    const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(files.map((file) => [path.relative(SRC, file), file]))("%s imports only the layers below it", (_name, file) => {
    const [layer, module] = path.relative(SRC, file).split(path.sep);
    const wrong = importedLocations(file).filter(
      (target) =>
        (target.layer !== layer && !ALLOWED[layer].includes(target.layer)) ||
        // Modules stand alone: one module never reaches into another.
        (layer === "modules" && target.layer === "modules" && target.module !== module),
    );
    expect(wrong.map((w) => w.specifier)).toEqual([]);
  });
});
