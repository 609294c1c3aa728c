import { Construct } from "constructs";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import type { AwsContext } from "../core/aws-context";
import {
  allGithubCiRoleNames, CI_BRANCH, CI_ROLE_NAMES, CI_WORKFLOW_PATHS, environmentCiRoleName, GITHUB_ENVIRONMENTS, GITHUB_OIDC_HOST, type GithubEnvironmentName,
} from "./names";
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
   * Roles besides the GitHub roles that the apply role must never touch (the Terraform Cloud
   * roles, when enabled); it is denied writes to all of them.
   */
  readonly otherCiRoleNames?: readonly string[];
}

/** The roles of one GitHub environment (staging, production). */
export interface GithubEnvironmentRoles {
  readonly githubEnvironment: GithubEnvironmentName;
  /** The infrastructure environment it deploys (staging, prod). */
  readonly environment: string;
  readonly applyRoleArn: string;
  readonly deployRoleArn: string;
}

/**
 * GitHub Actions' OIDC provider and the CI roles (src/ci/names.ts):
 * - plan: pull requests of the infrastructure repository; read-only refresh of every environment
 *   stack of the account, state read.
 * - apply-<github environment>: the infrastructure repository's infra.yml on main, in that one GitHub
 *   environment (production: behind required reviewers); apply of that environment's stack only.
 * - deploy-<github environment>: the application repository's deploy.yml on main, in that one
 *   GitHub environment; images, image-tag parameters, task definitions and the two services.
 * Every trust pins `aud`, the exact `sub` and the immutable `repository_id`; the environment roles
 * also the workflow file and branch (`job_workflow_ref`). One role per GitHub environment: a staging
 * job, which needs no approval, can never assume a role that changes production.
 */
export class GithubOidcRoles extends Construct {
  readonly providerArn: string;
  /** Absent when the account has no environment. */
  readonly planRoleArn?: string;
  /** One entry per GitHub environment of the account (none in e.g. a dev-only account). */
  readonly environmentRoles: readonly GithubEnvironmentRoles[];

  constructor(scope: Construct, id: string, props: GithubOidcRolesProps) {
    super(scope, id);
    const { aws, github } = props;
    const provider = new IamOpenidConnectProvider(this, "provider", {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
      // No thumbprint_list: optional since AWS provider 5.x, and IAM trusts GitHub through its root CA library.
    });
    this.providerArn = provider.arn;
    this.environmentRoles = [];
    if (props.environments.length === 0) return;

    const ciScope = (environments: readonly CiEnvironment[]): CiScope => ({ partition: aws.partition, accountId: aws.accountId, environments });
    const stateKeys = (environments: readonly CiEnvironment[]) => environments.map((e) => props.state.keyOf(e.name));
    const infra = `repo:${github.owner}/${github.repository}`;
    const app = `repo:${github.owner}/${github.appRepository}`;
    // job_workflow_ref: <owner>/<repo>/<path>@<ref>. Only main's copy of the workflow: a branch that
    // edits the workflow cannot enter the environments anyway (branch policy), and now not the roles either.
    const workflowOnMain = (repository: string, path: string) => `${github.owner}/${repository}/${path}@refs/heads/${CI_BRANCH}`;

    const plan = new GithubActionsRole(this, "plan", {
      roleName: CI_ROLE_NAMES.plan,
      description: `Pull requests of ${github.owner}/${github.repository}: terraform plan (read-only)`,
      oidcProviderArn: provider.arn,
      subjects: [`${infra}:pull_request`],
      // No job_workflow_ref: a pull request runs its own version of the workflow, so pinning the
      // file would restrict nothing; the repository id still rules out a re-created repository.
      claims: { repository_id: [github.repositoryId] },
      policies: planPolicies(ciScope(props.environments), { ...props.state, stackKeys: stateKeys(props.environments) }),
    });
    suppress(plan.policies.unscoped, "RC-IAM-010", UNSCOPED_REASON);
    this.planRoleArn = plan.roleArn;

    const roleArn = (name: string) => `arn:${aws.partition}:iam::${aws.accountId}:role/${name}`;
    const ciRoleArns = [...allGithubCiRoleNames(), ...(props.otherCiRoleNames ?? [])].map(roleArn);
    const environmentRoles: GithubEnvironmentRoles[] = [];
    // Nothing for CI to apply or deploy in an account without GitHub environments (e.g. dev): no such roles to misuse.
    for (const environment of props.environments) {
      const githubEnvironment = (GITHUB_ENVIRONMENTS as Record<string, GithubEnvironmentName | undefined>)[environment.name];
      if (githubEnvironment === undefined) continue;
      const only = ciScope([environment]);
      const apply = new GithubActionsRole(this, `apply-${githubEnvironment}`, {
        roleName: environmentCiRoleName("apply", githubEnvironment),
        description: `${github.owner}/${github.repository} in GitHub environment ${githubEnvironment}: terraform apply of ${environment.name}`,
        oidcProviderArn: provider.arn,
        subjects: [`${infra}:environment:${githubEnvironment}`],
        claims: { repository_id: [github.repositoryId], job_workflow_ref: [workflowOnMain(github.repository, CI_WORKFLOW_PATHS.infra)] },
        policies: applyPolicies(only, { ...props.state, stackKeys: stateKeys([environment]), ciRoleArns }),
      });
      suppress(apply.policies.unscoped, "RC-IAM-010", UNSCOPED_REASON);
      const deploy = new GithubActionsRole(this, `deploy-${githubEnvironment}`, {
        roleName: environmentCiRoleName("deploy", githubEnvironment),
        description: `Delivery workflow of ${github.owner}/${github.appRepository} in GitHub environment ${githubEnvironment}: push images, roll out ${environment.name}`,
        oidcProviderArn: provider.arn,
        subjects: [`${app}:environment:${githubEnvironment}`],
        claims: { repository_id: [github.appRepositoryId], job_workflow_ref: [workflowOnMain(github.appRepository, CI_WORKFLOW_PATHS.deploy)] },
        policies: { delivery: deployStatements(only) },
      });
      environmentRoles.push({ githubEnvironment, environment: environment.name, applyRoleArn: apply.roleArn, deployRoleArn: deploy.roleArn });
    }
    this.environmentRoles = environmentRoles;
  }
}
