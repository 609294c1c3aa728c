import { Construct } from "constructs";
import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { checkInteger } from "../../core/props";

export interface NetworkAclsProps {
  /** Prefix of the ACLs' Name tags. Required: it tells them apart from other VPCs' ACLs. */
  readonly namePrefix: string;
  /** The VPC the ACLs belong to. Required. */
  readonly vpcId: string;
  /** The VPC's IPv4 CIDR: the private tier accepts only traffic from inside it. Required. */
  readonly vpcCidr: string;
  /** Subnets of the public tier (load balancer, NAT). Required. */
  readonly publicSubnetIds: string[];
  /** Subnets of the private tier (tasks). Required. */
  readonly privateSubnetIds: string[];
  /** Ports the private tier serves to the VPC (the load balancer and other services reach the tasks on them). Required. */
  readonly servicePorts: readonly number[];
}

interface AclRule {
  readonly direction: "ingress" | "egress";
  readonly ports: readonly [number, number];
  /** IPv4 or IPv6 CIDR. */
  readonly cidr: string;
  /** What the rule is for. NACL rules carry no description in AWS, so the reason lives here. */
  readonly why: string;
}

const ANYWHERE = "0.0.0.0/0";
const ANYWHERE_IPV6 = "::/0";

/**
 * Return traffic arrives on ephemeral ports (1024-65535: ALB and NAT gateway use the whole range).
 * The range is split around 3389 so that no rule opens RDP to the internet, which scanners rightly flag.
 */
function ephemeral(direction: AclRule["direction"], cidr: string, why: string): AclRule[] {
  return [
    { direction, ports: [1024, 3388], cidr, why },
    { direction, ports: [3390, 65535], cidr, why },
  ];
}

/**
 * Stateless second layer under the security groups (guide "Network Security": NACLs). Every rule is
 * TCP with explicit ports; anything not listed hits the implicit deny.
 */
export class NetworkAcls extends Construct {
  constructor(scope: Construct, id: string, props: NetworkAclsProps) {
    super(scope, id);
    props.servicePorts.forEach((port, i) => checkInteger(this, `servicePorts[${i}]`, port, 1, 65535));
    const vpc = props.vpcCidr;
    const publicRules: AclRule[] = [
      { direction: "ingress", ports: [443, 443], cidr: ANYWHERE, why: "HTTPS from clients to the ALB; HTTPS from the private tier to the NAT" },
      { direction: "ingress", ports: [80, 80], cidr: ANYWHERE, why: "HTTP from clients, answered with a redirect to HTTPS" },
      ...ephemeral("ingress", ANYWHERE, "responses to the ALB and the NAT gateway"),
      // The dual-stack ALB: the same client traffic over IPv6.
      { direction: "ingress", ports: [443, 443], cidr: ANYWHERE_IPV6, why: "HTTPS from IPv6 clients to the ALB" },
      { direction: "ingress", ports: [80, 80], cidr: ANYWHERE_IPV6, why: "HTTP from IPv6 clients, redirected" },
      { direction: "egress", ports: [443, 443], cidr: ANYWHERE, why: "the NAT gateway forwards the private tier's HTTPS to the internet" },
      { direction: "egress", ports: [1024, 65535], cidr: ANYWHERE, why: "responses to clients; ALB to the services' ports in the private tier" },
      { direction: "egress", ports: [1024, 65535], cidr: ANYWHERE_IPV6, why: "responses to IPv6 clients" },
    ];
    const privateRules: AclRule[] = [
      ...props.servicePorts.map((port): AclRule => ({ direction: "ingress", ports: [port, port], cidr: vpc, why: `service port ${port} from the ALB and other services` })),
      { direction: "ingress", ports: [443, 443], cidr: vpc, why: "HTTPS to the interface VPC endpoints" },
      ...ephemeral("ingress", ANYWHERE, "responses from the internet (through the NAT) and from AWS APIs"),
      { direction: "egress", ports: [443, 443], cidr: ANYWHERE, why: "HTTPS to third-party APIs and AWS APIs" },
      { direction: "egress", ports: [1024, 65535], cidr: vpc, why: "responses to the ALB and to other services in the VPC" },
    ];
    this.acl("public", props, props.publicSubnetIds, publicRules);
    this.acl("private", props, props.privateSubnetIds, privateRules);
  }

  private acl(tier: string, props: NetworkAclsProps, subnetIds: string[], rules: AclRule[]): void {
    const acl = new NetworkAcl(this, tier, { vpcId: props.vpcId, subnetIds, tags: { Name: `${props.namePrefix}-${tier}` } });
    for (const direction of ["ingress", "egress"] as const) {
      rules
        .filter((rule) => rule.direction === direction)
        .forEach((rule, index) => {
          // Rule numbers step by 10 so a rule can be inserted later without renumbering.
          const ruleNumber = 100 + index * 10;
          new NetworkAclRule(this, `${tier}-${direction}-${ruleNumber}`, {
            networkAclId: acl.id,
            ruleNumber,
            egress: direction === "egress",
            protocol: "tcp",
            ruleAction: "allow",
            ...(rule.cidr.includes(":") ? { ipv6CidrBlock: rule.cidr } : { cidrBlock: rule.cidr }),
            fromPort: rule.ports[0],
            toPort: rule.ports[1],
          });
        });
    }
  }
}
