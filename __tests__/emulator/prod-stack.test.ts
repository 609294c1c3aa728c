/**
 * Ladder layer 3 for production's shape (NAT per zone, interface endpoints, blocking WAF, more
 * alarms): the prod stack applied to moto, planned clean, changed and re-applied, destroyed to
 * nothing; each phase recorded for the CI roles' coverage (role-coverage.ts). The SDK reads of the
 * applied state live in dev-stack.test.ts; this suite is the apply role's production run.
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator, type Emulator } from "../support/emulator";
import { synthesizeFor, writeEnvironmentInputs } from "../support/environment-inputs";
import { PhaseRecorder, writeSecondApplyChange } from "../support/recording";
import { apply, destroy, planChanges, prepareWorkdir, stateAddresses, terraformInit } from "../support/terraform";
import { describeRoleCoverage } from "./role-coverage";

jest.setTimeout(20 * 60_000);

const STACK = "recipe-chatbot-prod";

let emulator: Emulator;
let dir: string;
const recorder = new PhaseRecorder("prod", () => emulator);

beforeAll(async () => {
  emulator = await startEmulator();
  // With the five interface endpoints (off by default for cost): EC2 checks Route 53 permissions on
  // the caller for their private DNS, which only this path records.
  const outdir = synthesizeFor("prod", undefined, { environments: { prod: { network: { interfaceEndpoints: true } } } });
  dir = prepareWorkdir(path.join(outdir, "stacks", STACK), { emulator });
  await writeEnvironmentInputs(emulator, dir, { alert_emails: ["ops@recipe-chatbot.test"] });
  await terraformInit(dir, emulator.env);
});

afterAll(async () => {
  await emulator?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("prod stack on the emulator", () => {
  it("applies, then plans no changes", async () => {
    await recorder.run("apply", () => apply(dir, emulator.env));
    expect(await recorder.run("plan", () => planChanges(dir, emulator.env))).toEqual([]);
  });

  it("applies a change (more subscriptions, one more tag on everything), then destroys everything", async () => {
    writeSecondApplyChange(dir);
    await recorder.run("second-apply", () => apply(dir, emulator.env));
    await recorder.run("destroy", () => destroy(dir, emulator.env));
    expect(await stateAddresses(dir, emulator.env)).toEqual([]);
  });
});

describeRoleCoverage({ suite: "prod", environment: "prod", phases: ["apply", "plan", "second-apply", "destroy"] }, () => recorder);
