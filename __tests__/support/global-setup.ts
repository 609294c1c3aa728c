import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runTerraform } from "./terraform";

/** The hashicorp/aws version the provider bindings were generated for, and so the one every stack pins. */
const AWS_PROVIDER_VERSION: string = require("@cdktf/provider-aws/package.json").cdktf.provider.version;

/**
 * Jest's global setup: installs hashicorp/aws into the shared plugin cache once, before the layers'
 * suites run `terraform init` side by side. Terraform does not lock its plugin cache, so parallel
 * first installs into an empty cache could interleave (scripts/terraform/cli-config.ts).
 */
export default async function warmTerraformPluginCache(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-warm-"));
  try {
    const requirement = { terraform: { required_providers: { aws: { source: "hashicorp/aws", version: AWS_PROVIDER_VERSION } } } };
    fs.writeFileSync(path.join(dir, "versions.tf.json"), JSON.stringify(requirement));
    await runTerraform(["init", "-backend=false"], { cwd: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
