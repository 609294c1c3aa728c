import { refTo, resourceAt, resourcesOf, synthEnvironment } from "./support/stacks";

describe("provider", () => {
  it("tags every resource with the guide's cost allocation tags from configuration", () => {
    const prod = synthEnvironment("prod");
    expect(prod.provider.aws[0].region).toBe("us-east-1");
    expect(prod.provider.aws[0].default_tags[0].tags).toMatchObject({
      Project: "RecipeChatbot",
      Environment: "Production",
      Owner: "AI-Team",
      CostCenter: "R&D",
    });
    expect(synthEnvironment("dev").provider.aws[0].default_tags[0].tags.Environment).toBe("Development");
  });
});

describe("VPC and subnets (guide: Network Architecture)", () => {
  const prod = synthEnvironment("prod");

  it("creates the 10.0.0.0/16 VPC with DNS support and hostnames", () => {
    expect(resourcesOf(prod, "aws_vpc")).toHaveLength(1);
    expect(resourceAt(prod, "aws_vpc", "app/networking/tiers/vpc")).toMatchObject({
      cidr_block: "10.0.0.0/16",
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
  });

  it.each([
    ["public-us-east-1a", "10.0.1.0/24", "us-east-1a"],
    ["public-us-east-1b", "10.0.2.0/24", "us-east-1b"],
    ["private-us-east-1a", "10.0.3.0/24", "us-east-1a"],
    ["private-us-east-1b", "10.0.4.0/24", "us-east-1b"],
  ])("subnet %s is %s in %s and never auto-assigns public IPs", (id, cidr, az) => {
    expect(resourceAt(prod, "aws_subnet", `app/networking/tiers/${id}`)).toMatchObject({
      cidr_block: cidr,
      availability_zone: az,
      map_public_ip_on_launch: false,
      vpc_id: refTo(prod, "aws_vpc", "app/networking/tiers/vpc"),
    });
  });

  it("gives the VPC an Amazon IPv6 block and each public subnet its own /64 (for the dual-stack ALB)", () => {
    expect(resourceAt(prod, "aws_vpc", "app/networking/tiers/vpc").assign_generated_ipv6_cidr_block).toBe(true);
    const vpcIpv6 = refTo(prod, "aws_vpc", "app/networking/tiers/vpc", "ipv6_cidr_block");
    expect(resourceAt(prod, "aws_subnet", "app/networking/tiers/public-us-east-1a").ipv6_cidr_block).toBe(`\${cidrsubnet(${vpcIpv6.slice(2, -1)}, 8, 0)}`);
    expect(resourceAt(prod, "aws_subnet", "app/networking/tiers/public-us-east-1b").ipv6_cidr_block).toBe(`\${cidrsubnet(${vpcIpv6.slice(2, -1)}, 8, 1)}`);
    expect(resourceAt(prod, "aws_subnet", "app/networking/tiers/private-us-east-1a").ipv6_cidr_block).toBeUndefined();
    expect(resourceAt(prod, "aws_route", "app/networking/tiers/public-default-route-ipv6")).toMatchObject({
      destination_ipv6_cidr_block: "::/0",
      gateway_id: refTo(prod, "aws_internet_gateway", "app/networking/tiers/internet-gateway"),
    });
  });

  it("routes the public tier to the internet gateway", () => {
    expect(resourcesOf(prod, "aws_internet_gateway")).toHaveLength(1);
    expect(resourceAt(prod, "aws_route", "app/networking/tiers/public-default-route")).toMatchObject({
      destination_cidr_block: "0.0.0.0/0",
      gateway_id: refTo(prod, "aws_internet_gateway", "app/networking/tiers/internet-gateway"),
    });
  });

  it("locks down the default security group (no rules at all)", () => {
    const sg = resourceAt(prod, "aws_default_security_group", "app/networking/tiers/default-security-group");
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
  });
});

describe("NAT modes", () => {
  it("per-az (prod): one NAT and Elastic IP per zone, each private subnet routes to its own zone's NAT", () => {
    const prod = synthEnvironment("prod");
    expect(resourcesOf(prod, "aws_nat_gateway")).toHaveLength(2);
    expect(resourcesOf(prod, "aws_eip")).toHaveLength(2);
    for (const zone of ["us-east-1a", "us-east-1b"]) {
      expect(resourceAt(prod, "aws_nat_gateway", `app/networking/tiers/nat-${zone}`).subnet_id).toBe(refTo(prod, "aws_subnet", `app/networking/tiers/public-${zone}`));
      expect(resourceAt(prod, "aws_route", `app/networking/tiers/private-${zone}-default-route`)).toMatchObject({
        destination_cidr_block: "0.0.0.0/0",
        nat_gateway_id: refTo(prod, "aws_nat_gateway", `app/networking/tiers/nat-${zone}`),
      });
    }
  });

  it("single (staging default): one NAT gateway shared by both private subnets", () => {
    const staging = synthEnvironment("staging");
    expect(resourcesOf(staging, "aws_nat_gateway")).toHaveLength(1);
    const nat = refTo(staging, "aws_nat_gateway", "app/networking/tiers/nat-us-east-1a");
    for (const zone of ["us-east-1a", "us-east-1b"]) {
      expect(resourceAt(staging, "aws_route", `app/networking/tiers/private-${zone}-default-route`).nat_gateway_id).toBe(nat);
    }
  });

  it("none (dev default, its tasks in the public subnets): no NAT, no Elastic IP and no default route from the private tier", () => {
    const isolated = synthEnvironment("dev");
    expect(resourcesOf(isolated, "aws_nat_gateway")).toHaveLength(0);
    expect(resourcesOf(isolated, "aws_eip")).toHaveLength(0);
    const routes = Object.keys(isolated.resource.aws_route);
    expect(routes.filter((p) => p.includes("private"))).toEqual([]);
  });
});

describe("network ACLs (guide: Network Security)", () => {
  const prod = synthEnvironment("prod");
  const rulesOf = (tier: string) =>
    resourcesOf(prod, "aws_network_acl_rule")
      .map(([, r]) => r)
      .filter((r) => r.network_acl_id === refTo(prod, "aws_network_acl", `app/networking/acls/${tier}`))
      .sort((a, b) => Number(a.egress) - Number(b.egress) || a.rule_number - b.rule_number)
      .map((r) => ({ egress: r.egress, from: r.from_port, to: r.to_port, cidr: r.cidr_block ?? r.ipv6_cidr_block, protocol: r.protocol, action: r.rule_action }));

  it("public tier: 443 and 80 in (IPv4 and IPv6), return traffic on ephemeral ports, 443 and ephemeral out", () => {
    expect(rulesOf("public")).toEqual([
      { egress: false, from: 443, to: 443, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: false, from: 80, to: 80, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: false, from: 1024, to: 3388, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: false, from: 3390, to: 65535, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: false, from: 443, to: 443, cidr: "::/0", protocol: "tcp", action: "allow" },
      { egress: false, from: 80, to: 80, cidr: "::/0", protocol: "tcp", action: "allow" },
      { egress: true, from: 443, to: 443, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: true, from: 1024, to: 65535, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: true, from: 1024, to: 65535, cidr: "::/0", protocol: "tcp", action: "allow" },
    ]);
  });

  it("private tier: service ports and endpoint HTTPS from the VPC only, 443 out, responses to the VPC", () => {
    expect(rulesOf("private")).toEqual([
      { egress: false, from: 8000, to: 8000, cidr: "10.0.0.0/16", protocol: "tcp", action: "allow" },
      { egress: false, from: 3000, to: 3000, cidr: "10.0.0.0/16", protocol: "tcp", action: "allow" },
      { egress: false, from: 443, to: 443, cidr: "10.0.0.0/16", protocol: "tcp", action: "allow" },
      { egress: false, from: 1024, to: 3388, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: false, from: 3390, to: 65535, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: true, from: 443, to: 443, cidr: "0.0.0.0/0", protocol: "tcp", action: "allow" },
      { egress: true, from: 1024, to: 65535, cidr: "10.0.0.0/16", protocol: "tcp", action: "allow" },
    ]);
  });

  it("never opens SSH or RDP to the internet", () => {
    const open = resourcesOf(prod, "aws_network_acl_rule")
      .map(([, r]) => r)
      .filter((r) => !r.egress && (r.cidr_block === "0.0.0.0/0" || r.ipv6_cidr_block === "::/0") && [22, 3389].some((p) => r.from_port <= p && p <= r.to_port));
    expect(open).toEqual([]);
  });

  it("attaches each ACL to its tier's subnets", () => {
    expect(resourceAt(prod, "aws_network_acl", "app/networking/acls/private").subnet_ids).toEqual([
      refTo(prod, "aws_subnet", "app/networking/tiers/private-us-east-1a"),
      refTo(prod, "aws_subnet", "app/networking/tiers/private-us-east-1b"),
    ]);
  });
});

describe("VPC flow logs", () => {
  const prod = synthEnvironment("prod");

  it("captures ALL traffic into a KMS-encrypted log group with the configured retention", () => {
    expect(resourceAt(prod, "aws_flow_log", "app/networking/flow-logs/flow-log")).toMatchObject({
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: refTo(prod, "aws_cloudwatch_log_group", "app/networking/flow-logs/log-group/group", "arn"),
      vpc_id: refTo(prod, "aws_vpc", "app/networking/tiers/vpc"),
    });
    expect(resourceAt(prod, "aws_cloudwatch_log_group", "app/networking/flow-logs/log-group/group")).toMatchObject({
      retention_in_days: 365,
      kms_key_id: refTo(prod, "aws_kms_key", "app/logs-key/key", "arn"),
    });
    expect(resourceAt(synthEnvironment("dev"), "aws_cloudwatch_log_group", "app/networking/flow-logs/log-group/group").retention_in_days).toBe(30);
  });

  it("encrypts with a rotating key that CloudWatch Logs of this account may use", () => {
    expect(resourceAt(prod, "aws_kms_key", "app/logs-key/key").enable_key_rotation).toBe(true);
    const policy = prod.data!.aws_iam_policy_document;
    const logsStatement = Object.values(policy)
      .flatMap((doc: any) => doc.statement)
      .find((s: any) => s.sid === "CloudWatchLogsUseKey");
    expect(logsStatement.principals[0].identifiers).toEqual(["logs.us-east-1.amazonaws.com"]);
    expect(logsStatement.condition[0].variable).toBe("kms:EncryptionContext:aws:logs:arn");
  });
});

describe("VPC endpoints", () => {
  it("always has the S3 gateway endpoint on the private route tables", () => {
    const dev = synthEnvironment("dev");
    expect(resourceAt(dev, "aws_vpc_endpoint", "app/networking/endpoints/s3")).toMatchObject({
      service_name: "com.amazonaws.us-east-1.s3",
      vpc_endpoint_type: "Gateway",
      route_table_ids: [
        refTo(dev, "aws_route_table", "app/networking/tiers/private-us-east-1a-route-table"),
        refTo(dev, "aws_route_table", "app/networking/tiers/private-us-east-1b-route-table"),
      ],
    });
  });

  it("adds interface endpoints only when the environment enables them (off by default: README \"Cost\")", () => {
    const withEndpoints = { environments: { prod: { network: { interfaceEndpoints: true } } } };
    const names = (env: string, overrides = {}) =>
      resourcesOf(synthEnvironment(env, overrides), "aws_vpc_endpoint")
        .filter(([, e]) => e.vpc_endpoint_type === "Interface")
        .map(([, e]) => e.service_name);
    expect(names("dev")).toEqual([]);
    expect(names("prod")).toEqual([]);
    expect(names("prod", withEndpoints)).toEqual(["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm"].map((s) => `com.amazonaws.us-east-1.${s}`));
    const prod = synthEnvironment("prod", withEndpoints);
    expect(resourceAt(prod, "aws_vpc_endpoint", "app/networking/endpoints/ecr.dkr")).toMatchObject({
      private_dns_enabled: true,
      subnet_ids: [refTo(prod, "aws_subnet", "app/networking/tiers/private-us-east-1a"), refTo(prod, "aws_subnet", "app/networking/tiers/private-us-east-1b")],
    });
  });
});

type Rule = { port: number; peer: string };
const byPortAndPeer = (a: Rule, b: Rule) => a.port - b.port || a.peer.localeCompare(b.peer);

/**
 * The guide's three groups, by name. Each now belongs to its owner: the load balancer's and each
 * service's own group; the services create the rules between them (src/recipe-chatbot/recipe-chatbot.ts).
 */
const SECURITY_GROUPS: Record<string, string> = {
  "alb-sg": "app/load-balancer/security-group",
  "ecs-backend-sg": "app/backend/security-group",
  "ecs-frontend-sg": "app/frontend/security-group",
};

describe("security groups (guide: Security Groups)", () => {
  const prod = synthEnvironment("prod");
  const sg = (name: string) => refTo(prod, "aws_security_group", SECURITY_GROUPS[name]);
  const rules = (type: string, name: string) =>
    resourcesOf(prod, type)
      .map(([, r]) => r)
      .filter((r) => r.security_group_id === sg(name))
      .map((r) => ({ port: r.from_port, to: r.to_port, protocol: r.ip_protocol, peer: r.cidr_ipv4 ?? r.cidr_ipv6 ?? r.referenced_security_group_id, described: r.description.length > 0 }))
      .sort(byPortAndPeer);

  it("names the groups as the guide does, each with a description", () => {
    for (const name of ["alb-sg", "ecs-backend-sg", "ecs-frontend-sg"]) {
      expect(resourceAt(prod, "aws_security_group", SECURITY_GROUPS[name])).toMatchObject({ name, description: expect.stringMatching(/\w/) });
    }
  });

  it("alb-sg: 80 and 443 from anywhere (IPv4 and IPv6) in; 8000 to the backend and 3000 to the frontend out", () => {
    expect(rules("aws_vpc_security_group_ingress_rule", "alb-sg")).toEqual([
      { port: 443, to: 443, protocol: "tcp", peer: "0.0.0.0/0", described: true },
      { port: 80, to: 80, protocol: "tcp", peer: "0.0.0.0/0", described: true },
      { port: 443, to: 443, protocol: "tcp", peer: "::/0", described: true },
      { port: 80, to: 80, protocol: "tcp", peer: "::/0", described: true },
    ].sort(byPortAndPeer));
    expect(rules("aws_vpc_security_group_egress_rule", "alb-sg")).toEqual([
      { port: 8000, to: 8000, protocol: "tcp", peer: sg("ecs-backend-sg"), described: true },
      { port: 3000, to: 3000, protocol: "tcp", peer: sg("ecs-frontend-sg"), described: true },
    ].sort(byPortAndPeer));
  });

  it("ecs-backend-sg: 8000 from the ALB and the frontend; 443 out", () => {
    expect(rules("aws_vpc_security_group_ingress_rule", "ecs-backend-sg")).toEqual([
      { port: 8000, to: 8000, protocol: "tcp", peer: sg("alb-sg"), described: true },
      { port: 8000, to: 8000, protocol: "tcp", peer: sg("ecs-frontend-sg"), described: true },
    ].sort(byPortAndPeer));
    expect(rules("aws_vpc_security_group_egress_rule", "ecs-backend-sg")).toEqual([
      { port: 443, to: 443, protocol: "tcp", peer: "0.0.0.0/0", described: true },
    ].sort(byPortAndPeer));
  });

  it("ecs-frontend-sg: 3000 from the ALB; 8000 to the backend and 443 out", () => {
    expect(rules("aws_vpc_security_group_ingress_rule", "ecs-frontend-sg")).toEqual([
      { port: 3000, to: 3000, protocol: "tcp", peer: sg("alb-sg"), described: true },
    ].sort(byPortAndPeer));
    expect(rules("aws_vpc_security_group_egress_rule", "ecs-frontend-sg")).toEqual([
      { port: 8000, to: 8000, protocol: "tcp", peer: sg("ecs-backend-sg"), described: true },
      { port: 443, to: 443, protocol: "tcp", peer: "0.0.0.0/0", described: true },
    ].sort(byPortAndPeer));
  });
});
