import { Construct } from "constructs";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { policyDocument, type PolicyStatement } from "../core/iam";

export interface PrivateBucketProps {
  readonly bucketName: string;
  /** Statements the bucket policy holds besides the TLS-only deny, given the bucket's ARN. */
  readonly policyStatements?: (bucketArn: string) => PolicyStatement[];
}

/** Deny every S3 call on the bucket and its objects that does not come over TLS (rule 47, S3.5). */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    sid: "DenyInsecureTransport",
    effect: "Deny",
    principals: [{ type: "*", identifiers: ["*"] }],
    actions: ["s3:*"],
    resources: [bucketArn, `${bucketArn}/*`],
    condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
  };
}

/**
 * An S3 bucket only this account's policies can open: all four public-access-block flags, ACLs
 * disabled (BucketOwnerEnforced), TLS only, never force-destroyed. Encryption, versioning and
 * lifecycle differ by use (a log bucket cannot take SSE-KMS; state needs every version), so the
 * caller adds them against `bucket`.
 */
export class PrivateBucket extends Construct {
  /** The bucket resource: companions (encryption, versioning, lifecycle) and suppressions attach to it. */
  readonly bucket: S3Bucket;
  /** The bucket's name, resolved through its policy: users of the name wait for the policy. */
  readonly bucketName: string;
  readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: PrivateBucketProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, "bucket", { bucket: props.bucketName, forceDestroy: false });
    new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket: this.bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    const policy = policyDocument(this, "policy", [
      ...(props.policyStatements?.(this.bucket.arn) ?? []),
      denyInsecureTransport(this.bucket.arn),
    ]);
    const bucketPolicy = new S3BucketPolicy(this, "bucket-policy", { bucket: this.bucket.id, policy: policy.json });
    // Read through the policy resource, so whatever uses the name waits for the policy (ELB, for
    // one, checks that it may write to the bucket when access logging is switched on).
    this.bucketName = bucketPolicy.bucket;
    this.bucketArn = this.bucket.arn;
  }
}
