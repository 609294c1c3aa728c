import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { policyDocument, type PolicyStatement } from "../core/iam";
import { check } from "../core/props";
import { suppress } from "../policy/suppressions";

/**
 * What ECS task and execution roles and a flow-log role may ever be granted: pull images, write
 * logs, resolve secrets and parameters (execution roles); publish metrics and traces (task roles).
 */
export const WORKLOAD_ACTIONS = [
  "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
  "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams",
  "secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt",
  "cloudwatch:PutMetricData",
  "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
] as const;

/** The account and names the workloads' resources have, when the ceiling is scoped to them. */
export interface WorkloadResourceScope {
  /** The account's partition (aws, aws-cn, ...), as ARNs spell it. */
  readonly partition: string;
  /** The account the workloads and their resources live in. */
  readonly accountId: string;
  /**
   * What the workloads' resource names start with (or, for log groups, contain): repositories
   * `<prefix>*`, secrets `<prefix>/...`, parameters `/<prefix>/...`, log groups `*<prefix>*`.
   */
  readonly namePrefix: string;
}

/**
 * WORKLOAD_ACTIONS, each on the resources of `scope` only: even a role created with the boundary
 * and a policy granting `*` could then read no secret, parameter or log group outside the project,
 * pull no other image, and decrypt only through Secrets Manager and SSM (kms:ViaService). Regions
 * stay `*`: one boundary serves every environment of the account, wherever it runs.
 */
export function scopedWorkloadCeiling(scope: WorkloadResourceScope): PolicyStatement[] {
  const arn = (service: string, resource: string) => `arn:${scope.partition}:${service}:*:${scope.accountId}:${resource}`;
  const prefix = scope.namePrefix;
  return [
    // These accept no resource ARN (Service Authorization Reference); the role policies condition PutMetricData by namespace.
    {
      sid: "WithoutResourceLevelPermissions",
      effect: "Allow",
      actions: ["ecr:GetAuthorizationToken", "cloudwatch:PutMetricData", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
      resources: ["*"],
    },
    { sid: "PullProjectImages", effect: "Allow", actions: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], resources: [arn("ecr", `repository/${prefix}*`)] },
    { sid: "WriteProjectLogs", effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], resources: [arn("logs", `log-group:*${prefix}*`)] },
    { sid: "ReadProjectSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: [arn("secretsmanager", `secret:${prefix}/*`)] },
    { sid: "ReadProjectParameters", effect: "Allow", actions: ["ssm:GetParameters"], resources: [arn("ssm", `parameter/${prefix}/*`)] },
    {
      sid: "DecryptOnlyThroughSecretsAndParameters",
      effect: "Allow",
      actions: ["kms:Decrypt"],
      resources: [arn("kms", "key/*")],
      condition: [{ test: "StringLike", variable: "kms:ViaService", values: ["secretsmanager.*.amazonaws.com", "ssm.*.amazonaws.com"] }],
    },
  ];
}

export interface WorkloadBoundaryProps {
  /** The managed policy's name. Required: roles and the CI's conditions refer to the boundary by its ARN. */
  readonly policyName: string;
  /** The policy's description. @default "Permissions boundary of every workload role" */
  readonly description?: string;
  /** The actions workload roles may ever hold, on any resource. Not with `scope`. @default WORKLOAD_ACTIONS */
  readonly actions?: readonly string[];
  /**
   * Scope the ceiling to these resources (scopedWorkloadCeiling) instead of granting `actions` on "*".
   * @default unscoped: the actions on every resource of the account
   */
  readonly scope?: WorkloadResourceScope;
}

/**
 * The ceiling of every workload role, as a managed policy used as a permissions boundary. A
 * boundary grants nothing by itself; each role's own policy still scopes every action to its
 * resources. Actions only, on "*": the ceiling must hold for every environment of the account.
 */
export class WorkloadBoundary extends Construct {
  readonly policyArn: string;
  /** The policy resource, for escape-hatch overrides. */
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: WorkloadBoundaryProps) {
    super(scope, id);
    const actions = props.actions ?? WORKLOAD_ACTIONS;
    check(this, actions.length > 0, "actions", "must list at least one action (an empty boundary denies everything)");
    check(this, props.scope === undefined || props.actions === undefined, "actions", "cannot be combined with scope (the scoped ceiling lists its own actions)");
    const statements: PolicyStatement[] = props.scope
      ? scopedWorkloadCeiling(props.scope)
      : [{ sid: "WorkloadCeiling", effect: "Allow", actions: [...actions], resources: ["*"] }];
    const document = policyDocument(this, "document", statements);
    this.policy = new IamPolicy(this, "policy", {
      name: props.policyName,
      description: props.description ?? "Permissions boundary of every workload role",
      policy: document.json,
    });
    // Scoped, only actions without resource-level permissions remain on "*", which the guard accepts.
    if (!props.scope) suppress(this.policy, "RC-IAM-010", "A permissions boundary only caps; each workload role's own policy scopes the resources.");
    this.policyArn = this.policy.arn;
  }
}
