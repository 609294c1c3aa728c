/** KMS rules. */
import { Rule } from "../rule";

export const kmsKeyRotation: Rule = {
  id: "RC-KMS-001",
  title: "KMS keys rotate yearly",
  description: "Automatic rotation limits the data encrypted under one key version.",
  severity: "medium",
  references: ["CKV_AWS_7", "AVD-AWS-0065", "AwsSolutions-KMS5"],
  resourceTypes: ["aws_kms_key"],
  remediation: "set enable_key_rotation = true",
  check: ({ resource }) => (resource.attributes.enable_key_rotation === true ? undefined : "enable_key_rotation is not true"),
};

export const KMS_RULES: readonly Rule[] = [kmsKeyRotation];
