import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { lookUpAwsContext } from "../src/core/aws-context";
import { AppSecrets, type AppSecretsProps } from "../src/constructs/app-secrets";
import { PolicyGuard } from "../src/policy/policy-guard";
import { dataAt, refTo, resourceAt, resourcesOf, type SynthesizedStack } from "./support/stacks";

const TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:recipe-chatbot-alerts";

/** A stack holding only AppSecrets; outputs show what its readonly fields resolve to. */
function secretsStack(overrides: Partial<Omit<AppSecretsProps, "aws">> = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "app-secrets-test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const secrets = new AppSecrets(stack, "app-secrets", {
    aws: lookUpAwsContext(stack, "us-east-1"),
    environment: "prod",
    environmentLabel: "production",
    logLevel: "INFO",
    corsOrigins: ["https://recipe-chatbot.example.com", "https://www.recipe-chatbot.example.com"],
    recoveryWindowDays: 30,
    rotationReminderDays: 90,
    alertsTopicArn: TOPIC_ARN,
    ...overrides,
  });
  new TerraformOutput(stack, "exposed", {
    value: {
      secrets: secrets.secrets,
      parameters: secrets.parameters,
      keyArn: secrets.keyArn,
      withApiKeys: secrets.withApiKeys,
      settingsOnly: secrets.settingsOnly,
      rotationReminder: secrets.rotationReminder,
      secretChangePattern: secrets.secretChangePattern,
    },
  });
  return stack;
}

function synthSecrets(overrides: Partial<Omit<AppSecretsProps, "aws">> = {}): SynthesizedStack {
  return JSON.parse(Testing.synth(secretsStack(overrides))) as SynthesizedStack;
}

const s = synthSecrets();
const exposed = s.output!.exposed.value;
const secretArn = (id: string) => refTo(s, "aws_secretsmanager_secret", `app-secrets/${id}`, "arn");
const parameterArn = (id: string) => refTo(s, "aws_ssm_parameter", `app-secrets/${id}`, "arn");
const keyArn = refTo(s, "aws_kms_key", "app-secrets/key/key", "arn");

/** Every string anywhere inside a value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

describe("AppSecrets: Secrets Manager (guide: Secret Management)", () => {
  it.each([
    ["openai-key", "recipe-chatbot/prod/openai-key", "OpenAI API key for LLM operations"],
    ["serp-key", "recipe-chatbot/prod/serp-key", "SERP API key for web search functionality"],
  ])("secret %s is %s, under the construct's CMK, with the configured recovery window", (id, name, description) => {
    expect(resourceAt(s, "aws_secretsmanager_secret", `app-secrets/${id}`)).toEqual({
      name,
      description,
      kms_key_id: keyArn,
      recovery_window_in_days: 30,
    });
  });

  it("creates exactly two secrets and never a secret version (values stay out of code, variables and state)", () => {
    expect(resourcesOf(s, "aws_secretsmanager_secret")).toHaveLength(2);
    expect(s.resource.aws_secretsmanager_secret_version).toBeUndefined();
    expect(s.variable).toBeUndefined();
  });

  it("takes the recovery window from configuration (dev: 7 days)", () => {
    const dev = synthSecrets({ environment: "dev", recoveryWindowDays: 7 });
    expect(resourcesOf(dev, "aws_secretsmanager_secret").map(([, r]) => [r.name, r.recovery_window_in_days])).toEqual([
      ["recipe-chatbot/dev/openai-key", 7],
      ["recipe-chatbot/dev/serp-key", 7],
    ]);
  });

  it("encrypts with a rotating customer-managed key usable only through Secrets Manager in this region", () => {
    expect(resourcesOf(s, "aws_kms_key")).toHaveLength(1);
    expect(resourceAt(s, "aws_kms_key", "app-secrets/key/key").enable_key_rotation).toBe(true);
    expect(resourceAt(s, "aws_kms_alias", "app-secrets/key/alias").name).toBe("alias/recipe-chatbot-prod-secrets");
    const usage = dataAt(s, "aws_iam_policy_document", "app-secrets/key/policy").statement.find((st: any) => st.sid === "SecretsManagerUseKey");
    expect(usage).toEqual({
      sid: "SecretsManagerUseKey",
      effect: "Allow",
      principals: [{ type: "AWS", identifiers: ["arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller-identity.account_id}:root"] }],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
      resources: ["*"],
      condition: [
        { test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.us-east-1.amazonaws.com"] },
        { test: "StringEquals", variable: "kms:CallerAccount", values: ["${data.aws_caller_identity.caller-identity.account_id}"] },
      ],
    });
  });

  it("exposes each secret with the ECS valueFrom for its api_key JSON key (ARN:api_key::)", () => {
    expect(exposed.secrets).toEqual([
      {
        envName: "OPENAI_API_KEY",
        name: refTo(s, "aws_secretsmanager_secret", "app-secrets/openai-key", "name"),
        arn: secretArn("openai-key"),
        valueFrom: `${secretArn("openai-key")}:api_key::`,
      },
      {
        envName: "SERP_API_KEY",
        name: refTo(s, "aws_secretsmanager_secret", "app-secrets/serp-key", "name"),
        arn: secretArn("serp-key"),
        valueFrom: `${secretArn("serp-key")}:api_key::`,
      },
    ]);
    expect(exposed.keyArn).toBe(keyArn);
  });
});

describe("AppSecrets: SSM Parameter Store", () => {
  it.each([
    ["environment", "/recipe-chatbot/prod/environment", "production"],
    ["log-level", "/recipe-chatbot/prod/log-level", "INFO"],
    ["cors-origins", "/recipe-chatbot/prod/cors-origins", "https://recipe-chatbot.example.com,https://www.recipe-chatbot.example.com"],
  ])("parameter %s is the String %s = %s", (id, name, value) => {
    expect(resourceAt(s, "aws_ssm_parameter", `app-secrets/${id}`)).toMatchObject({ name, type: "String", value });
  });

  it("creates exactly three parameters", () => {
    expect(resourcesOf(s, "aws_ssm_parameter")).toHaveLength(3);
  });

  it("exposes them with the variable each stands for; ENVIRONMENT is not injected (a plain variable)", () => {
    expect(exposed.parameters.map((p: any) => [p.envName, p.arn, p.injected])).toEqual([
      ["ENVIRONMENT", parameterArn("environment"), false],
      ["LOG_LEVEL", parameterArn("log-level"), true],
      ["CORS_ORIGINS", parameterArn("cors-origins"), true],
    ]);
  });
});

describe("AppSecrets: what the task definitions and execution role need", () => {
  it("gives the backend OPENAI_API_KEY, SERP_API_KEY, LOG_LEVEL and CORS_ORIGINS as task-definition secrets", () => {
    expect(exposed.withApiKeys.containerSecrets).toEqual([
      { name: "OPENAI_API_KEY", valueFrom: `${secretArn("openai-key")}:api_key::` },
      { name: "SERP_API_KEY", valueFrom: `${secretArn("serp-key")}:api_key::` },
      { name: "LOG_LEVEL", valueFrom: parameterArn("log-level") },
      { name: "CORS_ORIGINS", valueFrom: parameterArn("cors-origins") },
    ]);
  });

  it("gives other containers only LOG_LEVEL and CORS_ORIGINS, and no access to the API keys", () => {
    expect(exposed.settingsOnly.containerSecrets).toEqual([
      { name: "LOG_LEVEL", valueFrom: parameterArn("log-level") },
      { name: "CORS_ORIGINS", valueFrom: parameterArn("cors-origins") },
    ]);
    expect(exposed.settingsOnly.executionRoleStatements).toEqual([
      { sid: "ReadAppParameters", effect: "Allow", actions: ["ssm:GetParameters"], resources: [parameterArn("log-level"), parameterArn("cors-origins")] },
    ]);
  });

  it("lets the backend's execution role read exactly those secrets and parameters, and decrypt only via Secrets Manager", () => {
    expect(exposed.withApiKeys.executionRoleStatements).toEqual([
      { sid: "ReadAppSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: [secretArn("openai-key"), secretArn("serp-key")] },
      { sid: "ReadAppParameters", effect: "Allow", actions: ["ssm:GetParameters"], resources: [parameterArn("log-level"), parameterArn("cors-origins")] },
      {
        sid: "DecryptAppSecrets",
        effect: "Allow",
        actions: ["kms:Decrypt"],
        resources: [keyArn],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.us-east-1.amazonaws.com"] }],
      },
    ]);
  });
});

describe("AppSecrets: rotation reminder and change audit (EventBridge -> alerts topic)", () => {
  const rule = (id: string) => resourceAt(s, "aws_cloudwatch_event_rule", `app-secrets/${id}`);
  const target = (id: string) => resourceAt(s, "aws_cloudwatch_event_target", `app-secrets/${id}-target`);

  it("creates exactly two rules, each with one target", () => {
    expect(resourcesOf(s, "aws_cloudwatch_event_rule")).toHaveLength(2);
    expect(resourcesOf(s, "aws_cloudwatch_event_target")).toHaveLength(2);
  });

  it("reminds every rotationReminderDays days (quarterly: rate(90 days))", () => {
    expect(rule("rotation-reminder")).toMatchObject({ name: "recipe-chatbot-prod-secret-rotation-reminder", schedule_expression: "rate(90 days)" });
    expect(rule("rotation-reminder").event_pattern).toBeUndefined();
  });

  it("writes rate(1 day), singular, for a daily reminder (EventBridge rejects rate(1 days))", () => {
    const daily = synthSecrets({ rotationReminderDays: 1 });
    expect(resourceAt(daily, "aws_cloudwatch_event_rule", "app-secrets/rotation-reminder").schedule_expression).toBe("rate(1 day)");
  });

  it("sends the alerts topic a constant JSON input naming the secrets due for rotation", () => {
    expect(target("rotation-reminder")).toMatchObject({
      rule: refTo(s, "aws_cloudwatch_event_rule", "app-secrets/rotation-reminder", "name"),
      arn: TOPIC_ARN,
      target_id: "alerts-topic",
    });
    const input: string = target("rotation-reminder").input;
    expect(input.startsWith("${jsonencode(")).toBe(true);
    // Inside jsonencode(...) a reference is a bare expression, without its own ${...}.
    const bare = (ref: string) => ref.slice("${".length, -"}".length);
    expect(input).toContain(bare(refTo(s, "aws_secretsmanager_secret", "app-secrets/openai-key", "name")));
    expect(input).toContain(bare(refTo(s, "aws_secretsmanager_secret", "app-secrets/serp-key", "name")));
    expect(exposed.rotationReminder).toMatchObject({
      subject: "recipe-chatbot-prod: rotate the application API keys",
      environment: "prod",
      secrets: [
        refTo(s, "aws_secretsmanager_secret", "app-secrets/openai-key", "name"),
        refTo(s, "aws_secretsmanager_secret", "app-secrets/serp-key", "name"),
      ],
      everyDays: 90,
    });
  });

  it("announces PutSecretValue, UpdateSecret and other value changes to these two secrets (CloudTrail)", () => {
    expect(rule("secret-change")).toMatchObject({ name: "recipe-chatbot-prod-secret-changed" });
    expect(rule("secret-change").schedule_expression).toBeUndefined();
    expect(rule("secret-change").event_pattern.startsWith("${jsonencode(")).toBe(true);
    expect(exposed.secretChangePattern).toEqual({
      source: ["aws.secretsmanager"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        eventSource: ["secretsmanager.amazonaws.com"],
        eventName: ["PutSecretValue", "UpdateSecret", "UpdateSecretVersionStage", "DeleteSecret", "RestoreSecret"],
        responseElements: { arn: [secretArn("openai-key"), secretArn("serp-key")] },
      },
    });
    expect(target("secret-change")).toMatchObject({ arn: TOPIC_ARN, rule: refTo(s, "aws_cloudwatch_event_rule", "app-secrets/secret-change", "name") });
    // The whole event is forwarded: who changed what, and when.
    expect(target("secret-change").input).toBeUndefined();
  });

  it("keeps double quotes and backslashes out of jsonencode() arguments (cdktf does not escape them)", () => {
    const bad = stringsIn([exposed.rotationReminder, exposed.secretChangePattern]).filter((v) => /["\\]/.test(v));
    expect(bad).toEqual([]);
  });
});

describe("AppSecrets: policy guard", () => {
  it("passes every rule; RC-SEC-002 (rotation) is suppressed on both keys with the reminder as the reason", () => {
    const evaluation = new PolicyGuard().evaluate(secretsStack());
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.appliedSuppressions.map((x) => [x.ruleId, x.path])).toEqual([
      ["RC-SEC-002", "app-secrets-test/app-secrets/openai-key"],
      ["RC-SEC-002", "app-secrets-test/app-secrets/serp-key"],
    ]);
    expect(evaluation.appliedSuppressions[0].reason).toContain("recipe-chatbot-prod-secret-rotation-reminder");
  });
});
