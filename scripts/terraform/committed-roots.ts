/**
 * The HCL of every stack, synthesized with the repository's committed configuration (the defaults),
 * committed under terraform/stacks/<stack>/main.tf: a pull request shows the infrastructure change in
 * plain Terraform, and a Terraform Cloud VCS-driven workspace points its working directory there.
 *
 *   npx tsx scripts/terraform/committed-roots.ts           rewrite terraform/stacks/
 *   npx tsx scripts/terraform/committed-roots.ts --check   exit 1 when terraform/stacks/ is stale
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildRecipeChatbotApp } from "../../src/app";
import { resolveConfig } from "../../src/config";
import { HCL_DIR, synthesize } from "../../src/synthesize";
import { runTreeGenerator, staleFolders, type GeneratedTree } from "./generated-tree";

export const COMMITTED_ROOTS_DIR = path.join(__dirname, "..", "..", "terraform", "stacks");

/** Stack name -> its main.tf, freshly synthesized (JSON into a temporary directory, HCL read back). */
export function generateRoots(): Map<string, string> {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "committed-roots-")), "cdktf.out");
  try {
    const stacks = synthesize({ outdir, build: (app) => buildRecipeChatbotApp(app, resolveConfig({})) });
    return new Map(stacks.map((stack) => [stack, fs.readFileSync(path.join(outdir, HCL_DIR, stack, "main.tf"), "utf8")]));
  } finally {
    fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
  }
}

/** One main.tf per stack folder. */
const asTree = (roots: ReadonlyMap<string, string>): GeneratedTree => new Map([...roots].map(([stack, hcl]) => [stack, new Map([["main.tf", hcl]])]));

/** Stacks whose committed main.tf differs from `fresh`, plus committed folders no stack has any more. */
export const staleRoots = (fresh: ReadonlyMap<string, string>, dir = COMMITTED_ROOTS_DIR): string[] => staleFolders(asTree(fresh), dir);

if (require.main === module) {
  runTreeGenerator({ dir: COMMITTED_ROOTS_DIR, fixCommand: "npm run terraform:roots", generate: () => asTree(generateRoots()) });
}
