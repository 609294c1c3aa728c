import { z } from "zod";
import { AWS_REGIONS } from "../core/aws-limits";
import { settings } from "./strict-settings";
import { PROJECT, projectName } from "../core/naming";
import { PACKAGE_NAME } from "../core/package-root";

/**
 * Project-wide settings, beside the per-environment model (schema.ts): where Terraform keeps state,
 * which GitHub repositories CI trusts, and what the bootstrap stack creates. Read from the same
 * RECIPE_CHATBOT_CONFIG file (sections `stateBackend`, `github`, `bootstrap`); defaults live here.
 */

const list = (values: readonly string[]) => values.join(", ");

/** A string setting whose absence is reported as "is required ...", naming what it is for. */
function requiredString(requiredFor: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `is required ${requiredFor}` : "must be a string") });
}

// ---- GitHub names ----

/** GitHub user/organisation names: 1-39 letters or digits, single inner hyphens. */
export const GITHUB_OWNER_PATTERN = /^(?=.{1,39}$)[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;
/** GitHub repository names: 1-100 letters, digits, '.', '_', '-' ("." and ".." are refused separately). */
export const GITHUB_REPOSITORY_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

const githubOwner = z.string().regex(GITHUB_OWNER_PATTERN, {
  message: "must be a GitHub owner: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen",
});

const githubRepository = z
  .string()
  .regex(GITHUB_REPOSITORY_PATTERN, { message: "must be a GitHub repository name: 1-100 letters, digits, '.', '_' or '-'" })
  .refine((name) => name !== "." && name !== "..", { message: 'must not be "." or ".."' });

/** A CODEOWNERS owner: `@user` or `@org/team`. */
export const GITHUB_CODE_OWNER_PATTERN = /^@[A-Za-z0-9](-?[A-Za-z0-9])*(\/[A-Za-z0-9._-]+)?$/;

/** GitHub repository ids (the OIDC token's immutable `repository_id` claim): decimal digits. */
const githubRepositoryId = z
  .union([z.string(), z.number()])
  .transform((id) => String(id))
  .refine((id) => /^[1-9][0-9]{0,19}$/.test(id), { message: "must be a GitHub repository id: the decimal number `gh api repos/OWNER/REPO --jq .id` prints" });

/**
 * The placeholder repository id of the default project. No token carries repository_id 0, so until
 * github.repositoryId / appRepositoryId are set, the CI roles trust nobody (they fail closed).
 */
export const UNSET_REPOSITORY_ID = "0";

export const DEFAULT_GITHUB = {
  owner: PROJECT,
  /** This repository: its pull requests plan, its protected environments apply. */
  repository: PACKAGE_NAME,
  /** The application repository whose delivery workflow pushes images and rolls out services. */
  appRepository: PROJECT,
} as const;

export const githubSchema = settings({
  owner: githubOwner.default(DEFAULT_GITHUB.owner),
  repository: githubRepository.default(DEFAULT_GITHUB.repository),
  appRepository: githubRepository.default(DEFAULT_GITHUB.appRepository),
  /**
   * The immutable id of `repository` and of `appRepository`: the CI roles' trust pins the token's
   * repository_id too, so a renamed, deleted and re-created repository of the same name matches nothing.
   */
  repositoryId: githubRepositoryId.default(UNSET_REPOSITORY_ID),
  appRepositoryId: githubRepositoryId.default(UNSET_REPOSITORY_ID),
  /**
   * Production deployments wait for the GitHub stack's production_reviewer_* (Terraform variables:
   * ids are deploy-time inputs), and its plan fails when they name nobody. Only `true` here lets
   * production deploy without an approval; say so explicitly, it is the path from a push to production.
   */
  allowUnreviewedProduction: z.boolean().default(false),
  /**
   * Code owners of the application repository's `.github/` (`@user` or `@org/team`): main there
   * requires their review for any change to the workflows. Omitted: the GitHub stack's
   * workflow_code_owners variable must be given at apply.
   */
  workflowCodeOwners: z
    .array(z.string().regex(GITHUB_CODE_OWNER_PATTERN, { message: "must be a GitHub handle: @user or @org/team" }))
    .min(1, { message: "must name at least one code owner (omit it to give them at apply)" })
    .optional(),
});

// ---- AWS names ----

/** S3 general purpose bucket naming rules (AmazonS3/latest/userguide/bucketnamingrules.html). */
export const S3_BUCKET_NAME_LENGTH = { min: 3, max: 63 } as const;
const S3_BUCKET_CHARACTERS = /^[a-z0-9.-]+$/;
const S3_BUCKET_EDGES = /^[a-z0-9](.*[a-z0-9])?$/;
const IPV4_LIKE = /^\d{1,3}(\.\d{1,3}){3}$/;
/** Prefixes and suffixes S3 reserves for access points, Object Lambda and directory buckets. */
const S3_RESERVED_PREFIXES = ["xn--", "sthree-"];
const S3_RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", "--x-s3"];

/** What is wrong with a bucket name under S3's rules (empty when it is valid). */
export function s3BucketNameProblems(name: string): string[] {
  const problems: string[] = [];
  const { min, max } = S3_BUCKET_NAME_LENGTH;
  if (name.length < min || name.length > max) problems.push(`must be ${min}-${max} characters long`);
  if (!S3_BUCKET_CHARACTERS.test(name)) problems.push("may contain only lowercase letters, digits, dots and hyphens");
  if (!S3_BUCKET_EDGES.test(name)) problems.push("must start and end with a lowercase letter or digit");
  if (name.includes("..")) problems.push('must not contain ".."');
  if (IPV4_LIKE.test(name)) problems.push("must not look like an IP address");
  for (const prefix of S3_RESERVED_PREFIXES) if (name.startsWith(prefix)) problems.push(`must not start with "${prefix}" (reserved by S3)`);
  for (const suffix of S3_RESERVED_SUFFIXES) if (name.endsWith(suffix)) problems.push(`must not end with "${suffix}" (reserved by S3)`);
  return problems;
}

/** `base` (a string schema with its own missing-value message) checked against the bucket naming rules. */
const s3BucketNameIn = (base: z.ZodString) =>
  base.superRefine((name, ctx) => {
    const problems = s3BucketNameProblems(name);
    if (problems.length > 0) ctx.addIssue({ code: "custom", message: `is not a valid S3 bucket name: ${problems.join("; ")}` });
  });

/** DynamoDB table names: 3-255 letters, digits, '_', '.', '-'. */
export const DYNAMODB_TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;
const dynamodbTableNameIn = (base: z.ZodString) =>
  base.regex(DYNAMODB_TABLE_NAME_PATTERN, { message: "must be a DynamoDB table name: 3-255 letters, digits, '_', '.' or '-'" });


/** Path segments of letters, digits, '_', '.', '-' joined by single slashes, no leading or trailing slash. */
const S3_KEY_PREFIX_PATTERN = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
/** A KMS key or alias ARN (the S3 backend's kms_key_id takes an ARN). */
const KMS_ARN_PATTERN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+$/;
/** Terraform Cloud organisation and workspace names: letters, digits, '_' and '-'. */
const TFC_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const HOSTNAME_PATTERN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

// ---- State backends ----

export const STATE_BACKEND_TYPES = ["local", "s3", "cloud"] as const;

export const DEFAULT_STATE_KEY_PREFIX = PROJECT;
export const DEFAULT_TFC_HOSTNAME = "app.terraform.io";
export const DEFAULT_TFC_WORKSPACE_PREFIX = `${PROJECT}-`;

/** Terraform Cloud settings shared by the cloud backend and the bootstrap's Terraform Cloud roles. */
const tfcOrganization = (requiredFor: string) =>
  requiredString(requiredFor).regex(TFC_NAME_PATTERN, { message: "must be a Terraform Cloud organization name: letters, digits, '_' or '-'" });
const tfcHostname = z.string().regex(HOSTNAME_PATTERN, { message: "must be a host name such as app.terraform.io" }).default(DEFAULT_TFC_HOSTNAME);
const tfcWorkspacePrefix = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/, { message: "must be letters, digits, '_' or '-' (workspace names allow nothing else)" })
  .default(DEFAULT_TFC_WORKSPACE_PREFIX);

const localBackend = settings({ type: z.literal("local") });

const s3Backend = settings({
  type: z.literal("s3"),
  bucket: s3BucketNameIn(requiredString("for type s3: the state bucket (the bootstrap stack's state_bucket_name output)")),
  region: z.enum(AWS_REGIONS, { message: `must be the state bucket's AWS region: ${list(AWS_REGIONS)}` }),
  /** DynamoDB lock table; Terraform also takes the S3-native lock file (use_lockfile) while teams migrate. */
  lockTable: dynamodbTableNameIn(requiredString("for type s3: the lock table (the bootstrap stack's lock_table_name output)")),
  /** Each stack's state is `<keyPrefix>/<stack>.tfstate`. */
  keyPrefix: z
    .string()
    .regex(S3_KEY_PREFIX_PATTERN, { message: "must be path segments of letters, digits, '_', '.', '-' joined by '/', with no leading or trailing '/'" })
    .default(DEFAULT_STATE_KEY_PREFIX),
  /** Encrypt state objects with this CMK (ARN); omit to use the bucket's default encryption (the same CMK when bootstrapped here). */
  kmsKeyId: z.string().regex(KMS_ARN_PATTERN, { message: "must be a KMS key or alias ARN, e.g. arn:aws:kms:us-east-1:123456789012:key/<id>" }).optional(),
});

const cloudBackend = settings({
  type: z.literal("cloud"),
  organization: tfcOrganization("for type cloud: the Terraform Cloud / Enterprise organization name"),
  hostname: tfcHostname,
  /** Each stack's workspace is `<workspacePrefix><stack without recipe-chatbot->` (recipe-chatbot-prod). */
  workspacePrefix: tfcWorkspacePrefix,
});

export const stateBackendSchema = z.discriminatedUnion("type", [localBackend, s3Backend, cloudBackend], {
  message: `must be one of: ${list(STATE_BACKEND_TYPES)}`,
});

// ---- Bootstrap ----

export const DEFAULT_BOOTSTRAP = {
  region: "us-east-1",
  lockTableName: projectName("terraform", "locks"),
} as const;

/** The bucket name the bootstrap stack uses when none is configured: unique per account. */
export const DEFAULT_STATE_BUCKET_PREFIX = `${projectName("tfstate")}-`;

/** Terraform Cloud's default project: where a workspace lands when none is chosen. */
export const DEFAULT_TFC_PROJECT = "Default Project";
/** HCP Terraform project names: 3-40 letters, digits, spaces, '-' or '_', not starting or ending with a space. */
const TFC_PROJECT_PATTERN = /^(?=.{3,40}$)[A-Za-z0-9_-]([A-Za-z0-9 _-]*[A-Za-z0-9_-])?$/;

/**
 * Opt-in: Terraform Cloud runs the environment stacks remotely (execution mode Remote) with dynamic
 * provider credentials. The bootstrap stack then creates Terraform Cloud's IAM OIDC provider and, per
 * environment, a plan and an apply role that trust exactly that environment's workspace.
 *
 * Its own section rather than read from `stateBackend`: the bootstrap stack is applied, and stays,
 * on local or S3 state (README "Bootstrap"), and the roles must exist before the first remote run,
 * i.e. before `stateBackend` says `cloud`. When it does say `cloud`, organization, hostname and
 * workspacePrefix must agree with it (the roles would otherwise trust workspaces nobody uses).
 */
export const terraformCloudSchema = settings({
  organization: tfcOrganization("to enable Terraform Cloud roles: the organization whose workspaces run the stacks"),
  /** The Terraform Cloud project holding the workspaces (part of the token's sub claim). */
  project: z
    .string()
    .regex(TFC_PROJECT_PATTERN, { message: "must be a Terraform Cloud project name: 3-40 letters, digits, spaces, '-' or '_', no leading or trailing space" })
    .default(DEFAULT_TFC_PROJECT),
  /** app.terraform.io, or a Terraform Enterprise host: the OIDC issuer is https://<hostname>. */
  hostname: tfcHostname,
  /** Each stack's workspace is `<workspacePrefix><stack without recipe-chatbot->` (recipe-chatbot-prod), as the cloud backend names it. */
  workspacePrefix: tfcWorkspacePrefix,
  /**
   * The environments whose workspaces run remotely, hence get roles. Omitted: every environment of
   * this account (bootstrap.environments). Workspaces in Local execution mode need none.
   */
  environments: z.array(z.string()).min(1, { message: "must name at least one environment (omit it for all)" }).optional(),
});

export const bootstrapSchema = settings({
  /** Region of the state bucket, lock table and key (IAM and the OIDC provider are global). */
  region: z.enum(AWS_REGIONS, { message: `must be an AWS region: ${list(AWS_REGIONS)}` }).default(DEFAULT_BOOTSTRAP.region),
  /**
   * Bucket names are global across all AWS accounts. Omitted, the bucket is
   * `recipe-chatbot-tfstate-<account id>`, which no other account can take.
   */
  stateBucketName: s3BucketNameIn(z.string()).optional(),
  lockTableName: dynamodbTableNameIn(z.string()).default(DEFAULT_BOOTSTRAP.lockTableName),
  /**
   * The environments living in the account this bootstrap is applied to: the CI roles created here
   * act on those only. Omitted: all of them (one account for everything). With an account per
   * environment, apply the bootstrap stack once per account, each time with that account's
   * environments here and its own bucket as stateBackend.
   */
  environments: z.array(z.string()).min(1, { message: "must name at least one environment (omit it for all)" }).optional(),
  /** Off unless set: Terraform Cloud's OIDC provider and per-environment plan/apply roles. */
  terraformCloud: terraformCloudSchema.optional(),
});

export const projectSchema = settings({
  github: githubSchema,
  stateBackend: stateBackendSchema,
  bootstrap: bootstrapSchema,
}).superRefine((project, ctx) => {
  const tfc = project.bootstrap.terraformCloud;
  if (tfc === undefined) return;
  const backend = project.stateBackend;
  if (backend.type === "cloud") {
    for (const field of ["organization", "hostname", "workspacePrefix"] as const) {
      if (tfc[field] !== backend[field]) {
        ctx.addIssue({
          code: "custom",
          path: ["bootstrap", "terraformCloud", field],
          message: `is ${JSON.stringify(tfc[field])}, must equal stateBackend.${field} (${JSON.stringify(backend[field])}): the roles must trust the workspaces the cloud backend uses`,
        });
      }
    }
  }
  const inAccount = project.bootstrap.environments;
  (tfc.environments ?? []).forEach((name, i) => {
    if (inAccount !== undefined && !inAccount.includes(name)) {
      ctx.addIssue({
        code: "custom",
        path: ["bootstrap", "terraformCloud", "environments", i],
        message: `${JSON.stringify(name)} is not in bootstrap.environments (the environments of this account): ${list(inAccount)}`,
      });
    }
  });
});

export type GithubConfig = z.infer<typeof githubSchema>;
export type StateBackendConfig = z.infer<typeof stateBackendSchema>;
export type S3StateBackendConfig = Extract<StateBackendConfig, { type: "s3" }>;
export type CloudStateBackendConfig = Extract<StateBackendConfig, { type: "cloud" }>;
export type BootstrapConfig = z.infer<typeof bootstrapSchema>;
export type TerraformCloudConfig = z.infer<typeof terraformCloudSchema>;
export type ProjectConfig = z.infer<typeof projectSchema>;

/** What an absent section means: local state, the default repositories and bootstrap names. */
export const PROJECT_DEFAULTS_INPUT = { github: {}, stateBackend: { type: "local" }, bootstrap: {} } as const;
