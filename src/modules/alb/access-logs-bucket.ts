import { Construct } from "constructs";
import { DataAwsElbServiceAccount } from "@cdktf/provider-aws/lib/data-aws-elb-service-account";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import type { AwsContext } from "../../core/aws-context";
import { suppress } from "../../policy";
import { PrivateBucket } from "../../blocks/private-bucket";

export interface AccessLogsBucketProps {
  /** Account id: part of the path ELB writes under. Required. */
  readonly aws: AwsContext;
  /** Globally unique bucket name. Required. */
  readonly bucketName: string;
  /** Days an access-log object is kept. Required: logs must expire. */
  readonly expirationDays: number;
  /** Key prefix the load balancer writes under. Required: the delivery policy allows exactly it. */
  readonly prefix: string;
}

/** Objects in incomplete multipart uploads cost money and are never read. */
const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/**
 * The S3 bucket the ALB writes access logs to: a PrivateBucket (no public access, owner-enforced,
 * TLS only) with SSE-S3, not KMS, because ALB log delivery only supports S3-managed keys, and an
 * expiry. `bucketName` resolves once the delivery policy exists, so the ALB waits for it.
 */
export class AccessLogsBucket extends Construct {
  readonly bucketName: string;
  readonly prefix: string;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps) {
    super(scope, id);
    const { aws } = props;
    // The regional Elastic Load Balancing account delivers the logs (us-east-1 predates the
    // logdelivery.elasticloadbalancing.amazonaws.com service principal).
    const elb = new DataAwsElbServiceAccount(this, "elb-account");
    const bucket = new PrivateBucket(this, "bucket", {
      bucketName: props.bucketName,
      policyStatements: (arn) => [
        {
          sid: "AllowAlbLogDelivery",
          effect: "Allow",
          principals: [{ type: "AWS", identifiers: [elb.arn] }],
          actions: ["s3:PutObject"],
          resources: [`${arn}/${props.prefix}/AWSLogs/${aws.accountId}/*`],
        },
      ],
    });
    suppress(bucket.bucket, "RC-S3-002", "Access logs are written once and expire by lifecycle; versions would only keep expired logs longer.");
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucket.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: bucket.bucket.id,
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
    this.bucketName = bucket.bucketName;
    this.prefix = props.prefix;
  }
}
