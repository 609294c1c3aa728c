/**
 * The cdktf CLI verbs the project's users run, end to end through cdktf.json exactly as a user would:
 * `cdktf deploy recipe-chatbot-dev`, then `cdktf diff` (no changes), then `cdktf destroy`, against
 * the emulator. `--skip-provider-lock`: cdktf otherwise runs `terraform providers lock`, which ignores
 * the CLI configuration's mirror and fails without registry access (README "Offline machines").
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import { CLUSTER_NAME } from "../../src/config";
import { sdkConfig, startEmulator, type Emulator } from "../support/emulator";
import { writeEnvironmentInputs } from "../support/environment-inputs";
import { runTerraform, stateAddresses, terraformEnv, writeEmulatorOverride } from "../support/terraform";

jest.setTimeout(20 * 60_000);

const STACK = "recipe-chatbot-dev";
const REPO = path.join(__dirname, "..", "..");

let emulator: Emulator;
let outdir: string;
let stackDir: string;

/** `npx cdktf <args>` in the repository, output into the test's own directory; resolves with stdout, rejects with its tail. */
function cdktf(args: string[]): Promise<string> {
  const env = terraformEnv({ ...emulator.env, CI: "1", CHECKPOINT_DISABLE: "1", FORCE_COLOR: "0" });
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["cdktf", ...args, "--output", outdir, "--skip-provider-lock", "--no-color"], { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`cdktf ${args.join(" ")} exited ${code}:\n${output.slice(-4000)}`))));
  });
}

beforeAll(async () => {
  emulator = await startEmulator();
  outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-cli-")), "cdktf.out");
  // What an operator sets up once beside the synthesized root, and synth leaves in place: the
  // deploy-time inputs (terraform.tfvars.json) and, here only, the emulator's provider settings.
  await cdktf(["synth"]);
  stackDir = path.join(outdir, "stacks", STACK);
  writeEmulatorOverride(stackDir, emulator);
  await writeEnvironmentInputs(emulator, stackDir);
});

afterAll(async () => {
  await emulator?.stop();
  if (outdir) fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
});

describe("the cdktf CLI against the emulator", () => {
  it("cdktf deploy recipe-chatbot-dev creates the stack", async () => {
    await cdktf(["deploy", STACK, "--auto-approve"]);
    const { services = [] } = await new ECSClient(sdkConfig(emulator)).send(
      new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: ["recipe-chatbot-backend", "recipe-chatbot-frontend"] }),
    );
    expect(services.map((s) => s.status)).toEqual(["ACTIVE", "ACTIVE"]);
  });

  it("cdktf diff then shows no changes", async () => {
    expect(await cdktf(["diff", STACK])).toMatch(/No changes\. Your infrastructure matches the configuration\./);
  });

  it("cdktf destroy removes everything", async () => {
    await cdktf(["destroy", STACK, "--auto-approve"]);
    await runTerraform(["init"], { cwd: stackDir, env: emulator.env });
    expect(await stateAddresses(stackDir, emulator.env)).toEqual([]);
  });
});
