import { Construct } from "constructs";
import { DataAwsElbServiceAccount } from "@cdktf/provider-aws/lib/data-aws-elb-service-account";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import type { AwsContext } from "../aws-context";
import { policyDocument } from "../iam";
import { suppress } from "../policy";

export interface AccessLogsBucketProps {
  readonly aws: AwsContext;
  readonly bucketName: string;
  /** Days an access-log object is kept. */
  readonly expirationDays: number;
  /** Key prefix the load balancer writes under. */
  readonly prefix: string;
}

/** Objects in incomplete multipart uploads cost money and are never read. */
const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/**
 * The S3 bucket the ALB writes access logs to. SSE-S3, not KMS: ALB log delivery only supports
 * S3-managed keys. Private, owner-enforced, TLS-only, expiring.
 */
export class AccessLogsBucket extends Construct {
  readonly bucketName: string;
  readonly prefix: string;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps) {
    super(scope, id);
    const { aws } = props;
    const bucket = new S3Bucket(this, "bucket", { bucket: props.bucketName, forceDestroy: false });
    suppress(bucket, "RC-S3-002", "Access logs are written once and expire by lifecycle; versions would only keep expired logs longer.");
    new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket: bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: bucket.id,
      rule: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: props.expirationDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS }],
        },
      ],
    });
    // The regional Elastic Load Balancing account delivers the logs (us-east-1 predates the
    // logdelivery.elasticloadbalancing.amazonaws.com service principal).
    const elb = new DataAwsElbServiceAccount(this, "elb-account");
    const policy = policyDocument(this, "policy", [
      {
        sid: "AllowAlbLogDelivery",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [elb.arn] }],
        actions: ["s3:PutObject"],
        resources: [`${bucket.arn}/${props.prefix}/AWSLogs/${aws.accountId}/*`],
      },
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [bucket.arn, `${bucket.arn}/*`],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ]);
    const bucketPolicy = new S3BucketPolicy(this, "bucket-policy", { bucket: bucket.id, policy: policy.json });
    // Read through the policy resource so a load balancer using this name waits for the policy:
    // ELB checks it can write to the bucket when access logging is switched on.
    this.bucketName = bucketPolicy.bucket;
    this.prefix = props.prefix;
  }
}
