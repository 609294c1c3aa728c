import { INTERFACE_ENDPOINT_SERVICES, Networking, type NetworkingProps } from "../../src/modules/networking";
import { AWS, all, expectPropError, only, synthModule } from "./module-stack";

const ZONES = [
  { name: "eu-west-1a", publicSubnetCidr: "10.1.0.0/24", privateSubnetCidr: "10.1.10.0/24" },
  { name: "eu-west-1b", publicSubnetCidr: "10.1.1.0/24", privateSubnetCidr: "10.1.11.0/24" },
];
const BASE: NetworkingProps = { namePrefix: "shop-prod", vpcCidr: "10.1.0.0/16", zones: ZONES, aws: AWS };

describe("Networking module, alone", () => {
  it("defaults: per-AZ NAT, flow logs under a key of their own, the S3 gateway endpoint only, no ACLs", () => {
    const stack = synthModule((scope) => new Networking(scope, "net", BASE));
    expect(only(stack, "aws_vpc")).toMatchObject({ cidr_block: "10.1.0.0/16", enable_dns_hostnames: true, tags: { Name: "shop-prod-vpc" } });
    expect(all(stack, "aws_subnet")).toHaveLength(4);
    expect(all(stack, "aws_nat_gateway")).toHaveLength(2);
    expect(all(stack, "aws_route").filter((r) => r.nat_gateway_id)).toHaveLength(2);
    expect(only(stack, "aws_flow_log")).toMatchObject({ traffic_type: "ALL", max_aggregation_interval: 60 });
    expect(only(stack, "aws_cloudwatch_log_group")).toMatchObject({ name: "/aws/vpc/shop-prod/flow-logs", retention_in_days: 30 });
    expect(only(stack, "aws_kms_alias").name).toBe("alias/logs/aws/vpc/shop-prod/flow-logs");
    expect(only(stack, "aws_iam_role")).toMatchObject({ name: "shop-prod-flow-logs" });
    expect(only(stack, "aws_iam_role").permissions_boundary).toBeUndefined();
    expect(only(stack, "aws_vpc_endpoint")).toMatchObject({ service_name: "com.amazonaws.eu-west-1.s3", vpc_endpoint_type: "Gateway" });
    expect(stack.resource.aws_network_acl).toBeUndefined();
    expect(only(stack, "aws_default_security_group").ingress).toBeUndefined();
  });

  it("single NAT routes every private subnet through the first zone's gateway; none adds no NAT at all", () => {
    const single = synthModule((scope) => new Networking(scope, "net", { ...BASE, natMode: "single" }));
    expect(all(single, "aws_nat_gateway")).toHaveLength(1);
    const natRoutes = all(single, "aws_route").filter((r) => r.nat_gateway_id);
    expect(natRoutes).toHaveLength(2);
    expect(new Set(natRoutes.map((r) => r.nat_gateway_id)).size).toBe(1);
    const none = synthModule((scope) => new Networking(scope, "net", { ...BASE, natMode: "none" }));
    expect(none.resource.aws_nat_gateway).toBeUndefined();
    expect(none.resource.aws_eip).toBeUndefined();
  });

  it("switches: ACLs for the service ports, interface endpoints, an existing key, a boundary, or no flow logs", () => {
    const stack = synthModule(
      (scope) =>
        new Networking(scope, "net", {
          ...BASE,
          servicePorts: [8080],
          interfaceEndpoints: INTERFACE_ENDPOINT_SERVICES,
          flowLogs: { retentionInDays: 90, kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/existing" },
          permissionsBoundaryArn: "arn:aws:iam::123456789012:policy/boundary",
        }),
    );
    expect(all(stack, "aws_network_acl")).toHaveLength(2);
    expect(all(stack, "aws_network_acl_rule").some((r) => r.from_port === 8080 && r.cidr_block === "10.1.0.0/16" && !r.egress)).toBe(true);
    expect(all(stack, "aws_vpc_endpoint").filter((e) => e.vpc_endpoint_type === "Interface").map((e) => e.service_name)).toEqual(
      INTERFACE_ENDPOINT_SERVICES.map((s) => `com.amazonaws.eu-west-1.${s}`),
    );
    expect(stack.resource.aws_kms_key).toBeUndefined();
    expect(only(stack, "aws_cloudwatch_log_group")).toMatchObject({ retention_in_days: 90, kms_key_id: "arn:aws:kms:eu-west-1:123456789012:key/existing" });
    expect(only(stack, "aws_iam_role").permissions_boundary).toBe("arn:aws:iam::123456789012:policy/boundary");

    const quiet = synthModule((scope) => new Networking(scope, "net", { ...BASE, flowLogs: false }));
    expect(quiet.resource.aws_flow_log).toBeUndefined();
    expect(quiet.resource.aws_iam_role).toBeUndefined();
  });

  it("looks the account up itself when no context is given", () => {
    const stack = synthModule((scope) => new Networking(scope, "net", { ...BASE, aws: undefined }));
    expect(Object.keys(stack.data ?? {})).toEqual(expect.arrayContaining(["aws_caller_identity", "aws_partition", "aws_region"]));
  });

  it("rejects bad props, naming the prop and what is allowed", () => {
    expectPropError((scope) => new Networking(scope, "net", { ...BASE, natMode: "both" as never }), "TieredVpc", "natMode", '"none", "single", "per-az"', '"both"');
    expectPropError((scope) => new Networking(scope, "net", { ...BASE, zones: ZONES.slice(0, 1) }), "zones", "at least two availability zones");
    expectPropError((scope) => new Networking(scope, "net", { ...BASE, zones: [ZONES[0], ZONES[0]] }), "zones", "twice");
    expectPropError(
      (scope) => new Networking(scope, "net", { ...BASE, zones: [ZONES[0], { ...ZONES[1], privateSubnetCidr: "10.2.0.0/24" }] }),
      "zones[1].privateSubnetCidr",
      "inside vpcCidr 10.1.0.0/16",
    );
    expectPropError(
      (scope) => new Networking(scope, "net", { ...BASE, zones: [ZONES[0], { ...ZONES[1], publicSubnetCidr: "10.1.0.128/25" }] }),
      "zones[1].publicSubnetCidr",
      "overlaps zones[0].publicSubnetCidr",
    );
    expectPropError((scope) => new Networking(scope, "net", { ...BASE, servicePorts: [70000] }), "servicePorts[0]", "from 1 to 65535");
    expectPropError((scope) => new Networking(scope, "net", { ...BASE, flowLogs: { retentionInDays: 31 } }), "retentionInDays", "one of", "30");
  });
});
