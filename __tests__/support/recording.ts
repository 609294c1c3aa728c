import * as fs from "fs";
import * as path from "path";
import type { Emulator, RecordedRequest } from "./emulator";

/** The slices of a suite's recording the CI roles are checked against (README "CI roles"). */
export const PHASES = ["plan", "apply", "second-apply", "destroy", "rollout"] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Collects an emulator's recording by phase. `run` records one step into a phase (after discarding
 * whatever came before, e.g. the suite's own SDK reads); a phase may be recorded more than once
 * (each rollout.sh run). With EMULATOR_RECORDINGS_DIR set, each phase is also kept there as JSON lines.
 */
export class PhaseRecorder {
  private readonly recorded = new Map<Phase, RecordedRequest[]>();

  constructor(private readonly suite: string, private readonly emulator: () => Emulator) {}

  async run<T>(phase: Phase, step: () => Promise<T>): Promise<T> {
    this.emulator().takeRecording();
    try {
      return await step();
    } finally {
      this.recorded.set(phase, [...(this.recorded.get(phase) ?? []), ...this.emulator().takeRecording()]);
      const dir = process.env.EMULATOR_RECORDINGS_DIR;
      if (dir) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${this.suite}-${phase}.jsonl`), this.recorded.get(phase)!.map((r) => JSON.stringify(r)).join("\n") + "\n");
      }
    }
  }

  get phases(): ReadonlyMap<Phase, readonly RecordedRequest[]> {
    return this.recorded;
  }
}

/**
 * The change the suites' second apply makes, so the recording holds update calls too: one more
 * e-mail subscribed to each topic (tfvars) and one more default tag on every resource (an override
 * of the provider's default_tags, which tags or re-tags every taggable resource in place).
 */
export function writeSecondApplyChange(dir: string): void {
  const tfvarsFile = path.join(dir, "terraform.tfvars.json");
  const tfvars = JSON.parse(fs.readFileSync(tfvarsFile, "utf8")) as Record<string, unknown>;
  const emails = (name: string) => [...((tfvars[name] as string[] | undefined) ?? []), `second-apply@recipe-chatbot.test`];
  fs.writeFileSync(tfvarsFile, JSON.stringify({ ...tfvars, alert_emails: emails("alert_emails"), critical_emails: emails("critical_emails") }));
  const stack = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) as { provider: { aws: { alias?: string; default_tags?: { tags: Record<string, string> }[] }[] } };
  const aws = stack.provider.aws.map(({ alias, default_tags }) => ({
    ...(alias && { alias }),
    default_tags: [{ tags: { ...default_tags?.[0]?.tags, Revision: "second-apply" } }],
  }));
  fs.writeFileSync(path.join(dir, "zz_second_apply_override.tf.json"), JSON.stringify({ provider: { aws } }));
}
