import { projectName } from "../core/naming";

/**
 * Deterministic names shared by the bootstrap stack (which creates the CI roles), the GitHub stack
 * (which publishes their ARNs as Actions variables) and the workflows. Stacks share names, never
 * cross-stack references (DESIGN.md).
 */
export const CI_ROLE_NAMES = {
  /** Pull requests: read-only plan of every stack. */
  plan: projectName("github", "plan"),
  /** main, behind protected GitHub environments: terraform apply. */
  apply: projectName("github", "apply"),
  /** The application's delivery pipeline: push images, roll out services. */
  deploy: projectName("github", "deploy"),
} as const;

/** GitHub deployment environments, by the infrastructure environment they deploy. */
export const GITHUB_ENVIRONMENTS = { staging: "staging", prod: "production" } as const;

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
