/**
 * Deterministic names shared by the bootstrap stack (which creates the CI roles), the GitHub stack
 * (which publishes their ARNs as Actions variables) and the workflows. Stacks share names, never
 * cross-stack references (DESIGN.md).
 */
export const CI_ROLE_NAMES = {
  /** Pull requests: read-only plan of every stack. */
  plan: "recipe-chatbot-github-plan",
  /** main, behind protected GitHub environments: terraform apply. */
  apply: "recipe-chatbot-github-apply",
  /** The application's delivery pipeline: push images, roll out services. */
  deploy: "recipe-chatbot-github-deploy",
} as const;

/** GitHub deployment environments, by the infrastructure environment they deploy. */
export const GITHUB_ENVIRONMENTS = { staging: "staging", prod: "production" } as const;

/** GitHub's OIDC issuer host, as IAM names it. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

/**
 * Permissions boundary every workload role (ECS tasks, flow logs) carries. The bootstrap stack creates
 * it; the apply role may only create or change roles that carry it, so a role it creates can never
 * hold more than a workload needs (no path from the apply role to administrator).
 */
export const WORKLOAD_BOUNDARY_POLICY_NAME = "recipe-chatbot-workload-boundary";

export function workloadBoundaryArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:policy/${WORKLOAD_BOUNDARY_POLICY_NAME}`;
}
