import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import type { AwsContext } from "../core/aws-context";
import { WORKLOAD_BOUNDARY_POLICY_NAME } from "../ci-names";
import { policyDocument } from "../core/iam";
import { suppress } from "../policy";

/**
 * The ceiling of every workload role: what ECS task and execution roles and the flow-log role may
 * ever be granted. A boundary grants nothing by itself; each role's own policy still scopes every
 * action to its resources. Actions only, on "*": the ceiling must hold for every environment.
 */
const WORKLOAD_ACTIONS = [
  // Execution roles: pull images, write logs, resolve secrets and parameters.
  "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
  "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams",
  "secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt",
  // Task roles: application metrics and traces.
  "cloudwatch:PutMetricData",
  "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
];

export class WorkloadBoundary extends Construct {
  readonly policyArn: string;

  constructor(scope: Construct, id: string, props: { readonly aws: AwsContext }) {
    super(scope, id);
    const document = policyDocument(this, "document", [
      { sid: "WorkloadCeiling", effect: "Allow", actions: WORKLOAD_ACTIONS, resources: ["*"] },
    ]);
    const policy = new IamPolicy(this, "policy", {
      name: WORKLOAD_BOUNDARY_POLICY_NAME,
      description: `Permissions boundary of every Recipe Chatbot workload role in account ${props.aws.accountId}`,
      policy: document.json,
    });
    suppress(policy, "RC-IAM-010", "A permissions boundary only caps; each workload role's own policy scopes the resources.");
    this.policyArn = policy.arn;
  }
}
