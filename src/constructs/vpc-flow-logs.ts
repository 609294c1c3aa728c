import { Construct } from "constructs";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { AwsContext } from "../core/aws-context";
import { policyDocument, serviceTrustPolicy } from "../core/iam";
import { EncryptedLogGroup } from "../blocks/encrypted-log-group";

export interface VpcFlowLogsProps {
  readonly aws: AwsContext;
  readonly namePrefix: string;
  readonly vpcId: string;
  readonly retentionInDays: number;
  readonly kmsKeyArn: string;
  /** Permissions boundary the delivery role carries (the bootstrap stack's workload boundary). */
  readonly permissionsBoundaryArn: string;
}

/** Flow logs of all VPC traffic (accepted and rejected) into an encrypted, expiring log group. */
export class VpcFlowLogs extends Construct {
  readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const { aws } = props;
    const logGroup = new EncryptedLogGroup(this, "log-group", {
      name: `/aws/vpc/${props.namePrefix}/flow-logs`,
      retentionInDays: props.retentionInDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    // Confused-deputy guard: only flow logs of this account may assume the role.
    const trust = serviceTrustPolicy(this, "trust", "vpc-flow-logs.amazonaws.com", [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [aws.accountId] },
    ]);
    const role = new IamRole(this, "role", {
      name: `${props.namePrefix}-flow-logs`,
      assumeRolePolicy: trust.json,
      permissionsBoundary: props.permissionsBoundaryArn,
    });
    const write = policyDocument(this, "write", [
      {
        effect: "Allow",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        resources: [logGroup.arn, `${logGroup.arn}:log-stream:*`],
      },
    ]);
    new IamRolePolicy(this, "write-policy", { name: "write-flow-logs", role: role.id, policy: write.json });
    new FlowLog(this, "flow-log", {
      vpcId: props.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      // One-minute aggregation makes incident timelines usable; the cost difference is negligible.
      maxAggregationInterval: 60,
    });
    this.logGroupName = logGroup.name;
  }
}
