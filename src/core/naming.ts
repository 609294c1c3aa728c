/** The project's name: the prefix of every stack, resource name and tag. */
export const PROJECT = "recipe-chatbot";

/** Stack name of one environment, e.g. recipe-chatbot-prod. */
export function environmentStackName(environment: string): string {
  return `${PROJECT}-${environment}`;
}

/** Name for an environment-scoped resource, e.g. recipe-chatbot-dev-flow-logs. */
export function scopedName(environment: string, ...parts: string[]): string {
  return [PROJECT, environment, ...parts].join("-");
}

/** Task definition family of a service in an environment, e.g. recipe-chatbot-prod-backend. */
export function taskFamilyName(environment: string, service: string): string {
  return scopedName(environment, service);
}

/** A service's IAM role, e.g. recipe-chatbot-prod-backend-task / -execution / -codedeploy (blue/green). */
export function serviceRoleName(environment: string, service: string, kind: "task" | "execution" | "codedeploy"): string {
  return scopedName(environment, service, kind);
}

/** Where the delivery pipeline writes the tag it released (the deploy role may write exactly these). */
export function imageTagParameterName(environment: string, service: string): string {
  return `/${PROJECT}/${environment}/deploy/${service}-image-tag`;
}

/** The CodeDeploy application of an environment's blue/green services, e.g. recipe-chatbot-prod (rollout.sh spells it too). */
export function codeDeployApplicationName(environment: string): string {
  return scopedName(environment);
}

/** A blue/green service's CodeDeploy deployment group, e.g. recipe-chatbot-prod-backend (rollout.sh spells it too). */
export function deploymentGroupName(environment: string, service: string): string {
  return scopedName(environment, service);
}

/**
 * The second ("green") target group of a blue/green service. Target group names have at most 32
 * characters, too few for the project, environment, service and a suffix
 * (recipe-chatbot-staging-frontend alone has 31), so the project is shortened to "rc": at most
 * 3 + 12 (environment) + 1 + 8 (service) + 6 = 30.
 */
export function greenTargetGroupName(environment: string, service: string): string {
  return ["rc", environment, service, "green"].join("-");
}

/** The project as people read it: descriptions and console text. */
export const PROJECT_TITLE = "Recipe Chatbot";

/** The project as tag values and metric namespaces spell it (no hyphen), e.g. the Project cost tag. */
export const PROJECT_TAG = "RecipeChatbot";

/** Name for an account-wide resource of no environment, e.g. recipe-chatbot-terraform-state. */
export function projectName(...parts: string[]): string {
  return [PROJECT, ...parts].join("-");
}

/**
 * Permissions boundary every workload role (ECS tasks, flow logs) carries. The account layer creates
 * it; the CI apply role may only create or change roles that carry it (no path from the apply role
 * to administrator); the environments' roles name it.
 */
export const WORKLOAD_BOUNDARY_POLICY_NAME = projectName("workload", "boundary");

export function workloadBoundaryArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:policy/${WORKLOAD_BOUNDARY_POLICY_NAME}`;
}

/**
 * The Terraform Cloud workspace of a stack, `<workspacePrefix><stack without the project prefix>`
 * (recipe-chatbot-prod with the default prefix, not recipe-chatbot-recipe-chatbot-prod): the cloud
 * backend names the workspace with it, and the bootstrap stack's Terraform Cloud roles trust exactly it.
 */
export function cloudWorkspaceName(workspacePrefix: string, stackName: string): string {
  return `${workspacePrefix}${stackName.replace(new RegExp(`^${PROJECT}-`), "")}`;
}

/**
 * The role Terraform Cloud assumes for one phase of a remote run of an environment's workspace,
 * e.g. recipe-chatbot-tfc-prod-apply. Deliberately not scopedName (recipe-chatbot-prod-...): the
 * CI apply roles manage roles named `<project>-<env>*`, and must not reach these.
 */
export function terraformCloudRoleName(environment: string, phase: "plan" | "apply"): string {
  return projectName("tfc", environment, phase);
}
