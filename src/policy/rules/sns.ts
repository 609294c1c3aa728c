/** SNS rules (the alarm topic). */
import { Rule } from "../rule";
import { isAwsManagedKey, quote } from "../values";
import { tlsOnlyPolicyRule } from "./tls-only";

export const snsCustomerManagedKey: Rule = {
  id: "RC-SNS-001",
  title: "SNS topics are encrypted with a customer-managed key",
  description:
    "Unencrypted topics store messages in plain text, and CloudWatch alarms cannot publish to a topic under " +
    "alias/aws/sns; the CMK must grant cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*.",
  severity: "medium",
  references: ["CKV_AWS_26", "AVD-AWS-0095", "AVD-AWS-0136", "SecurityHub SNS.1"],
  resourceTypes: ["aws_sns_topic"],
  remediation: "set kms_master_key_id = <customer-managed key>.arn",
  check: ({ resource }) => {
    const key = resource.attributes.kms_master_key_id;
    if (typeof key !== "string" || key === "") return "kms_master_key_id is unset";
    return isAwsManagedKey(key) ? `kms_master_key_id is the AWS-managed key ${quote(key)}` : undefined;
  },
};

export const snsTlsOnly = tlsOnlyPolicyRule({
  id: "RC-SNS-002",
  title: "SNS topics refuse publishing without TLS",
  description: "A topic policy denying sns:Publish when aws:SecureTransport is false keeps messages off plain HTTP.",
  severity: "low",
  references: ["AwsSolutions-SNS3", "CKV_AWS_385"],
  resourceTypes: ["aws_sns_topic"],
  remediation:
    'add a topic policy statement: Deny sns:Publish to Principal "*" with condition Bool aws:SecureTransport = "false"',
  action: "sns:Publish",
  policyHolders: (topic, stack) => [topic, ...stack.referencing(topic, "aws_sns_topic_policy", "arn")],
});

export const SNS_RULES: readonly Rule[] = [snsCustomerManagedKey, snsTlsOnly];
