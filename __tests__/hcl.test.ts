import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HCL_DIR } from "../src/synthesize";
import { itHoldsNoAwsResource, providersMissingFromMirror, synthesizeDefaultApp } from "./support/synthesized-app";
import { runTerraform } from "./support/terraform";

// Ladder layer 4: every stack's generated HCL is terraform-fmt clean and portable; hcl-plans.test.ts plans it.
jest.setTimeout(10 * 60 * 1000);

const { outdir, stacks } = synthesizeDefaultApp();

describe("the synthesized output is portable", () => {
  it("holds no path of the machine that synthesized it, in any file", () => {
    // The output directory (under the temporary directory), the repository, the home directory:
    // os.tmpdir() itself ("/tmp") is left out, the tasks' scratch volume is legitimately mounted there.
    const machinePaths = [outdir, path.dirname(outdir), process.cwd(), `${os.homedir()}/`];
    const files = fs.readdirSync(outdir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = fs.readFileSync(path.join(file.parentPath, file.name), "utf8");
      const found = machinePaths.filter((machinePath) => text.includes(machinePath));
      // Whatever the machine: no absolute path to a state file or to installed packages either.
      const absolute = text.match(/"\/[^"]*(\.tfstate|node_modules)[^"]*"/g) ?? [];
      expect({ file: file.name, found, absolute }).toEqual({ file: file.name, found: [], absolute: [] });
    }
  });

  it("keeps local state beside each root, by a relative path", () => {
    for (const stack of stacks) {
      const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
      expect(json.terraform.backend).toEqual({ local: { path: `terraform.${stack}.tfstate` } });
    }
  });
});

describe.each(stacks)("%s", (stack) => {
  const hclDir = path.join(outdir, HCL_DIR, stack);
  const jsonDir = path.join(outdir, "stacks", stack);
  const missing = providersMissingFromMirror(jsonDir);

  it("HCL is terraform fmt clean, without stray blank lines", async () => {
    expect(fs.readdirSync(hclDir)).toEqual(["main.tf"]);
    await runTerraform(["fmt", "-check", "-diff", "."], { cwd: hclDir });
    const hcl = fs.readFileSync(path.join(hclDir, "main.tf"), "utf8");
    expect(hcl).not.toMatch(/\n[ \t]*\n[ \t]*\n/);
    expect(hcl).not.toMatch(/\{\n[ \t]*\n/);
    expect(hcl).not.toMatch(/\n[ \t]*\n[ \t]*\}/);
  });

  it("names providers by their full source, with a version range, in JSON and HCL alike", () => {
    const json = JSON.parse(fs.readFileSync(path.join(jsonDir, "cdk.tf.json"), "utf8"));
    const hcl = fs.readFileSync(path.join(hclDir, "main.tf"), "utf8");
    for (const [name, requirement] of Object.entries(json.terraform.required_providers as Record<string, { source: string; version: string }>)) {
      expect(requirement.source).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(requirement.version).toMatch(/^>= \d+\.\d+\.\d+, < \d+\.0\.0$/);
      expect(hcl).toContain(`source  = "${requirement.source}"`);
      expect(name).toBe(requirement.source.split("/")[1]);
    }
  });

  // An AWS stack's HCL is planned against the emulator in hcl-plans.test.ts (a plan validates first).
  if (missing.length > 0) itHoldsNoAwsResource(jsonDir, missing);
});
