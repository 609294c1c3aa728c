import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CreateHostedZoneCommand, Route53Client } from "@aws-sdk/client-route-53";
import { buildRecipeChatbotApp, type RecipeChatbotAppConfig } from "../../src/app";
import { resolveEnvironments, type ConfigOverrides } from "../../src/config";
import { environmentStackName } from "../../src/core/naming";
import { synthesize } from "../../src/synthesize";
import { sdkConfig, startEmulator, type Emulator } from "./emulator";
import { PhaseRecorder } from "./recording";
import { apply, prepareWorkdir, terraformInit } from "./terraform";

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
 * A root's DNS inputs, made the way an operator would: the public hosted zone `zone` (which usually
 * predates the stack) in the emulator, and terraform.tfvars.json in `dir` naming it and `domain`.
 */
export async function writeDnsInputs(
  emulator: Emulator,
  dir: string,
  dns: { zone: string; domain: string },
  extra: Record<string, unknown> = {},
): Promise<{ hostedZoneId: string }> {
  const created = await new Route53Client(sdkConfig(emulator)).send(
    new CreateHostedZoneCommand({ Name: dns.zone, CallerReference: `${path.basename(dir)}-${Date.now()}` }),
  );
  const hostedZoneId = created.HostedZone!.Id!.replace("/hostedzone/", "");
  fs.writeFileSync(path.join(dir, "terraform.tfvars.json"), JSON.stringify({ domain_name: dns.domain, hosted_zone_id: hostedZoneId, ...extra }));
  return { hostedZoneId };
}

/** An environment stack's deploy-time inputs: the test zone and name (writeDnsInputs), plus `extra`. */
export function writeEnvironmentInputs(emulator: Emulator, dir: string, extra: Record<string, unknown> = {}): Promise<{ hostedZoneId: string }> {
  return writeDnsInputs(emulator, dir, { zone: TEST_ZONE, domain: TEST_DOMAIN }, extra);
}

/** An environment stack applied to its own emulator, its apply recorded. */
export interface AppliedStack {
  emulator: Emulator;
  /** Terraform's working directory. */
  dir: string;
  /** The suite's recording, by phase (the apply already in it). */
  recorder: PhaseRecorder;
  hostedZoneId: string;
}

/**
 * What an emulator suite's beforeAll does for an environment stack: synthesizes `environment` with
 * `overrides`, starts an emulator (with `serverEnv`), writes the deploy-time inputs (plus `tfvars`),
 * and applies, recorded as the "apply" phase of the suite `suite`. On a failure it stops the emulator
 * and removes the directory itself, as the suite never gets them.
 */
export async function applyEnvironmentStack(
  environment: string,
  options: { suite: string; overrides?: ConfigOverrides; tfvars?: Record<string, unknown>; serverEnv?: NodeJS.ProcessEnv },
): Promise<AppliedStack> {
  const outdir = synthesizeFor(environment, undefined, options.overrides);
  const emulator = await startEmulator({ serverEnv: options.serverEnv });
  const recorder = new PhaseRecorder(options.suite, () => emulator);
  const dir = prepareWorkdir(path.join(outdir, "stacks", environmentStackName(environment)), { emulator });
  try {
    const { hostedZoneId } = await writeEnvironmentInputs(emulator, dir, options.tfvars);
    await terraformInit(dir, emulator.env);
    await recorder.run("apply", () => apply(dir, emulator.env));
    return { emulator, dir, recorder, hostedZoneId };
  } catch (error) {
    await releaseEnvironmentStack({ emulator, dir });
    throw error;
  }
}

/** What its afterAll does: stops the emulator and removes Terraform's directory. */
export async function releaseEnvironmentStack(applied: Pick<AppliedStack, "emulator" | "dir"> | undefined): Promise<void> {
  await applied?.emulator.stop();
  if (applied) fs.rmSync(applied.dir, { recursive: true, force: true });
}
