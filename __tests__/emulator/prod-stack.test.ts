/**
 * Ladder layer 3 for production's shape (NAT per zone, interface endpoints, blocking WAF, more
 * alarms): the prod stack applied to moto, planned clean, changed and re-applied, destroyed to
 * nothing; each phase recorded for the CI roles' coverage (role-coverage.ts). The SDK reads of the
 * applied state live in dev-stack.test.ts; this suite is the apply role's production run.
 */
import { applyEnvironmentStack, releaseEnvironmentStack } from "../support/environment-inputs";
import { writeSecondApplyChange, type PhaseRecorder } from "../support/recording";
import { apply, destroy, planChanges, stateAddresses } from "../support/terraform";
import { describeRoleCoverage } from "./role-coverage";
import type { Emulator } from "../support/emulator";

jest.setTimeout(20 * 60_000);

let emulator: Emulator;
let dir: string;
let recorder: PhaseRecorder;

beforeAll(async () => {
  // With the five interface endpoints (off by default for cost): EC2 checks Route 53 permissions on
  // the caller for their private DNS, which only this path records.
  ({ emulator, dir, recorder } = await applyEnvironmentStack("prod", {
    suite: "prod",
    overrides: { environments: { prod: { network: { interfaceEndpoints: true } } } },
    tfvars: { alert_emails: ["ops@recipe-chatbot.test"] },
  }));
});

afterAll(() => releaseEnvironmentStack(emulator && { emulator, dir }));

describe("prod stack on the emulator", () => {
  it("plans no changes after the apply", async () => {
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
