/**
 * The committed, generated folders under terraform/ (stacks/, modules/): folder -> file -> content,
 * compared with and written over a directory, and the command line both generators share.
 */
import * as fs from "fs";
import * as path from "path";

export type GeneratedTree = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Files a person or Terraform leaves beside the generated ones (`.terraform/`, the lock file) do not count. */
const generatedFiles = (folder: string): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => !name.startsWith(".")).sort() : []);

/** Folders whose files differ from `fresh` (content, or a file missing or extra), plus folders `fresh` no longer has. */
export function staleFolders(fresh: GeneratedTree, dir: string): string[] {
  const committed = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const changed = [...fresh].filter(([name, files]) => {
    const folder = path.join(dir, name);
    if (generatedFiles(folder).join() !== [...files.keys()].sort().join()) return true;
    return [...files].some(([file, content]) => fs.readFileSync(path.join(folder, file), "utf8") !== content);
  });
  return [...changed.map(([name]) => name), ...committed.filter((name) => !fresh.has(name))];
}

/** Replaces `dir` with exactly `fresh`. */
export function writeTree(fresh: GeneratedTree, dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, files] of fresh) {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    for (const [file, content] of files) fs.writeFileSync(path.join(dir, name, file), content);
  }
}

/** `<script>`: rewrite `dir`; `<script> --check`: exit 1 naming the stale folders and the command that fixes them. */
export function runTreeGenerator(options: { dir: string; fixCommand: string; generate: () => GeneratedTree }): void {
  const fresh = options.generate();
  const shown = path.relative(path.join(__dirname, "..", ".."), options.dir);
  if (!process.argv.includes("--check")) {
    writeTree(fresh, options.dir);
    console.log(`Wrote ${shown}/ for ${[...fresh.keys()].join(", ")}.`);
    return;
  }
  const stale = staleFolders(fresh, options.dir);
  if (stale.length > 0) {
    console.error(`${shown} is stale for ${stale.join(", ")}: run ${options.fixCommand}`);
    process.exit(1);
  }
  console.log(`${shown} is up to date.`);
}
