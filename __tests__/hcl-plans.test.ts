/**
 * Ladder layer 4, the HCL's promise: for every AWS stack, `terraform plan` of the HCL root plans the
 * same addresses with the same values as the JSON root (both against the emulator, from an empty
 * state), and a deliberately changed HCL file is caught.
 */
import * as fs from "fs";
import * as path from "path";
import { HCL_DIR } from "../src/synthesize";
import { startEmulator, type Emulator } from "./support/emulator";
import { providersMissingFromMirror, synthesizeDefaultApp } from "./support/synthesized-app";
import { planDifferences, planJson, prepareWorkdir, terraformInit, type PlanJson } from "./support/terraform";

jest.setTimeout(15 * 60_000);

/** Values for the deploy-time variables that have no default (a plan needs them; nothing is applied). */
const INPUTS = { domain_name: "chat.recipe-chatbot.test", hosted_zone_id: "Z0123456789ABCDEFGHIJ" };

const { outdir, stacks } = synthesizeDefaultApp();
const awsStacks = stacks.filter((stack) => providersMissingFromMirror(path.join(outdir, "stacks", stack)).length === 0);

let emulator: Emulator;
const jsonPlans = new Map<string, PlanJson>();

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

/** A working copy of a root with the emulator's provider settings and the inputs, initialised and planned. */
async function plan(rootDir: string, edit?: (dir: string) => void): Promise<PlanJson> {
  const dir = prepareWorkdir(rootDir, { emulator });
  edit?.(dir);
  // Environment roots declare the inputs; the bootstrap root declares none (and would warn about them).
  const source = fs.readdirSync(dir).filter((file) => /\.tf(\.json)?$/.test(file)).map((file) => fs.readFileSync(path.join(dir, file), "utf8")).join("\n");
  if (source.includes("hosted_zone_id")) fs.writeFileSync(path.join(dir, "terraform.tfvars.json"), JSON.stringify(INPUTS));
  await terraformInit(dir, emulator.env);
  try {
    return await planJson(dir, emulator.env);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(awsStacks)("%s", (stack) => {
  it("HCL plans exactly what the JSON plans", async () => {
    const json = await plan(path.join(outdir, "stacks", stack));
    jsonPlans.set(stack, json);
    const hcl = await plan(path.join(outdir, HCL_DIR, stack));
    expect((json.resource_changes ?? []).length).toBeGreaterThan(10);
    expect(planDifferences(json, hcl)).toEqual([]);
  });
});

describe("the comparison", () => {
  it("catches a deliberately changed HCL file", async () => {
    const stack = "recipe-chatbot-bootstrap";
    const changed = await plan(path.join(outdir, HCL_DIR, stack), (dir) => {
      const file = path.join(dir, "main.tf");
      const hcl = fs.readFileSync(file, "utf8");
      const edited = hcl.replace(/deletion_window_in_days = 30/, "deletion_window_in_days = 29");
      expect(edited).not.toBe(hcl);
      fs.writeFileSync(file, edited);
    });
    expect(planDifferences(jsonPlans.get(stack)!, changed)).toEqual(["aws_kms_key.state_key"]);
  });
});
