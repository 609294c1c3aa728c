import type { PolicyStatement } from "../../core/iam";
import { scopedName } from "../../core/naming";
import { arn, environmentNames, unique, type CiScope, type ServiceAccess } from "./catalogue";

/** The environments' KMS keys and their aliases. */
export const KEYS_ACCESS = {
  sid: "Keys",
  group: "data",
  read: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
  // Alias calls are authorized on the alias (by name) and on its key (by tag, below).
  write: ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"],
  // Key IDs are generated, so keys are told apart by tag: only the environment's own keys. The keys
  // are always enabled and rotating: nothing disables, re-enables or un-schedules one.
  writeTagged: [
    "kms:CreateAlias", "kms:DeleteAlias", "kms:EnableKeyRotation", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:TagResource",
    "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
  ],
  // CreateKey takes no resource: only keys created with the environment's tags, which KMS
  // authorizes as TagResource on the new key.
  createTagged: ["kms:CreateKey"],
  tagOnCreate: ["kms:TagResource"],
  unscopedRead: ["kms:ListAliases"],
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

/** The alias of an environment's secrets key (RecipeChatbot's SecretsStore: `<project>-<env>-secrets`). */
export function secretsKeyAlias(environment: string): string {
  return `alias/${scopedName(environment, "secrets")}`;
}

/**
 * The secrets key's policy decides who may decrypt the API keys: with kms:PutKeyPolicy on it the
 * apply role could grant itself that. Denied on any key carrying the alias, and the alias cannot be
 * moved or deleted (which would lift the condition); both stay an administrator's change.
 */
export function protectSecretsKeyStatements(scope: CiScope): PolicyStatement[] {
  const aliases = unique(scope.environments.map((e) => secretsKeyAlias(e.name)));
  return [
    {
      sid: "ProtectSecretsKeyPolicy",
      effect: "Deny",
      actions: ["kms:PutKeyPolicy"],
      resources: ["*"],
      condition: [{ test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: aliases }],
    },
    {
      sid: "ProtectSecretsKeyAlias",
      effect: "Deny",
      actions: ["kms:DeleteAlias", "kms:UpdateAlias"],
      resources: unique(scope.environments.map((e) => arn(scope, e, "kms", secretsKeyAlias(e.name)))),
    },
  ];
}
