import { Construct } from "constructs";
import { TerraformOutput } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { lookUpAwsContext } from "../core/aws-context";
import { stateKey } from "../state/backends";
import { BACKEND, DEFAULT_STATE_BUCKET_PREFIX, DEFAULT_STATE_KEY_PREFIX, deploymentStrategyOf, FRONTEND, type EnvironmentConfig, type ProjectConfig } from "../config";
import { GithubOidcRoles } from "../ci/github-oidc-roles";
import type { CiEnvironment } from "../ci/permissions";
import { allGithubCiRoleNames } from "../ci/names";
import { TerraformCloudRoles, terraformCloudRoleNames } from "../ci/terraform-cloud-roles";
import { StateStore } from "../state/state-store";
import { environmentStackName, PROJECT, PROJECT_TAG, PROJECT_TITLE, projectName, WORKLOAD_BOUNDARY_POLICY_NAME } from "../core/naming";
import { PolicyGuard } from "../policy";
import { WorkloadBoundary } from "../account/workload-boundary";
import { ReadableStack } from "../core/readable-stack";

/** The stack every other stack depends on: applied first, with local state, by an administrator. */
export const BOOTSTRAP_STACK_NAME = projectName("bootstrap");

/** Cost allocation tags of the shared, environment-less resources. */
const BOOTSTRAP_TAGS = { Project: PROJECT_TAG, Environment: "Shared", ManagedBy: "cdktf", Component: "bootstrap" };

export interface BootstrapStackProps {
  readonly project: ProjectConfig;
  /**
   * The environments the CI roles act on (all of them, or those listed in bootstrap.environments):
   * the plan role reads them all, apply and deploy those with a GitHub environment.
   */
  readonly environments: readonly EnvironmentConfig[];
}

/** What the CI roles need to know of an environment: where it runs, its tags, its blue/green services. */
export function ciEnvironmentOf(e: EnvironmentConfig): CiEnvironment {
  return {
    name: e.name,
    region: e.region,
    projectTag: e.tags.project,
    environmentTag: e.tags.environment,
    publicDns: { hostedZoneId: e.hostedZoneId, domainName: e.domainName },
    blueGreenServices: [BACKEND, FRONTEND].map((s) => s.name).filter((name) => deploymentStrategyOf(e, name) === "blue-green"),
  };
}

/**
 * The bootstrap stack (BOOTSTRAP_STACK_NAME): the Terraform state store (bucket, lock table, key) and GitHub Actions'
 * OIDC provider with the CI roles; opt-in (bootstrap.terraformCloud), Terraform Cloud's OIDC provider
 * with a plan and an apply role per remotely run environment workspace. It starts on local state and is then migrated into its own
 * bucket (README "Bootstrap"). CI never applies it: it holds CI's own permissions.
 */
export class BootstrapStack extends ReadableStack {
  readonly stateStore: StateStore;
  readonly ciRoles: GithubOidcRoles;
  /** Present when bootstrap.terraformCloud is set. */
  readonly terraformCloudRoles?: TerraformCloudRoles;

  constructor(scope: Construct, props: BootstrapStackProps) {
    super(scope, BOOTSTRAP_STACK_NAME);
    const { project } = props;
    const region = project.bootstrap.region;
    new AwsProvider(this, "aws", { region, defaultTags: [{ tags: BOOTSTRAP_TAGS }] });
    const aws = lookUpAwsContext(this, region);
    PolicyGuard.applyTo(this);

    this.stateStore = new StateStore(this, "state", {
      aws,
      // Bucket names are global: the account id makes the default one this account's alone.
      bucketName: project.bootstrap.stateBucketName ?? `${DEFAULT_STATE_BUCKET_PREFIX}${aws.accountId}`,
      lockTableName: project.bootstrap.lockTableName,
      keyAlias: projectName("terraform", "state"),
    });
    const store = this.stateStore;

    // Created before any environment stack: their workload roles carry it, and the apply role may only
    // create roles that do.
    const boundary = new WorkloadBoundary(this, "workload-boundary", {
      policyName: WORKLOAD_BOUNDARY_POLICY_NAME,
      description: `Permissions boundary of every ${PROJECT_TITLE} workload role in account ${aws.accountId}`,
      // Scoped to this project's resources: a role the apply role manages can never reach another
      // project's secrets, parameters, logs or images, whatever its own policy says.
      scope: { partition: aws.partition, accountId: aws.accountId, namePrefix: PROJECT },
    });

    const keyPrefix = project.stateBackend.type === "s3" ? project.stateBackend.keyPrefix : DEFAULT_STATE_KEY_PREFIX;
    const inThisAccount = project.bootstrap.environments;
    const accountEnvironments = props.environments
      .filter((e) => inThisAccount === undefined || inThisAccount.includes(e.name))
      .map(ciEnvironmentOf);
    const tfc = project.bootstrap.terraformCloud;
    const remoteEnvironments = tfc === undefined ? [] : remoteEnvironmentsOf(accountEnvironments, tfc.environments);
    const tfcRoleNames = terraformCloudRoleNames(remoteEnvironments);
    this.ciRoles = new GithubOidcRoles(this, "github-oidc", {
      aws,
      github: project.github,
      environments: accountEnvironments,
      otherCiRoleNames: tfcRoleNames,
      // CI plans and applies only environment stacks (bootstrap and GitHub stacks are applied by admins).
      state: { bucketArn: store.bucketArn, lockTableArn: store.lockTableArn, keyArn: store.keyArn, keyOf: (e) => stateKey(keyPrefix, environmentStackName(e)) },
    });

    if (tfc !== undefined) {
      this.terraformCloudRoles = new TerraformCloudRoles(this, "terraform-cloud", {
        aws,
        terraformCloud: tfc,
        environments: remoteEnvironments,
        state: { bucketArn: store.bucketArn, lockTableArn: store.lockTableArn, keyArn: store.keyArn },
        ciRoleNames: [...allGithubCiRoleNames(), ...tfcRoleNames],
      });
    }

    // What the README's next steps need: the stateBackend settings and the roles' ARNs for the workflows.
    const outputs: Record<string, string | undefined> = {
      state_bucket_name: store.bucketName,
      state_bucket_region: region,
      lock_table_name: store.lockTableName,
      state_key_arn: store.keyArn,
      github_oidc_provider_arn: this.ciRoles.providerArn,
      plan_role_arn: this.ciRoles.planRoleArn,
      workload_boundary_arn: boundary.policyArn,
      // One apply and one deploy role per GitHub environment, e.g. production_apply_role_arn.
      ...Object.fromEntries(
        this.ciRoles.environmentRoles.flatMap((r) => [
          [`${r.githubEnvironment}_apply_role_arn`, r.applyRoleArn],
          [`${r.githubEnvironment}_deploy_role_arn`, r.deployRoleArn],
        ]),
      ),
    };
    for (const [name, value] of Object.entries(outputs)) {
      if (value !== undefined) new TerraformOutput(this, name, { value });
    }
    // The workspace variables of each remote workspace (README "Terraform Cloud").
    if (this.terraformCloudRoles !== undefined) {
      const host = tfc!.hostname;
      new TerraformOutput(this, "terraform_cloud_oidc_provider_arn", {
        value: this.terraformCloudRoles.providerArn,
        description: `IAM OIDC provider trusting https://${host} (audience aws.workload.identity)`,
      });
      for (const w of this.terraformCloudRoles.workspaces) {
        new TerraformOutput(this, `terraform_cloud_${w.environment}_plan_role_arn`, {
          value: w.planRoleArn,
          description: `TFC_AWS_PLAN_ROLE_ARN of workspace ${w.workspace} (plan phase, read-only)`,
        });
        new TerraformOutput(this, `terraform_cloud_${w.environment}_apply_role_arn`, {
          value: w.applyRoleArn,
          description: `TFC_AWS_RUN_ROLE_ARN of workspace ${w.workspace} (apply phase)`,
        });
      }
    }
  }
}

/**
 * The environments of this account whose workspaces run remotely: bootstrap.terraformCloud.environments,
 * or all of them. A name outside the account is a configuration error naming the field.
 */
function remoteEnvironmentsOf<E extends { readonly name: string }>(inAccount: readonly E[], names: readonly string[] | undefined): E[] {
  if (names === undefined) return [...inAccount];
  const known = inAccount.map((e) => e.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `bootstrap.terraformCloud.environments: ${unknown.map((n) => JSON.stringify(n)).join(", ")} is not an environment of this account; allowed: ${known.join(", ")}`,
    );
  }
  return inAccount.filter((e) => names.includes(e.name));
}
