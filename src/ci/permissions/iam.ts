import type { PolicyStatement } from "../../core/iam";
import { serviceRoleName, workloadBoundaryArn } from "../../core/naming";
import { environmentNames, unique, type CiEnvironment, type CiScope, type ServiceAccess } from "./catalogue";

/** Service-linked roles AWS creates on first use of ECS, ELB, ECS autoscaling and GuardDuty. */
const SERVICE_LINKED_ROLE_SERVICES = [
  "ecs.amazonaws.com",
  "elasticloadbalancing.amazonaws.com",
  "ecs.application-autoscaling.amazonaws.com",
  "guardduty.amazonaws.com",
];

/** Services the environment stacks hand roles to: ECS tasks and VPC flow logs. */
const PASSED_TO_SERVICES = ["ecs-tasks.amazonaws.com", "vpc-flow-logs.amazonaws.com"];

/** The environment's own roles (task, execution, flow logs), <project>-<env>*. */
function environmentRolesArn(scope: CiScope, environment: CiEnvironment): string {
  return `arn:${scope.partition}:iam::${scope.accountId}:role/${environmentNames(environment)}`;
}

/** The environments' roles and their inline policies. */
export const ROLES_ACCESS = {
  sid: "Roles",
  group: "compute",
  read: ["iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies"],
  // No CreateRole or UpdateAssumeRolePolicy: who may assume a role is an administrator's decision
  // (noRoleCreationStatements). Destroy still deletes the environment's roles.
  write: [
    "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:ListInstanceProfilesForRole", "iam:PutRolePolicy", "iam:TagRole",
    "iam:UntagRole", "iam:UpdateRole",
  ],
  // Only the environments' own roles (task, execution, flow logs): never the CI roles themselves.
  resources: (s, e) => [environmentRolesArn(s, e)],
} satisfies ServiceAccess;

/**
 * The apply role creates and changes roles named <project>-<env>* and may pass them to ECS; without
 * a ceiling it could create one with any policy and run it. Every role it touches must carry the
 * workload boundary, which it can neither remove nor rewrite.
 */
export function workloadBoundaryStatements(scope: CiScope): PolicyStatement[] {
  const boundaryArn = workloadBoundaryArn(scope.partition, scope.accountId);
  return [
    {
      sid: "RolesOnlyWithinWorkloadBoundary",
      effect: "Deny",
      actions: ["iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy"],
      resources: ["*"],
      condition: [{ test: "StringNotEquals", variable: "iam:PermissionsBoundary", values: [boundaryArn] }],
    },
    { sid: "KeepWorkloadBoundary", effect: "Deny", actions: ["iam:DeleteRolePermissionsBoundary"], resources: ["*"] },
    {
      sid: "ProtectWorkloadBoundary",
      effect: "Deny",
      actions: ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"],
      resources: [boundaryArn],
    },
  ];
}

/**
 * Trust policies are out of the apply role's reach. IAM has no condition key on the trust policy a
 * CreateRole or UpdateAssumeRolePolicy call carries, so "only roles trusting ecs-tasks or
 * vpc-flow-logs" cannot be written as a condition; a role the apply role could create would trust
 * whatever it says (another account, say) and outlive the job as a backdoor. So both calls are
 * denied outright: an administrator creates the workload roles (the first apply of an environment
 * stack, and any later change that adds a role or changes a trust), and CI applies everything else.
 * Denied explicitly, not just left out, so no later grant (a pattern, a managed policy) can bring them back.
 */
export function noRoleCreationStatements(scope: CiScope): PolicyStatement[] {
  return [
    { sid: "NoRoleCreationOrTrustChange", effect: "Deny", actions: ["iam:CreateRole", "iam:UpdateAssumeRolePolicy"], resources: ["*"] },
    {
      // The roles it manages trust ECS tasks or flow logs; even if one trusted the account, the apply
      // role must not become its workload (secrets, parameters) by assuming it.
      sid: "NoAssumingManagedRoles",
      effect: "Deny",
      actions: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
      resources: unique(scope.environments.map((e) => environmentRolesArn(scope, e))),
    },
  ];
}

/** Task definitions and flow logs name roles; only the environments' roles, only to those services. */
export function passRoleStatement(scope: CiScope): PolicyStatement {
  return {
    sid: "PassEnvironmentRoles",
    effect: "Allow",
    actions: ["iam:PassRole"],
    resources: unique(scope.environments.map((e) => environmentRolesArn(scope, e))),
    condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: PASSED_TO_SERVICES }],
  };
}

/**
 * A blue/green deployment group names its CodeDeploy role (<project>-<env>-<service>-codedeploy,
 * BlueGreenDeployment's roleName): only those roles, only to CodeDeploy, only where a service deploys blue-green.
 */
export function passCodeDeployRoleStatements(scope: CiScope): PolicyStatement[] {
  const roles = scope.environments.flatMap((e) =>
    (e.blueGreenServices ?? []).map((service) => `arn:${scope.partition}:iam::${scope.accountId}:role/${serviceRoleName(e.name, service, "codedeploy")}`),
  );
  if (roles.length === 0) return [];
  return [
    {
      sid: "PassCodeDeployRoles",
      effect: "Allow",
      actions: ["iam:PassRole"],
      resources: unique(roles),
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["codedeploy.amazonaws.com"] }],
    },
  ];
}

export function serviceLinkedRoleStatement(scope: CiScope): PolicyStatement {
  return {
    sid: "CreateServiceLinkedRoles",
    effect: "Allow",
    actions: ["iam:CreateServiceLinkedRole"],
    resources: [`arn:${scope.partition}:iam::${scope.accountId}:role/aws-service-role/*`],
    condition: [{ test: "StringEquals", variable: "iam:AWSServiceName", values: SERVICE_LINKED_ROLE_SERVICES }],
  };
}
