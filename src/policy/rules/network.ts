/** VPC, subnet, security-group and network-ACL rules. */
import { Rule, RuleMetadata } from "../rule";
import type { ResourceView, StackView } from "../stack-view";
import { Attributes, blocks, quote, strings, toNumber } from "../values";

const ANYWHERE = ["0.0.0.0/0", "::/0"];

export const vpcFlowLogs: Rule = {
  id: "RC-NET-001",
  title: "VPC has a flow log capturing all traffic",
  description: "Flow logs are the record of what talked to what when investigating an incident.",
  severity: "medium",
  references: ["CKV2_AWS_11", "AVD-AWS-0178", "AwsSolutions-VPC7", "SecurityHub EC2.6"],
  resourceTypes: ["aws_vpc"],
  remediation: 'add aws_flow_log { vpc_id = <vpc>.id, traffic_type = "ALL", log_destination = <log group>.arn, iam_role_arn = <role>.arn }',
  check: ({ resource, stack }) =>
    stack.referencing(resource, "aws_flow_log", "vpc_id").some((log) => log.attributes.traffic_type === "ALL")
      ? undefined
      : 'no aws_flow_log with traffic_type "ALL" references it',
};

export const defaultSecurityGroupClosed: Rule = {
  id: "RC-NET-002",
  title: "The VPC's default security group allows nothing",
  description: "Anything launched without a security group gets the default one; by default it allows all egress and intra-group traffic.",
  severity: "medium",
  references: ["CKV2_AWS_12", "AVD-AWS-0173", "SecurityHub EC2.2"],
  resourceTypes: ["aws_vpc"],
  remediation: "add aws_default_security_group { vpc_id = <vpc>.id } with no ingress or egress blocks",
  check: ({ resource, stack }) =>
    stack
      .referencing(resource, "aws_default_security_group", "vpc_id")
      .some((sg) => blocks(sg.attributes.ingress).length === 0 && blocks(sg.attributes.egress).length === 0)
      ? undefined
      : "no rule-less aws_default_security_group manages its default security group",
};

export const subnetNoAutoPublicIp: Rule = {
  id: "RC-NET-003",
  title: "Subnets do not assign public IPs on launch",
  description: "The ALB and NAT gateways get their addresses explicitly; anything else launched there should not be public.",
  severity: "medium",
  references: ["CKV_AWS_130", "AVD-AWS-0164", "SecurityHub EC2.15"],
  resourceTypes: ["aws_subnet"],
  remediation: "remove map_public_ip_on_launch (or set it to false)",
  check: ({ resource }) =>
    resource.attributes.map_public_ip_on_launch === true ? "map_public_ip_on_launch is true" : undefined,
};

/** The provider writes this when `description` is omitted; it says nothing about the group. */
const PROVIDER_DEFAULT_DESCRIPTION = "Managed by Terraform";

export const securityGroupDescription: Rule = {
  id: "RC-NET-004",
  title: "Security groups have a description",
  description: "The description is what reviewers and responders read to know what a group is for.",
  severity: "low",
  references: ["CKV_AWS_23", "AVD-AWS-0099", "AwsSolutions-EC27"],
  resourceTypes: ["aws_security_group"],
  remediation: "set description to what the group protects, e.g. \"Backend tasks: ingress from the ALB on 8000\"",
  check: ({ resource: { attributes } }) =>
    typeof attributes.description === "string" &&
    attributes.description.trim() !== "" &&
    attributes.description !== PROVIDER_DEFAULT_DESCRIPTION
      ? undefined
      : "has no description",
};

/** What a security-group rule or network-ACL entry lets through. */
interface Traffic {
  readonly direction: "ingress" | "egress";
  /** Lower-case protocol name, or "all" for -1. */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrs: readonly string[];
}

/** One rule of a security group, whichever of the three ways Terraform offers to write it. */
interface SecurityGroupRule extends Traffic {
  readonly description: unknown;
  /** Message prefix: `ingress[0] ` for inline rules, `(security group PATH) ` for standalone ones. */
  readonly where: string;
}

const SECURITY_GROUP_RULE_TYPES = [
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
];

/** IANA numbers the APIs accept instead of names. */
function normalizeProtocol(protocol: unknown): string {
  const text = String(protocol ?? "").toLowerCase();
  return ({ "-1": "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" } as Record<string, string>)[text] ?? text;
}

function securityGroupRules(resource: ResourceView, stack: StackView): SecurityGroupRule[] {
  const a = resource.attributes;
  // A standalone rule names its group through security_group_id; show which group it opens.
  const group = stack.resolve(a.security_group_id)?.target.path;
  const standalone = group ? `(security group ${group}) ` : "";
  const classic = (rule: Attributes, direction: "ingress" | "egress", where: string): SecurityGroupRule => ({
    direction,
    protocol: normalizeProtocol(rule.protocol),
    fromPort: toNumber(rule.from_port),
    toPort: toNumber(rule.to_port),
    cidrs: [...strings(rule.cidr_blocks), ...strings(rule.ipv6_cidr_blocks)],
    description: rule.description,
    where,
  });
  switch (resource.type) {
    case "aws_security_group":
      return (["ingress", "egress"] as const).flatMap((direction) =>
        blocks(a[direction]).map((rule, i) => classic(rule, direction, `${direction}[${i}] `)),
      );
    case "aws_security_group_rule":
      return [classic(a, a.type === "egress" ? "egress" : "ingress", standalone)];
    default:
      return [
        {
          direction: resource.type === "aws_vpc_security_group_egress_rule" ? "egress" : "ingress",
          protocol: normalizeProtocol(a.ip_protocol),
          fromPort: toNumber(a.from_port),
          toPort: toNumber(a.to_port),
          cidrs: [...strings(a.cidr_ipv4), ...strings(a.cidr_ipv6)],
          description: a.description,
          where: standalone,
        },
      ];
  }
}

/** `tcp 443`, `tcp 8000-8001`, `all traffic`. */
function describeTraffic(rule: Traffic): string {
  if (rule.protocol === "all") return "all traffic";
  if (rule.fromPort === undefined) return rule.protocol;
  return `${rule.protocol} ${rule.fromPort === rule.toPort ? rule.fromPort : `${rule.fromPort}-${rule.toPort}`}`;
}

/** Whether traffic of the rule's protocol and port range can reach `port` over TCP. */
function reachesTcpPort(rule: Traffic, port: number): boolean {
  if (rule.protocol === "all") return true;
  return rule.protocol === "tcp" && (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535);
}

/** A rule over every security-group rule, inline or standalone; `problem` describes one offending rule. */
function securityGroupRuleCheck(
  metadata: RuleMetadata,
  problem: (rule: SecurityGroupRule) => string | undefined,
): Rule {
  return {
    ...metadata,
    resourceTypes: SECURITY_GROUP_RULE_TYPES,
    check: ({ resource, stack }) =>
      securityGroupRules(resource, stack).flatMap((rule) => {
        const found = problem(rule);
        return found ? [`${rule.where}${found}`] : [];
      }),
  };
}

const fromAnywhere = (traffic: Traffic) => traffic.cidrs.filter((c) => ANYWHERE.includes(c));

export const securityGroupRuleDescription = securityGroupRuleCheck(
  {
    id: "RC-NET-005",
    title: "Security group rules have a description",
    description: "Each rule should say why it exists so that stale openings can be found and removed.",
    severity: "low",
    references: ["CKV_AWS_23", "AVD-AWS-0124", "AwsSolutions-EC27"],
    remediation: "set description on every ingress/egress rule",
  },
  (rule) =>
    typeof rule.description === "string" && rule.description.trim() !== ""
      ? undefined
      : `${rule.direction} rule (${describeTraffic(rule)}) has no description`,
);

export const noPublicIngress = securityGroupRuleCheck(
  {
    id: "RC-NET-006",
    title: "No ingress from the internet",
    description:
      "Only the internet-facing ALB should accept traffic from 0.0.0.0/0 or ::/0, on 80 and 443; suppress " +
      "those two rules with that reason. Everything else admits traffic from another security group.",
    severity: "high",
    references: ["AwsSolutions-EC23", "CKV_AWS_260", "CKV_AWS_277", "SecurityHub EC2.18", "SecurityHub EC2.19"],
    remediation:
      "use referenced_security_group_id (source_security_group_id) for the source, or suppress RC-NET-006 on the ALB's 80/443 rules",
  },
  (rule) => {
    const sources = rule.direction === "ingress" ? fromAnywhere(rule) : [];
    return sources.length > 0 ? `allows ingress from ${sources.join(", ")} on ${describeTraffic(rule)}` : undefined;
  },
);

/** Remote administration ports scanners single out. */
const ADMIN_PORTS = [22, 3389];

export const noAdminPortsFromInternet = securityGroupRuleCheck(
  {
    id: "RC-NET-007",
    title: "No SSH, RDP or all-traffic ingress from the internet",
    description: "Open SSH/RDP ports are scanned and brute-forced within minutes; ECS Exec replaces SSH here.",
    severity: "critical",
    references: ["CKV_AWS_24", "CKV_AWS_25", "AVD-AWS-0107", "SecurityHub EC2.13", "SecurityHub EC2.14"],
    remediation: "remove the rule; use ECS Exec or SSM Session Manager for shell access",
  },
  (rule) =>
    rule.direction === "ingress" &&
    fromAnywhere(rule).length > 0 &&
    (rule.protocol === "all" || ADMIN_PORTS.some((port) => reachesTcpPort(rule, port)))
      ? `allows ${describeTraffic(rule)} from the internet, including SSH/RDP`
      : undefined,
);

export const noUnrestrictedEgress = securityGroupRuleCheck(
  {
    id: "RC-NET-008",
    title: "No all-protocol egress to the internet",
    description: "Egress on every protocol and port to 0.0.0.0/0 gives a compromised task an unrestricted exfiltration path.",
    severity: "high",
    references: ["CKV_AWS_382", "AVD-AWS-0104"],
    remediation: "allow egress on tcp 443 only (VPC endpoints or the NAT gateway), or to specific security groups",
  },
  (rule) =>
    rule.direction === "egress" && rule.protocol === "all" && fromAnywhere(rule).length > 0
      ? `allows all traffic to ${fromAnywhere(rule).join(", ")}`
      : undefined,
);

/** One entry of a network ACL, from `aws_network_acl` blocks or an `aws_network_acl_rule`. */
interface NaclEntry extends Traffic {
  readonly allow: boolean;
  readonly label: string;
}

function naclEntries(resource: ResourceView): NaclEntry[] {
  const entry = (e: Attributes, direction: "ingress" | "egress", action: unknown): NaclEntry => ({
    direction,
    allow: action === "allow",
    protocol: normalizeProtocol(e.protocol),
    fromPort: toNumber(e.from_port),
    toPort: toNumber(e.to_port),
    cidrs: [...strings(e.cidr_block), ...strings(e.ipv6_cidr_block)],
    label: `${direction} rule ${String(e.rule_no ?? e.rule_number)}`,
  });
  if (resource.type === "aws_network_acl_rule") {
    const a = resource.attributes;
    return [entry(a, a.egress === true ? "egress" : "ingress", a.rule_action)];
  }
  return (["ingress", "egress"] as const).flatMap((direction) =>
    blocks(resource.attributes[direction]).map((e) => entry(e, direction, e.action)),
  );
}

/** A rule over every allow entry of every network ACL. */
function naclRule(metadata: RuleMetadata, problem: (entry: NaclEntry) => string | undefined): Rule {
  return {
    ...metadata,
    resourceTypes: ["aws_network_acl", "aws_network_acl_rule"],
    check: ({ resource }) =>
      naclEntries(resource)
        .filter((entry) => entry.allow)
        .flatMap((entry) => {
          const found = problem(entry);
          return found ? [`${entry.label} ${found}`] : [];
        }),
  };
}

export const naclNoAllProtocols = naclRule(
  {
    id: "RC-NET-009",
    title: "Network ACL allow rules name a protocol",
    description: "An allow rule on protocol -1 opens every port of every protocol and ignores from_port/to_port.",
    severity: "critical",
    references: ["AVD-AWS-0102", "CKV_AWS_352"],
    remediation: 'set protocol = "tcp" (or "udp") with from_port and to_port',
  },
  (entry) => (entry.protocol === "all" ? `allows all protocols (${quote("-1")})` : undefined),
);

/** FTP (20, 21) and remote administration ports. */
const NACL_ADMIN_PORTS = [20, 21, ...ADMIN_PORTS];

export const naclNoAdminPortsFromInternet = naclRule(
  {
    id: "RC-NET-010",
    title: "Network ACLs do not admit FTP, SSH or RDP from the internet",
    description: "A stateless allow from 0.0.0.0/0 on administration ports backs up an equally open security group.",
    severity: "high",
    references: ["CKV_AWS_229", "CKV_AWS_230", "CKV_AWS_231", "CKV_AWS_232", "AVD-AWS-0105", "SecurityHub EC2.21"],
    remediation: "narrow the rule's port range or source CIDR so that 20, 21, 22 and 3389 are not reachable from /0",
  },
  (entry) => {
    if (entry.direction !== "ingress" || fromAnywhere(entry).length === 0) return undefined;
    const ports = NACL_ADMIN_PORTS.filter((port) => reachesTcpPort(entry, port));
    return ports.length > 0 ? `allows port(s) ${ports.join(", ")} from the internet` : undefined;
  },
);

export const NETWORK_RULES: readonly Rule[] = [
  vpcFlowLogs,
  defaultSecurityGroupClosed,
  subnetNoAutoPublicIp,
  securityGroupDescription,
  securityGroupRuleDescription,
  noPublicIngress,
  noAdminPortsFromInternet,
  noUnrestrictedEgress,
  naclNoAllProtocols,
  naclNoAdminPortsFromInternet,
];
