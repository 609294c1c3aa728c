import type { PolicyStatement } from "../../core/iam";
import { arn, environmentNames, unique, type CiScope, type ServiceAccess } from "./catalogue";

/** The environments' KMS keys and their aliases. */
export const KEYS_ACCESS = {
  sid: "Keys",
  group: "data",
  read: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
  write: [
    "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey",
    "kms:EnableKeyRotation", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource",
    "kms:UpdateAlias", "kms:UpdateKeyDescription",
  ],
  unscopedRead: ["kms:ListAliases"],
  unscopedWrite: ["kms:CreateKey"],
  // Key IDs are generated; aliases are named. The state key is denied separately (protectBootstrapStatements).
  resources: (s, e) => [arn(s, e, "kms", "key/*"), arn(s, e, "kms", `alias/${environmentNames(e)}`)],
} satisfies ServiceAccess;

/** ECR's KMS encryption (the AWS managed key) is set up through a grant for the service. */
export function awsResourceGrantStatement(scope: CiScope): PolicyStatement {
  return {
    sid: "GrantKeysToAwsServices",
    effect: "Allow",
    actions: ["kms:CreateGrant", "kms:RetireGrant"],
    resources: unique(scope.environments.map((e) => arn(scope, e, "kms", "key/*"))),
    condition: [{ test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
  };
}
