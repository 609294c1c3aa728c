import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildRecipeChatbotApp } from "../../src/app";
import { resolveConfig } from "../../src/config";
import { synthesize } from "../../src/synthesize";

/** The whole app with its default configuration, synthesized (JSON and HCL) into a fresh temporary directory. */
export function synthesizeDefaultApp(): { outdir: string; stacks: string[] } {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ladder-")), "cdktf.out");
  const stacks = synthesize({ outdir, build: (app) => buildRecipeChatbotApp(app, resolveConfig()) });
  return { outdir, stacks };
}

/** Terraform's provider source shorthand to a full address: aws -> registry.terraform.io/hashicorp/aws. */
function providerAddress(source: string): string {
  const parts = source.split("/");
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${source}`;
  return parts.length === 2 ? `registry.terraform.io/${source}` : source;
}

/** Providers a synthesized stack needs that the offline mirror (TF_PROVIDER_MIRROR) does not hold; none without a mirror. */
export function providersMissingFromMirror(stackJsonDir: string): string[] {
  const mirror = process.env.TF_PROVIDER_MIRROR;
  if (!mirror) return [];
  const json = JSON.parse(fs.readFileSync(path.join(stackJsonDir, "cdk.tf.json"), "utf8"));
  return Object.values(json.terraform.required_providers as Record<string, { source: string }>)
    .map(({ source }) => providerAddress(source))
    .filter((address) => !fs.existsSync(path.join(mirror, address)));
}

/**
 * The test to declare instead of a validate test when a stack's providers are missing from the
 * mirror: said in the test output, not passed silently. It asserts that skipping loses no AWS
 * coverage: such a stack holds no AWS resource at all (it is covered by its unit tests).
 */
export function itHoldsNoAwsResource(stackJsonDir: string, missing: string[]): void {
  it(`validate skipped: ${missing.join(", ")} not in the offline mirror ${process.env.TF_PROVIDER_MIRROR}; the stack holds no AWS resource`, () => {
    const json = JSON.parse(fs.readFileSync(path.join(stackJsonDir, "cdk.tf.json"), "utf8"));
    expect(missing).not.toContain("registry.terraform.io/hashicorp/aws");
    expect(Object.keys(json.resource).filter((type) => type.startsWith("aws_"))).toEqual([]);
    expect(json.provider.aws).toBeUndefined();
  });
}
