import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeTerraformCliConfig } from "../../scripts/terraform/cli-config";
import type { Emulator } from "./emulator";

/** An attribute the emulator cannot round-trip, so a plan after apply always shows it changed. */
export interface EmulatorDriftGap {
  resourceType: string;
  attribute: string;
  reason: string;
}

/**
 * The only drift the no-drift check ignores. Keep it in step with the list at the top of
 * scripts/emulator/moto_launcher.py; prefer patching the launcher over adding an entry here.
 * Empty: every gap found so far is patched there.
 */
export const EMULATOR_DRIFT_GAPS: readonly EmulatorDriftGap[] = [];

export interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TerraformRunOptions {
  cwd: string;
  /** Variables layered over process.env; an `undefined` value unsets one. E.g. `emulator.env`. */
  env?: NodeJS.ProcessEnv;
  /** Exit codes that resolve rather than reject. Default: [0]. */
  allowedExitCodes?: number[];
}

/** A change `terraform plan` would make, with the top-level attributes it touches. */
export interface PlannedChange {
  address: string;
  actions: string[];
  attributes: string[];
}

/** The parts of `terraform show -json <plan>` the harness reads. */
export interface PlanJson {
  resource_changes?: {
    address: string;
    type: string;
    change: {
      actions: string[];
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      after_unknown?: Record<string, unknown>;
    };
  }[];
  output_changes?: Record<string, { actions: string[]; after?: unknown; after_unknown?: unknown }>;
}

/** The parts of a `*.tf.json` file that prepareWorkdir reads. */
interface JsonStackConfig {
  provider?: { aws?: AwsProviderBlock | AwsProviderBlock[] };
  terraform?: { backend?: { local?: object } };
}

interface AwsProviderBlock {
  alias?: string;
}


const OVERRIDE_FILE = "zz_emulator_override.tf.json";
const PLAN_FILE = "harness.tfplan";

/**
 * Provider settings for the emulator, merged into every `aws` provider block. The endpoint is not
 * among them: it comes from `emulator.env` (AWS_ENDPOINT_URL), which also reaches an S3 backend.
 */
const EMULATOR_PROVIDER_SETTINGS = {
  // Room for transport errors (a reply lost on a closed connection, a reset, a timeout) under load.
  // Failing fast on what moto cannot do needs no small budget: the launcher answers it with HTTP
  // 501, which no AWS SDK retries, and replays a retried call's first reply instead of running it twice.
  max_retries: 10,
  s3_use_path_style: true, // bucket names cannot be subdomains of 127.0.0.1
  skip_credentials_validation: true,
  skip_metadata_api_check: true,
};

let cliConfigFile: string | undefined;

/**
 * Runs `terraform <args> -no-color` (Terraform accepts `-no-color` after positional arguments too)
 * with the harness's CLI configuration (scripts/terraform/cli-config.ts), TF_IN_AUTOMATION and
 * TF_INPUT=0, so a missing variable fails instead of waiting for input. Rejects with the tails of
 * stdout and stderr when the exit code is not allowed.
 */
export function runTerraform(args: string[], opts: TerraformRunOptions): Promise<TerraformResult> {
  const env = terraformEnv(opts.env);
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", [...args, "-no-color"], { cwd: opts.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code !== null && (opts.allowedExitCodes ?? [0]).includes(code)) {
        resolve({ code, stdout, stderr });
        return;
      }
      const tail = (text: string) => text.slice(-6000).trimEnd();
      reject(
        new Error(
          `terraform ${args.join(" ")} (in ${opts.cwd}) exited with ${code ?? signal}\n` +
            `--- stdout (tail) ---\n${tail(stdout)}\n--- stderr (tail) ---\n${tail(stderr)}`
        )
      );
    });
  });
}

/**
 * Copies a synthesized stack directory (`cdk.tf.json`, or HCL `*.tf`) into a fresh directory under
 * os.tmpdir() and returns its path; the caller removes it. Leftover `.terraform` directories and
 * state files are not copied.
 *
 * With an emulator, it also writes an override file, leaving the stack's own files untouched:
 * - every `aws` provider configuration gets EMULATOR_PROVIDER_SETTINGS and `allowed_account_ids =
 *   [emulator.accountId]`, so a run that lacks `emulator.env` fails instead of touching whatever
 *   account the environment's credentials belong to. Terraform merges override provider blocks by
 *   name and alias: the default block is written always (it may override an implicit one), an
 *   aliased block only for an alias the stack declares (one without a base block is an error);
 * - a `local` backend is pointed at `terraform.tfstate` in the copy. cdktf writes the local backend
 *   path as an absolute path into the project (`<cwd>/terraform.<stack>.tfstate`), so without this
 *   the tests would share, and could overwrite, a developer's real local state. Other backends
 *   (S3 against the emulator) are left as they are.
 */
export function prepareWorkdir(stackDir: string, opts: { emulator?: Emulator } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tf-${path.basename(stackDir)}-`));
  fs.cpSync(stackDir, dir, {
    recursive: true,
    filter: (source) => !/^(\.terraform|.*\.tfstate(\..*)?)$/.test(path.basename(source)),
  });
  if (opts.emulator) writeEmulatorOverride(dir, opts.emulator);
  return dir;
}

/** The emulator override file of prepareWorkdir, written into a root directory in place. */
export function writeEmulatorOverride(dir: string, emulator: Emulator): void {
  const { awsAliases, localBackend } = readStackConfig(dir);
  const settings = { ...EMULATOR_PROVIDER_SETTINGS, allowed_account_ids: [emulator.accountId] };
  const override = {
    provider: { aws: [settings, ...awsAliases.map((alias) => ({ alias, ...settings }))] },
    ...(localBackend && { terraform: { backend: { local: { path: "terraform.tfstate" } } } }),
  };
  fs.writeFileSync(path.join(dir, OVERRIDE_FILE), JSON.stringify(override, null, 2));
}

/** The environment runTerraform gives Terraform (CLI configuration with the mirror, no prompts), for other CLIs that run it. */
export function terraformEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  cliConfigFile ??= writeTerraformCliConfig(fs.mkdtempSync(path.join(os.tmpdir(), "tf-cli-")));
  return { ...process.env, ...extra, TF_CLI_CONFIG_FILE: cliConfigFile, TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
}

/** `terraform init` without a backend, then `terraform validate`: needs no credentials. */
export async function terraformInitValidate(dir: string): Promise<void> {
  await runTerraform(["init", "-backend=false"], { cwd: dir });
  await runTerraform(["validate"], { cwd: dir });
}

/** `terraform init`, backend included (an S3 backend needs `emulator.env`). */
export function terraformInit(dir: string, env?: NodeJS.ProcessEnv): Promise<TerraformResult> {
  return runTerraform(["init"], { cwd: dir, env });
}

/** `terraform apply -auto-approve`. */
export function apply(dir: string, env: NodeJS.ProcessEnv): Promise<TerraformResult> {
  return runTerraform(["apply", "-auto-approve"], { cwd: dir, env });
}

/** `terraform destroy -auto-approve`. */
export function destroy(dir: string, env: NodeJS.ProcessEnv): Promise<TerraformResult> {
  return runTerraform(["destroy", "-auto-approve"], { cwd: dir, env });
}

/**
 * Plans, and returns what the plan would change (resources and outputs) apart from
 * EMULATOR_DRIFT_GAPS. Right after an apply this must be empty. The plan is read back (`show -json`,
 * which loads the provider's schema: about 5 s of CPU) only when Terraform reports changes.
 */
export async function planChanges(dir: string, env: NodeJS.ProcessEnv): Promise<PlannedChange[]> {
  const { code } = await runTerraform(["plan", "-detailed-exitcode", `-out=${PLAN_FILE}`], { cwd: dir, env, allowedExitCodes: [0, 2] });
  if (code === 0) return [];
  const { stdout } = await runTerraform(["show", "-json", PLAN_FILE], { cwd: dir, env });
  return unexpectedChanges(JSON.parse(stdout) as PlanJson);
}

/** `terraform plan` to a file, read back with `show -json`. */
export async function planJson(dir: string, env: NodeJS.ProcessEnv): Promise<PlanJson> {
  await runTerraform(["plan", `-out=${PLAN_FILE}`], { cwd: dir, env });
  const { stdout } = await runTerraform(["show", "-json", PLAN_FILE], { cwd: dir, env });
  return JSON.parse(stdout) as PlanJson;
}

/**
 * Where two plans differ: every resource or output address planned by only one of them, or with other
 * actions, other planned values, or other values left unknown until apply.
 */
export function planDifferences(a: PlanJson, b: PlanJson): string[] {
  const planned = (plan: PlanJson) =>
    new Map([
      ...(plan.resource_changes ?? []).map((r) => [r.address, canonical([r.change.actions, r.change.after, r.change.after_unknown])] as const),
      ...Object.entries(plan.output_changes ?? {}).map(([name, o]) => [`output.${name}`, canonical(o)] as const),
    ]);
  const [left, right] = [planned(a), planned(b)];
  const addresses = [...new Set([...left.keys(), ...right.keys()])].sort();
  return addresses.filter((address) => left.get(address) !== right.get(address));
}

/** JSON with object keys sorted, so key order never counts as a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

/** The changes in a plan, except updates that touch nothing but the given emulator gaps. */
export function unexpectedChanges(
  plan: PlanJson,
  gaps: readonly EmulatorDriftGap[] = EMULATOR_DRIFT_GAPS
): PlannedChange[] {
  const isChange = (actions: string[]) => actions.join() !== "no-op";
  const isGap = (type: string, attribute: string) =>
    gaps.some((gap) => gap.resourceType === type && gap.attribute === attribute);
  const changes: PlannedChange[] = [];
  for (const { address, type, change } of plan.resource_changes ?? []) {
    if (!isChange(change.actions)) continue;
    const attributes = changedAttributes(change);
    const onlyGaps =
      change.actions.join() === "update" && attributes.length > 0 && attributes.every((name) => isGap(type, name));
    if (!onlyGaps) changes.push({ address, actions: change.actions, attributes });
  }
  for (const [name, change] of Object.entries(plan.output_changes ?? {})) {
    if (isChange(change.actions)) changes.push({ address: `output.${name}`, actions: change.actions, attributes: [] });
  }
  return changes;
}

/**
 * Every address in a state, data sources and child modules included (`terraform state list`, which
 * needs no provider, unlike `show -json`).
 */
export async function stateAddresses(dir: string, env?: NodeJS.ProcessEnv): Promise<string[]> {
  const { stdout } = await runTerraform(["state", "list"], { cwd: dir, env });
  return stdout.split("\n").filter((line) => line.trim() !== "");
}

type PlanChange = NonNullable<PlanJson["resource_changes"]>[number]["change"];

function changedAttributes({ before, after, after_unknown }: PlanChange): string[] {
  // after_unknown mirrors the attribute's shape with `true` wherever a value is known only after apply.
  const hasUnknown = (marks: unknown): boolean =>
    marks === true || (typeof marks === "object" && marks !== null && Object.values(marks).some(hasUnknown));
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...names]
    .filter(
      (name) => hasUnknown(after_unknown?.[name]) || JSON.stringify(before?.[name]) !== JSON.stringify(after?.[name])
    )
    .sort();
}

/**
 * The aliases of the stack's `aws` provider blocks, and whether its backend is `local`. HCL is read
 * with patterns that rely on top-level blocks starting and ending at column 0, as `terraform fmt`
 * writes them.
 */
function readStackConfig(dir: string): { awsAliases: string[]; localBackend: boolean } {
  const aliases = new Set<string>();
  let localBackend = false;
  const configFiles = fs.readdirSync(dir).filter((name) => /\.tf(\.json)?$/.test(name) && !/override\.tf/.test(name));
  for (const file of configFiles) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    if (file.endsWith(".json")) {
      const config = JSON.parse(text) as JsonStackConfig;
      const aws = config.provider?.aws ?? [];
      for (const { alias } of Array.isArray(aws) ? aws : [aws]) if (alias) aliases.add(alias);
      localBackend ||= config.terraform?.backend?.local !== undefined;
    } else {
      for (const [, body] of text.matchAll(/^provider\s+"aws"\s*\{\n([\s\S]*?)^\}/gm)) {
        const alias = /^\s*alias\s*=\s*"([^"]+)"/m.exec(body)?.[1];
        if (alias) aliases.add(alias);
      }
      localBackend ||= /^\s*backend\s+"local"\s*\{/m.test(text);
    }
  }
  return { awsAliases: [...aliases], localBackend };
}
