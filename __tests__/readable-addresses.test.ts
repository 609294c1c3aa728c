/**
 * Terraform addresses read like the construct tree (ReadableStack): no hash, deterministic, valid
 * Terraform names, and a collision fails synth naming both constructs.
 */
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ReadableStack, readableLogicalId } from "../src/core/readable-stack";
import { synthEnvironment } from "./support/stacks";

describe("readableLogicalId", () => {
  it.each([
    [["app", "networking", "tiers", "vpc"], "app_networking_tiers_vpc"],
    [["app", "networking", "acls", "public-ingress-100"], "app_networking_acls_public_ingress_100"],
    [["logs-key", "key", "key"], "logs_key_key"],
    [["vpc-endpoints", "ecr.dkr"], "vpc_endpoints_ecr_dkr"],
    [["1st"], "_1st"],
  ])("%j -> %s", (path, name) => {
    expect(readableLogicalId(path)).toBe(name);
    expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });
});

describe("ReadableStack", () => {
  const parameter = (scope: Construct, id: string) => new SsmParameter(scope, id, { name: `/${id}`, type: "String", value: "v" });

  it("fails synth when two constructs would share an address, naming both", () => {
    const stack = new ReadableStack(Testing.app(), "collide");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    parameter(new Construct(stack, "a-b"), "c");
    parameter(new Construct(stack, "a_b"), "c");
    expect(() => Testing.synth(stack)).toThrow(
      "Two constructs would share the Terraform address aws_ssm_parameter.a_b_c: collide/a-b/c and collide/a_b/c. Give one of them another id.",
    );
  });

  it("skips cdktf's preparing resolve, so a reference to another stack's resource fails synth naming both", () => {
    const app = Testing.app();
    const source = new ReadableStack(app, "source");
    new AwsProvider(source, "aws", { region: "eu-west-1" });
    const shared = parameter(source, "shared");
    const user = new ReadableStack(app, "user");
    new AwsProvider(user, "aws", { region: "eu-west-1" });
    new SsmParameter(user, "copy", { name: "/copy", type: "String", value: shared.value });
    expect(() => Testing.synth(user)).toThrow(
      "user refers to aws_ssm_parameter.shared.value of stack source: cross-stack references are not supported (they would become terraform_remote_state); share a name or ARN, a data source or a variable instead",
    );
    expect(JSON.parse(Testing.synth(source)).resource.aws_ssm_parameter.shared).toMatchObject({ name: "/shared" });
  });

  it("allows the same name for a resource and a data source (their addresses differ)", () => {
    const stack = new ReadableStack(Testing.app(), "types");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    parameter(new Construct(stack, "a-b"), "c");
    new DataAwsSsmParameter(new Construct(stack, "a_b"), "c", { name: "/c" });
    const synthesized = JSON.parse(Testing.synth(stack));
    expect(Object.keys(synthesized.resource.aws_ssm_parameter)).toEqual(["a_b_c"]);
    expect(Object.keys(synthesized.data.aws_ssm_parameter)).toEqual(["a_b_c"]);
  });

  it("gives every block of the real prod stack a hash-free address", () => {
    const prod = synthEnvironment("prod");
    const names = [...Object.values(prod.resource), ...Object.values(prod.data ?? {})].flatMap((blocks) => Object.keys(blocks));
    expect(names.length).toBeGreaterThan(150);
    expect(names.filter((name) => /_[0-9A-F]{8}$/.test(name))).toEqual([]);
    expect(prod.resource.aws_vpc).toHaveProperty("app_networking_tiers_vpc");
    expect(prod.resource.aws_network_acl_rule).toHaveProperty("app_networking_acls_public_ingress_100");
  });
});
