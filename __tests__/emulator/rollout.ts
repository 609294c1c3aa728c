/**
 * The delivery rollout (assets/rollout.sh, README "Delivery") against the dev stack that
 * dev-stack.test.ts applied to moto: roll both services out to a new tag with the real aws CLI, read
 * back what ECS and SSM hold, and require that Terraform then plans no changes. A second rollout meets
 * a simulated circuit-breaker rollback, a third a deployment alarm in ALARM, and each must fail while
 * leaving Terraform's view consistent with what runs. It shares that suite's apply rather than applying the stack again (a third of the
 * emulator layer's time), so it runs after the checks of the stack as applied and before its destroy.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, ListTagsForResourceCommand } from "@aws-sdk/client-ecs";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { CloudWatchClient, DescribeAlarmsCommand, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import { BACKEND, CLUSTER_NAME, FRONTEND, ecsServiceName, resolveEnvironments, type ConfigOverrides, type ServiceDefinition } from "../../src/config";
import { ROLLOUT_SCRIPT } from "../../src/github/delivery-workflow";
import { imageTagParameterName } from "../../src/core/naming";
import { packageFile } from "../../src/core/package-root";
import { sdkConfig, type Emulator } from "../support/emulator";
import { applyEnvironmentStack, type AppliedStack } from "../support/environment-inputs";
import { planChanges } from "../support/terraform";
import type { PhaseRecorder } from "../support/recording";

const SCRIPT = packageFile(ROLLOUT_SCRIPT);
const ENVIRONMENT = "dev";
const SERVICES = [BACKEND, FRONTEND];
/** Commit SHAs, as the delivery workflow tags images. */
const RELEASE_TAG = "abc123def4567890abc123def4567890abc12345";
const FAILING_TAG = "bad0000def4567890abc123def4567890abc1234";
const ALARMING_TAG = "a1a2000def4567890abc123def4567890abc1234";

/**
 * moto reports every service's running count from MOTO_ECS_SERVICE_RUNNING (default 0, which no
 * `services-stable` waiter would ever accept). The emulator must start with it set to what dev runs,
 * so the script's real waiter passes against the emulator and rollout.sh needs no escape hatch.
 */
export function rolloutEmulatorEnv(): NodeJS.ProcessEnv {
  const dev = resolveEnvironments().filter((e) => e.name === ENVIRONMENT);
  const running = new Set(SERVICES.map((s) => dev[0].services[s.name].scaling.minCapacity));
  if (running.size !== 1) throw new Error("MOTO_ECS_SERVICE_RUNNING is global: both dev services must start with the same count");
  return { MOTO_ECS_SERVICE_RUNNING: String([...running][0]) };
}

/**
 * The dev stack applied for a rollout suite (applyEnvironmentStack), on an emulator that reports
 * dev's running counts (rolloutEmulatorEnv).
 */
export function applyDevStack(suite: string, overrides: ConfigOverrides, tfvars: Record<string, unknown> = {}): Promise<AppliedStack> {
  return applyEnvironmentStack(ENVIRONMENT, { suite, overrides, tfvars, serverEnv: rolloutEmulatorEnv() });
}

/** Registers the rollout's tests against `applied()`, which its suite sets in beforeAll. */
export function describeRollout(applied: () => Pick<AppliedStack, "emulator" | "dir" | "recorder">): void {
  let emulator: Emulator;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let recorder: PhaseRecorder;
  let repositoryUrl: Record<string, string>;
  const ecs = () => new ECSClient(sdkConfig(emulator));

  describe("delivery rollout", () => {
    beforeAll(async () => {
      ({ emulator, dir, recorder } = applied());
      env = emulator.env;
      const { repositories = [] } = await new ECRClient(sdkConfig(emulator)).send(
        new DescribeRepositoriesCommand({ repositoryNames: SERVICES.map((s) => s.repositoryName) }),
      );
      repositoryUrl = Object.fromEntries(repositories.map((r) => [r.repositoryName!, r.repositoryUri!]));
    });

    function rollout(service: ServiceDefinition, tag: string, extra: NodeJS.ProcessEnv = {}): Promise<ScriptResult> {
      return runRollout(env, service, tag, repositoryUrl?.[service.repositoryName] ?? "", extra, recorder);
    }

    async function serviceState(service: ServiceDefinition) {
      const { services = [] } = await ecs().send(new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: [ecsServiceName(service)] }));
      const taskDefinitionArn = services[0].taskDefinition!;
      const { taskDefinition } = await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }));
      const { taskDefinition: newest } = await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinition!.family! }));
      const { Parameter } = await new SSMClient(sdkConfig(emulator)).send(
        new GetParameterCommand({ Name: imageTagParameterName(ENVIRONMENT, service.name) }),
      );
      const image = taskDefinition!.containerDefinitions!.find((c) => c.name === service.name)!.image;
      return { taskDefinitionArn, newestArn: newest!.taskDefinitionArn!, image, parameter: Parameter!.Value };
    }

    /**
     * After a failed release: the backend runs a new revision `revision` of the released tag, the tag
     * parameter names it again, and Terraform plans no change.
     */
    async function expectReleasedTagRestored(revision: number): Promise<void> {
      const after = await serviceState(BACKEND);
      expect(after).toEqual({
        taskDefinitionArn: after.newestArn,
        newestArn: expect.stringMatching(new RegExp(`:${revision}$`)),
        image: `${repositoryUrl[BACKEND.repositoryName]}:${RELEASE_TAG}`,
        parameter: RELEASE_TAG,
      });
      expect(await planChanges(dir, env)).toEqual([]);
    }

    describe("rollout.sh input checks (no AWS call)", () => {
      it.each([
        ["an unknown service", { SERVICE: "worker" }, "SERVICE must be backend or frontend"],
        ["a bad image tag", { IMAGE_TAG: "-latest" }, "is not a valid image tag"],
        ["a missing variable", { ECS_CLUSTER: "" }, "ECS_CLUSTER is not set"],
      ])("rejects %s", async (_, override, message) => {
        const result = await runScript({
          ENVIRONMENT_NAME: ENVIRONMENT,
          SERVICE: BACKEND.name,
          IMAGE_TAG: RELEASE_TAG,
          ECS_CLUSTER: CLUSTER_NAME,
          ECS_SERVICE: ecsServiceName(BACKEND),
          ECR_REPOSITORY: "123456789012.dkr.ecr.us-east-1.amazonaws.com/recipe-chatbot-backend",
          AWS_ENDPOINT_URL: "http://127.0.0.1:9", // nothing listens: a call would fail differently
          ...override,
        });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(message);
      });
    });

    describe("rollout.sh against the dev stack on the emulator", () => {
      it("rolls both services out to the new tag", async () => {
        for (const service of SERVICES) {
          const result = await rollout(service, RELEASE_TAG);
          expect([service.name, result.code, result.stderr]).toEqual([service.name, 0, expect.stringContaining(`runs ${repositoryUrl[service.repositoryName]}:${RELEASE_TAG}`)]);
        }
      });

      it("leaves each service on a new revision that differs only in the image, with the tag in SSM", async () => {
        for (const service of SERVICES) {
          const state = await serviceState(service);
          expect(state).toEqual({
            taskDefinitionArn: state.newestArn,
            newestArn: expect.stringMatching(new RegExp(`:task-definition/recipe-chatbot-${ENVIRONMENT}-${service.name}:2$`)),
            image: `${repositoryUrl[service.repositoryName]}:${RELEASE_TAG}`,
            parameter: RELEASE_TAG,
          });
          // The copy keeps the tags (Terraform would otherwise plan to add its default tags back).
          const { tags = [] } = await ecs().send(new ListTagsForResourceCommand({ resourceArn: state.newestArn }));
          expect(tags).toEqual(expect.arrayContaining([{ key: "Project", value: "RecipeChatbot" }]));
        }
      });

      it("plans no changes afterwards: Terraform's configuration is what runs (no drift)", async () => {
        expect(await planChanges(dir, env)).toEqual([]);
      });

      it("fails when the circuit breaker rolls back, and restores the released tag so the plan stays empty", async () => {
        const before = await serviceState(BACKEND);
        const result = await rollout(BACKEND, FAILING_TAG, await circuitBreakerDouble(before.taskDefinitionArn));
        expect(result.code).toBe(1);
        expect(result.stderr).toContain("(deployment circuit breaker or deployment alarm): ECS deployment circuit breaker: tasks failed to start.");
        expect(result.stderr).toContain(`still runs ${RELEASE_TAG}`);
        await expectReleasedTagRestored(4); // 3 named the failed image, 4 the restored one
      });

      it("fails when a deployment alarm rolls the release back, and restores the released tag so the plan stays empty", async () => {
        // The backend's own target-group error rate fires during the release (the launcher's
        // deployment-alarm patch decides the deployment on the next DescribeServices, as ECS does).
        const alarm = `recipe-chatbot-${ENVIRONMENT}-${BACKEND.name}-deployment-error-rate`;
        const cloudwatch = new CloudWatchClient(sdkConfig(emulator));
        const { MetricAlarms = [] } = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [alarm] }));
        expect(MetricAlarms).toHaveLength(1);
        const { services = [] } = await ecs().send(new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: [ecsServiceName(BACKEND)] }));
        expect(services[0].deploymentConfiguration?.alarms?.alarmNames).toContain(alarm);
        await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: alarm, StateValue: "ALARM", StateReason: "5xx above threshold during the release" }));
        try {
          const result = await rollout(BACKEND, ALARMING_TAG);
          expect(result.code).toBe(1);
          expect(result.stderr).toContain(`(deployment circuit breaker or deployment alarm): ECS deployment`);
          expect(result.stderr).toContain(`rolled back: alarm(s) ${alarm} in ALARM state.`);
          expect(result.stderr).toContain(`still runs ${RELEASE_TAG}`);
        } finally {
          await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: alarm, StateValue: "OK", StateReason: "release over" }));
        }
        await expectReleasedTagRestored(6); // 5 named the failed image, 6 the restored one
      });
    });
  });
}

/** Runs rollout.sh for one service of dev the way the workflow's step does: input through the environment. */
export function runRollout(
  env: NodeJS.ProcessEnv,
  service: ServiceDefinition,
  tag: string,
  repositoryUrl: string,
  extra: NodeJS.ProcessEnv = {},
  recorder?: PhaseRecorder,
): Promise<ScriptResult> {
  const input = {
    ENVIRONMENT_NAME: ENVIRONMENT,
    SERVICE: service.name,
    IMAGE_TAG: tag,
    ECS_CLUSTER: CLUSTER_NAME,
    ECS_SERVICE: ecsServiceName(service),
    ECR_REPOSITORY: repositoryUrl,
  };
  const run = () => runScript({ ...env, ...input, ...extra });
  return recorder ? recorder.run("rollout", run) : run();
}

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runScript(scriptEnv: NodeJS.ProcessEnv): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [SCRIPT], { env: { ...process.env, ...scriptEnv }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A stand-in for ECS's deployment circuit breaker, which moto does not have: an `aws` first on PATH
 * that passes every call to the real CLI, except that the wait rolls the service back to
 * `rollbackTo` (what ECS does when tasks keep failing) and later DescribeServices calls report the
 * script's deployment as FAILED and a rollback deployment as PRIMARY, as ECS reports them.
 */
async function circuitBreakerDouble(rollbackTo: string): Promise<NodeJS.ProcessEnv> {
  const binDir = fs.mkdtempSync(path.join(os.tmpdir(), "circuit-breaker-"));
  const realAws = execFileSync("bash", ["-c", "command -v aws"], { encoding: "utf8" }).trim();
  const double = [
    "#!/usr/bin/env bash",
    "set -euo pipefail",
    'call="${1:-} ${2:-} ${3:-}"',
    'if [[ "$call" == "ecs wait services-stable" ]]; then',
    '  "$REAL_AWS" ecs update-service --cluster "$ECS_CLUSTER" --service "$ECS_SERVICE" --task-definition "$ROLLBACK_TO" >/dev/null',
    '  touch "$DOUBLE_DIR/rolled-back"',
    "  exit 0",
    "fi",
    'if [[ "$call" == "ecs describe-services "* && -e "$DOUBLE_DIR/rolled-back" ]]; then',
    '  "$REAL_AWS" "$@" | jq --arg to "$ROLLBACK_TO" \'.services[0].deployments |= [',
    '    {id: "ecs-svc/rollback", status: "PRIMARY", rolloutState: "COMPLETED", taskDefinition: $to},',
    '    (.[0] | .status = "ACTIVE" | .rolloutState = "FAILED"',
    '      | .rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.")]\'',
    "  exit 0",
    "fi",
    'exec "$REAL_AWS" "$@"',
    "",
  ].join("\n");
  fs.writeFileSync(path.join(binDir, "aws"), double, { mode: 0o755 });
  return { PATH: `${binDir}:${process.env.PATH}`, REAL_AWS: realAws, ROLLBACK_TO: rollbackTo, DOUBLE_DIR: binDir };
}
