import { Construct } from "constructs";
import { Fn } from "cdktf";
import { ActionsVariable } from "@cdktf/provider-github/lib/actions-variable";
import { BranchProtection } from "@cdktf/provider-github/lib/branch-protection";
import { GithubProvider } from "@cdktf/provider-github/lib/provider";
import { RepositoryFile } from "@cdktf/provider-github/lib/repository-file";
import { PolicyGuard } from "../policy";
import { GITHUB_RULES } from "../policy/rules/github";
import { PACKAGE_NAME } from "../core/package-root";
import { CI_BRANCH, CI_ROLE_NAMES, environmentCiRoleName, GITHUB_ENVIRONMENTS, type GithubEnvironmentName } from "../ci/names";
import { BACKEND, CLUSTER_NAME, FRONTEND, ecsServiceName, type EnvironmentConfig, type ServiceDefinition } from "../config";
import { DeliveryWorkflowFile, loadDeliveryWorkflow } from "../github/delivery-workflow";
import { GithubDeploymentEnvironment } from "../github/environment";
import { GithubVariables } from "../github/variables";
import { projectName } from "../core/naming";
import { ReadableStack } from "../core/readable-stack";

export const GITHUB_STACK_NAME = projectName("github");

export interface GithubStackProps {
  /** Defaults of the github_owner, github_repository and app_repository variables. */
  readonly github: {
    readonly owner: string;
    /** This infrastructure repository. */
    readonly repository: string;
    /** The application repository (backend/ and frontend/), which gets the delivery workflow. */
    readonly appRepository: string;
    /** Default of the workflow_code_owners variable (config github.workflowCodeOwners). */
    readonly workflowCodeOwners?: readonly string[];
    /** Lets the plan pass with no production reviewer (config github.allowUnreviewedProduction). @default false */
    readonly allowUnreviewedProduction?: boolean;
  };
  /** Every environment stack: PRs plan all of them; those in GITHUB_ENVIRONMENTS also deploy from CI. */
  readonly environments: readonly EnvironmentConfig[];
}

/** Where GitHub reads code owners from; .github/ itself is owned, so the file protects itself too. */
export const CODE_OWNERS_PATH = ".github/CODEOWNERS";

/** The branch everything deploys from; environments admit only it and it is protected. */
export const DEFAULT_BRANCH = CI_BRANCH;

/** Status checks of .github/workflows/infra.yml, by the names its jobs report (`name:`). */
export const INFRA_WORKFLOW_CHECKS = {
  test: "test",
  synth: "synth",
  plan: (environment: string) => `plan (${environment})`,
} as const;

/** What main of the infrastructure repository requires before a merge: tests and every plan. */
export function infraRequiredChecks(environments: readonly EnvironmentConfig[]): string[] {
  return [INFRA_WORKFLOW_CHECKS.test, INFRA_WORKFLOW_CHECKS.synth, ...environments.map((e) => INFRA_WORKFLOW_CHECKS.plan(e.name))];
}

/** Actions variables the workflows read (`vars.NAME`). */
export const ACTIONS_VARIABLES = {
  region: "AWS_REGION",
  /** dev / staging / prod: the stack and the parameter paths (GitHub calls prod "production"). */
  environmentName: "ENVIRONMENT_NAME",
  applyRoleArn: "AWS_APPLY_ROLE_ARN",
  deployRoleArn: "AWS_DEPLOY_ROLE_ARN",
  cluster: "ECS_CLUSTER",
  ecrRepository: (service: ServiceDefinition) => `ECR_${service.name.toUpperCase()}_REPOSITORY`,
  ecsService: (service: ServiceDefinition) => `ECS_${service.name.toUpperCase()}_SERVICE`,
  /**
   * Repository-level JSON, environment -> { role_arn, region }: pull requests never enter the
   * GitHub environments (they admit main only), so the plan roles cannot be environment variables.
   */
  planTargets: "AWS_PLAN_TARGETS",
} as const;

/** Every region the configuration allows (AWS_REGIONS) is in the commercial partition. */
const AWS_PARTITION = "aws";
const AWS_DNS_SUFFIX = "amazonaws.com";
/** Approvals a pull request into main needs. */
const REQUIRED_APPROVALS = 1;
/** The environments whose jobs wait for a reviewer. */
const REVIEWED_ENVIRONMENTS: readonly string[] = [GITHUB_ENVIRONMENTS.prod];

/** The GitHub environment an environment stack deploys through, if CI deploys it at all. */
function githubEnvironmentOf(environment: EnvironmentConfig): GithubEnvironmentName | undefined {
  return (GITHUB_ENVIRONMENTS as Record<string, GithubEnvironmentName>)[environment.name];
}

/**
 * The GitHub stack (GITHUB_STACK_NAME): repository settings through the GitHub provider. For the application and
 * this infrastructure repository, the deployment environments (staging, production) with their
 * branch rule, reviewers and Actions variables; main's protection here; the application's delivery
 * workflow and main's protection with code owners on .github/ there. Only github_* resources, checked
 * by the policy guard's GitHub rules.
 *
 * The provider authenticates with the GITHUB_TOKEN environment variable (never in code, variables
 * or state); it needs administration rights on both repositories.
 */
export class GithubStack extends ReadableStack {
  constructor(scope: Construct, props: GithubStackProps) {
    super(scope, GITHUB_STACK_NAME);
    const inputs = new GithubVariables(this, "inputs", {
      defaults: props.github,
      allowUnreviewedProduction: props.github.allowUnreviewedProduction,
      environmentNames: props.environments.map((e) => e.name),
    });
    // GitHub rules (src/policy/rules/github.ts): reviewed main in both repositories, production behind reviewers.
    PolicyGuard.applyTo(this, GITHUB_RULES);
    const { infraRepository, appRepository } = inputs;

    // No token here: the provider reads GITHUB_TOKEN from the environment.
    new GithubProvider(this, "github", { owner: inputs.owner });

    const accountId = (environment: EnvironmentConfig) => inputs.accountId(environment.name);
    const roleArn = (environment: EnvironmentConfig, role: string) => `arn:${AWS_PARTITION}:iam::${accountId(environment)}:role/${role}`;
    const registryUrl = (environment: EnvironmentConfig, service: ServiceDefinition) =>
      `${accountId(environment)}.dkr.ecr.${environment.region}.${AWS_DNS_SUFFIX}/${service.repositoryName}`;

    for (const environment of props.environments) {
      const githubEnvironment = githubEnvironmentOf(environment);
      if (githubEnvironment === undefined) continue; // e.g. dev: developers apply and deploy it themselves
      const common = { [ACTIONS_VARIABLES.region]: environment.region, [ACTIONS_VARIABLES.environmentName]: environment.name };
      const protection = {
        environment: githubEnvironment,
        branches: [DEFAULT_BRANCH],
        reviewers: REVIEWED_ENVIRONMENTS.includes(githubEnvironment) ? inputs.productionReviewers : undefined,
      };
      new GithubDeploymentEnvironment(this, `infra-${githubEnvironment}`, {
        ...protection,
        repository: infraRepository,
        variables: { ...common, [ACTIONS_VARIABLES.applyRoleArn]: roleArn(environment, environmentCiRoleName("apply", githubEnvironment)) },
      });
      new GithubDeploymentEnvironment(this, `app-${githubEnvironment}`, {
        ...protection,
        repository: appRepository,
        variables: {
          ...common,
          [ACTIONS_VARIABLES.deployRoleArn]: roleArn(environment, environmentCiRoleName("deploy", githubEnvironment)),
          [ACTIONS_VARIABLES.cluster]: CLUSTER_NAME,
          ...Object.fromEntries(
            [BACKEND, FRONTEND].flatMap((service) => [
              [ACTIONS_VARIABLES.ecrRepository(service), registryUrl(environment, service)],
              [ACTIONS_VARIABLES.ecsService(service), ecsServiceName(service)],
            ]),
          ),
        },
      });
    }

    new ActionsVariable(this, "infra-plan-targets", {
      repository: infraRepository,
      variableName: ACTIONS_VARIABLES.planTargets,
      value: Fn.jsonencode(
        Object.fromEntries(
          props.environments.map((environment) => [
            environment.name,
            { role_arn: roleArn(environment, CI_ROLE_NAMES.plan), region: environment.region },
          ]),
        ),
      ),
    });

    new BranchProtection(this, "infra-main-protection", {
      repositoryId: infraRepository, // the provider takes the name or the node id
      pattern: DEFAULT_BRANCH,
      // Everything reaches main through a reviewed pull request whose tests and plans passed, admins included.
      enforceAdmins: true,
      allowsForcePushes: false,
      allowsDeletions: false,
      requireConversationResolution: true,
      requiredStatusChecks: [{ strict: true, contexts: infraRequiredChecks(props.environments) }],
      requiredPullRequestReviews: [
        { requiredApprovingReviewCount: REQUIRED_APPROVALS, dismissStaleReviews: true, requireLastPushApproval: true },
      ],
    });

    // The application repository deploys to production with the API keys: a push to its main must be
    // reviewed, and a change to its workflows reviewed by their code owners. enforce_admins stays
    // off there: this stack commits deploy.yml and CODEOWNERS to main with an admin's token (and
    // admins can change the protection itself anyway); production's reviewers still gate every deploy.
    new BranchProtection(this, "app-main-protection", {
      repositoryId: appRepository,
      pattern: DEFAULT_BRANCH,
      enforceAdmins: false,
      allowsForcePushes: false,
      allowsDeletions: false,
      requireConversationResolution: true,
      requiredPullRequestReviews: [
        {
          requiredApprovingReviewCount: REQUIRED_APPROVALS,
          dismissStaleReviews: true,
          requireLastPushApproval: true,
          requireCodeOwnerReviews: true,
        },
      ],
    });
    new RepositoryFile(this, "app-code-owners", {
      repository: appRepository,
      branch: DEFAULT_BRANCH,
      file: CODE_OWNERS_PATH,
      // One line, no newline: a multi-line value would render as a heredoc in the HCL output. The
      // commit message says who manages the file.
      content: `/.github/ ${inputs.workflowCodeOwners}`,
      commitMessage: `Update ${CODE_OWNERS_PATH} (managed by ${PACKAGE_NAME})`,
      overwriteOnCreate: true,
    });

    new DeliveryWorkflowFile(this, "delivery-workflow", {
      repository: appRepository,
      branch: DEFAULT_BRANCH,
      content: loadDeliveryWorkflow(),
    });
  }
}
