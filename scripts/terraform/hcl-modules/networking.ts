import { Fn } from "cdktf";
import { LOG_RETENTION_DAYS } from "../../../src/core/aws-limits";
import { Networking } from "../../../src/modules/networking";
import { condition, optionalString, everyElement, type HclModuleSpec } from "./hcl-module";

const ZONES = 2;

export const networkingModule: HclModuleSpec = {
  name: "networking",
  summary:
    "A VPC ready for containers behind a load balancer: a public and a private subnet in each of two availability zones, " +
    "a NAT gateway per zone, a default security group that denies everything, network ACLs on both tiers, an S3 gateway " +
    "endpoint and flow logs under a new KMS key.",
  shape: [
    `${ZONES} availability zones (the length of \`availability_zones\` and of both subnet lists)`,
    "one NAT gateway per zone (`natMode: \"per-az\"`)",
    "network ACLs that open one service port to the private tier",
    "no interface endpoints (the S3 gateway endpoint only)",
  ],
  usage: `  name_prefix          = "shop-prod"
  vpc_cidr             = "10.0.0.0/16"
  availability_zones   = ["us-east-1a", "us-east-1b"]
  public_subnet_cidrs  = ["10.0.0.0/24", "10.0.1.0/24"]
  private_subnet_cidrs = ["10.0.10.0/24", "10.0.11.0/24"]
  service_port         = 8080`,
  define(scope, io) {
    const namePrefix = io.input({
      name: "name_prefix",
      type: "string",
      description: "Prefix of every name and Name tag, e.g. shop-prod.",
      validation: [{ condition: condition.name("var.name_prefix", 40), errorMessage: "name_prefix must be at most 40 letters, digits and hyphens, starting and ending with a letter or digit." }],
    }).stringValue;
    const vpcCidr = io.input({
      name: "vpc_cidr",
      type: "string",
      description: "IPv4 CIDR of the VPC; it must not overlap networks the VPC is ever peered or routed with.",
      validation: [{ condition: condition.ipv4Cidr("var.vpc_cidr"), errorMessage: "vpc_cidr must be an IPv4 network in CIDR notation such as 10.0.0.0/16." }],
    }).stringValue;
    const zones = io.input({
      name: "availability_zones",
      type: "list(string)",
      description: `The ${ZONES} availability zones, e.g. ["us-east-1a", "us-east-1b"].`,
      validation: [
        { condition: `length(var.availability_zones) == ${ZONES} && length(distinct(var.availability_zones)) == ${ZONES}`, errorMessage: `availability_zones must list ${ZONES} distinct zones.` },
      ],
    }).listValue;
    const subnets = (tier: "public" | "private", what: string) =>
      io.input({
        name: `${tier}_subnet_cidrs`,
        type: "list(string)",
        description: `IPv4 CIDRs of the ${tier} subnets (${what}), one per zone in the order of availability_zones; inside vpc_cidr.`,
        validation: [
          {
            condition: `length(var.${tier}_subnet_cidrs) == ${ZONES} && ${everyElement(`var.${tier}_subnet_cidrs`, "cidr", condition.ipv4CidrInside("cidr", "var.vpc_cidr"))}`,
            errorMessage: `${tier}_subnet_cidrs must list ${ZONES} IPv4 networks inside vpc_cidr.`,
          },
        ],
      }).listValue;
    const publicCidrs = subnets("public", "load balancer, NAT gateways");
    const privateCidrs = subnets("private", "tasks");
    const servicePort = io.integer({
      name: "service_port",
      description: "Port the private tier serves inside the VPC, opened in its network ACL.",
      range: [1, 65535],
    });
    const retention = io.input({
      name: "flow_log_retention_days",
      type: "number",
      description: "Days the VPC flow logs are kept.",
      default: 30,
      validation: [{ condition: condition.oneOf("var.flow_log_retention_days", LOG_RETENTION_DAYS), errorMessage: `flow_log_retention_days must be one of ${LOG_RETENTION_DAYS.join(", ")}.` }],
    }).numberValue;
    const boundary = optionalString(io, { name: "permissions_boundary_arn", description: "Permissions boundary of the flow-log delivery role; empty for none." });

    const at = (list: string[], index: number): string => Fn.element(list, index);
    const network = new Networking(scope, "networking", {
      namePrefix,
      vpcCidr,
      zones: Array.from({ length: ZONES }, (_, i) => ({ name: at(zones, i), publicSubnetCidr: at(publicCidrs, i), privateSubnetCidr: at(privateCidrs, i) })),
      natMode: "per-az",
      servicePorts: [servicePort],
      flowLogs: { retentionInDays: retention },
      permissionsBoundaryArn: boundary,
    });

    io.output("vpc_id", "ID of the VPC.", network.vpcId);
    io.output("vpc_cidr", "IPv4 CIDR of the VPC.", network.vpcCidr);
    io.output("public_subnet_ids", "IDs of the public subnets, in the order of availability_zones.", network.publicSubnetIds);
    io.output("private_subnet_ids", "IDs of the private subnets, in the order of availability_zones.", network.privateSubnetIds);
    io.output("private_route_table_ids", "IDs of the private route tables, one per zone.", network.privateRouteTableIds);
  },
};
