/** DynamoDB rules (the Terraform lock table). */
import { Rule } from "../rule";
import { block } from "../values";

export const dynamodbPointInTimeRecovery: Rule = {
  id: "RC-DDB-001",
  title: "DynamoDB tables have point-in-time recovery",
  description: "PITR restores a table to any second of the last 35 days after a bad write or delete.",
  severity: "medium",
  references: ["CKV_AWS_28", "AVD-AWS-0024", "AwsSolutions-DDB3", "SecurityHub DynamoDB.2"],
  resourceTypes: ["aws_dynamodb_table"],
  remediation: "set point_in_time_recovery { enabled = true }",
  check: ({ resource }) =>
    block(resource.attributes.point_in_time_recovery)?.enabled === true ? undefined : "point_in_time_recovery is not enabled",
};

export const dynamodbCustomerManagedKey: Rule = {
  id: "RC-DDB-002",
  title: "DynamoDB tables are encrypted with a customer-managed key",
  description: "The default AWS-owned key cannot be governed or audited by the account.",
  severity: "medium",
  references: ["CKV_AWS_119", "AVD-AWS-0025"],
  resourceTypes: ["aws_dynamodb_table"],
  remediation: "set server_side_encryption { enabled = true, kms_key_arn = <key>.arn }",
  check: ({ resource }) => {
    const sse = block(resource.attributes.server_side_encryption);
    return sse?.enabled === true && typeof sse.kms_key_arn === "string"
      ? undefined
      : "server_side_encryption with a kms_key_arn is not enabled";
  },
};

export const DYNAMODB_RULES: readonly Rule[] = [dynamodbPointInTimeRecovery, dynamodbCustomerManagedKey];
