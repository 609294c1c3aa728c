import { Construct } from "constructs";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import type { AwsContext } from "../core/aws-context";
import { CI_ROLE_NAMES, GITHUB_ENVIRONMENTS, GITHUB_OIDC_HOST } from "./names";
import { applyPolicies, deployStatements, planPolicies, UNSCOPED_REASON, type CiEnvironment, type CiScope } from "./permissions";
import type { GithubConfig } from "../config";
import { suppress } from "../policy";
import { GITHUB_OIDC_AUDIENCE, GithubActionsRole } from "./github-actions-role";

export interface GithubOidcRolesProps {
  readonly aws: AwsContext;
  readonly github: GithubConfig;
  /** The environments of this account: the plan role reads them all. */
  readonly environments: readonly CiEnvironment[];
  readonly state: {
    readonly bucketArn: string;
    readonly lockTableArn: string;
    readonly keyArn: string;
    /** State object key of an environment's stack (stateKey of its environmentStackName). */
    readonly keyOf: (environment: string) => string;
  };
  /**
   * Roles besides the three GitHub roles that the apply role must never touch (the Terraform Cloud
   * roles, when enabled); it is denied writes to all of them.
   */
  readonly otherCiRoleNames?: readonly string[];
}

/**
 * GitHub Actions' OIDC provider and the three CI roles (src/ci/names.ts):
 * - plan: pull requests of the infrastructure repository; read-only refresh of every environment
 *   stack of the account, state read and locks.
 * - apply: the infrastructure repository's jobs in the staging/production GitHub environments
 *   (protected by required reviewers there); apply of those environments' stacks.
 * - deploy: the application repository's jobs in the same GitHub environments; images, image-tag
 *   parameters, task definitions and the two services, nothing else.
 * Each `sub` value is exact: a job with a GitHub environment gets `...:environment:NAME`, never a ref.
 */
export class GithubOidcRoles extends Construct {
  readonly providerArn: string;
  /** Absent when the account has no environment. */
  readonly planRoleArn?: string;
  /** Absent when no environment of the account has a GitHub environment (nothing for CI to apply). */
  readonly applyRoleArn?: string;
  readonly deployRoleArn?: string;

  constructor(scope: Construct, id: string, props: GithubOidcRolesProps) {
    super(scope, id);
    const { aws, github } = props;
    const provider = new IamOpenidConnectProvider(this, "provider", {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
      // No thumbprint_list: optional since AWS provider 5.x, and IAM trusts GitHub through its root CA library.
    });
    this.providerArn = provider.arn;
    if (props.environments.length === 0) return;

    const ciScope = (environments: readonly CiEnvironment[]): CiScope => ({ partition: aws.partition, accountId: aws.accountId, environments });
    const stateKeys = (environments: readonly CiEnvironment[]) => environments.map((e) => props.state.keyOf(e.name));
    const delivered = props.environments.filter((e) => e.name in GITHUB_ENVIRONMENTS);
    const githubEnvironment = (e: CiEnvironment) => GITHUB_ENVIRONMENTS[e.name as keyof typeof GITHUB_ENVIRONMENTS];
    const infra = `repo:${github.owner}/${github.repository}`;
    const app = `repo:${github.owner}/${github.appRepository}`;

    const plan = new GithubActionsRole(this, "plan", {
      roleName: CI_ROLE_NAMES.plan,
      description: `Pull requests of ${github.owner}/${github.repository}: terraform plan (read-only)`,
      oidcProviderArn: provider.arn,
      subjects: [`${infra}:pull_request`],
      policies: planPolicies(ciScope(props.environments), { ...props.state, stackKeys: stateKeys(props.environments) }),
    });
    suppress(plan.policies.unscoped, "RC-IAM-010", UNSCOPED_REASON);
    this.planRoleArn = plan.roleArn;

    // Nothing for CI to apply or deploy here (e.g. the dev account): no such roles to misuse.
    if (delivered.length === 0) return;
    const roleArn = (name: string) => `arn:${aws.partition}:iam::${aws.accountId}:role/${name}`;
    const apply = new GithubActionsRole(this, "apply", {
      roleName: CI_ROLE_NAMES.apply,
      description: `${github.owner}/${github.repository} in GitHub environments ${delivered.map(githubEnvironment).join(", ")}: terraform apply`,
      oidcProviderArn: provider.arn,
      subjects: delivered.map((e) => `${infra}:environment:${githubEnvironment(e)}`),
      policies: applyPolicies(ciScope(delivered), {
        ...props.state,
        stackKeys: stateKeys(delivered),
        ciRoleArns: [...Object.values(CI_ROLE_NAMES), ...(props.otherCiRoleNames ?? [])].map(roleArn),
      }),
    });
    suppress(apply.policies.unscoped, "RC-IAM-010", UNSCOPED_REASON);
    this.applyRoleArn = apply.roleArn;

    const deploy = new GithubActionsRole(this, "deploy", {
      roleName: CI_ROLE_NAMES.deploy,
      description: `Delivery workflow of ${github.owner}/${github.appRepository}: push images, roll out services`,
      oidcProviderArn: provider.arn,
      subjects: delivered.map((e) => `${app}:environment:${githubEnvironment(e)}`),
      policies: { delivery: deployStatements(ciScope(delivered)) },
    });
    this.deployRoleArn = deploy.roleArn;
  }
}
