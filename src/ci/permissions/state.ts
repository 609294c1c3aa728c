import type { PolicyStatement } from "../../core/iam";
import { BUCKETS_ACCESS } from "./buckets";
import { type ApplyStateAccess, type StateAccess, unique } from "./catalogue";
import { KEYS_ACCESS } from "./encryption";
import { ROLES_ACCESS } from "./iam";

/**
 * State access per the S3 backend documentation: list the bucket (only the workspace prefix and the
 * stacks' keys), read (plan) or read and write (apply) the stacks' state objects, and take and
 * release the lock either way: a plan holds the lock too. There is no DeleteObject on a state object.
 */
export function stateStatements(state: StateAccess, access: "read" | "write"): PolicyStatement[] {
  const objectArn = (key: string) => `${state.bucketArn}/${key}`;
  return [
    {
      sid: "ListStateKeys",
      effect: "Allow",
      actions: ["s3:ListBucket"],
      resources: [state.bucketArn],
      // `env:/` is the S3 backend's workspace prefix, which it lists on every init and plan.
      condition: [{ test: "StringEquals", variable: "s3:prefix", values: [WORKSPACE_KEY_PREFIX, ...state.stackKeys] }],
    },
    {
      sid: access === "read" ? "ReadState" : "ReadWriteState",
      effect: "Allow",
      actions: access === "read" ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject"],
      resources: state.stackKeys.map(objectArn),
    },
    // Taking a lock is writing: only the apply role may. Pull-request plans run with -lock=false, so a
    // pull request can neither block an apply nor delete the lock an apply holds.
    ...(access === "read"
      ? [
          {
            // The S3 backend reads the state's digest from the lock table even without locking.
            sid: "ReadStateDigest",
            effect: "Allow",
            actions: ["dynamodb:DescribeTable", "dynamodb:GetItem"],
            resources: [state.lockTableArn],
          },
        ]
      : [
          {
            sid: "S3LockFiles",
            effect: "Allow",
            actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
            resources: state.stackKeys.map((key) => objectArn(`${key}${LOCK_FILE_SUFFIX}`)),
          },
          {
            sid: "DynamoDbLocks",
            effect: "Allow",
            actions: ["dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem"],
            resources: [state.lockTableArn],
          },
        ]),
    {
      sid: "StateEncryption",
      effect: "Allow",
      actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"],
      resources: [state.keyArn],
    },
  ];
}

/** The S3 backend's default workspace_key_prefix, as it lists it. */
const WORKSPACE_KEY_PREFIX = "env:/";
/** The S3-native lock object sits beside the state object (use_lockfile). */
const LOCK_FILE_SUFFIX = ".tflock";

/**
 * The apply role's grants are patterns (any key of the account, roles and buckets by prefix); these
 * denies make sure none of them ever reaches the state store or the CI roles, whatever they are named.
 */
export function protectBootstrapStatements(state: ApplyStateAccess): PolicyStatement[] {
  return [
    { sid: "ProtectStateBucket", effect: "Deny", actions: [...BUCKETS_ACCESS.write], resources: [state.bucketArn] },
    { sid: "ProtectStateKey", effect: "Deny", actions: unique([...KEYS_ACCESS.write, ...KEYS_ACCESS.writeTagged, "kms:CreateGrant", "kms:RetireGrant"]), resources: [state.keyArn] },
    // UpdateAssumeRolePolicy is denied everywhere anyway (noRoleCreationStatements); named here too so
    // that this list alone keeps the CI roles' trust out of reach.
    { sid: "ProtectCiRoles", effect: "Deny", actions: [...ROLES_ACCESS.write, "iam:PassRole", "iam:UpdateAssumeRolePolicy"], resources: [...state.ciRoleArns] },
  ];
}
