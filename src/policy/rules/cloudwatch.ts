/** CloudWatch Logs and alarm rules. */
import { Rule } from "../rule";
import { strings } from "../values";

export const logGroupRetention: Rule = {
  id: "RC-CW-001",
  title: "Log groups have a retention period",
  description: "Without retention_in_days, logs (and any secrets that leak into them) are kept, and billed, forever.",
  severity: "medium",
  references: ["CKV_AWS_66", "CKV_AWS_338", "SecurityHub CloudWatch.16"],
  resourceTypes: ["aws_cloudwatch_log_group"],
  remediation: "set retention_in_days (per environment: e.g. 30 in dev, 365 in prod)",
  check: ({ resource }) => (resource.attributes.retention_in_days === undefined ? "retention_in_days is unset" : undefined),
};

export const logGroupKms: Rule = {
  id: "RC-CW-002",
  title: "Log groups are encrypted with a KMS key",
  description: "Application logs can contain personal data; a CMK puts reading them under a key policy.",
  severity: "medium",
  references: ["CKV_AWS_158", "AVD-AWS-0017"],
  resourceTypes: ["aws_cloudwatch_log_group"],
  remediation: "set kms_key_id = <key>.arn; the key policy must allow logs.<region>.amazonaws.com",
  check: ({ resource }) => (typeof resource.attributes.kms_key_id === "string" ? undefined : "kms_key_id is unset"),
};

export const alarmActions: Rule = {
  id: "RC-CW-003",
  title: "Alarms notify someone",
  description: "An alarm without enabled actions changes state on a dashboard nobody watches.",
  severity: "medium",
  references: ["CKV_AWS_319", "SecurityHub CloudWatch.15", "SecurityHub CloudWatch.17"],
  resourceTypes: ["aws_cloudwatch_metric_alarm"],
  remediation: "set alarm_actions = [<sns topic>.arn] and leave actions_enabled unset or true",
  check: ({ resource: { attributes } }) => [
    ...(attributes.actions_enabled === false ? ["actions_enabled is false"] : []),
    ...(strings(attributes.alarm_actions).length === 0 ? ["alarm_actions is empty"] : []),
  ],
};

export const CLOUDWATCH_RULES: readonly Rule[] = [logGroupRetention, logGroupKms, alarmActions];
