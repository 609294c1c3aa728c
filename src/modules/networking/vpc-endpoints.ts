import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";

/** Interface endpoints a Fargate task needs to start without the internet: pull, log, read secrets. */
export const INTERFACE_ENDPOINT_SERVICES = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm"] as const;

export interface VpcEndpointsProps {
  /** Prefix of the endpoints' Name tags and of the endpoint security group's name. Required: group names are unique per VPC. */
  readonly namePrefix: string;
  /** Region of the VPC: part of every endpoint's service name. Required. */
  readonly region: string;
  /** The VPC. Required. */
  readonly vpcId: string;
  /** The VPC's IPv4 CIDR: interface endpoints accept HTTPS from inside it. Required. */
  readonly vpcCidr: string;
  /** Subnets the interface endpoints get a network interface in. Required. */
  readonly privateSubnetIds: string[];
  /** Route tables that get the S3 gateway endpoint's route. Required. */
  readonly privateRouteTableIds: string[];
  /**
   * Interface endpoints to create, by service suffix (e.g. "ecr.api"); each costs about $7 per AZ per month.
   * INTERFACE_ENDPOINT_SERVICES is what a Fargate task needs to start without the internet.
   * @default [] (AWS API traffic leaves through NAT)
   */
  readonly interfaceEndpoints?: readonly string[];
}

/**
 * The S3 gateway endpoint is always there: it is free, and ECR image layers are served from S3, so it
 * takes most image-pull bytes off the NAT gateway. Interface endpoints are an environment toggle.
 */
export class VpcEndpoints extends Construct {
  readonly interfaceEndpointServices: readonly string[];

  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);
    new VpcEndpoint(this, "s3", {
      vpcId: props.vpcId,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: "Gateway",
      routeTableIds: props.privateRouteTableIds,
      tags: { Name: `${props.namePrefix}-s3` },
    });
    this.interfaceEndpointServices = props.interfaceEndpoints ?? [];
    if (this.interfaceEndpointServices.length === 0) return;

    const securityGroup = new SecurityGroup(this, "security-group", {
      name: `${props.namePrefix}-vpc-endpoints`,
      description: "Interface VPC endpoints: HTTPS from inside the VPC",
      vpcId: props.vpcId,
      tags: { Name: `${props.namePrefix}-vpc-endpoints` },
    });
    new VpcSecurityGroupIngressRule(this, "https-from-vpc", {
      securityGroupId: securityGroup.id,
      description: "HTTPS from workloads in the VPC",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.vpcCidr,
    });
    for (const service of this.interfaceEndpointServices) {
      new VpcEndpoint(this, service, {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Interface",
        subnetIds: props.privateSubnetIds,
        securityGroupIds: [securityGroup.id],
        privateDnsEnabled: true,
        tags: { Name: `${props.namePrefix}-${service}` },
      });
    }
  }
}
