/**
 * S3 bucket rules. Bucket settings live in companion resources that name the bucket in their
 * `bucket` attribute (aws_s3_bucket_versioning etc.), so each rule looks for the companion.
 */
import { Rule, RuleMetadata } from "../rule";
import type { ResourceView } from "../stack-view";
import { Attributes, block, blocks, quote } from "../values";
import { tlsOnlyPolicyRule } from "./tls-only";

/**
 * A rule requiring a companion resource of `companionType` for the bucket, for which
 * `problem` returns what is wrong (undefined when it is right).
 */
function bucketCompanionRule(
  metadata: RuleMetadata & { companionType: string; problem(companion: Attributes): string | undefined },
): Rule {
  const { companionType, problem, ...rest } = metadata;
  return {
    ...rest,
    resourceTypes: ["aws_s3_bucket"],
    check: ({ resource, stack }) => {
      const companions = stack.referencing(resource, companionType, "bucket", "bucket");
      if (companions.length === 0) return `no ${companionType} references it`;
      const problems = companions.map((c) => problem(c.attributes));
      return problems.includes(undefined) ? undefined : problems.map((p) => `${companionType}: ${p}`);
    },
  };
}

const PUBLIC_ACCESS_FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

export const s3PublicAccessBlock = bucketCompanionRule({
  id: "RC-S3-001",
  title: "S3 buckets block all public access",
  description: "All four public-access-block flags stop a later ACL or policy change from publishing the bucket.",
  severity: "critical",
  references: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6", "AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093", "AVD-AWS-0094", "AwsSolutions-S2", "SecurityHub S3.1", "SecurityHub S3.8"],
  companionType: "aws_s3_bucket_public_access_block",
  remediation: `add aws_s3_bucket_public_access_block with ${PUBLIC_ACCESS_FLAGS.join(", ")} = true`,
  problem: (pab) => {
    const off = PUBLIC_ACCESS_FLAGS.filter((flag) => pab[flag] !== true);
    return off.length > 0 ? `${off.join(", ")} not true` : undefined;
  },
});

export const s3Versioning = bucketCompanionRule({
  id: "RC-S3-002",
  title: "S3 buckets are versioned",
  description: "Versioning recovers overwritten or deleted objects (for the state bucket: earlier state).",
  severity: "medium",
  references: ["CKV_AWS_21", "AVD-AWS-0090", "SecurityHub S3.14"],
  companionType: "aws_s3_bucket_versioning",
  remediation: 'add aws_s3_bucket_versioning { versioning_configuration { status = "Enabled" } }',
  problem: (versioning) => {
    const status = block(versioning.versioning_configuration)?.status;
    return status === "Enabled" ? undefined : `status is ${quote(status)}`;
  },
});

/** SSE-KMS where possible; ALB access-log buckets only accept SSE-S3 (AES256). */
const SSE_ALGORITHMS = ["aws:kms", "aws:kms:dsse", "AES256"];

export const s3Encryption = bucketCompanionRule({
  id: "RC-S3-003",
  title: "S3 buckets declare default encryption",
  description:
    "Declaring server-side encryption makes the choice reviewable: SSE-KMS with a CMK, or SSE-S3 where a " +
    "service requires it (ALB access logs).",
  severity: "medium",
  references: ["CKV_AWS_19", "CKV_AWS_145", "AVD-AWS-0088", "AVD-AWS-0132"],
  companionType: "aws_s3_bucket_server_side_encryption_configuration",
  remediation:
    'add aws_s3_bucket_server_side_encryption_configuration { rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", kms_master_key_id = <key>.arn } } }',
  problem: (sse) => {
    const algorithms = blocks(sse.rule).map((r) => block(r.apply_server_side_encryption_by_default)?.sse_algorithm);
    return algorithms.some((a) => SSE_ALGORITHMS.includes(String(a))) ? undefined : "no rule sets an sse_algorithm";
  },
});

export const s3OwnershipEnforced = bucketCompanionRule({
  id: "RC-S3-004",
  title: "S3 bucket ACLs are disabled",
  description: "BucketOwnerEnforced disables ACLs, so access is governed by policies alone.",
  severity: "medium",
  references: ["CKV2_AWS_65", "SecurityHub S3.12"],
  companionType: "aws_s3_bucket_ownership_controls",
  remediation: 'add aws_s3_bucket_ownership_controls { rule { object_ownership = "BucketOwnerEnforced" } }',
  problem: (controls) => {
    const ownership = block(controls.rule)?.object_ownership;
    return ownership === "BucketOwnerEnforced" ? undefined : `object_ownership is ${quote(ownership)}`;
  },
});

export const s3TlsOnly = tlsOnlyPolicyRule({
  id: "RC-S3-005",
  title: "S3 buckets refuse requests without TLS",
  description: "A bucket policy denying s3:* when aws:SecureTransport is false keeps objects off plain HTTP.",
  severity: "medium",
  references: ["AwsSolutions-S10", "SecurityHub S3.5"],
  resourceTypes: ["aws_s3_bucket"],
  remediation:
    'add an aws_s3_bucket_policy statement: Deny s3:* to Principal "*" on the bucket and bucket/* with condition Bool aws:SecureTransport = "false"',
  action: "s3:GetObject",
  policyHolders: (bucket: ResourceView, stack) => stack.referencing(bucket, "aws_s3_bucket_policy", "bucket", "bucket"),
});

export const s3NoForceDestroy: Rule = {
  id: "RC-S3-006",
  title: "S3 buckets are not force-destroyed",
  description: "force_destroy deletes every object, including all state versions, when the bucket is destroyed.",
  severity: "medium",
  references: ["HashiCorp S3 backend guidance"],
  resourceTypes: ["aws_s3_bucket"],
  remediation: "remove force_destroy (or set it to false); empty the bucket deliberately before destroying it",
  check: ({ resource }) => (resource.attributes.force_destroy === true ? "force_destroy is true" : undefined),
};

export const S3_RULES: readonly Rule[] = [
  s3PublicAccessBlock,
  s3Versioning,
  s3Encryption,
  s3OwnershipEnforced,
  s3TlsOnly,
  s3NoForceDestroy,
];
