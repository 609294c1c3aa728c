/**
 * Proves the emulator harness on a small hand-written stack that exercises each moto gap the
 * launcher patches (scalable target tags, ECS service fields on a capacity provider strategy,
 * descriptions of group-referencing rules, an IPv6 subnet): apply, read back through the AWS SDK,
 * plan without changes, destroy to nothing.
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
import { sdkConfig, startEmulator, type Emulator } from "./support/emulator";
import {
  apply,
  destroy,
  planChanges,
  prepareWorkdir,
  showState,
  stateResourceAddresses,
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
    expect(stateResourceAddresses(await showState(workdir, emulator.env))).toEqual([]);
  });
});
