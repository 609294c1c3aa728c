/** ECR repository rules. */
import { Rule } from "../rule";
import { block, quote } from "../values";

export const ecrScanOnPush: Rule = {
  id: "RC-ECR-001",
  title: "ECR repositories scan images on push",
  description: "Scanning on push reports known CVEs in an image before it is deployed.",
  severity: "medium",
  references: ["CKV_AWS_163", "AVD-AWS-0030", "SecurityHub ECR.1"],
  resourceTypes: ["aws_ecr_repository"],
  remediation: "set image_scanning_configuration { scan_on_push = true }",
  check: ({ resource }) =>
    block(resource.attributes.image_scanning_configuration)?.scan_on_push === true ? undefined : "scan_on_push is not true",
};

export const ecrImmutableTags: Rule = {
  id: "RC-ECR-002",
  title: "ECR image tags are immutable",
  description: "With mutable tags a push can silently replace the image a running service's tag points at.",
  severity: "high",
  references: ["CKV_AWS_51", "AVD-AWS-0031", "SecurityHub ECR.2"],
  resourceTypes: ["aws_ecr_repository"],
  remediation: 'set image_tag_mutability = "IMMUTABLE" and deploy by unique tag (git sha)',
  check: ({ resource }) => {
    const mutability = resource.attributes.image_tag_mutability;
    return mutability === "IMMUTABLE" ? undefined : `image_tag_mutability is ${quote(mutability ?? "MUTABLE")}`;
  },
};

export const ecrKmsEncryption: Rule = {
  id: "RC-ECR-003",
  title: "ECR repositories are encrypted with KMS",
  description: "KMS encryption puts image access under a key policy and CloudTrail-logged key use.",
  severity: "medium",
  references: ["CKV_AWS_136", "AVD-AWS-0033"],
  resourceTypes: ["aws_ecr_repository"],
  remediation: 'set encryption_configuration { encryption_type = "KMS", kms_key = <key>.arn }',
  check: ({ resource }) => {
    const type = block(resource.attributes.encryption_configuration)?.encryption_type;
    return type === "KMS" || type === "KMS_DSSE" ? undefined : `encryption_type is ${quote(type ?? "AES256")}`;
  },
};

export const ecrLifecyclePolicy: Rule = {
  id: "RC-ECR-004",
  title: "ECR repositories have a lifecycle policy",
  description: "Without one, untagged and old images accumulate (and keep their vulnerabilities discoverable) forever.",
  severity: "low",
  references: ["SecurityHub ECR.3"],
  resourceTypes: ["aws_ecr_repository"],
  remediation: "add aws_ecr_lifecycle_policy { repository = <repo>.name, policy = ... } expiring untagged and old images",
  check: ({ resource, stack }) =>
    stack.referencing(resource, "aws_ecr_lifecycle_policy", "repository", "name").length > 0
      ? undefined
      : "no aws_ecr_lifecycle_policy references it",
};

export const ECR_RULES: readonly Rule[] = [ecrScanOnPush, ecrImmutableTags, ecrKmsEncryption, ecrLifecyclePolicy];
