import { Construct } from "constructs";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { AwsContext } from "../core/aws-context";
import { checkInteger } from "../core/props";
import { policyDocument, type PolicyStatement } from "../core/iam";

export interface EncryptionKeyProps {
  /** Account and partition: the key policy names the account as administrator. Required. */
  readonly aws: AwsContext;
  /** Alias without the `alias/` prefix. Required: people and policies find the key by it. */
  readonly alias: string;
  /** What the key protects. Required: it is all the console shows about a key. */
  readonly description: string;
  /** Statements granting the services that use the key; the account keeps administration. Required: a key nobody may use is useless. */
  readonly usage: PolicyStatement[];
  /**
   * Days before a deleted key is gone for good (7-30).
   * @default 30 (the longest chance to undo)
   */
  readonly deletionWindowInDays?: number;
}

/**
 * Key administration stays with the account (so IAM policies decide who administers it) but is
 * spelled out action by action instead of `kms:*`. It holds no use of the key (no Encrypt,
 * Decrypt, GenerateDataKey or CreateGrant): use is granted per service by the caller, usually with
 * kms:ViaService, and an administration statement that also granted use would make those
 * conditions restrict nothing.
 */
export const ADMINISTRATION_ACTIONS = [
  "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
  "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus",
  "kms:ListAliases", "kms:ListGrants", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RetireGrant", "kms:RevokeGrant",
  "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
];

/** A customer-managed KMS key that rotates yearly, with an alias and a key policy scoped to its users. */
export class EncryptionKey extends Construct {
  readonly arn: string;
  /** The key resource, for escape-hatch overrides. */
  readonly key: KmsKey;
  readonly keyId: string;
  readonly aliasName: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const { aws } = props;
    if (props.deletionWindowInDays !== undefined) checkInteger(this, "deletionWindowInDays", props.deletionWindowInDays, 7, 30);
    const policy = policyDocument(this, "policy", [
      {
        sid: "AccountAdministersKey",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [`arn:${aws.partition}:iam::${aws.accountId}:root`] }],
        actions: ADMINISTRATION_ACTIONS,
        // In a key policy "*" means "this key".
        resources: ["*"],
      },
      ...props.usage,
    ]);
    const key = new KmsKey(this, "key", {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowInDays ?? 30,
      policy: policy.json,
    });
    const alias = new KmsAlias(this, "alias", { name: `alias/${props.alias}`, targetKeyId: key.keyId });
    this.key = key;
    this.arn = key.arn;
    this.keyId = key.keyId;
    this.aliasName = alias.name;
  }
}

/** Usage statement for CloudWatch Logs, limited to log groups of this account and region. */
export function logsKeyUsage(aws: AwsContext): PolicyStatement {
  return {
    sid: "CloudWatchLogsUseKey",
    effect: "Allow",
    principals: [{ type: "Service", identifiers: [`logs.${aws.region}.amazonaws.com`] }],
    actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
    resources: ["*"],
    condition: [
      {
        test: "ArnLike",
        variable: "kms:EncryptionContext:aws:logs:arn",
        values: [`arn:${aws.partition}:logs:${aws.region}:${aws.accountId}:log-group:*`],
      },
    ],
  };
}
