/**
 * The CI roles against a suite's recording (support/role-coverage.ts): registered last in an emulator
 * suite, after its phases ran. Each phase's calls are evaluated under the role CI runs it with: the
 * plan role for the refresh, the apply role for apply, the changed re-apply and destroy, the deploy
 * role for rollout.sh. The distinct actions of each phase are committed in
 * __tests__/fixtures/recorded-actions.json, which the unit layer's granted-but-unused check reads
 * (__tests__/ci-role-coverage.test.ts); a run that records other actions fails until the file is
 * rewritten (UPDATE_RECORDED_ACTIONS=1) and the change reviewed.
 */
import * as fs from "fs";
import { ACCEPTED_DENIALS, coverSuite, RECORDED_ACTIONS_FILE, ROLE_OF_PHASE, type PhaseCoverage, type RecordedActions } from "../support/role-coverage";
import type { ConfigOverrides } from "../../src/config";
import type { Phase, PhaseRecorder } from "../support/recording";

/** Which recording: the suite's name (its key in the committed file) and the phases it records. */
export interface CoveredSuite {
  readonly suite: string;
  /** The environment whose roles run those phases. */
  readonly environment: string;
  readonly phases: readonly Phase[];
  /** The configuration the suite synthesized with, when it is not the default (the roles follow it). */
  readonly overrides?: ConfigOverrides;
}

export function describeRoleCoverage({ suite, environment, phases, overrides }: CoveredSuite, recorder: () => PhaseRecorder): void {
  describe(`CI roles against the calls recorded by ${suite}`, () => {
    let covered: Map<string, PhaseCoverage>;

    beforeAll(async () => {
      const recorded = new Map([...recorder().phases].filter(([phase]) => phases.includes(phase)));
      covered = await coverSuite(environment, recorded, overrides);
    });

    it.each(phases.map((phase) => [ROLE_OF_PHASE[phase], phase]))("the %s role allows every call of %s", (_role, phase) => {
      const coverage = covered.get(phase);
      expect(coverage).toBeDefined();
      if (!coverage) return;
      console.log(`${environment} ${phase} (${coverage.role} role): ${coverage.calls} calls, ${coverage.actions.length} actions, ${coverage.allowed} permissions allowed, ${coverage.approximated} resources approximated`);
      expect(coverage.calls).toBeGreaterThan(0);
      expect(coverage.denied).toEqual([]);
      // What the role must be refused (ACCEPTED_DENIALS) is refused, not allowed by a later grant.
      expect(coverage.refusedAsExpected.filter((d) => d.decision === "Allowed")).toEqual([]);
    });

    it(`records the actions committed in ${RECORDED_ACTIONS_FILE}`, () => {
      const recorded = Object.fromEntries([...covered].map(([phase, c]) => [phase, { calls: c.calls, actions: c.actions }]));
      const file = JSON.parse(fs.readFileSync(RECORDED_ACTIONS_FILE, "utf8")) as RecordedActions;
      if (process.env.UPDATE_RECORDED_ACTIONS === "1") {
        fs.writeFileSync(RECORDED_ACTIONS_FILE, JSON.stringify({ ...file, [suite]: recorded }, null, 2) + "\n");
        return;
      }
      const actionsOf = (phases: RecordedActions[string] = {}) => Object.fromEntries(Object.entries(phases).map(([phase, p]) => [phase, p.actions]));
      expect(actionsOf(recorded)).toEqual(actionsOf(file[suite]));
    });

    // The accepted denials are apply's (support/role-coverage.ts).
    if (phases.includes("apply")) it("keeps the accepted denials to calls that were made", () => {
      const refused = new Set([...covered.values()].flatMap((c) => c.refusedAsExpected.map((d) => d.action)));
      for (const action of Object.keys(ACCEPTED_DENIALS)) expect([action, refused.has(action)]).toEqual([action, true]);
    });
  });
}
