/** The rule catalogue: every rule the policy guard runs by default, grouped by service. */
import type { Rule } from "../rule";
import { ACM_RULES } from "./acm";
import { CLOUDWATCH_RULES } from "./cloudwatch";
import { DYNAMODB_RULES } from "./dynamodb";
import { ECR_RULES } from "./ecr";
import { ECS_RULES } from "./ecs";
import { ELB_RULES } from "./elb";
import { GUARDDUTY_RULES } from "./guardduty";
import { IAM_RULES } from "./iam";
import { KMS_RULES } from "./kms";
import { NETWORK_RULES } from "./network";
import { S3_RULES } from "./s3";
import { SECRETS_RULES } from "./secrets";
import { SNS_RULES } from "./sns";
import { WAF_RULES } from "./waf";

export const ALL_RULES: readonly Rule[] = [
  ...IAM_RULES,
  ...ECS_RULES,
  ...ELB_RULES,
  ...NETWORK_RULES,
  ...ECR_RULES,
  ...SECRETS_RULES,
  ...CLOUDWATCH_RULES,
  ...SNS_RULES,
  ...S3_RULES,
  ...DYNAMODB_RULES,
  ...WAF_RULES,
  ...GUARDDUTY_RULES,
  ...ACM_RULES,
  ...KMS_RULES,
];
