import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { suppress } from "../policy";

export interface SecurityGroupsProps {
  readonly vpcId: string;
  readonly backendPort: number;
  readonly frontendPort: number;
}

type Peer = { cidr: string } | { cidrIpv6: string } | { group: SecurityGroup };

/**
 * The guide's three security groups, with every rule a separate resource carrying a description.
 * Service-to-service rules reference groups, never addresses.
 *
 * One deliberate addition: the guide lets the frontend send to the backend on 8000 but never lets the
 * backend accept it (its only ingress is from the ALB), so server-side calls from Next.js would time
 * out. ecs-backend-sg also admits ecs-frontend-sg on the backend port.
 */
export class SecurityGroups extends Construct {
  readonly albSecurityGroupId: string;
  readonly backendSecurityGroupId: string;
  readonly frontendSecurityGroupId: string;

  constructor(scope: Construct, id: string, props: SecurityGroupsProps) {
    super(scope, id);
    const group = (name: string, description: string) =>
      new SecurityGroup(this, name, { name, description, vpcId: props.vpcId, tags: { Name: name } });
    const alb = group("alb-sg", "Recipe Chatbot ALB: HTTPS and HTTP from the internet");
    const backend = group("ecs-backend-sg", "Recipe Chatbot backend tasks (FastAPI)");
    const frontend = group("ecs-frontend-sg", "Recipe Chatbot frontend tasks (Next.js)");
    const anywhere = { cidr: "0.0.0.0/0" };
    const anywhereIpv6 = { cidrIpv6: "::/0" };
    const { backendPort, frontendPort } = props;

    for (const rule of [
      this.ingress(alb, 443, anywhere, "HTTPS from the internet"),
      this.ingress(alb, 80, anywhere, "HTTP from the internet, redirected to HTTPS"),
      this.ingress(alb, 443, anywhereIpv6, "HTTPS from the internet over IPv6 (dual-stack ALB)"),
      this.ingress(alb, 80, anywhereIpv6, "HTTP from the internet over IPv6, redirected to HTTPS"),
    ]) {
      suppress(rule, "RC-NET-006", "The public ALB must accept HTTP(S) from anywhere; 80 only redirects, and the WAF web ACL inspects every request.");
    }
    this.egress(alb, backendPort, { group: backend }, "ALB to backend tasks");
    this.egress(alb, frontendPort, { group: frontend }, "ALB to frontend tasks");

    this.ingress(backend, backendPort, { group: alb }, "Backend from the ALB");
    this.ingress(backend, backendPort, { group: frontend }, "Backend from the frontend (server-side calls)");
    this.egress(backend, 443, anywhere, "HTTPS to OpenAI, SerpAPI and AWS APIs");

    this.ingress(frontend, frontendPort, { group: alb }, "Frontend from the ALB");
    this.egress(frontend, backendPort, { group: backend }, "Frontend to the backend API");
    this.egress(frontend, 443, anywhere, "HTTPS to AWS APIs");

    this.albSecurityGroupId = alb.id;
    this.backendSecurityGroupId = backend.id;
    this.frontendSecurityGroupId = frontend.id;
  }

  private ingress(target: SecurityGroup, port: number, from: Peer, description: string): VpcSecurityGroupIngressRule {
    return new VpcSecurityGroupIngressRule(this, ruleId(target, "in", port, from), ruleProps(target, port, from, description));
  }

  private egress(source: SecurityGroup, port: number, to: Peer, description: string): void {
    new VpcSecurityGroupEgressRule(this, ruleId(source, "out", port, to), ruleProps(source, port, to, description));
  }
}

function ruleProps(group: SecurityGroup, port: number, peer: Peer, description: string) {
  return {
    securityGroupId: group.id,
    description,
    ipProtocol: "tcp",
    fromPort: port,
    toPort: port,
    ...("cidr" in peer ? { cidrIpv4: peer.cidr } : "cidrIpv6" in peer ? { cidrIpv6: peer.cidrIpv6 } : { referencedSecurityGroupId: peer.group.id }),
  };
}

/** e.g. alb-sg-out-8000-ecs-backend-sg: stable, readable construct ids. */
function ruleId(group: SecurityGroup, direction: string, port: number, peer: Peer): string {
  const peerName = "cidr" in peer ? "internet" : "cidrIpv6" in peer ? "internet-ipv6" : peer.group.node.id;
  return `${group.node.id}-${direction}-${port}-${peerName}`;
}
