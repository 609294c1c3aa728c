/**
 * Ladder layer 3: the whole dev stack against moto. Apply, read the real API state back through
 * the AWS SDK, require a clean plan, destroy to nothing. The emulator always stops, also on failure.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand } from "@aws-sdk/client-application-auto-scaling";
import { DescribeRouteTablesCommand, DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { CreateHostedZoneCommand, Route53Client } from "@aws-sdk/client-route-53";
import { buildRecipeChatbotApp } from "../../src/app";
import { CLUSTER_NAME, resolveEnvironments } from "../../src/config";
import { synthesize } from "../../src/synthesize";
import { sdkConfig, startEmulator, type Emulator } from "../support/emulator";
import { apply, destroy, planChanges, prepareWorkdir, showState, stateResourceAddresses, terraformInit } from "../support/terraform";

jest.setTimeout(20 * 60_000);

const STACK = "recipe-chatbot-dev";
const DOMAIN = "chat.recipe-chatbot.test";

let emulator: Emulator;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emulator-synth-")), "cdktf.out");
  const dev = resolveEnvironments().filter((e) => e.name === "dev");
  synthesize({ outdir, hcl: false, build: (app) => buildRecipeChatbotApp(app, { environments: dev }) });
  emulator = await startEmulator();
  env = emulator.env;
  // The hosted zone is an input (it usually predates the stack): create it the way an operator would.
  const zone = await new Route53Client(sdkConfig(emulator)).send(
    new CreateHostedZoneCommand({ Name: "recipe-chatbot.test", CallerReference: `test-${Date.now()}` }),
  );
  dir = prepareWorkdir(path.join(outdir, "stacks", STACK), { emulator });
  fs.writeFileSync(
    path.join(dir, "terraform.tfvars.json"),
    JSON.stringify({ domain_name: DOMAIN, hosted_zone_id: zone.HostedZone!.Id!.replace("/hostedzone/", ""), alert_emails: ["ops@recipe-chatbot.test"] }),
  );
  await terraformInit(dir, env);
  await apply(dir, env);
});

afterAll(async () => {
  await emulator?.stop();
});

describe("dev stack applied to the emulator", () => {
  const ec2 = () => new EC2Client(sdkConfig(emulator));
  const elb = () => new ElasticLoadBalancingV2Client(sdkConfig(emulator));

  it("has the guide's subnets, with private routes through the single NAT gateway", async () => {
    const { Subnets = [] } = await ec2().send(new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Project", Values: ["RecipeChatbot"] }] }));
    expect(Subnets.map((s) => [s.CidrBlock, s.AvailabilityZone, s.MapPublicIpOnLaunch]).sort()).toEqual([
      ["10.0.1.0/24", "us-east-1a", false],
      ["10.0.2.0/24", "us-east-1b", false],
      ["10.0.3.0/24", "us-east-1a", false],
      ["10.0.4.0/24", "us-east-1b", false],
    ]);
    const privateIds = Subnets.filter((s) => s.Tags?.some((t) => t.Key === "Tier" && t.Value === "private")).map((s) => s.SubnetId!);
    const { RouteTables = [] } = await ec2().send(new DescribeRouteTablesCommand({ Filters: [{ Name: "association.subnet-id", Values: privateIds }] }));
    const natTargets = RouteTables.map((t) => t.Routes!.find((r) => r.DestinationCidrBlock === "0.0.0.0/0")?.NatGatewayId);
    expect(natTargets).toHaveLength(2);
    expect(new Set(natTargets).size).toBe(1);
    expect(natTargets[0]).toMatch(/^nat-/);
  });

  it("has the security group rules of the guide, by group reference between services", async () => {
    const { SecurityGroups = [] } = await ec2().send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["alb-sg", "ecs-backend-sg", "ecs-frontend-sg"] }] }));
    const nameOf = Object.fromEntries(SecurityGroups.map((g) => [g.GroupId!, g.GroupName!]));
    const { SecurityGroupRules = [] } = await ec2().send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: Object.keys(nameOf) }] }));
    const rules = SecurityGroupRules.map((r) => `${nameOf[r.GroupId!]} ${r.IsEgress ? "out" : "in"} ${r.FromPort} ${r.CidrIpv4 ?? nameOf[r.ReferencedGroupInfo!.GroupId!]}`).sort();
    expect(rules).toEqual([
      "alb-sg in 443 0.0.0.0/0",
      "alb-sg in 80 0.0.0.0/0",
      "alb-sg out 3000 ecs-frontend-sg",
      "alb-sg out 8000 ecs-backend-sg",
      "ecs-backend-sg in 8000 alb-sg",
      "ecs-backend-sg in 8000 ecs-frontend-sg",
      "ecs-backend-sg out 443 0.0.0.0/0",
      "ecs-frontend-sg in 3000 alb-sg",
      "ecs-frontend-sg out 443 0.0.0.0/0",
      "ecs-frontend-sg out 8000 ecs-backend-sg",
    ]);
  });

  it("routes /api/*, /health, /docs, /openapi.json to the backend and redirects HTTP to HTTPS", async () => {
    const { LoadBalancers = [] } = await elb().send(new DescribeLoadBalancersCommand({ Names: ["recipe-chatbot-dev-alb"] }));
    const { Listeners = [] } = await elb().send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn }));
    const http = Listeners.find((l) => l.Port === 80)!;
    expect(http.DefaultActions![0]).toMatchObject({ Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" } });
    const https = Listeners.find((l) => l.Port === 443)!;
    expect(https).toMatchObject({ Protocol: "HTTPS", SslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" });
    const { Rules = [] } = await elb().send(new DescribeRulesCommand({ ListenerArn: https.ListenerArn }));
    const rule = Rules.find((r) => r.Priority === "100")!;
    const paths = rule.Conditions![0].PathPatternConfig?.Values ?? rule.Conditions![0].Values!;
    expect([...paths].sort()).toEqual(["/api/*", "/docs", "/health", "/openapi.json"]);
  });

  it("health-checks the backend on /health and the frontend on /", async () => {
    const { TargetGroups = [] } = await elb().send(new DescribeTargetGroupsCommand({ Names: ["recipe-chatbot-dev-backend", "recipe-chatbot-dev-frontend"] }));
    const checks = TargetGroups.map((g) => [g.TargetGroupName, g.Port, g.TargetType, g.HealthCheckPath, g.HealthyThresholdCount, g.UnhealthyThresholdCount, g.HealthCheckTimeoutSeconds, g.HealthCheckIntervalSeconds]);
    expect(checks.sort()).toEqual([
      ["recipe-chatbot-dev-backend", 8000, "ip", "/health", 2, 3, 5, 30],
      ["recipe-chatbot-dev-frontend", 3000, "ip", "/", 2, 3, 5, 30],
    ]);
  });

  it("runs both services with the configured count and the guide's deployment settings", async () => {
    const { services = [] } = await new ECSClient(sdkConfig(emulator)).send(
      new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: ["recipe-chatbot-backend", "recipe-chatbot-frontend"] }),
    );
    expect(services.map((s) => [s.serviceName, s.desiredCount, s.deploymentConfiguration?.maximumPercent, s.deploymentConfiguration?.minimumHealthyPercent, s.deploymentConfiguration?.deploymentCircuitBreaker])).toEqual([
      ["recipe-chatbot-backend", 1, 200, 100, { enable: true, rollback: true }],
      ["recipe-chatbot-frontend", 1, 200, 100, { enable: true, rollback: true }],
    ]);
  });

  it("registers scalable targets with the dev bounds and the target-tracking policies", async () => {
    const autoscaling = new ApplicationAutoScalingClient(sdkConfig(emulator));
    const { ScalableTargets = [] } = await autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
    expect(ScalableTargets.map((t) => [t.ResourceId, t.MinCapacity, t.MaxCapacity]).sort()).toEqual([
      [`service/${CLUSTER_NAME}/recipe-chatbot-backend`, 1, 4],
      [`service/${CLUSTER_NAME}/recipe-chatbot-frontend`, 1, 2],
    ]);
    const { ScalingPolicies = [] } = await autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs" }));
    expect(ScalingPolicies.map((p) => [p.PolicyName, p.TargetTrackingScalingPolicyConfiguration?.TargetValue]).sort()).toEqual([
      ["recipe-chatbot-dev-backend-cpu", 70],
      ["recipe-chatbot-dev-backend-memory", 80],
      ["recipe-chatbot-dev-backend-queue-depth", 5],
      ["recipe-chatbot-dev-frontend-cpu", 70],
    ]);
  });

  it("plans no changes right after the apply", async () => {
    expect(await planChanges(dir, env)).toEqual([]);
  });

  it("destroys everything", async () => {
    await destroy(dir, env);
    expect(stateResourceAddresses(await showState(dir, env))).toEqual([]);
  });
});
