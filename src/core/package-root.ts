import * as fs from "fs";
import * as path from "path";

/** The `name` in this package's package.json. */
export const PACKAGE_NAME = "recipe-chatbot-infra";

const roots = new Map<string, string>();

/**
 * The directory of the nearest package.json named recipe-chatbot-infra at or above `from` (default:
 * this file's directory). It is the same directory whichever way the code runs: from the sources
 * (src/core under tsx or ts-jest: the repository root) and from the compiled package (dist/core in
 * node_modules/recipe-chatbot-infra: the installed package). The walk stops at this package's own
 * package.json, so it never finds a same-named file in the consuming project above it.
 */
export function packageRoot(from: string = __dirname): string {
  const start = path.resolve(from);
  const known = roots.get(start);
  if (known) return known;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isThisPackage(path.join(dir, "package.json"))) {
      roots.set(start, dir);
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json named ${PACKAGE_NAME} at or above ${start}`);
  }
}

/**
 * A file the library reads at run time, by its path relative to the package root (e.g.
 * "assets/deploy.yml"). It must be listed in package.json "files", or the published package lacks it.
 */
export function packageFile(relative: string): string {
  return path.join(packageRoot(), relative);
}

function isThisPackage(manifest: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false; // no package.json here, or not readable JSON: keep walking
  }
}
