import { Construct } from "constructs";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { AwsContext } from "../core/aws-context";
import { PROJECT } from "../core/naming";
import type { PolicyStatement } from "../core/iam";
import { EncryptionKey } from "../blocks/encryption-key";
import { PrivateBucket } from "../blocks/private-bucket";

export interface StateStoreProps {
  readonly aws: AwsContext;
  readonly bucketName: string;
  readonly lockTableName: string;
  /** Alias of the state key, without `alias/`. */
  readonly keyAlias: string;
}

/**
 * Earlier state versions are how a bad apply is undone: keep each for 90 days after it was replaced
 * (the current version never expires). Each is a few hundred KB at most.
 */
const NONCURRENT_VERSION_DAYS = 90;
/** State objects are small; an upload unfinished after a day was abandoned. */
const ABORT_INCOMPLETE_UPLOAD_DAYS = 1;
/** The S3 backend's DynamoDB lock table key (fixed by Terraform). */
const LOCK_TABLE_HASH_KEY = "LockID";

/**
 * Terraform's remote state (HashiCorp "S3 backend" hardening; security-rules.md 44-49): a private,
 * versioned bucket encrypted with a rotating CMK (bucket keys on: one KMS call per bucket key, not
 * per object), and the DynamoDB lock table, also under the CMK and recoverable to any second.
 */
export class StateStore extends Construct {
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly lockTableName: string;
  readonly lockTableArn: string;
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: StateStoreProps) {
    super(scope, id);
    const { aws } = props;
    const key = new EncryptionKey(this, "key", {
      aws,
      alias: props.keyAlias,
      description: `Terraform state (S3 objects and DynamoDB lock table) of ${PROJECT}`,
      usage: [stateServicesUseKey(aws)],
    });

    // The S3 backend's kmsKeyId may name the key or its alias (README "Bootstrap").
    const stateKeyAliasArn = `arn:${aws.partition}:kms:${aws.region}:${aws.accountId}:${key.aliasName}`;
    const { bucket, bucketArn } = new PrivateBucket(this, "bucket", {
      bucketName: props.bucketName,
      policyStatements: (arn) => [requireKmsUploads(arn), ...stateBucketGuards(arn, [key.arn, stateKeyAliasArn])],
    });
    new S3BucketVersioningA(this, "versioning", {
      bucket: bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: bucket.id,
      rule: [
        {
          id: "expire-old-state-versions",
          status: "Enabled",
          filter: [{ prefix: "" }],
          noncurrentVersionExpiration: [{ noncurrentDays: NONCURRENT_VERSION_DAYS }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS }],
        },
      ],
    });

    const table = new DynamodbTable(this, "lock-table", {
      name: props.lockTableName,
      billingMode: "PAY_PER_REQUEST",
      hashKey: LOCK_TABLE_HASH_KEY,
      attribute: [{ name: LOCK_TABLE_HASH_KEY, type: "S" }],
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
    });

    this.bucketName = bucket.bucket;
    this.bucketArn = bucketArn;
    this.lockTableName = table.name;
    this.lockTableArn = table.arn;
    this.keyArn = key.arn;
  }
}

/**
 * The S3 backend with `encrypt = true` and no `kms_key_id` asks for SSE-S3 explicitly, which would
 * override the bucket's CMK default (measured against the emulator). Refuse such uploads: a backend
 * without `kmsKeyId` fails loudly on its first write instead of storing state under a weaker key.
 * Uploads that name no encryption still get the bucket default (the CMK).
 */
function requireKmsUploads(bucketArn: string): PolicyStatement {
  return {
    sid: "DenySseS3Uploads",
    effect: "Deny",
    principals: [{ type: "*", identifiers: ["*"] }],
    actions: ["s3:PutObject"],
    resources: [`${bucketArn}/*`],
    condition: [{ test: "StringEquals", variable: "s3:x-amz-server-side-encryption", values: ["AES256"] }],
  };
}

/**
 * State history and encryption are the bucket's, not the writer's: nobody (no principal of any
 * account) deletes an object version (undoing a bad apply means reading an old version; the
 * lifecycle rule, which this does not affect, expires them after 90 days), and no upload names a
 * KMS key other than the state key (another key's owner could read, or withhold, the state).
 * Teardown deletes this policy first (README "Bootstrap").
 */
function stateBucketGuards(bucketArn: string, stateKeyArns: string[]): PolicyStatement[] {
  const everyone = [{ type: "*", identifiers: ["*"] }];
  return [
    { sid: "DenyStateVersionDeletion", effect: "Deny", principals: everyone, actions: ["s3:DeleteObjectVersion"], resources: [`${bucketArn}/*`] },
    {
      sid: "DenyForeignKmsKeys",
      effect: "Deny",
      principals: everyone,
      actions: ["s3:PutObject"],
      resources: [`${bucketArn}/*`],
      // IfExists: an upload that names no key gets the bucket default, the state key.
      condition: [{ test: "StringNotEqualsIfExists", variable: "s3:x-amz-server-side-encryption-aws-kms-key-id", values: stateKeyArns }],
    },
  ];
}

/**
 * S3 (SSE-KMS) and DynamoDB (table encryption) use the key on behalf of this account's principals,
 * which still need IAM permission for it (the CI roles get Encrypt/Decrypt/GenerateDataKey on this
 * key alone). DynamoDB's documented key policy also needs ReEncrypt and grants for the table key.
 */
function stateServicesUseKey(aws: AwsContext): PolicyStatement {
  return {
    sid: "StateServicesUseKey",
    effect: "Allow",
    principals: [{ type: "AWS", identifiers: [`arn:${aws.partition}:iam::${aws.accountId}:root`] }],
    actions: ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
    // In a key policy "*" means "this key".
    resources: ["*"],
    condition: [
      { test: "StringEquals", variable: "kms:ViaService", values: [`s3.${aws.region}.amazonaws.com`, `dynamodb.${aws.region}.amazonaws.com`] },
      { test: "StringEquals", variable: "kms:CallerAccount", values: [aws.accountId] },
    ],
  };
}
