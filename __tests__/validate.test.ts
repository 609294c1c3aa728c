import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildRecipeChatbotApp } from "../src/app";
import { resolveEnvironments } from "../src/config";
import { HCL_DIR, synthesize } from "../src/synthesize";
import { prepareWorkdir, runTerraform, terraformInitValidate } from "./support/terraform";

// Ladder layers 2 and 4: every stack, as JSON and as generated HCL, passes terraform validate,
// and the HCL is terraform-fmt clean. Providers come from TF_PROVIDER_MIRROR when it is set.
jest.setTimeout(10 * 60 * 1000);

const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "validate-")), "cdktf.out");
const stacks = synthesize({ outdir, build: (app) => buildRecipeChatbotApp(app, { environments: resolveEnvironments() }) });

describe.each(stacks)("%s", (stack) => {
  it("JSON passes terraform validate", async () => {
    await terraformInitValidate(prepareWorkdir(path.join(outdir, "stacks", stack)));
  });

  it("HCL is fmt-clean and passes terraform validate", async () => {
    const hclDir = path.join(outdir, HCL_DIR, stack);
    expect(fs.readdirSync(hclDir)).toEqual(["main.tf"]);
    await runTerraform(["fmt", "-check", "-diff", "."], { cwd: hclDir });
    await terraformInitValidate(prepareWorkdir(hclDir));
  });
});
