import { Construct } from "constructs";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import { policyDocument, serviceTrustPolicy } from "../../core/iam";
import { EncryptedLogGroup } from "../../blocks/encrypted-log-group";

export interface VpcFlowLogsProps {
  /** Account, partition and region. @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
  /** Part of the log group's name (/aws/vpc/<namePrefix>/flow-logs) and the role's name (<namePrefix>-flow-logs). Required: role names are account-wide. */
  readonly namePrefix: string;
  /** The VPC whose traffic is logged. Required. */
  readonly vpcId: string;
  /** Days the log events are kept. @default 30 */
  readonly retentionInDays?: number;
  /**
   * Customer-managed key of the log group (its policy must let logs.<region>.amazonaws.com use it).
   * @default a new key for the flow logs alone
   */
  readonly kmsKeyArn?: string;
  /** Permissions boundary of the delivery role. @default no boundary */
  readonly permissionsBoundaryArn?: string;
}

/** Flow logs of all VPC traffic (accepted and rejected) into an encrypted, expiring log group. */
export class VpcFlowLogs extends Construct {
  readonly logGroupName: string;
  /** The delivery role, for escape-hatch overrides. */
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const aws = awsContextOf(this, props.aws);
    const logGroup = new EncryptedLogGroup(this, "log-group", {
      aws,
      name: `/aws/vpc/${props.namePrefix}/flow-logs`,
      retentionInDays: props.retentionInDays ?? 30,
      kmsKeyArn: props.kmsKeyArn,
    });
    // Confused-deputy guard: only flow logs of this account, in this region, may assume the role
    // (aws:SourceArn is the flow log's ARN; its id is generated, hence the pattern).
    const trust = serviceTrustPolicy(this, "trust", "vpc-flow-logs.amazonaws.com", [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [aws.accountId] },
      { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:${aws.partition}:ec2:${aws.region}:${aws.accountId}:vpc-flow-log/*`] },
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
    this.role = role;
  }
}
