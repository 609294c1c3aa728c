import { Construct } from "constructs";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import { NetworkAcls } from "./network-acls";
import { TieredVpc, type NatMode, type ZoneSubnets } from "./tiered-vpc";
import { VpcEndpoints } from "./vpc-endpoints";
import { VpcFlowLogs } from "./vpc-flow-logs";

export interface NetworkingFlowLogsProps {
  /** Days the flow logs are kept. @default 30 */
  readonly retentionInDays?: number;
  /** Customer-managed key of the flow-log group. @default a new key for the flow logs */
  readonly kmsKeyArn?: string;
}

export interface NetworkingProps {
  /** Prefix of every name and Name tag, e.g. shop-prod. Required: names must be unique per account and readable in the console. */
  readonly namePrefix: string;
  /** IPv4 CIDR of the VPC. Required: it must not overlap networks the VPC is ever peered or routed with. */
  readonly vpcCidr: string;
  /** One public and one private subnet per availability zone. Required: at least two zones (an ALB spans two or more). */
  readonly zones: readonly ZoneSubnets[];
  /** NAT for the private tier. @default "per-az" */
  readonly natMode?: NatMode;
  /**
   * Ports the private tier serves inside the VPC, opened in its network ACL. Network ACLs are created
   * only when this is given: they are stateless, so every port must be known.
   * @default no network ACLs (the security groups alone filter traffic)
   */
  readonly servicePorts?: readonly number[];
  /** Interface endpoints, by service suffix (see INTERFACE_ENDPOINT_SERVICES). @default [] (the S3 gateway endpoint only) */
  readonly interfaceEndpoints?: readonly string[];
  /** VPC flow logs of all traffic, or false for none. @default flow logs kept 30 days under a new key */
  readonly flowLogs?: NetworkingFlowLogsProps | false;
  /** Permissions boundary of the roles the module creates (the flow-log delivery role). @default no boundary */
  readonly permissionsBoundaryArn?: string;
  /** Account, partition and region. @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
}

/**
 * A VPC ready for containers behind a load balancer: public and private subnets per zone with NAT,
 * a default security group that denies everything, network ACLs on both tiers, an S3 gateway
 * endpoint (and interface endpoints on request) and flow logs.
 */
export class Networking extends Construct {
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
  readonly privateRouteTableIds: string[];
  /** The parts, each usable alone and exposed for escape-hatch overrides. */
  readonly tiers: TieredVpc;
  readonly networkAcls?: NetworkAcls;
  readonly endpoints: VpcEndpoints;
  readonly flowLogs?: VpcFlowLogs;

  constructor(scope: Construct, id: string, props: NetworkingProps) {
    super(scope, id);
    const aws = awsContextOf(this, props.aws);
    const { namePrefix } = props;

    this.tiers = new TieredVpc(this, "tiers", { namePrefix, vpcCidr: props.vpcCidr, zones: props.zones, natMode: props.natMode });
    const vpc = this.tiers;

    if (props.servicePorts) {
      this.networkAcls = new NetworkAcls(this, "acls", {
        namePrefix,
        vpcId: vpc.vpcId,
        vpcCidr: vpc.vpcCidr,
        publicSubnetIds: vpc.publicSubnetIds,
        privateSubnetIds: vpc.privateSubnetIds,
        servicePorts: props.servicePorts,
      });
    }

    if (props.flowLogs !== false) {
      this.flowLogs = new VpcFlowLogs(this, "flow-logs", {
        aws,
        namePrefix,
        vpcId: vpc.vpcId,
        retentionInDays: props.flowLogs?.retentionInDays,
        kmsKeyArn: props.flowLogs?.kmsKeyArn,
        permissionsBoundaryArn: props.permissionsBoundaryArn,
      });
    }

    this.endpoints = new VpcEndpoints(this, "endpoints", {
      namePrefix,
      region: aws.region,
      vpcId: vpc.vpcId,
      vpcCidr: vpc.vpcCidr,
      privateSubnetIds: vpc.privateSubnetIds,
      privateRouteTableIds: vpc.privateRouteTableIds,
      interfaceEndpoints: props.interfaceEndpoints,
    });

    this.vpcId = vpc.vpcId;
    this.vpcCidr = vpc.vpcCidr;
    this.publicSubnetIds = vpc.publicSubnetIds;
    this.privateSubnetIds = vpc.privateSubnetIds;
    this.privateRouteTableIds = vpc.privateRouteTableIds;
  }
}
