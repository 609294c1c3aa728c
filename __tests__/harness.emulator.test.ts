/**
 * Proves the emulator harness on a small hand-written stack that exercises each moto gap the
 * launcher patches (scalable target tags, ECS service fields on a capacity provider strategy,
 * descriptions of group-referencing rules, an IPv6 subnet): apply, read back through the AWS SDK,
 * plan without changes, destroy to nothing. Then the server's own guards, each against the
 * behaviour it replaces.
 *
 * Run: TF_PROVIDER_MIRROR=/opt/tf-plugins npx jest __tests__/harness.emulator.test.ts --runInBand
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-application-auto-scaling";
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  DeleteNetworkAclEntryCommand,
  DescribeCapacityBlockOfferingsCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupRulesCommand,
  EC2Client,
  RevokeSecurityGroupEgressCommand,
} from "@aws-sdk/client-ec2";
import { sdkConfig, startEmulator, type Emulator } from "./support/emulator";
import {
  apply,
  destroy,
  planChanges,
  prepareWorkdir,
  stateAddresses,
  terraformInit,
  terraformInitValidate,
} from "./support/terraform";

jest.setTimeout(10 * 60_000);

const CLUSTER = "harness";
const SERVICE = "harness-app";
const SCALABLE_TARGET_ID = `service/${CLUSTER}/${SERVICE}`;

/**
 * A cdk.tf.json-style stack. Like cdktf's default, its local backend path is absolute and outside
 * the directory Terraform runs in; the harness must keep the state inside its working copy.
 */
function harnessStack(statePath: string): object {
  const vpcRef = "${aws_vpc.main.id}";
  const rule = (securityGroup: string, referenced: string, description: string) => ({
    security_group_id: `\${aws_security_group.${securityGroup}.id}`,
    referenced_security_group_id: `\${aws_security_group.${referenced}.id}`,
    ip_protocol: "tcp",
    from_port: 8000,
    to_port: 8000,
    description,
  });
  return {
    terraform: {
      required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } },
      backend: { local: { path: statePath } },
    },
    // The aliased provider checks that the harness's override reaches every aws provider block.
    provider: { aws: [{ region: "us-east-1" }, { alias: "logs", region: "us-east-1" }] },
    resource: {
      aws_vpc: { main: { cidr_block: "10.0.0.0/16", assign_generated_ipv6_cidr_block: true } },
      aws_subnet: {
        a: {
          vpc_id: vpcRef,
          cidr_block: "10.0.1.0/24",
          ipv6_cidr_block: "${cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1)}",
          availability_zone: "us-east-1a",
        },
      },
      aws_security_group: {
        lb: { name: "harness-lb", description: "load balancer", vpc_id: vpcRef },
        app: { name: "harness-app", description: "app tasks", vpc_id: vpcRef },
      },
      aws_vpc_security_group_ingress_rule: { app_from_lb: rule("app", "lb", "app port from the load balancer") },
      aws_vpc_security_group_egress_rule: { lb_to_app: rule("lb", "app", "load balancer to the app port") },
      aws_cloudwatch_log_group: { app: { provider: "aws.logs", name: "/ecs/harness-app", retention_in_days: 7 } },
      aws_ecs_cluster: { main: { name: CLUSTER } },
      aws_ecs_cluster_capacity_providers: {
        main: { cluster_name: "${aws_ecs_cluster.main.name}", capacity_providers: ["FARGATE", "FARGATE_SPOT"] },
      },
      aws_ecs_task_definition: {
        app: {
          family: SERVICE,
          requires_compatibilities: ["FARGATE"],
          network_mode: "awsvpc",
          cpu: "256",
          memory: "512",
          container_definitions: JSON.stringify([
            {
              name: "app",
              image: "public.ecr.aws/nginx/nginx:latest",
              essential: true,
              portMappings: [{ containerPort: 8000, protocol: "tcp" }],
            },
          ]),
        },
      },
      aws_ecs_service: {
        app: {
          name: SERVICE,
          cluster: "${aws_ecs_cluster.main.arn}",
          task_definition: "${aws_ecs_task_definition.app.arn}",
          desired_count: 1,
          capacity_provider_strategy: [
            { capacity_provider: "FARGATE", base: 1, weight: 1 },
            { capacity_provider: "FARGATE_SPOT", weight: 3 },
          ],
          availability_zone_rebalancing: "ENABLED",
          enable_execute_command: true,
          network_configuration: {
            subnets: ["${aws_subnet.a.id}"],
            security_groups: ["${aws_security_group.app.id}"],
            assign_public_ip: false,
          },
          depends_on: ["aws_ecs_cluster_capacity_providers.main"],
        },
      },
      aws_appautoscaling_target: {
        app: {
          service_namespace: "ecs",
          resource_id: `service/\${aws_ecs_cluster.main.name}/\${aws_ecs_service.app.name}`,
          scalable_dimension: "ecs:service:DesiredCount",
          min_capacity: 1,
          max_capacity: 3,
          tags: { Component: "app" },
        },
      },
      aws_appautoscaling_policy: {
        app_cpu: {
          name: "harness-app-cpu",
          policy_type: "TargetTrackingScaling",
          service_namespace: "${aws_appautoscaling_target.app.service_namespace}",
          resource_id: "${aws_appautoscaling_target.app.resource_id}",
          scalable_dimension: "${aws_appautoscaling_target.app.scalable_dimension}",
          target_tracking_scaling_policy_configuration: {
            target_value: 60,
            predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
          },
        },
      },
    },
  };
}

describe("emulator harness", () => {
  const timings: Record<string, string> = {};
  const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await run();
    timings[step] = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    return result;
  };
  const tempDirs: string[] = [];
  let emulator: Emulator;
  let stackDir: string;
  let workdir: string;

  beforeAll(async () => {
    stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-stack-"));
    tempDirs.push(stackDir);
    fs.writeFileSync(
      path.join(stackDir, "cdk.tf.json"),
      JSON.stringify(harnessStack(path.join(stackDir, "terraform.harness.tfstate")), null, 2)
    );
    emulator = await timed("start emulator", startEmulator);
    workdir = prepareWorkdir(stackDir, { emulator });
    tempDirs.push(workdir);
  });

  afterAll(async () => {
    await emulator?.stop();
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    console.log(`harness timings: ${JSON.stringify(timings)}`);
  });

  test("validates the stack as synthesized", async () => {
    const copy = prepareWorkdir(stackDir);
    tempDirs.push(copy);
    await timed("init + validate", () => terraformInitValidate(copy));
  });

  test("overrides every aws provider and the local state path of an HCL stack", async () => {
    const hclDir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-hcl-"));
    tempDirs.push(hclDir);
    fs.writeFileSync(
      path.join(hclDir, "main.tf"),
      [
        `terraform {`,
        `  backend "local" {`,
        `    path = "${path.join(hclDir, "terraform.hcl.tfstate")}"`,
        `  }`,
        `}`,
        ``,
        `provider "aws" {`,
        `  region = "us-east-1"`,
        `}`,
        ``,
        `provider "aws" {`,
        `  alias  = "edge"`,
        `  region = "us-east-1"`,
        `  default_tags {`,
        `    tags = { Owner = "harness" }`,
        `  }`,
        `}`,
        ``,
        `resource "aws_sns_topic" "alerts" {`,
        `  provider = aws.edge`,
        `  name     = "alerts"`,
        `}`,
        ``,
      ].join("\n")
    );
    const copy = prepareWorkdir(hclDir, { emulator });
    tempDirs.push(copy);
    const override = JSON.parse(fs.readFileSync(path.join(copy, "zz_emulator_override.tf.json"), "utf8"));
    expect(override.provider.aws.map((block: { alias?: string }) => block.alias)).toEqual([undefined, "edge"]);
    expect(override.terraform).toEqual({ backend: { local: { path: "terraform.tfstate" } } });
    await terraformInitValidate(copy); // Terraform rejects an override without a matching base block
  });

  test("applies, keeping the local state inside the working copy", async () => {
    await timed("init", () => terraformInit(workdir, emulator.env));
    await timed("apply", () => apply(workdir, emulator.env));
    expect(fs.existsSync(path.join(workdir, "terraform.tfstate"))).toBe(true);
    expect(fs.existsSync(path.join(stackDir, "terraform.harness.tfstate"))).toBe(false);
  });

  test("the emulator holds the scalable target with its capacity and tags", async () => {
    const client = new ApplicationAutoScalingClient(sdkConfig(emulator));
    try {
      const { ScalableTargets: targets } = await client.send(
        new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: [SCALABLE_TARGET_ID] })
      );
      expect(targets).toEqual([expect.objectContaining({ MinCapacity: 1, MaxCapacity: 3 })]);
      const { Tags: tags } = await client.send(
        new ListTagsForResourceCommand({ ResourceARN: targets![0].ScalableTargetARN })
      );
      expect(tags).toEqual({ Component: "app" });
    } finally {
      client.destroy();
    }
  });

  test("plans no changes after apply", async () => {
    expect(await timed("plan", () => planChanges(workdir, emulator.env))).toEqual([]);
  });

  test("destroys everything", async () => {
    await timed("destroy", () => destroy(workdir, emulator.env));
    expect(await stateAddresses(workdir, emulator.env)).toEqual([]);
  });
});

/**
 * The launcher's server guards (scripts/emulator/moto_launcher.py, SerialisedApplication), each shown
 * on the behaviour it replaces: moto's own threaded server raced on shared lists under parallel
 * calls, ran a retried call twice, and answered what it cannot do with a retryable HTTP 500.
 */
describe("emulator server guards", () => {
  // The two race checks below guard the lock: moto's unlocked server passes them most of the time
  // (the GIL makes its races rare); `npm run test:soak` is the evidence under load.
  let emulator: Emulator;
  /** One attempt per call: a race or an unsupported call must show, not be retried away. */
  const ec2 = () => new EC2Client({ ...sdkConfig(emulator), maxAttempts: 1 });

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  test("answers an action moto lacks with HTTP 501, which the SDK does not retry", async () => {
    const client = new EC2Client(sdkConfig(emulator)); // the SDK's default retry policy
    const call = client.send(new DescribeCapacityBlockOfferingsCommand({ CapacityDurationHours: 24, InstanceCount: 1, InstanceType: "p5.48xlarge" }));
    await expect(call).rejects.toMatchObject({
      $metadata: { httpStatusCode: 501, attempts: 1 },
      message: expect.stringContaining("describe_capacity_block_offerings action has not been implemented"),
    });
  });

  test("replays a retried call's first reply instead of running it again", async () => {
    // Seen under load: a delete's reply lost on a closed connection, the SDK's retry ran the delete
    // again and moto answered HTTP 500 (the entry was gone). Both attempts of one SDK call carry the
    // same invocation id, so the retry must get the first reply.
    const { Vpc } = await ec2().send(new CreateVpcCommand({ CidrBlock: "10.77.0.0/16" }));
    const { NetworkAcl } = await ec2().send(new CreateNetworkAclCommand({ VpcId: Vpc!.VpcId! }));
    const entry = { NetworkAclId: NetworkAcl!.NetworkAclId!, RuleNumber: 100, Egress: false };
    await ec2().send(new CreateNetworkAclEntryCommand({ ...entry, Protocol: "-1", RuleAction: "allow", CidrBlock: "10.0.0.0/8" }));
    const attempt = () =>
      fetch(emulator.endpoint, {
        method: "POST",
        headers: {
          authorization: "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0",
          "amz-sdk-invocation-id": "5e1f0d4e-0000-4000-8000-retriedcall1",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: `Action=DeleteNetworkAclEntry&Version=2016-11-15&NetworkAclId=${entry.NetworkAclId}&RuleNumber=100&Egress=false`,
      }).then(async (response) => ({ status: response.status, body: await response.text() }));
    const first = await attempt();
    expect(first.status).toBe(200);
    expect(await attempt()).toEqual(first);
  });

  test("keeps one network ACL's entries consistent under a hundred parallel creates and deletes", async () => {
    const { Vpc } = await ec2().send(new CreateVpcCommand({ CidrBlock: "10.78.0.0/16" }));
    const { NetworkAcl } = await ec2().send(new CreateNetworkAclCommand({ VpcId: Vpc!.VpcId! }));
    const aclId = NetworkAcl!.NetworkAclId!;
    const ruleNumbers = Array.from({ length: 100 }, (_, index) => 100 + index);
    const entry = (RuleNumber: number) => ({ NetworkAclId: aclId, RuleNumber, Egress: RuleNumber % 2 === 0 });
    await Promise.all(
      ruleNumbers.map((n) => ec2().send(new CreateNetworkAclEntryCommand({ ...entry(n), Protocol: "6", RuleAction: "allow", CidrBlock: "10.0.0.0/8", PortRange: { From: n, To: n } }))),
    );
    await Promise.all(ruleNumbers.map((n) => ec2().send(new DeleteNetworkAclEntryCommand(entry(n)))));
    const { NetworkAcls = [] } = await ec2().send(new DescribeNetworkAclsCommand({ NetworkAclIds: [aclId] }));
    expect(NetworkAcls[0].Entries!.map((e) => e.RuleNumber).filter((n) => n! < 32767)).toEqual([]);
  });

  test("keeps a security group's rules when its default egress rule is revoked beside parallel authorizations", async () => {
    const { Vpc } = await ec2().send(new CreateVpcCommand({ CidrBlock: "10.79.0.0/16" }));
    const { GroupId } = await ec2().send(new CreateSecurityGroupCommand({ GroupName: "guards", Description: "guards", VpcId: Vpc!.VpcId! }));
    const ports = Array.from({ length: 50 }, (_, index) => 1000 + index);
    const permission = (port: number) => ({ IpProtocol: "tcp", FromPort: port, ToPort: port, IpRanges: [{ CidrIp: "10.0.0.0/8" }] });
    await Promise.all([
      ec2().send(new RevokeSecurityGroupEgressCommand({ GroupId, IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] })),
      ...ports.map((port) => ec2().send(new AuthorizeSecurityGroupEgressCommand({ GroupId, IpPermissions: [permission(port)] }))),
      ...ports.map((port) => ec2().send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [permission(port)] }))),
    ]);
    const { SecurityGroupRules = [] } = await ec2().send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [GroupId!] }] }));
    const ruleKeys = (egress: boolean) => SecurityGroupRules.filter((r) => r.IsEgress === egress).map((r) => r.FromPort).sort();
    expect(ruleKeys(true)).toEqual(ports);
    expect(ruleKeys(false)).toEqual(ports);
  });
});
