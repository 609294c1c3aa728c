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

/** Stacks whose committed main.tf differs from `fresh`, plus committed folders no stack has any more. */
export function staleRoots(fresh: Map<string, string>, dir = COMMITTED_ROOTS_DIR): string[] {
  const committed = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const changed = [...fresh].filter(([stack, hcl]) => {
    const file = path.join(dir, stack, "main.tf");
    return !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== hcl;
  });
  return [...changed.map(([stack]) => stack), ...committed.filter((stack) => !fresh.has(stack))];
}

function write(fresh: Map<string, string>, dir = COMMITTED_ROOTS_DIR): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [stack, hcl] of fresh) {
    fs.mkdirSync(path.join(dir, stack), { recursive: true });
    fs.writeFileSync(path.join(dir, stack, "main.tf"), hcl);
  }
}

if (require.main === module) {
  const fresh = generateRoots();
  if (process.argv.includes("--check")) {
    const stale = staleRoots(fresh);
    if (stale.length > 0) {
      console.error(`terraform/stacks is stale for ${stale.join(", ")}: run npm run terraform:roots`);
      process.exit(1);
    }
    console.log("terraform/stacks is up to date.");
  } else {
    write(fresh);
    console.log(`Wrote terraform/stacks/ for ${[...fresh.keys()].join(", ")}.`);
  }
}
