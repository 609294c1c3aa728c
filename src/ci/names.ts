import { projectName } from "../core/naming";

/**
 * Deterministic names shared by the bootstrap stack (which creates the CI roles), the GitHub stack
 * (which publishes their ARNs as Actions variables) and the workflows. Stacks share names, never
 * cross-stack references (DESIGN.md).
 */
export const CI_ROLE_NAMES = {
  /** Pull requests: read-only plan of every stack. */
  plan: projectName("github", "plan"),
} as const;

/** GitHub deployment environments, by the infrastructure environment they deploy. */
export const GITHUB_ENVIRONMENTS = { staging: "staging", prod: "production" } as const;
export type GithubEnvironmentName = (typeof GITHUB_ENVIRONMENTS)[keyof typeof GITHUB_ENVIRONMENTS];

/**
 * One apply and one deploy role per GitHub environment, e.g. recipe-chatbot-github-apply-production:
 * a staging job (no approval) must never hold a role that can change production, so no role trusts
 * two environments. Deliberately not `<project>-<env>*`, which the apply roles manage.
 */
export function environmentCiRoleName(kind: "apply" | "deploy", githubEnvironment: GithubEnvironmentName): string {
  return projectName("github", kind, githubEnvironment);
}

/** Every GitHub CI role name of the account, for the deny lists (the apply roles must never touch any). */
export function allGithubCiRoleNames(): string[] {
  const perEnvironment = Object.values(GITHUB_ENVIRONMENTS).flatMap((e) => [environmentCiRoleName("apply", e), environmentCiRoleName("deploy", e)]);
  return [CI_ROLE_NAMES.plan, ...perEnvironment];
}

/** The branch CI applies and deploys from (GitHub stack: DEFAULT_BRANCH); the environment roles trust only its workflows. */
export const CI_BRANCH = "main";

/** The workflows the environment roles trust (job_workflow_ref), by path in their repository. */
export const CI_WORKFLOW_PATHS = {
  /** This repository's pipeline: tests, plans and applies. */
  infra: ".github/workflows/infra.yml",
  /** The application repository's delivery workflow (rendered from assets/deploy.yml). */
  deploy: ".github/workflows/deploy.yml",
} as const;

/** GitHub's OIDC issuer host, as IAM names it. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

/**
 * The audience Terraform Cloud's workload identity tokens carry for AWS by default
 * (TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE). Its issuer is https://<hostname> of the organization.
 */
export const TERRAFORM_CLOUD_OIDC_AUDIENCE = "aws.workload.identity";

/** The `sub` claim of a Terraform Cloud run phase: organization, project, workspace and phase, all exact. */
export function terraformCloudSubject(organization: string, project: string, workspace: string, phase: "plan" | "apply"): string {
  return `organization:${organization}:project:${project}:workspace:${workspace}:run_phase:${phase}`;
}

/**
 * The workload boundary's name is the account layer's and the environments' as much as CI's, so it
 * lives in core/naming. Re-exported only while src/stacks/environment-stack.ts still imports
 * workloadBoundaryArn from here: import both from core/naming.
 */
export { WORKLOAD_BOUNDARY_POLICY_NAME, workloadBoundaryArn } from "../core/naming";
