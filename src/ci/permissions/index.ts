/**
 * What the GitHub Actions roles may do, as data: for every AWS service the environment stacks use,
 * the actions Terraform's refresh calls (plan), the ones create/update/delete add (apply), and the
 * ARNs of this project's resources of that service. The bootstrap stack turns it into policies
 * (src/ci/github-oidc-roles.ts); one table serves both roles, so they cannot drift apart.
 *
 * Actions are always listed (never `svc:*`). Resources are this project's names wherever AWS names
 * them deterministically, otherwise the account and region of each environment (IDs AWS generates:
 * VPCs, certificates, keys, ...). Actions that take no resource (Service Authorization Reference)
 * are kept apart as `unscoped*`, to be granted on "*" in one place.
 *
 * One file per AWS area holds its entries and any statement of its own (iam.ts: pass role, service-
 * linked roles, the workload boundary); state.ts the state store's statements, deploy.ts the
 * delivery role's. This file puts them together.
 */
import type { PolicyStatement } from "../../core/iam";
import { BUCKETS_ACCESS } from "./buckets";
import { type ApplyStateAccess, type CiScope, type PolicyGroup, type RolePolicies, type ServiceAccess, type StateAccess, tagConditions, unique } from "./catalogue";
import { CERTIFICATES_ACCESS, DNS_ACCESS, publicRecordStatements } from "./domain";
import { AUTOSCALING_ACCESS, CODEDEPLOY_ACCESS, ECS_ACCESS, REGISTRY_ACCESS, SERVICE_DISCOVERY_ACCESS } from "./ecs";
import { GUARD_DUTY_ACCESS, WAF_ACCESS } from "./edge-protection";
import { awsResourceGrantStatement, KEYS_ACCESS, protectSecretsKeyStatements } from "./encryption";
import { noRoleCreationStatements, passCodeDeployRoleStatements, passRoleStatement, ROLES_ACCESS, serviceLinkedRoleStatement, workloadBoundaryStatements } from "./iam";
import { LOAD_BALANCING_ACCESS } from "./load-balancing";
import { EC2_ACCESS } from "./networking";
import { EVENTS_ACCESS, LOGS_ACCESS, METRICS_ACCESS, TOPICS_ACCESS } from "./observability";
import { PARAMETERS_ACCESS, SECRETS_ACCESS } from "./secrets";
import { protectBootstrapStatements, stateStatements } from "./state";

export {
  POLICY_GROUPS,
  type ApplyStateAccess,
  type CiEnvironment,
  type CiScope,
  type PolicyGroup,
  type RolePolicies,
  type ServiceAccess,
  type StateAccess,
} from "./catalogue";
export { deployStatements } from "./deploy";
export { stateStatements } from "./state";

/** Why the plan and apply roles hold a statement on Resource "*" (the suppression on their `unscoped` policy). */
export const UNSCOPED_REASON =
  'These actions have no resource-level permissions in the Service Authorization Reference (Describe*/List* of EC2, ELB, ' +
  "autoscaling, GuardDuty, SNS subscriptions; Create* of certificates, health checks, hosted zones, detectors, clusters, " +
  "namespaces; log deliveries and log resource policies), so IAM only accepts them on \"*\". Every action is listed " +
  "(unscopedRead/unscopedWrite in src/ci/permissions/); everything that takes a resource is granted on project ARNs.";

/** The catalogue, in policy order: each entry's statements go to its group's policy, in this order. */
export const SERVICE_ACCESS: readonly ServiceAccess[] = [
  // network
  EC2_ACCESS,
  // edge
  LOAD_BALANCING_ACCESS, CERTIFICATES_ACCESS, DNS_ACCESS, WAF_ACCESS, GUARD_DUTY_ACCESS,
  // compute
  ECS_ACCESS, REGISTRY_ACCESS, SERVICE_DISCOVERY_ACCESS, AUTOSCALING_ACCESS, CODEDEPLOY_ACCESS, ROLES_ACCESS,
  // operations
  LOGS_ACCESS, METRICS_ACCESS, EVENTS_ACCESS, TOPICS_ACCESS,
  // data
  KEYS_ACCESS, SECRETS_ACCESS, PARAMETERS_ACCESS, BUCKETS_ACCESS,
];

/**
 * `{ sid, actions, resources }` granting `actions` on the service's resources in every environment;
 * `tags`: only where the resource carries (aws:ResourceTag) or the request sets (aws:RequestTag) the
 * environments' tags (tagConditions).
 */
function serviceStatement(
  scope: CiScope,
  access: ServiceAccess,
  sid: string,
  actions: readonly string[],
  tags?: "aws:ResourceTag" | "aws:RequestTag",
): PolicyStatement[] {
  const resourcesIn = access.resources;
  if (actions.length === 0 || !resourcesIn) return [];
  const resources = unique(scope.environments.flatMap((environment) => resourcesIn(scope, environment)));
  // An entry may have nothing in these environments (CodeDeploy where every service rolls).
  if (resources.length === 0) return [];
  const condition = tags ? tagConditions(scope, tags) : undefined;
  return [{ sid, effect: "Allow", actions: [...actions], resources, ...(condition && { condition }) }];
}

function grouped(statements: { group: PolicyGroup; statements: PolicyStatement[] }[]): RolePolicies {
  const policies: RolePolicies = {};
  for (const { group, statements: list } of statements) {
    if (list.length > 0) policies[group] = [...(policies[group] ?? []), ...list];
  }
  return policies;
}

/** One statement of every action that supports only Resource "*" (see the bootstrap stack's suppression). */
function unscopedStatement(sid: string, actions: readonly string[]): PolicyStatement[] {
  return actions.length === 0 ? [] : [{ sid, effect: "Allow", actions: unique(actions).sort(), resources: ["*"] }];
}

/** Where the roles' runs keep state. */
export interface CatalogueOptions {
  /**
   * true (default): in the bootstrap's state bucket (S3 backend), so the roles get state access.
   * false: elsewhere (Terraform Cloud keeps the state of its remote runs): no state access at all;
   * the apply role keeps the denies that protect the bootstrap's resources.
   */
  readonly stateInBucket?: boolean;
}

/** The plan role: every read Terraform's refresh makes, nothing that changes a resource. */
export function planPolicies(scope: CiScope, state: StateAccess, options: CatalogueOptions = {}): RolePolicies {
  const { stateInBucket = true } = options;
  return grouped([
    ...SERVICE_ACCESS.map((access) => ({ group: access.group, statements: serviceStatement(scope, access, `Read${access.sid}`, access.read ?? []) })),
    { group: "unscoped", statements: unscopedStatement("ReadWithoutResourceLevelPermissions", SERVICE_ACCESS.flatMap((a) => a.unscopedRead ?? [])) },
    { group: "state", statements: stateInBucket ? stateStatements(state, "read") : [] },
  ]);
}

/**
 * The apply role: what `terraform apply` (and destroy) of the environment stacks calls, on this
 * project's resources, plus explicit denies that keep it off the bootstrap stack's resources.
 */
export function applyPolicies(scope: CiScope, state: ApplyStateAccess, options: CatalogueOptions = {}): RolePolicies {
  const { stateInBucket = true } = options;
  const all = (access: ServiceAccess) => [...(access.read ?? []), ...(access.write ?? [])];
  return grouped([
    ...SERVICE_ACCESS.map((access) => ({
      group: access.group,
      statements: [
        ...serviceStatement(scope, access, `Manage${access.sid}`, all(access)),
        ...serviceStatement(scope, access, `Manage${access.sid}OfProject`, access.writeTagged ?? [], "aws:ResourceTag"),
        ...serviceStatement(scope, access, `TagOnCreate${access.sid}`, access.tagOnCreate ?? [], "aws:RequestTag"),
      ],
    })),
    {
      group: "compute",
      statements: [
        passRoleStatement(scope), ...passCodeDeployRoleStatements(scope), serviceLinkedRoleStatement(scope), ...workloadBoundaryStatements(scope),
        ...noRoleCreationStatements(scope),
      ],
    },
    { group: "edge", statements: publicRecordStatements(scope) },
    { group: "data", statements: [awsResourceGrantStatement(scope), ...protectSecretsKeyStatements(scope)] },
    {
      group: "unscoped",
      statements: unscopedStatement(
        "ManageWithoutResourceLevelPermissions",
        SERVICE_ACCESS.flatMap((a) => [...(a.unscopedRead ?? []), ...(a.unscopedWrite ?? [])]),
      ),
    },
    { group: "unscoped", statements: createTaggedStatement(scope, SERVICE_ACCESS.flatMap((a) => a.createTagged ?? [])) },
    { group: "state", statements: [...(stateInBucket ? stateStatements(state, "write") : []), ...protectBootstrapStatements(state)] },
  ]);
}

/** Creating (and tagging on create) only resources the request tags as the environments' (tagConditions). */
function createTaggedStatement(scope: CiScope, actions: readonly string[]): PolicyStatement[] {
  if (actions.length === 0) return [];
  return [{
    sid: "CreateTaggedWithoutResourceLevelPermissions",
    effect: "Allow",
    actions: unique(actions).sort(),
    resources: ["*"],
    condition: tagConditions(scope, "aws:RequestTag"),
  }];
}
