import { Construct } from "constructs";
import { Fn } from "cdktf";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { DataAwsGuarddutyDetector } from "@cdktf/provider-aws/lib/data-aws-guardduty-detector";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyDetectorFeature } from "@cdktf/provider-aws/lib/guardduty-detector-feature";
import { check, checkOneOf } from "../core/props";

/**
 * create: this stack owns the account's detector. existing: the account already has one (AWS allows
 * one per account and region, and an organisation's delegated administrator often enables it for
 * every member), so only the findings rule is added.
 */
export const DETECTOR_MODES = ["create", "existing"] as const;
export type DetectorMode = (typeof DETECTOR_MODES)[number];

export interface GuardDutyProps {
  /** Create the detector or use the account's. Required: only one detector may exist per account and region. */
  readonly detector: DetectorMode;
  /** Prefix of the findings rule's name. Required: rule names are unique per account and region. */
  readonly namePrefix: string;
  /** SNS topic that receives high-severity findings (its policy must allow events.amazonaws.com). @default findings stay in the console */
  readonly findingsTopicArn?: string;
  /** Lowest severity sent to the topic (7 = High, 9 = Critical). @default 7 */
  readonly minimumSeverity?: number;
  /** Runtime monitoring of Fargate tasks, agent managed by GuardDuty (only with detector "create"). @default true */
  readonly runtimeMonitoring?: boolean;
}

/** Findings reach EventBridge (and so the topic) every 15 minutes, the shortest interval. */
const FINDING_PUBLISHING_FREQUENCY = "FIFTEEN_MINUTES";

/**
 * GuardDuty for the account and region: the detector with Fargate runtime monitoring (or the
 * account's existing detector), and an EventBridge rule that sends findings at or above a severity
 * to an SNS topic.
 */
export class GuardDuty extends Construct {
  readonly detectorId: string;
  /** The detector resource when this construct created it, for escape-hatch overrides. */
  readonly detector?: GuarddutyDetector;

  constructor(scope: Construct, id: string, props: GuardDutyProps) {
    super(scope, id);
    checkOneOf(this, "detector", props.detector, DETECTOR_MODES);
    const severity = props.minimumSeverity ?? 7;
    check(this, severity >= 1 && severity <= 10, "minimumSeverity", `must be a GuardDuty severity from 1 to 10; got ${severity}`, severity);
    check(this, props.detector === "create" || props.runtimeMonitoring === undefined, "runtimeMonitoring", 'applies only with detector "create" (an existing detector\'s features belong to its owner)');

    if (props.detector === "create") {
      this.detector = new GuarddutyDetector(this, "detector", { enable: true, findingPublishingFrequency: FINDING_PUBLISHING_FREQUENCY });
      this.detectorId = this.detector.id;
      if (props.runtimeMonitoring ?? true) {
        // Runtime monitoring sees process, file and network activity inside the Fargate tasks; with
        // agent management GuardDuty injects and updates its sidecar agent itself.
        new GuarddutyDetectorFeature(this, "runtime-monitoring", {
          detectorId: this.detector.id,
          name: "RUNTIME_MONITORING",
          status: "ENABLED",
          additionalConfiguration: [{ name: "ECS_FARGATE_AGENT_MANAGEMENT", status: "ENABLED" }],
        });
      }
    } else {
      this.detectorId = new DataAwsGuarddutyDetector(this, "detector").id;
    }

    if (props.findingsTopicArn) {
      const findings = new CloudwatchEventRule(this, "findings", {
        name: `${props.namePrefix}-guardduty-high-severity`,
        description: `GuardDuty findings of severity ${severity} or more (${levelsFrom(severity)})`,
        eventPattern: Fn.jsonencode({
          source: ["aws.guardduty"],
          "detail-type": ["GuardDuty Finding"],
          detail: { severity: [{ numeric: [">=", severity] }] },
        }),
      });
      new CloudwatchEventTarget(this, "findings-target", { rule: findings.name, arn: props.findingsTopicArn });
    }
  }
}

/** GuardDuty's named levels at or above a severity: Low 1-3.9, Medium 4-6.9, High 7-8.9, Critical 9-10. */
function levelsFrom(severity: number): string {
  const levels = [
    { name: "Low", from: 1 },
    { name: "Medium", from: 4 },
    { name: "High", from: 7 },
    { name: "Critical", from: 9 },
  ].filter((_, i, all) => (all[i + 1]?.from ?? 11) > severity);
  const names = levels.map((l) => l.name);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
