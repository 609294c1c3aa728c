import { Construct } from "constructs";
import { Fn, Token } from "cdktf";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { cidrContains, cidrsOverlap, parseCidr } from "../../core/cidr";
import { check, checkOneOf } from "../../core/props";

/** /56 (what AWS assigns a VPC) + 8 = /64, the only IPv6 subnet size AWS allows. */
const IPV6_SUBNET_NEWBITS = 8;

/** NAT for the private tier: none (no internet egress), one shared gateway, or one per zone. */
export type NatMode = "none" | "single" | "per-az";
export const NAT_MODES: readonly NatMode[] = ["none", "single", "per-az"];

/** The two subnets of one availability zone. */
export interface ZoneSubnets {
  /** Availability zone name, e.g. us-east-1a. */
  readonly name: string;
  /** IPv4 CIDR of the zone's public subnet (load balancer, NAT gateway); inside the VPC's CIDR. */
  readonly publicSubnetCidr: string;
  /** IPv4 CIDR of the zone's private subnet (tasks); inside the VPC's CIDR. */
  readonly privateSubnetCidr: string;
}

export interface TieredVpcProps {
  /** Prefix of every Name tag, e.g. shop-prod. Required: it tells this VPC's resources apart in the console. */
  readonly namePrefix: string;
  /** IPv4 CIDR of the VPC. Required: it must not overlap the networks the VPC will ever be peered or routed with. */
  readonly vpcCidr: string;
  /** One public and one private subnet per zone. Required: an ALB needs at least two zones. */
  readonly zones: readonly ZoneSubnets[];
  /**
   * NAT for the private tier.
   * @default "per-az" (no zone depends on another zone's gateway)
   */
  readonly natMode?: NatMode;
}

/**
 * A VPC in two tiers: a public and a private subnet per availability zone, an internet gateway for
 * the public tier, and NAT for the private tier in the configured mode (none, one shared, one per zone).
 * Each private subnet has its own route table so per-AZ NAT needs no other change.
 */
export class TieredVpc extends Construct {
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
  readonly publicRouteTableId: string;
  readonly privateRouteTableIds: string[];
  /** One per NAT gateway: zone name and gateway id (empty when natMode is none). */
  readonly natGateways: { zone: string; id: string }[];
  /** The VPC resource, for escape-hatch overrides. */
  readonly vpc: Vpc;

  constructor(scope: Construct, id: string, props: TieredVpcProps) {
    super(scope, id);
    const { namePrefix } = props;
    const network = { ...props, natMode: props.natMode ?? "per-az" };
    checkOneOf(this, "natMode", network.natMode, NAT_MODES);
    check(this, network.zones.length >= 2, "zones", `must list at least two availability zones (an ALB spans two or more); got ${network.zones.length}`);
    check(this, new Set(network.zones.map((z) => z.name)).size === network.zones.length, "zones", "must not list a zone twice");
    checkSubnets(this, network.vpcCidr, network.zones);
    const name = (suffix: string) => ({ Name: `${namePrefix}-${suffix}` });
    const keys = new Map(network.zones.map((zone, index) => [zone, zoneKey(zone, index)]));

    const vpc = new Vpc(this, "vpc", {
      cidrBlock: network.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      // An Amazon-provided /56 so the public tier (and the ALB) can be dual-stack: AAAA records need it.
      assignGeneratedIpv6CidrBlock: true,
      tags: name("vpc"),
    });

    // The default security group is what an ENI gets when nobody picks one: make it deny everything.
    new DefaultSecurityGroup(this, "default-security-group", { vpcId: vpc.id, tags: name("default-deny") });

    const igw = new InternetGateway(this, "internet-gateway", { vpcId: vpc.id, tags: name("igw") });

    const publicRouteTable = new RouteTable(this, "public-route-table", { vpcId: vpc.id, tags: name("public") });
    new Route(this, "public-default-route", {
      routeTableId: publicRouteTable.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: igw.id,
    });
    new Route(this, "public-default-route-ipv6", {
      routeTableId: publicRouteTable.id,
      destinationIpv6CidrBlock: "::/0",
      gatewayId: igw.id,
    });

    const publicSubnets = network.zones.map((zone, index) => {
      const subnet = new Subnet(this, `public-${keys.get(zone)}`, {
        vpcId: vpc.id,
        cidrBlock: zone.publicSubnetCidr,
        // One /64 of the VPC's /56 per zone, counted from 0; the private tier stays IPv4-only.
        ipv6CidrBlock: Fn.cidrsubnet(vpc.ipv6CidrBlock, IPV6_SUBNET_NEWBITS, index),
        assignIpv6AddressOnCreation: false,
        availabilityZone: zone.name,
        // The ALB and NAT gateways get their addresses explicitly; nothing here should get one by accident.
        mapPublicIpOnLaunch: false,
        tags: { ...name(`public-${keys.get(zone)}`), Tier: "public" },
      });
      new RouteTableAssociation(this, `public-${keys.get(zone)}-routes`, { subnetId: subnet.id, routeTableId: publicRouteTable.id });
      return subnet;
    });

    const natZones = network.natMode === "per-az" ? network.zones : network.natMode === "single" ? network.zones.slice(0, 1) : [];
    const natGateways = natZones.map((zone) => {
      const eip = new Eip(this, `nat-eip-${keys.get(zone)}`, { domain: "vpc", tags: name(`nat-${keys.get(zone)}`) });
      const publicSubnet = publicSubnets[network.zones.indexOf(zone)];
      const nat = new NatGateway(this, `nat-${keys.get(zone)}`, {
        allocationId: eip.allocationId,
        subnetId: publicSubnet.id,
        tags: name(`nat-${keys.get(zone)}`),
        dependsOn: [igw],
      });
      return { zone: zone.name, id: nat.id };
    });

    const privateSubnets = network.zones.map((zone) => {
      const subnet = new Subnet(this, `private-${keys.get(zone)}`, {
        vpcId: vpc.id,
        cidrBlock: zone.privateSubnetCidr,
        availabilityZone: zone.name,
        mapPublicIpOnLaunch: false,
        tags: { ...name(`private-${keys.get(zone)}`), Tier: "private" },
      });
      const routeTable = new RouteTable(this, `private-${keys.get(zone)}-route-table`, {
        vpcId: vpc.id,
        tags: name(`private-${keys.get(zone)}`),
      });
      new RouteTableAssociation(this, `private-${keys.get(zone)}-routes`, { subnetId: subnet.id, routeTableId: routeTable.id });
      // Per-AZ mode: the NAT in this zone; single mode: the only one. An AZ outage then only takes its own zone offline.
      const nat = natGateways.find((n) => n.zone === zone.name) ?? natGateways[0];
      if (nat) {
        new Route(this, `private-${keys.get(zone)}-default-route`, {
          routeTableId: routeTable.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: nat.id,
        });
      }
      return { subnet, routeTable };
    });

    this.vpc = vpc;
    this.vpcId = vpc.id;
    this.vpcCidr = network.vpcCidr;
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateSubnets.map((p) => p.subnet.id);
    this.publicRouteTableId = publicRouteTable.id;
    this.privateRouteTableIds = privateSubnets.map((p) => p.routeTable.id);
    this.natGateways = natGateways;
  }
}

/**
 * What names a zone's resources and Name tags: the zone's name, or its position when the name is a
 * Terraform expression known only at plan time (the generated HCL module takes zones as a variable).
 */
function zoneKey(zone: ZoneSubnets, index: number): string {
  return Token.isUnresolved(zone.name) ? `zone-${index}` : zone.name;
}

/** Every subnet a valid IPv4 network inside the VPC's CIDR, none overlapping another. */
function checkSubnets(scope: Construct, vpcCidr: string, zones: readonly ZoneSubnets[]): void {
  // CIDRs known only at plan time are the caller's to validate (the HCL module's variable conditions).
  const cidrs = [vpcCidr, ...zones.flatMap((zone) => [zone.publicSubnetCidr, zone.privateSubnetCidr])];
  if (cidrs.some((cidr) => Token.isUnresolved(cidr))) return;
  const vpc = parseCidr(vpcCidr);
  check(scope, vpc !== undefined, "vpcCidr", `must be an IPv4 network in CIDR notation such as 10.0.0.0/16; got ${JSON.stringify(vpcCidr)}`, vpcCidr);
  const subnets = zones.flatMap((zone, i) => [
    { prop: `zones[${i}].publicSubnetCidr`, cidr: zone.publicSubnetCidr },
    { prop: `zones[${i}].privateSubnetCidr`, cidr: zone.privateSubnetCidr },
  ]);
  subnets.forEach((subnet, i) => {
    const range = parseCidr(subnet.cidr);
    check(scope, range !== undefined && cidrContains(vpc!, range), subnet.prop, `must be an IPv4 network inside vpcCidr ${vpcCidr}; got ${JSON.stringify(subnet.cidr)}`, subnet.cidr);
    const overlapped = subnets.slice(0, i).find((earlier) => cidrsOverlap(range!, parseCidr(earlier.cidr)!));
    check(scope, overlapped === undefined, subnet.prop, `${subnet.cidr} overlaps ${overlapped?.prop} (${overlapped?.cidr})`, subnet.cidr);
  });
}
