/**
 * HCL modules for Terraform users, generated from the module library: terraform/modules/<name>/ with
 * main.tf, variables.tf, outputs.tf, versions.tf (provider requirements only: no provider or backend
 * block, so callers may use count and for_each) and a README with input and output tables.
 *
 *   npx tsx scripts/terraform/hcl-modules.ts           rewrite terraform/modules/
 *   npx tsx scripts/terraform/hcl-modules.ts --check   exit 1 when terraform/modules/ is stale
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ReadableStack } from "../../src/core/readable-stack";
import { HCL_DIR, synthesize } from "../../src/synthesize";
import { albModule } from "./hcl-modules/alb";
import { ecsServiceModule } from "./hcl-modules/ecs-service";
import { HclModuleInterface, type HclModuleSpec } from "./hcl-modules/hcl-module";
import { monitoringModule } from "./hcl-modules/monitoring";
import { networkingModule } from "./hcl-modules/networking";
import { renderReadme } from "./hcl-modules/readme";
import { secretsModule } from "./hcl-modules/secrets";
import { runTreeGenerator, staleFolders, type GeneratedTree } from "./generated-tree";

export const HCL_MODULES: readonly HclModuleSpec[] = [networkingModule, secretsModule, albModule, ecsServiceModule, monitoringModule];

export const HCL_MODULES_DIR = path.join(__dirname, "..", "..", "terraform", "modules");

/** Terraform 1.9 is the first to let a variable's validation name other variables. */
const REQUIRED_TERRAFORM = ">= 1.9";

const HEADER = (spec: HclModuleSpec) =>
  `# Generated from src/modules/${spec.name} by \`npm run terraform:modules\`; edit the construct or\n` +
  `# scripts/terraform/hcl-modules/${spec.name}.ts, not this file.\n\n`;

/** The module's root: the construct built from variables, under a provider block that is dropped later. */
class HclModuleStack extends ReadableStack {
  readonly io = new HclModuleInterface(this);

  constructor(scope: ConstructorParameters<typeof ReadableStack>[0], spec: HclModuleSpec) {
    super(scope, spec.name);
    // cdktf refuses resources without a provider construct; the block itself is not written out.
    new AwsProvider(this, "aws", {});
    spec.define(this, this.io);
  }
}

/** Module name -> file name -> content, freshly generated. */
export function generateModules(specs: readonly HclModuleSpec[] = HCL_MODULES): Map<string, Map<string, string>> {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hcl-modules-")), "out");
  try {
    const stacks = new Map<string, HclModuleStack>();
    synthesize({ outdir, build: (app) => specs.forEach((spec) => stacks.set(spec.name, new HclModuleStack(app, spec))) });
    return new Map(
      specs.map((spec) => {
        const files = splitRoot(unquoteReplaceTriggeredBy(fs.readFileSync(path.join(outdir, HCL_DIR, spec.name, "main.tf"), "utf8")));
        const header = HEADER(spec);
        return [
          spec.name,
          new Map([
            ["main.tf", header + files.main],
            ["variables.tf", header + files.variables],
            ["outputs.tf", header + files.outputs],
            ["versions.tf", header + files.versions],
            ["README.md", renderReadme(spec, stacks.get(spec.name)!.io)],
          ]),
        ];
      }),
    );
  } finally {
    fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
  }
}

/**
 * cdktf's HCL writes replace_triggered_by entries as templates ("${terraform_data.x}"), which validate
 * accepts and plan refuses ("Unexpected expression"): Terraform wants bare references there.
 */
export function unquoteReplaceTriggeredBy(hcl: string): string {
  return hcl.replace(/(replace_triggered_by = \[\n)((?:\s+"\$\{[^}]+\}",?\n)+)/g, (_, head: string, items: string) => head + items.replace(/"\$\{([^}]+)\}"/g, "$1"));
}

/** A root's top-level blocks (terraform fmt output: each opens and closes at column 0). */
function topLevelBlocks(hcl: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of hcl.split("\n")) {
    if (current.length === 0 && line.trim() === "") continue;
    current.push(line);
    if (line === "}") {
      blocks.push(current.join("\n"));
      current = [];
    }
  }
  if (current.some((line) => line.trim() !== "")) throw new Error(`Unterminated top-level block:\n${current.join("\n")}`);
  return blocks;
}

/** Sorts a root's blocks into the module's files; the provider block and the backend go. */
export function splitRoot(hcl: string): { main: string; variables: string; outputs: string; versions: string } {
  const files = { main: [] as string[], variables: [] as string[], outputs: [] as string[], versions: [] as string[] };
  for (const block of topLevelBlocks(hcl)) {
    const keyword = block.split(/[\s{]/, 1)[0];
    if (keyword === "provider") continue;
    if (keyword === "variable") files.variables.push(block);
    else if (keyword === "output") files.outputs.push(block);
    else if (keyword === "terraform") files.versions.push(moduleTerraformBlock(block));
    else files.main.push(block);
  }
  const join = (blocks: string[]) => `${blocks.join("\n\n")}\n`;
  return { main: join(files.main), variables: join(files.variables), outputs: join(files.outputs), versions: join(files.versions) };
}

/** The root's `terraform` block without its backend, and with the Terraform version the validations need. */
function moduleTerraformBlock(block: string): string {
  const withoutBackend = block.replace(/\n {2}backend "[^"]+" \{\n(?: {4}.*\n)* {2}\}\n/, "\n");
  return withoutBackend.replace(/^terraform \{\n/, `terraform {\n  required_version = "${REQUIRED_TERRAFORM}"\n`).replace(/\n\n+/g, "\n");
}

/** Modules whose committed files differ from `fresh`, plus committed folders no module has any more. */
export const staleModules = (fresh: GeneratedTree, dir = HCL_MODULES_DIR): string[] => staleFolders(fresh, dir);

if (require.main === module) {
  runTreeGenerator({ dir: HCL_MODULES_DIR, fixCommand: "npm run terraform:modules", generate: generateModules });
}
