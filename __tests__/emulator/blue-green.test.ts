/**
 * Blue/green releases through CodeDeploy (README "Deployments"), proven like the rolling path: the dev
 * stack with its backend on blue-green (the frontend keeps rolling) applied to moto, read back through
 * the SDK and the CLI, then a release that goes live and a release a deployment alarm rolls back, each
 * followed by a plan without changes, then destroy to nothing. moto has no real CodeDeploy: the
 * launcher carries deployments out (patch_codedeploy_ecs_deployments in scripts/emulator/moto_launcher.py).
 */
import { execFile } from "child_process";
import { promisify } from "util";
import { CloudWatchClient, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from "@aws-sdk/client-ecs";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { BACKEND, CLUSTER_NAME, FRONTEND, ecsServiceName } from "../../src/config";
import { imageTagParameterName } from "../../src/core/naming";
import { sdkConfig, type Emulator } from "../support/emulator";
import { destroy, planChanges, stateAddresses } from "../support/terraform";
import { applyDevStack, runRollout } from "./rollout";
import { releaseEnvironmentStack } from "../support/environment-inputs";
import { describeRoleCoverage } from "./role-coverage";
import type { PhaseRecorder } from "../support/recording";

jest.setTimeout(20 * 60_000);

const RELEASE_TAG = "b1e0000def4567890abc123def4567890abc1234";
const ALARMING_TAG = "a1a2000def4567890abc123def4567890abc5678";
const ALARM = "recipe-chatbot-dev-backend-deployment-error-rate";
const BLUE = "recipe-chatbot-dev-backend";
const GREEN = "rc-dev-backend-green";

let emulator: Emulator;
let dir: string;
let env: NodeJS.ProcessEnv;
let repositoryUrl: string;
let recorder: PhaseRecorder;
const BLUE_GREEN_BACKEND = { environments: { dev: { services: { backend: { deploymentStrategy: "blue-green" as const } } } } };

beforeAll(async () => {
  ({ emulator, dir, recorder } = await applyDevStack("dev-blue-green", BLUE_GREEN_BACKEND));
  env = emulator.env;
  const { repositories = [] } = await new ECRClient(sdkConfig(emulator)).send(new DescribeRepositoriesCommand({ repositoryNames: [BACKEND.repositoryName] }));
  repositoryUrl = repositories[0].repositoryUri!;
});

afterAll(() => releaseEnvironmentStack(emulator && { emulator, dir }));

/** The aws CLI against the emulator (moto speaks CodeDeploy; the SDK's client is not a dependency here). */
async function awsCli(...args: string[]): Promise<any> {
  const { stdout } = await promisify(execFile)("aws", [...args, "--output", "json"], { env: { ...process.env, ...env } });
  return stdout.trim() === "" ? {} : JSON.parse(stdout);
}

const ecs = () => new ECSClient(sdkConfig(emulator));
const elb = () => new ElasticLoadBalancingV2Client(sdkConfig(emulator));

async function describeService(name: string) {
  const { services = [] } = await ecs().send(new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: [name] }));
  return services[0];
}

/** Which target group each listener (by port) forwards the backend's paths to: its rule on 443 and 8443. */
async function backendForwards(): Promise<Record<number, string>> {
  const { LoadBalancers = [] } = await elb().send(new DescribeLoadBalancersCommand({ Names: ["recipe-chatbot-dev-alb"] }));
  const { Listeners = [] } = await elb().send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn }));
  const { TargetGroups = [] } = await elb().send(new DescribeTargetGroupsCommand({ Names: [BLUE, GREEN] }));
  const nameOf = Object.fromEntries(TargetGroups.map((g) => [g.TargetGroupArn!, g.TargetGroupName!]));
  const forwards: Record<number, string> = {};
  for (const listener of Listeners.filter((l) => l.Protocol === "HTTPS")) {
    const { Rules = [] } = await elb().send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }));
    const rule = Rules.find((r) => r.Priority === "100")!;
    forwards[listener.Port!] = nameOf[rule.Actions![0].TargetGroupArn!];
  }
  return forwards;
}

/** The backend's running revision, the family's newest one, the image it runs and the released tag. */
async function backendState() {
  const service = await describeService(ecsServiceName(BACKEND));
  const { taskDefinition } = await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition! }));
  const { taskDefinition: newest } = await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinition!.family! }));
  const { Parameter } = await new SSMClient(sdkConfig(emulator)).send(new GetParameterCommand({ Name: imageTagParameterName("dev", BACKEND.name) }));
  return {
    revision: taskDefinition!.revision,
    newest: newest!.revision,
    image: taskDefinition!.containerDefinitions!.find((c) => c.name === BACKEND.name)!.image,
    parameter: Parameter!.Value,
    liveTargetGroup: service.loadBalancers![0].targetGroupArn!.split(":targetgroup/")[1].split("/")[0],
  };
}

describe("dev stack with a blue/green backend, applied to the emulator", () => {
  it("gives the backend the CODE_DEPLOY controller without the rolling settings ECS refuses with it; the frontend keeps rolling", async () => {
    const backend = await describeService(ecsServiceName(BACKEND));
    expect(backend.deploymentController).toEqual({ type: "CODE_DEPLOY" });
    expect(backend.deploymentConfiguration?.deploymentCircuitBreaker).toBeUndefined();
    expect(backend.deploymentConfiguration?.alarms).toBeUndefined();
    const frontend = await describeService(ecsServiceName(FRONTEND));
    expect(frontend.deploymentController?.type ?? "ECS").toBe("ECS");
    expect(frontend.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({ enable: true, rollback: true });
  });

  it("has a CodeDeploy deployment group: canary traffic shift, rollback on failure and on the deployment alarms, old tasks kept 5 minutes", async () => {
    const { application } = await awsCli("deploy", "get-application", "--application-name", "recipe-chatbot-dev");
    expect(application.computePlatform).toBe("ECS");
    const { deploymentGroupInfo: group } = await awsCli("deploy", "get-deployment-group", "--application-name", "recipe-chatbot-dev", "--deployment-group-name", BLUE);
    expect(group).toMatchObject({
      deploymentConfigName: "CodeDeployDefault.ECSCanary10Percent5Minutes",
      deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
        terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: 5 },
      },
      ecsServices: [{ clusterName: CLUSTER_NAME, serviceName: ecsServiceName(BACKEND) }],
      serviceRoleArn: "arn:aws:iam::123456789012:role/recipe-chatbot-dev-backend-codedeploy",
    });
    expect([...group.autoRollbackConfiguration.events].sort()).toEqual(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]);
    expect(group.alarmConfiguration.enabled).toBe(true);
    expect(group.alarmConfiguration.alarms.map((a: { name: string }) => a.name).sort()).toEqual([ALARM, "recipe-chatbot-dev-backend-deployment-response-time"]);
    const pair = group.loadBalancerInfo.targetGroupPairInfoList[0];
    expect(pair.targetGroups.map((g: { name: string }) => g.name)).toEqual([BLUE, GREEN]);
    const { Listeners = [] } = await elb().send(new DescribeListenersCommand({ ListenerArns: [...pair.prodTrafficRoute.listenerArns, ...pair.testTrafficRoute.listenerArns] }));
    expect(Listeners.map((l) => [l.Port, l.Protocol])).toEqual([[443, "HTTPS"], [8443, "HTTPS"]]);
  });

  it("routes the test listener like production, reachable from the VPC only", async () => {
    expect(await backendForwards()).toEqual({ 443: BLUE, 8443: BLUE });
    const { SecurityGroups = [] } = await new EC2Client(sdkConfig(emulator)).send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["alb-sg"] }] }));
    const { SecurityGroupRules = [] } = await new EC2Client(sdkConfig(emulator)).send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [SecurityGroups[0].GroupId!] }] }),
    );
    expect(SecurityGroupRules.filter((r) => !r.IsEgress && r.FromPort === 8443).map((r) => [r.CidrIpv4, r.CidrIpv6])).toEqual([["10.0.0.0/16", undefined]]);
  });

  it("plans no changes right after the apply", async () => {
    expect(await planChanges(dir, env)).toEqual([]);
  });
});

describe("rollout.sh with a blue/green service", () => {
  it("releases through a CodeDeploy deployment: the new revision serves from the green target group", async () => {
    const result = await runRollout(env, BACKEND, RELEASE_TAG, repositoryUrl, {}, recorder);
    expect([result.code, result.stderr]).toEqual([0, expect.stringContaining(`runs ${repositoryUrl}:${RELEASE_TAG}`)]);
    expect(result.stderr).toMatch(/CodeDeploy deployment [0-9a-f-]+ of recipe-chatbot-dev-backend/);
    expect(await backendState()).toEqual({ revision: 2, newest: 2, image: `${repositoryUrl}:${RELEASE_TAG}`, parameter: RELEASE_TAG, liveTargetGroup: GREEN });
    // CodeDeploy moved the production and the test listener's forward to the green group.
    expect(await backendForwards()).toEqual({ 443: GREEN, 8443: GREEN });
  });

  it("plans no changes afterwards: Terraform leaves CodeDeploy's revision, target group and forwards alone", async () => {
    expect(await planChanges(dir, env)).toEqual([]);
  });

  it("fails visibly when a deployment alarm rolls the release back, and restores the released tag so the plan stays empty", async () => {
    const cloudwatch = new CloudWatchClient(sdkConfig(emulator));
    await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: "ALARM", StateReason: "5xx above threshold during the release" }));
    try {
      const result = await runRollout(env, BACKEND, ALARMING_TAG, repositoryUrl, {}, recorder);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/::error::rollout: CodeDeploy deployment [0-9a-f-]+ of \S+ to recipe-chatbot-backend Stopped \(ALARM_ACTIVE\): .*Activated alarms: /);
      expect(result.stderr).toContain(ALARM);
      expect(result.stderr).toContain(`still runs ${RELEASE_TAG}: ${repositoryUrl}:${ALARMING_TAG} was rolled back`);
    } finally {
      await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: "OK", StateReason: "release over" }));
    }
    // 3 named the rolled-back image, 4 the restored one; the service still runs 2 behind the green group.
    expect(await backendState()).toEqual({ revision: 2, newest: 4, image: `${repositoryUrl}:${RELEASE_TAG}`, parameter: RELEASE_TAG, liveTargetGroup: GREEN });
    expect(await backendForwards()).toEqual({ 443: GREEN, 8443: GREEN });
    expect(await planChanges(dir, env)).toEqual([]);
  });
});

describe("dev stack with a blue/green backend: teardown", () => {
  it("destroys everything, the CodeDeploy application and group included", async () => {
    await destroy(dir, env);
    expect(await stateAddresses(dir, env)).toEqual([]);
    expect(await awsCli("deploy", "list-applications")).toEqual({ applications: [] });
  });
});

// The deploy role with a blue/green service against rollout.sh's CodeDeploy path. The apply is not
// covered here: the CodeDeploy role has no workload boundary, so an administrator applies it (README).
describeRoleCoverage({ suite: "dev-blue-green", environment: "dev", phases: ["rollout"], overrides: BLUE_GREEN_BACKEND }, () => recorder);
