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

/**
 * Regions opened after August 2022 have no Elastic Load Balancing account for log delivery (and
 * aws_elb_service_account fails there): the log-delivery service principal writes the logs instead.
 * AmazonS3 ELB docs, "Regions available as of August 2022 or later".
 */
export const LOG_DELIVERY_SERVICE_REGIONS: readonly string[] = [
  "ap-south-2", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-2",
  "il-central-1", "me-central-1", "mx-central-1",
];
const LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

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
    // Older regions: the regional Elastic Load Balancing account delivers the logs (they predate the
    // log-delivery service principal). Newer ones: only the service principal does.
    const delivery = LOG_DELIVERY_SERVICE_REGIONS.includes(aws.region)
      ? { type: "Service", identifiers: [LOG_DELIVERY_SERVICE] }
      : { type: "AWS", identifiers: [new DataAwsElbServiceAccount(this, "elb-account").arn] };
    const bucket = new PrivateBucket(this, "bucket", {
      bucketName: props.bucketName,
      policyStatements: (arn) => [
        {
          sid: "AllowAlbLogDelivery",
          effect: "Allow",
          principals: [delivery],
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
