import * as fs from "fs";
import * as path from "path";
import { HCL_DIR } from "../src/synthesize";
import { itHoldsNoAwsResource, providersMissingFromMirror, synthesizeDefaultApp } from "./support/synthesized-app";
import { prepareWorkdir, runTerraform, terraformInitValidate } from "./support/terraform";

// Ladder layer 4: every stack's generated HCL is terraform-fmt clean and passes terraform validate.
jest.setTimeout(10 * 60 * 1000);

const { outdir, stacks } = synthesizeDefaultApp();

describe.each(stacks)("%s", (stack) => {
  const hclDir = path.join(outdir, HCL_DIR, stack);
  const jsonDir = path.join(outdir, "stacks", stack);
  const missing = providersMissingFromMirror(jsonDir);

  it("HCL is terraform fmt clean", async () => {
    expect(fs.readdirSync(hclDir)).toEqual(["main.tf"]);
    await runTerraform(["fmt", "-check", "-diff", "."], { cwd: hclDir });
  });

  if (missing.length === 0) {
    it("HCL passes terraform validate", async () => {
      await terraformInitValidate(prepareWorkdir(hclDir));
    });
  } else {
    itHoldsNoAwsResource(jsonDir, missing);
  }
});
