/**
 * terraform/stacks/<stack>/main.tf is the HCL of the committed configuration, never stale: CI fails
 * when a change to the code is not followed by `npm run terraform:roots`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { COMMITTED_ROOTS_DIR, generateRoots, staleRoots } from "../scripts/terraform/committed-roots";

describe("committed Terraform roots (terraform/stacks)", () => {
  const fresh = generateRoots();

  it("hold exactly the stacks of the app, each identical to a fresh synthesis (else: npm run terraform:roots)", () => {
    expect(fs.readdirSync(COMMITTED_ROOTS_DIR).sort()).toEqual([...fresh.keys()].sort());
    expect(staleRoots(fresh)).toEqual([]);
  });

  it("reports a changed file and a folder no stack has any more", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roots-"));
    for (const [stack, hcl] of fresh) {
      fs.mkdirSync(path.join(dir, stack));
      fs.writeFileSync(path.join(dir, stack, "main.tf"), hcl);
    }
    expect(staleRoots(fresh, dir)).toEqual([]);
    fs.appendFileSync(path.join(dir, "recipe-chatbot-prod", "main.tf"), '\noutput "x" {\n  value = 1\n}\n');
    fs.mkdirSync(path.join(dir, "recipe-chatbot-qa"));
    expect(staleRoots(fresh, dir)).toEqual(["recipe-chatbot-prod", "recipe-chatbot-qa"]);
  });

  it("are plain Terraform roots: no machine path, a relative local backend", () => {
    for (const [stack, hcl] of fresh) {
      expect(hcl).not.toContain(process.cwd());
      expect(hcl).toContain(`path = "terraform.${stack}.tfstate"`);
    }
  });
});
