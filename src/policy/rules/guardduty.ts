/** GuardDuty rules. */
import { Rule } from "../rule";

export const guardDutyEnabled: Rule = {
  id: "RC-GD-001",
  title: "GuardDuty detectors are enabled",
  description: "A disabled detector produces no findings; `enable` defaults to true, so only false fails.",
  severity: "high",
  references: ["CKV_AWS_238", "SecurityHub GuardDuty.1"],
  resourceTypes: ["aws_guardduty_detector"],
  remediation: "remove enable (or set it to true)",
  check: ({ resource }) => (resource.attributes.enable === false ? "enable is false" : undefined),
};

export const GUARDDUTY_RULES: readonly Rule[] = [guardDutyEnabled];
