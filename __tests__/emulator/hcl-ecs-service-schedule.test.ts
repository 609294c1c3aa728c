/**
 * terraform/modules/ecs-service's working hours and capacity bounds, applied to moto one change at a
 * time: the schedule's actions exist only with working_hours_enabled, and the scaling target (whose
 * lifecycle always ignores its bounds) still takes new bounds: replaced, with its policy, without a
 * schedule; through the morning's action with one. Every step leaves a plan with no changes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand, DescribeScheduledActionsCommand } from "@aws-sdk/client-application-auto-scaling";
import { HCL_MODULES_DIR } from "../../scripts/terraform/hcl-modules";
import { sdkConfig, startEmulator, type Emulator } from "../support/emulator";
import { apply, planChanges, terraformInit, writeEmulatorOverride } from "../support/terraform";

jest.setTimeout(15 * 60_000);

const REGION = "eu-west-1";

/** A root with only what the module needs around it; the target group is never looked up by ECS on moto. */
const root = (inputs: Record<string, unknown>) => `
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.100, < 6.0" }
  }
}
provider "aws" {
  region = "${REGION}"
}
resource "aws_vpc" "vpc" {
  cidr_block = "10.9.0.0/16"
}
resource "aws_subnet" "tasks" {
  vpc_id     = aws_vpc.vpc.id
  cidr_block = "10.9.1.0/24"
}
resource "aws_security_group" "load_balancer" {
  name   = "load-balancer"
  vpc_id = aws_vpc.vpc.id
}
module "ecs_service" {
  source                          = "${path.join(HCL_MODULES_DIR, "ecs-service")}"
  cluster_name                    = "shop"
  service_name                    = "web"
  vpc_id                          = aws_vpc.vpc.id
  subnet_ids                      = [aws_subnet.tasks.id]
  image_tag                       = "v1"
  port                            = 8080
  target_group_arn                = "arn:aws:elasticloadbalancing:${REGION}:123456789012:targetgroup/web/0123456789abcdef"
  load_balancer_security_group_id = aws_security_group.load_balancer.id
  min_capacity                    = 1
${Object.entries(inputs).map(([name, value]) => `  ${name} = ${JSON.stringify(value)}`).join("\n")}
}
`;

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hcl-ecs-service-"));
  writeEmulatorOverride(dir, emulator);
});

afterAll(async () => {
  await emulator?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Applies the module with these inputs; what application autoscaling then holds, after a plan with no changes. */
async function applyInputs(inputs: Record<string, unknown>) {
  fs.writeFileSync(path.join(dir, "main.tf"), root(inputs));
  if (!fs.existsSync(path.join(dir, ".terraform"))) await terraformInit(dir, emulator.env);
  const { stdout } = await apply(dir, emulator.env);
  expect(await planChanges(dir, emulator.env)).toEqual([]);
  const autoscaling = new ApplicationAutoScalingClient({ ...sdkConfig(emulator), region: REGION });
  const { ScalableTargets = [] } = await autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
  const { ScalingPolicies = [] } = await autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs" }));
  const { ScheduledActions = [] } = await autoscaling.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "ecs" }));
  return {
    applied: /Resources: (\d+ added, \d+ changed, \d+ destroyed)/.exec(stdout)?.[1],
    bounds: ScalableTargets.map((t) => [t.ResourceId, t.MinCapacity, t.MaxCapacity]),
    policies: ScalingPolicies.map((p) => p.PolicyName),
    actions: ScheduledActions.map((a) => [a.ScheduledActionName, a.Schedule, a.ScalableTargetAction?.MinCapacity, a.ScalableTargetAction?.MaxCapacity]).sort(),
  };
}

const TARGET = "service/shop/web";
const ACTIONS = (max: number) => [
  ["web-scale-in", "cron(0 19 ? * MON-FRI *)", 0, 0],
  ["web-scale-out", "cron(0 8 ? * MON-FRI *)", 1, max],
];

describe("terraform/modules/ecs-service: working hours and bounds applied to the emulator, step by step", () => {
  it("by default: no scheduled actions, the bounds and the CPU policy", async () => {
    expect(await applyInputs({ max_capacity: 2 })).toMatchObject({ bounds: [[TARGET, 1, 2]], policies: ["web-cpu"], actions: [] });
  });

  it("without the schedule, new bounds replace the target, its policy and the recorded bounds", async () => {
    expect(await applyInputs({ max_capacity: 4 })).toEqual({ applied: "3 added, 0 changed, 3 destroyed", bounds: [[TARGET, 1, 4]], policies: ["web-cpu"], actions: [] });
  });

  it("working_hours_enabled adds the two actions (the target is replaced once, its bounds now owned by them)", async () => {
    expect(await applyInputs({ max_capacity: 4, working_hours_enabled: true })).toMatchObject({ bounds: [[TARGET, 1, 4]], policies: ["web-cpu"], actions: ACTIONS(4) });
  });

  it("with the schedule, new bounds change only the morning's action: the target keeps its bounds until it runs", async () => {
    expect(await applyInputs({ max_capacity: 5, working_hours_enabled: true })).toEqual({
      applied: "0 added, 1 changed, 0 destroyed",
      bounds: [[TARGET, 1, 4]],
      policies: ["web-cpu"],
      actions: ACTIONS(5),
    });
  });

  it("turning the schedule off removes the actions and sets the bounds on a new target", async () => {
    expect(await applyInputs({ max_capacity: 5 })).toMatchObject({ bounds: [[TARGET, 1, 5]], policies: ["web-cpu"], actions: [] });
  });
});
