import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { policyDocument } from "../core/iam";
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

export interface WorkloadBoundaryProps {
  /** The managed policy's name. Required: roles and the CI's conditions refer to the boundary by its ARN. */
  readonly policyName: string;
  /** The policy's description. @default "Permissions boundary of every workload role" */
  readonly description?: string;
  /** The actions workload roles may ever hold. @default WORKLOAD_ACTIONS */
  readonly actions?: readonly string[];
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
    const document = policyDocument(this, "document", [{ sid: "WorkloadCeiling", effect: "Allow", actions: [...actions], resources: ["*"] }]);
    this.policy = new IamPolicy(this, "policy", {
      name: props.policyName,
      description: props.description ?? "Permissions boundary of every workload role",
      policy: document.json,
    });
    suppress(this.policy, "RC-IAM-010", "A permissions boundary only caps; each workload role's own policy scopes the resources.");
    this.policyArn = this.policy.arn;
  }
}
