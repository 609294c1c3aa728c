import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CreateHostedZoneCommand, Route53Client } from "@aws-sdk/client-route-53";
import { buildRecipeChatbotApp, type RecipeChatbotAppConfig } from "../../src/app";
import { resolveEnvironments, type ConfigOverrides } from "../../src/config";
import { synthesize } from "../../src/synthesize";
import { sdkConfig, type Emulator } from "./emulator";

/** The emulator tests' public zone and the chatbot's name in it. */
export const TEST_ZONE = "recipe-chatbot.test";
export const TEST_DOMAIN = `chat.${TEST_ZONE}`;

/** Synthesizes the project (JSON only) with just the given environment; returns the output directory. */
export function synthesizeFor(environment: string, project?: RecipeChatbotAppConfig["project"], overrides: ConfigOverrides = {}): string {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `synth-${environment}-`)), "cdktf.out");
  const environments = resolveEnvironments(overrides).filter((e) => e.name === environment);
  synthesize({ outdir, hcl: false, build: (app) => buildRecipeChatbotApp(app, { environments, project }) });
  return outdir;
}

/**
 * An environment stack's deploy-time inputs, made the way an operator would: the hosted zone (which
 * usually predates the stack) in the emulator, and terraform.tfvars.json in the working directory.
 */
export async function writeEnvironmentInputs(emulator: Emulator, dir: string, extra: Record<string, unknown> = {}): Promise<{ hostedZoneId: string }> {
  const zone = await new Route53Client(sdkConfig(emulator)).send(
    new CreateHostedZoneCommand({ Name: TEST_ZONE, CallerReference: `${path.basename(dir)}-${Date.now()}` }),
  );
  const hostedZoneId = zone.HostedZone!.Id!.replace("/hostedzone/", "");
  fs.writeFileSync(path.join(dir, "terraform.tfvars.json"), JSON.stringify({ domain_name: TEST_DOMAIN, hosted_zone_id: hostedZoneId, ...extra }));
  return { hostedZoneId };
}
