import { environmentNames, type ServiceAccess } from "./catalogue";

/** The environment's S3 buckets. */
export const BUCKETS_ACCESS = {
  sid: "Buckets",
  group: "data",
  read: [
    "s3:GetAccelerateConfiguration", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketLogging",
    "s3:GetBucketObjectLockConfiguration", "s3:GetBucketOwnershipControls", "s3:GetBucketPolicy", "s3:GetBucketPublicAccessBlock",
    "s3:GetBucketRequestPayment", "s3:GetBucketTagging", "s3:GetBucketVersioning", "s3:GetBucketWebsite",
    "s3:GetEncryptionConfiguration", "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration", "s3:ListBucket",
  ],
  write: [
    "s3:CreateBucket", "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy",
    "s3:PutBucketPublicAccessBlock", "s3:PutBucketTagging", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration",
  ],
  // The ALB access-log bucket, <project>-<env>-alb-logs-<account>; S3 ARNs carry no account or region.
  resources: (s, e) => [`arn:${s.partition}:s3:::${environmentNames(e)}`],
} satisfies ServiceAccess;
