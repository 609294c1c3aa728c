import { workloadBoundaryArn } from "./ci-names";
/**
 * What the GitHub Actions roles may do, as data: for every AWS service the environment stacks use,
 * the actions Terraform's refresh calls (plan), the ones create/update/delete add (apply), and the
 * ARNs of this project's resources of that service. The bootstrap stack turns it into policies
 * (src/constructs/github-oidc-roles.ts); one table serves both roles, so they cannot drift apart.
 *
 * Actions are always listed (never `svc:*`). Resources are this project's names wherever AWS names
 * them deterministically, otherwise the account and region of each environment (IDs AWS generates:
 * VPCs, certificates, keys, ...). Actions that take no resource (Service Authorization Reference)
 * are kept apart as `unscoped*`, to be granted on "*" in one place.
 */
import { BACKEND, CLUSTER_NAME, FRONTEND, ecsServiceName, type ServiceDefinition } from "./config";
import type { PolicyStatement } from "./core/iam";
import { PROJECT, imageTagParameterName, scopedName, serviceRoleName, taskFamilyName } from "./core/naming";

/** An environment the CI roles reach: its name (resource names) and region (ARNs). */
export interface CiEnvironment {
  readonly name: string;
  readonly region: string;
}

/** The account the roles live in, and the environments they act on. */
export interface CiScope {
  readonly partition: string;
  readonly accountId: string;
  readonly environments: readonly CiEnvironment[];
}

/** The state store as the roles use it (the bootstrap stack's own resources). */
export interface StateAccess {
  readonly bucketArn: string;
  readonly lockTableArn: string;
  readonly keyArn: string;
  /** The stacks whose state the roles may read (plan) and write (apply), e.g. recipe-chatbot-prod. */
  readonly stackKeys: readonly string[];
}

/**
 * Managed policies a role gets. IAM limits one managed policy to 6,144 characters (without
 * whitespace) and a role to 10 attached policies, so the catalogue is split by area.
 */
export const POLICY_GROUPS = ["network", "edge", "compute", "operations", "data", "unscoped", "state"] as const;
export type PolicyGroup = (typeof POLICY_GROUPS)[number];
export type RolePolicies = Partial<Record<PolicyGroup, PolicyStatement[]>>;

interface ServiceAccess {
  /** Statement id stem, e.g. Ec2 -> ReadEc2 / ManageEc2. */
  readonly sid: string;
  readonly group: Exclude<PolicyGroup, "unscoped" | "state">;
  /** Read actions with resource-level permissions (plan and apply). */
  readonly read?: readonly string[];
  /** Write actions with resource-level permissions (apply only). */
  readonly write?: readonly string[];
  /** Read actions that support only Resource "*". */
  readonly unscopedRead?: readonly string[];
  /** Write actions that support only Resource "*". */
  readonly unscopedWrite?: readonly string[];
  /** This project's resources of the service in one environment (ARNs or ARN patterns). */
  readonly resources?: (scope: CiScope, environment: CiEnvironment) => string[];
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` in the environment's region. */
function arn(scope: CiScope, environment: CiEnvironment, service: string, resource: string): string {
  return `arn:${scope.partition}:${service}:${environment.region}:${scope.accountId}:${resource}`;
}

/** Every name this project gives an environment's resources starts with this, e.g. recipe-chatbot-dev*. */
function environmentNames(environment: CiEnvironment): string {
  return `${scopedName(environment.name)}*`;
}

const SERVICES: readonly ServiceDefinition[] = [BACKEND, FRONTEND];

/** Service-linked roles AWS creates on first use of ECS, ELB, ECS autoscaling and GuardDuty. */
const SERVICE_LINKED_ROLE_SERVICES = [
  "ecs.amazonaws.com",
  "elasticloadbalancing.amazonaws.com",
  "ecs.application-autoscaling.amazonaws.com",
  "guardduty.amazonaws.com",
];

/** Services the environment stacks hand roles to: ECS tasks and VPC flow logs. */
const PASSED_TO_SERVICES = ["ecs-tasks.amazonaws.com", "vpc-flow-logs.amazonaws.com"];

export const SERVICE_ACCESS: readonly ServiceAccess[] = [
  {
    sid: "Ec2",
    group: "network",
    unscopedRead: [
      "ec2:DescribeAddresses", "ec2:DescribeAddressesAttribute", "ec2:DescribeAvailabilityZones", "ec2:DescribeFlowLogs",
      "ec2:DescribeInternetGateways", "ec2:DescribeNatGateways", "ec2:DescribeNetworkAcls", "ec2:DescribeNetworkInterfaces",
      "ec2:DescribePrefixLists", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcEndpointServices", "ec2:DescribeVpcEndpoints",
      "ec2:DescribeVpcs",
    ],
    write: [
      "ec2:AllocateAddress", "ec2:AssociateRouteTable", "ec2:AttachInternetGateway", "ec2:AuthorizeSecurityGroupEgress",
      "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateFlowLogs", "ec2:CreateInternetGateway", "ec2:CreateNatGateway",
      "ec2:CreateNetworkAcl", "ec2:CreateNetworkAclEntry", "ec2:CreateRoute", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup",
      "ec2:CreateSubnet", "ec2:CreateTags", "ec2:CreateVpc", "ec2:CreateVpcEndpoint", "ec2:DeleteFlowLogs",
      "ec2:DeleteInternetGateway", "ec2:DeleteNatGateway", "ec2:DeleteNetworkAcl", "ec2:DeleteNetworkAclEntry", "ec2:DeleteRoute",
      "ec2:DeleteRouteTable", "ec2:DeleteSecurityGroup", "ec2:DeleteSubnet", "ec2:DeleteTags", "ec2:DeleteVpc",
      "ec2:DeleteVpcEndpoints", "ec2:DetachInternetGateway", "ec2:DisassociateAddress", "ec2:DisassociateRouteTable",
      "ec2:ModifySecurityGroupRules", "ec2:ModifySubnetAttribute", "ec2:ModifyVpcAttribute", "ec2:ModifyVpcEndpoint",
      "ec2:ReleaseAddress", "ec2:ReplaceNetworkAclAssociation", "ec2:ReplaceNetworkAclEntry", "ec2:ReplaceRoute",
      "ec2:ReplaceRouteTableAssociation", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
      "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
    ],
    // EC2 IDs are generated (vpc-0abc...): the environment's account and region is as narrow as it gets.
    resources: (s, e) => [arn(s, e, "ec2", "*")],
  },
  {
    sid: "LoadBalancing",
    group: "edge",
    unscopedRead: [
      "elasticloadbalancing:DescribeCapacityReservation", "elasticloadbalancing:DescribeListenerAttributes",
      "elasticloadbalancing:DescribeListenerCertificates", "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth",
    ],
    write: [
      "elasticloadbalancing:AddTags", "elasticloadbalancing:CreateListener", "elasticloadbalancing:CreateLoadBalancer",
      "elasticloadbalancing:CreateRule", "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:ModifyRule", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:RemoveTags", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetRulePriorities",
      "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets", "elasticloadbalancing:SetWebAcl",
    ],
    resources: (s, e) =>
      ["loadbalancer/app", "listener/app", "listener-rule/app", "targetgroup"].map((type) =>
        arn(s, e, "elasticloadbalancing", `${type}/${environmentNames(e)}`),
      ),
  },
  {
    sid: "Certificates",
    group: "edge",
    read: ["acm:DescribeCertificate", "acm:ListTagsForCertificate"],
    write: ["acm:AddTagsToCertificate", "acm:DeleteCertificate", "acm:RemoveTagsFromCertificate", "acm:UpdateCertificateOptions"],
    unscopedWrite: ["acm:RequestCertificate"],
    resources: (s, e) => [arn(s, e, "acm", "certificate/*")],
  },
  {
    sid: "Dns",
    group: "edge",
    read: ["route53:GetChange", "route53:GetHealthCheck", "route53:GetHostedZone", "route53:ListResourceRecordSets", "route53:ListTagsForResource"],
    write: [
      "route53:ChangeResourceRecordSets", "route53:ChangeTagsForResource", "route53:DeleteHealthCheck", "route53:DeleteHostedZone",
      "route53:UpdateHealthCheck",
    ],
    // CreateHostedZone and ListHostedZonesByName: Cloud Map creates the private namespace's zone as the caller.
    unscopedRead: ["route53:ListHostedZonesByName"],
    unscopedWrite: ["route53:CreateHealthCheck", "route53:CreateHostedZone"],
    // Route 53 ARNs carry no account or region; the public zone is a deploy-time variable.
    resources: (s) => ["hostedzone/*", "healthcheck/*", "change/*"].map((resource) => `arn:${s.partition}:route53:::${resource}`),
  },
  {
    sid: "Waf",
    group: "edge",
    read: ["wafv2:GetLoggingConfiguration", "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:ListResourcesForWebACL", "wafv2:ListTagsForResource"],
    write: [
      "wafv2:AssociateWebACL", "wafv2:CreateWebACL", "wafv2:DeleteLoggingConfiguration", "wafv2:DeleteWebACL", "wafv2:DisassociateWebACL",
      "wafv2:PutLoggingConfiguration", "wafv2:TagResource", "wafv2:UntagResource", "wafv2:UpdateWebACL",
    ],
    resources: (s, e) => [
      arn(s, e, "wafv2", `regional/webacl/${environmentNames(e)}`),
      // The AWS managed rule groups the web ACL references (owned by AWS, hence any account).
      `arn:${s.partition}:wafv2:${e.region}:*:regional/managedruleset/*`,
      // Association is authorised on the load balancer too.
      arn(s, e, "elasticloadbalancing", `loadbalancer/app/${environmentNames(e)}`),
    ],
  },
  {
    sid: "GuardDuty",
    group: "edge",
    read: ["guardduty:GetDetector", "guardduty:ListTagsForResource"],
    write: ["guardduty:DeleteDetector", "guardduty:TagResource", "guardduty:UntagResource", "guardduty:UpdateDetector"],
    unscopedRead: ["guardduty:ListDetectors"],
    unscopedWrite: ["guardduty:CreateDetector"],
    resources: (s, e) => [arn(s, e, "guardduty", "detector/*")],
  },
  {
    sid: "Ecs",
    group: "compute",
    read: ["ecs:DescribeClusters", "ecs:DescribeServices", "ecs:ListTagsForResource"],
    write: [
      "ecs:CreateService", "ecs:DeleteCluster", "ecs:DeleteService", "ecs:PutClusterCapacityProviders", "ecs:TagResource",
      "ecs:UntagResource", "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:UpdateService",
    ],
    unscopedRead: ["ecs:DescribeTaskDefinition"],
    unscopedWrite: ["ecs:CreateCluster", "ecs:DeregisterTaskDefinition", "ecs:RegisterTaskDefinition"],
    resources: (s, e) => [
      arn(s, e, "ecs", `cluster/${CLUSTER_NAME}`),
      arn(s, e, "ecs", `service/${CLUSTER_NAME}/*`),
      arn(s, e, "ecs", `task-definition/${environmentNames(e)}:*`),
    ],
  },
  {
    sid: "Registry",
    group: "compute",
    read: ["ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy", "ecr:ListTagsForResource"],
    write: [
      "ecr:CreateRepository", "ecr:DeleteLifecyclePolicy", "ecr:DeleteRepository", "ecr:PutImageScanningConfiguration",
      "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy", "ecr:TagResource", "ecr:UntagResource",
    ],
    resources: (s, e) => SERVICES.map((service) => arn(s, e, "ecr", `repository/${service.repositoryName}`)),
  },
  {
    sid: "ServiceDiscovery",
    group: "compute",
    read: ["servicediscovery:GetNamespace", "servicediscovery:GetService", "servicediscovery:ListTagsForResource"],
    write: [
      "servicediscovery:CreateService", "servicediscovery:DeleteNamespace", "servicediscovery:DeleteService",
      "servicediscovery:TagResource", "servicediscovery:UntagResource", "servicediscovery:UpdatePrivateDnsNamespace",
      "servicediscovery:UpdateService",
    ],
    unscopedRead: ["servicediscovery:GetOperation"],
    unscopedWrite: ["servicediscovery:CreatePrivateDnsNamespace"],
    resources: (s, e) => [arn(s, e, "servicediscovery", "namespace/*"), arn(s, e, "servicediscovery", "service/*")],
  },
  {
    sid: "Autoscaling",
    group: "compute",
    read: ["application-autoscaling:ListTagsForResource"],
    write: [
      "application-autoscaling:DeleteScalingPolicy", "application-autoscaling:DeregisterScalableTarget",
      "application-autoscaling:PutScalingPolicy", "application-autoscaling:RegisterScalableTarget",
      "application-autoscaling:TagResource", "application-autoscaling:UntagResource",
    ],
    unscopedRead: ["application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies"],
    resources: (s, e) => [arn(s, e, "application-autoscaling", "scalable-target/*")],
  },
  {
    sid: "Roles",
    group: "compute",
    read: ["iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies"],
    write: [
      "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:ListInstanceProfilesForRole", "iam:PutRolePolicy",
      "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole",
    ],
    // Only the environments' own roles (task, execution, flow logs): never the CI roles themselves.
    resources: (s, e) => [`arn:${s.partition}:iam::${s.accountId}:role/${environmentNames(e)}`],
  },
  {
    sid: "Logs",
    group: "operations",
    read: ["logs:DescribeMetricFilters", "logs:ListTagsForResource", "logs:ListTagsLogGroup"],
    write: [
      "logs:AssociateKmsKey", "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DeleteMetricFilter", "logs:DeleteRetentionPolicy",
      "logs:DisassociateKmsKey", "logs:PutMetricFilter", "logs:PutRetentionPolicy", "logs:TagLogGroup", "logs:TagResource",
      "logs:UntagLogGroup", "logs:UntagResource",
    ],
    // Resource policies and log deliveries (WAF logging) are account-level.
    unscopedRead: ["logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries"],
    unscopedWrite: ["logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DeleteResourcePolicy", "logs:PutResourcePolicy", "logs:UpdateLogDelivery"],
    // Log groups are /aws/ecs/recipe-chatbot/..., /aws/vpc/recipe-chatbot-<env>/..., aws-waf-logs-recipe-chatbot-<env>.
    resources: (s, e) => [arn(s, e, "logs", `log-group:*${PROJECT}*`)],
  },
  {
    sid: "Metrics",
    group: "operations",
    read: ["cloudwatch:GetDashboard", "cloudwatch:ListTagsForResource"],
    write: ["cloudwatch:DeleteAlarms", "cloudwatch:DeleteDashboards", "cloudwatch:PutDashboard", "cloudwatch:PutMetricAlarm", "cloudwatch:TagResource", "cloudwatch:UntagResource"],
    unscopedRead: ["cloudwatch:DescribeAlarms"],
    resources: (s, e) => [
      arn(s, e, "cloudwatch", `alarm:${environmentNames(e)}`),
      // Target tracking creates its alarms as the caller of PutScalingPolicy.
      arn(s, e, "cloudwatch", `alarm:TargetTracking-service/${CLUSTER_NAME}/*`),
      `arn:${s.partition}:cloudwatch::${s.accountId}:dashboard/${environmentNames(e)}`,
    ],
  },
  {
    sid: "Events",
    group: "operations",
    read: ["events:DescribeRule", "events:ListTagsForResource", "events:ListTargetsByRule"],
    write: ["events:DeleteRule", "events:DisableRule", "events:EnableRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets", "events:TagResource", "events:UntagResource"],
    resources: (s, e) => [arn(s, e, "events", `rule/${environmentNames(e)}`)],
  },
  {
    sid: "Topics",
    group: "operations",
    read: ["sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource"],
    write: ["sns:CreateTopic", "sns:DeleteTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:TagResource", "sns:UntagResource"],
    // Subscriptions have no resource-level permissions.
    unscopedRead: ["sns:GetSubscriptionAttributes"],
    unscopedWrite: ["sns:SetSubscriptionAttributes", "sns:Unsubscribe"],
    // recipe-chatbot-alerts and -critical carry no environment (one account per environment).
    resources: (s, e) => [arn(s, e, "sns", `${PROJECT}-*`)],
  },
  {
    sid: "Keys",
    group: "data",
    read: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
    write: [
      "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey",
      "kms:EnableKeyRotation", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource",
      "kms:UpdateAlias", "kms:UpdateKeyDescription",
    ],
    unscopedRead: ["kms:ListAliases"],
    unscopedWrite: ["kms:CreateKey"],
    // Key IDs are generated; aliases are named. The state key is denied separately (protectBootstrapStatements).
    resources: (s, e) => [arn(s, e, "kms", "key/*"), arn(s, e, "kms", `alias/${environmentNames(e)}`)],
  },
  {
    sid: "Secrets",
    group: "data",
    read: ["secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy"],
    write: [
      "secretsmanager:CreateSecret", "secretsmanager:DeleteResourcePolicy", "secretsmanager:DeleteSecret", "secretsmanager:PutResourcePolicy",
      "secretsmanager:RestoreSecret", "secretsmanager:TagResource", "secretsmanager:UntagResource", "secretsmanager:UpdateSecret",
    ],
    // Metadata only: no role here may read a secret's value.
    resources: (s, e) => [arn(s, e, "secretsmanager", `secret:${PROJECT}/${e.name}/*`)],
  },
  {
    sid: "Parameters",
    group: "data",
    read: ["ssm:GetParameter", "ssm:GetParameters", "ssm:ListTagsForResource"],
    write: ["ssm:AddTagsToResource", "ssm:DeleteParameter", "ssm:PutParameter", "ssm:RemoveTagsFromResource"],
    unscopedRead: ["ssm:DescribeParameters"],
    resources: (s, e) => [arn(s, e, "ssm", `parameter/${PROJECT}/${e.name}/*`)],
  },
  {
    sid: "Buckets",
    group: "data",
    read: [
      "s3:GetAccelerateConfiguration", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketLocation", "s3:GetBucketLogging",
      "s3:GetBucketObjectLockConfiguration", "s3:GetBucketOwnershipControls", "s3:GetBucketPolicy", "s3:GetBucketPublicAccessBlock",
      "s3:GetBucketRequestPayment", "s3:GetBucketTagging", "s3:GetBucketVersioning", "s3:GetBucketWebsite",
      "s3:GetEncryptionConfiguration", "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration", "s3:ListBucket",
    ],
    write: [
      "s3:CreateBucket", "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock", "s3:PutBucketTagging", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration",
    ],
    // The ALB access-log bucket, recipe-chatbot-<env>-alb-logs-<account>; S3 ARNs carry no account or region.
    resources: (s, e) => [`arn:${s.partition}:s3:::${environmentNames(e)}`],
  },
];

/** `{ sid, actions, resources }` granting `actions` on the service's resources in every environment. */
function serviceStatement(scope: CiScope, access: ServiceAccess, sid: string, actions: readonly string[]): PolicyStatement[] {
  const resourcesIn = access.resources;
  if (actions.length === 0 || !resourcesIn) return [];
  const resources = unique(scope.environments.flatMap((environment) => resourcesIn(scope, environment)));
  return [{ sid, effect: "Allow", actions: [...actions], resources }];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
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

/** The plan role: every read Terraform's refresh makes, nothing that changes a resource. */
export function planPolicies(scope: CiScope, state: StateAccess): RolePolicies {
  return grouped([
    ...SERVICE_ACCESS.map((access) => ({ group: access.group, statements: serviceStatement(scope, access, `Read${access.sid}`, access.read ?? []) })),
    { group: "unscoped", statements: unscopedStatement("ReadWithoutResourceLevelPermissions", SERVICE_ACCESS.flatMap((a) => a.unscopedRead ?? [])) },
    { group: "state", statements: stateStatements(state, "read") },
  ]);
}

/**
 * The apply role: what `terraform apply` (and destroy) of the environment stacks calls, on this
 * project's resources, plus explicit denies that keep it off the bootstrap stack's resources.
 */
export function applyPolicies(scope: CiScope, state: StateAccess & { readonly ciRoleArns: readonly string[] }): RolePolicies {
  const boundaryArn = workloadBoundaryArn(scope.partition, scope.accountId);
  const all = (access: ServiceAccess) => [...(access.read ?? []), ...(access.write ?? [])];
  return grouped([
    ...SERVICE_ACCESS.map((access) => ({ group: access.group, statements: serviceStatement(scope, access, `Manage${access.sid}`, all(access)) })),
    { group: "compute", statements: [passRoleStatement(scope), serviceLinkedRoleStatement(scope), ...workloadBoundaryStatements(boundaryArn)] },
    { group: "data", statements: [awsResourceGrantStatement(scope)] },
    {
      group: "unscoped",
      statements: unscopedStatement(
        "ManageWithoutResourceLevelPermissions",
        SERVICE_ACCESS.flatMap((a) => [...(a.unscopedRead ?? []), ...(a.unscopedWrite ?? [])]),
      ),
    },
    { group: "state", statements: [...stateStatements(state, "write"), ...protectBootstrapStatements(state)] },
  ]);
}

/**
 * The apply role creates and changes roles named recipe-chatbot-<env>* and may pass them to ECS; without
 * a ceiling it could create one with any policy and run it. Every role it touches must carry the
 * workload boundary, which it can neither remove nor rewrite.
 */
function workloadBoundaryStatements(boundaryArn: string): PolicyStatement[] {
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

/** Task definitions and flow logs name roles; only the environments' roles, only to those services. */
function passRoleStatement(scope: CiScope): PolicyStatement {
  return {
    sid: "PassEnvironmentRoles",
    effect: "Allow",
    actions: ["iam:PassRole"],
    resources: unique(scope.environments.map((e) => `arn:${scope.partition}:iam::${scope.accountId}:role/${environmentNames(e)}`)),
    condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: PASSED_TO_SERVICES }],
  };
}

function serviceLinkedRoleStatement(scope: CiScope): PolicyStatement {
  return {
    sid: "CreateServiceLinkedRoles",
    effect: "Allow",
    actions: ["iam:CreateServiceLinkedRole"],
    resources: [`arn:${scope.partition}:iam::${scope.accountId}:role/aws-service-role/*`],
    condition: [{ test: "StringEquals", variable: "iam:AWSServiceName", values: SERVICE_LINKED_ROLE_SERVICES }],
  };
}

/** ECR's KMS encryption (the AWS managed key) is set up through a grant for the service. */
function awsResourceGrantStatement(scope: CiScope): PolicyStatement {
  return {
    sid: "GrantKeysToAwsServices",
    effect: "Allow",
    actions: ["kms:CreateGrant", "kms:RetireGrant"],
    resources: unique(scope.environments.map((e) => arn(scope, e, "kms", "key/*"))),
    condition: [{ test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
  };
}

/**
 * State access per the S3 backend documentation: list the bucket (only the workspace prefix and the
 * stacks' keys), read (plan) or read and write (apply) the stacks' state objects, and take and
 * release the lock either way: a plan holds the lock too. There is no DeleteObject on a state object.
 */
export function stateStatements(state: StateAccess, access: "read" | "write"): PolicyStatement[] {
  const objectArn = (key: string) => `${state.bucketArn}/${key}`;
  return [
    {
      sid: "ListStateKeys",
      effect: "Allow",
      actions: ["s3:ListBucket"],
      resources: [state.bucketArn],
      // `env:/` is the S3 backend's workspace prefix, which it lists on every init and plan.
      condition: [{ test: "StringEquals", variable: "s3:prefix", values: [WORKSPACE_KEY_PREFIX, ...state.stackKeys] }],
    },
    {
      sid: access === "read" ? "ReadState" : "ReadWriteState",
      effect: "Allow",
      actions: access === "read" ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject"],
      resources: state.stackKeys.map(objectArn),
    },
    // Taking a lock is writing: only the apply role may. Pull-request plans run with -lock=false, so a
    // pull request can neither block an apply nor delete the lock an apply holds.
    ...(access === "read"
      ? [
          {
            // The S3 backend reads the state's digest from the lock table even without locking.
            sid: "ReadStateDigest",
            effect: "Allow",
            actions: ["dynamodb:DescribeTable", "dynamodb:GetItem"],
            resources: [state.lockTableArn],
          },
        ]
      : [
          {
            sid: "S3LockFiles",
            effect: "Allow",
            actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
            resources: state.stackKeys.map((key) => objectArn(`${key}${LOCK_FILE_SUFFIX}`)),
          },
          {
            sid: "DynamoDbLocks",
            effect: "Allow",
            actions: ["dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem"],
            resources: [state.lockTableArn],
          },
        ]),
    {
      sid: "StateEncryption",
      effect: "Allow",
      actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"],
      resources: [state.keyArn],
    },
  ];
}

/** The S3 backend's default workspace_key_prefix, as it lists it. */
const WORKSPACE_KEY_PREFIX = "env:/";
/** The S3-native lock object sits beside the state object (use_lockfile). */
const LOCK_FILE_SUFFIX = ".tflock";

/**
 * The apply role's grants are patterns (any key of the account, roles and buckets by prefix); these
 * denies make sure none of them ever reaches the state store or the CI roles, whatever they are named.
 */
function protectBootstrapStatements(state: StateAccess & { readonly ciRoleArns: readonly string[] }): PolicyStatement[] {
  const writesOf = (sid: string) => SERVICE_ACCESS.find((a) => a.sid === sid)?.write ?? [];
  return [
    { sid: "ProtectStateBucket", effect: "Deny", actions: [...writesOf("Buckets")], resources: [state.bucketArn] },
    { sid: "ProtectStateKey", effect: "Deny", actions: [...writesOf("Keys"), "kms:CreateGrant", "kms:RetireGrant"], resources: [state.keyArn] },
    { sid: "ProtectCiRoles", effect: "Deny", actions: [...writesOf("Roles"), "iam:PassRole"], resources: [...state.ciRoleArns] },
  ];
}

/**
 * The application's delivery pipeline: push images to the two repositories, write the image-tag
 * parameters, register task definitions, roll the two services, and pass exactly the services'
 * roles to ECS tasks (README "Delivery"). Nothing else.
 */
export function deployStatements(scope: CiScope): PolicyStatement[] {
  const each = (fn: (environment: CiEnvironment, service: ServiceDefinition) => string | string[]) =>
    unique(scope.environments.flatMap((environment) => SERVICES.flatMap((service) => fn(environment, service))));
  const roleArn = (name: string) => `arn:${scope.partition}:iam::${scope.accountId}:role/${name}`;
  return [
    { sid: "EcrLogin", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
    {
      sid: "PushImages",
      effect: "Allow",
      actions: [
        "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
        "ecr:PutImage", "ecr:UploadLayerPart",
      ],
      resources: each((e, service) => arn(scope, e, "ecr", `repository/${service.repositoryName}`)),
    },
    {
      sid: "ReleaseImageTags",
      effect: "Allow",
      actions: ["ssm:GetParameter", "ssm:PutParameter"],
      // The names start with "/", which the ARN's "parameter" already ends with.
      resources: each((e, service) => arn(scope, e, "ssm", `parameter${imageTagParameterName(e.name, service.name)}`)),
    },
    {
      sid: "RegisterTaskDefinitions",
      effect: "Allow",
      actions: ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"],
      resources: ["*"],
    },
    {
      // rollout.sh registers the new revision with the family's tags (Terraform would otherwise see a
      // tag change); tagging on create needs ecs:TagResource on the task definition.
      sid: "TagTaskDefinitions",
      effect: "Allow",
      actions: ["ecs:TagResource"],
      resources: each((e, service) => arn(scope, e, "ecs", `task-definition/${taskFamilyName(e.name, service.name)}:*`)),
    },
    {
      sid: "RollServices",
      effect: "Allow",
      actions: ["ecs:DescribeServices", "ecs:UpdateService"],
      resources: each((e, service) => arn(scope, e, "ecs", `service/${CLUSTER_NAME}/${ecsServiceName(service)}`)),
    },
    {
      sid: "PassServiceRoles",
      effect: "Allow",
      actions: ["iam:PassRole"],
      // FargateService names them recipe-chatbot-<env>-<service>-task and -execution.
      resources: each((e, service) => (["task", "execution"] as const).map((kind) => roleArn(serviceRoleName(e.name, service.name, kind)))),
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ecs-tasks.amazonaws.com"] }],
    },
  ];
}
