/**
 * Ladder layer 3 for terraform/examples/web-service: the generated HCL modules composed by a
 * Terraform user, applied to moto; the state read back through the SDK, a plan with no changes, then
 * destroy to nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScheduledActionsCommand } from "@aws-sdk/client-application-auto-scaling";
import { DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { HCL_MODULES_DIR } from "../../scripts/terraform/hcl-modules";
import { sdkConfig, startEmulator, type Emulator } from "../support/emulator";
import { writeDnsInputs } from "../support/environment-inputs";
import { apply, destroy, planChanges, runTerraform, stateAddresses, terraformInit, writeEmulatorOverride } from "../support/terraform";

jest.setTimeout(15 * 60_000);

const ZONE = "shop.test";

let emulator: Emulator;
let workspace: string;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  // The whole terraform/ folder, so the example's ../../modules sources resolve as in the repository.
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "hcl-example-"));
  fs.cpSync(path.dirname(HCL_MODULES_DIR), workspace, { recursive: true, filter: (source) => !/^(\.terraform.*|.*\.tfstate.*)$/.test(path.basename(source)) });
  dir = path.join(workspace, "examples", "web-service");
  writeEmulatorOverride(dir, emulator);
  await writeDnsInputs(emulator, dir, { zone: ZONE, domain: `www.${ZONE}` });
  await terraformInit(dir, emulator.env);
  await apply(dir, emulator.env);
});

afterAll(async () => {
  await emulator?.stop();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

describe("terraform/examples/web-service (HCL modules) applied to the emulator", () => {
  it("builds the VPC, the load balancer and the service the modules describe, and outputs where they are", async () => {
    const config = { ...sdkConfig(emulator), region: "eu-west-1" };
    const outputs = JSON.parse((await runTerraform(["output", "-json"], { cwd: dir, env: emulator.env })).stdout);
    expect(outputs.url.value).toBe(`https://www.${ZONE}`);
    expect(outputs.repository_url.value).toMatch(/\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/shop-web$/);

    const { Subnets = [] } = await new EC2Client(config).send(new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Name", Values: ["shop-dev-*"] }] }));
    expect(Subnets.map((s) => [s.Tags?.find((t) => t.Key === "Name")?.Value, s.CidrBlock, s.AvailabilityZone]).sort()).toEqual([
      ["shop-dev-private-zone-0", "10.30.10.0/24", "eu-west-1a"],
      ["shop-dev-private-zone-1", "10.30.11.0/24", "eu-west-1b"],
      ["shop-dev-public-zone-0", "10.30.0.0/24", "eu-west-1a"],
      ["shop-dev-public-zone-1", "10.30.1.0/24", "eu-west-1b"],
    ]);

    const elb = new ElasticLoadBalancingV2Client(config);
    const { LoadBalancers = [] } = await elb.send(new DescribeLoadBalancersCommand({ Names: ["shop-dev-alb"] }));
    expect(LoadBalancers).toHaveLength(1);
    const { TargetGroups = [] } = await elb.send(new DescribeTargetGroupsCommand({ Names: ["shop-dev-app"] }));
    expect(TargetGroups[0]).toMatchObject({ Port: 8080, TargetType: "ip", HealthCheckPath: "/health" });

    const { services = [] } = await new ECSClient(config).send(new DescribeServicesCommand({ cluster: "shop-dev", services: ["shop-web"] }));
    expect(services[0]).toMatchObject({ serviceName: "shop-web", desiredCount: 1 });
    expect(services[0].loadBalancers?.[0]).toMatchObject({ targetGroupArn: TargetGroups[0].TargetGroupArn, containerPort: 8080 });
  });

  it("scales the service to zero at midnight Berlin time, from Tuesday to Saturday, and back at 07:00 on weekdays (working_hours_*)", async () => {
    const autoscaling = new ApplicationAutoScalingClient({ ...sdkConfig(emulator), region: "eu-west-1" });
    const resource = "service/shop-dev/shop-web";
    const { ScalableTargets = [] } = await autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
    expect(ScalableTargets.map((t) => [t.ResourceId, t.MinCapacity, t.MaxCapacity])).toEqual([[resource, 1, 3]]);
    const { ScheduledActions = [] } = await autoscaling.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "ecs" }));
    expect(ScheduledActions.map((a) => [a.ScheduledActionName, a.ResourceId, a.Schedule, a.Timezone, a.ScalableTargetAction]).sort()).toEqual([
      // working_hours_end 24 is hour 0 of the next day.
      ["shop-web-scale-in", resource, "cron(0 0 ? * TUE-SAT *)", "Europe/Berlin", { MinCapacity: 0, MaxCapacity: 0 }],
      ["shop-web-scale-out", resource, "cron(0 7 ? * MON-FRI *)", "Europe/Berlin", { MinCapacity: 1, MaxCapacity: 3 }],
    ]);
  });

  it("plans no changes after the apply", async () => {
    expect(await planChanges(dir, emulator.env)).toEqual([]);
  });

  it("destroys everything it created", async () => {
    await destroy(dir, emulator.env);
    expect(await stateAddresses(dir, emulator.env)).toEqual([]);
  });
});
