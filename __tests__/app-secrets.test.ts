import { TerraformOutput } from "cdktf";
import type { EnvironmentStack } from "../src/stacks/environment-stack";
import { PolicyGuard } from "../src/policy/policy-guard";
import { buildEnvironment, dataAt, refTo, resourceAt, resourcesOf, synthStack, type SynthesizedStack } from "./support/stacks";

const CORS_ORIGINS = ["https://recipe-chatbot.example.com", "https://www.recipe-chatbot.example.com"];

/**
 * The real environment stack (two CORS origins, to show how the list is joined), where the Recipe
 * Chatbot maps its configuration onto the SecretsStore (src/recipe-chatbot/app-settings.ts) and
 * hands the containers their secrets. Outputs show what the readonly fields resolve to.
 */
function secretsStack(name = "prod", overrides: Record<string, unknown> = {}): EnvironmentStack {
  const stack = buildEnvironment(name, { environments: { [name]: { app: { corsOrigins: CORS_ORIGINS }, ...overrides } } });
  const { secrets, services } = stack.app;
  new TerraformOutput(stack, "exposed", {
    value: {
      secrets: secrets.secrets.map(({ id, environmentVariable, name: secretName, arn, valueFrom }) => ({ id, environmentVariable, name: secretName, arn, valueFrom })),
      // A parameter without an environment variable has no such key (an output cannot hold undefined or null).
      parameters: secrets.parameters.map(({ id, environmentVariable, arn }) => ({ id, arn, ...(environmentVariable === undefined ? {} : { environmentVariable }) })),
      keyArn: secrets.keyArn,
      backendSecrets: services.backend.containerDefinitions[0].secrets,
      frontendSecrets: services.frontend.containerDefinitions[0].secrets,
      rotationReminder: secrets.rotationReminderMessage,
      secretChangePattern: secrets.secretChangePattern,
    },
  });
  return stack;
}

function synthSecrets(name = "prod", overrides: Record<string, unknown> = {}): SynthesizedStack {
  return synthStack(secretsStack(name, overrides));
}

const s = synthSecrets();
const exposed = s.output!.exposed.value;
const secretArn = (id: string) => refTo(s, "aws_secretsmanager_secret", `app/secrets/${id}`, "arn");
const parameterArn = (id: string) => refTo(s, "aws_ssm_parameter", `app/secrets/${id}`, "arn");
const keyArn = refTo(s, "aws_kms_key", "app/secrets/key/key", "arn");
const alertsTopicArn = refTo(s, "aws_sns_topic", "app/alert-topics/alerts", "arn");

/**
 * Resources of a type that the SecretsStore (construct "app/secrets") holds: their Terraform names
 * start with the path's components (stacks.ts, nameAt), while the stack has keys, parameters and
 * rules of other constructs too.
 */
const ofSecretsStore = (stack: SynthesizedStack, type: string) => resourcesOf(stack, type).filter(([name]) => name.startsWith("app_secrets_"));

/** Every string anywhere inside a value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

describe("app secrets: Secrets Manager (guide: Secret Management)", () => {
  it.each([
    ["openai-key", "recipe-chatbot/prod/openai-key", "OpenAI API key for LLM operations"],
    ["serp-key", "recipe-chatbot/prod/serp-key", "SERP API key for web search functionality"],
  ])("secret %s is %s, under the store's CMK, with the configured recovery window", (id, name, description) => {
    expect(resourceAt(s, "aws_secretsmanager_secret", `app/secrets/${id}`)).toEqual({
      name,
      description,
      kms_key_id: keyArn,
      recovery_window_in_days: 30,
    });
  });

  it("creates exactly two secrets and never a secret version (values stay out of code, variables and state)", () => {
    expect(resourcesOf(s, "aws_secretsmanager_secret")).toHaveLength(2);
    expect(s.resource.aws_secretsmanager_secret_version).toBeUndefined();
    // The stack's only variables are the deploy inputs; none of them carries a secret.
    expect(Object.keys(s.variable!).sort()).toEqual(["alert_emails", "backend_image_tag", "critical_emails", "domain_name", "frontend_image_tag", "hosted_zone_id"]);
    expect(JSON.stringify(s.resource.aws_secretsmanager_secret)).not.toContain("var.");
  });

  it("takes the recovery window from configuration (dev: 7 days)", () => {
    const dev = synthSecrets("dev");
    expect(resourcesOf(dev, "aws_secretsmanager_secret").map(([, r]) => [r.name, r.recovery_window_in_days])).toEqual([
      ["recipe-chatbot/dev/openai-key", 7],
      ["recipe-chatbot/dev/serp-key", 7],
    ]);
  });

  it("encrypts with a rotating customer-managed key usable only through Secrets Manager in this region", () => {
    expect(ofSecretsStore(s, "aws_kms_key")).toHaveLength(1);
    expect(resourceAt(s, "aws_kms_key", "app/secrets/key/key").enable_key_rotation).toBe(true);
    expect(resourceAt(s, "aws_kms_alias", "app/secrets/key/alias").name).toBe("alias/recipe-chatbot-prod-secrets");
    const usage = dataAt(s, "aws_iam_policy_document", "app/secrets/key/policy").statement.find((st: any) => st.sid === "SecretsManagerUseKey");
    expect(usage).toEqual({
      sid: "SecretsManagerUseKey",
      effect: "Allow",
      principals: [{ type: "AWS", identifiers: ["arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:root"] }],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
      resources: ["*"],
      condition: [
        { test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.us-east-1.amazonaws.com"] },
        { test: "StringEquals", variable: "kms:CallerAccount", values: ["${data.aws_caller_identity.caller_identity.account_id}"] },
      ],
    });
  });

  it("exposes each secret with the ECS valueFrom for its api_key JSON key (ARN:api_key::)", () => {
    expect(exposed.secrets).toEqual([
      {
        id: "openai-key",
        environmentVariable: "OPENAI_API_KEY",
        name: refTo(s, "aws_secretsmanager_secret", "app/secrets/openai-key", "name"),
        arn: secretArn("openai-key"),
        valueFrom: `${secretArn("openai-key")}:api_key::`,
      },
      {
        id: "serp-key",
        environmentVariable: "SERP_API_KEY",
        name: refTo(s, "aws_secretsmanager_secret", "app/secrets/serp-key", "name"),
        arn: secretArn("serp-key"),
        valueFrom: `${secretArn("serp-key")}:api_key::`,
      },
    ]);
    expect(exposed.keyArn).toBe(keyArn);
  });
});

describe("app secrets: SSM Parameter Store", () => {
  it.each([
    ["environment", "/recipe-chatbot/prod/environment", "production"],
    ["log-level", "/recipe-chatbot/prod/log-level", "INFO"],
    ["cors-origins", "/recipe-chatbot/prod/cors-origins", "https://recipe-chatbot.example.com,https://www.recipe-chatbot.example.com"],
  ])("parameter %s is the String %s = %s", (id, name, value) => {
    expect(resourceAt(s, "aws_ssm_parameter", `app/secrets/${id}`)).toMatchObject({ name, type: "String", value });
  });

  it("creates exactly three parameters", () => {
    expect(ofSecretsStore(s, "aws_ssm_parameter")).toHaveLength(3);
  });

  it("exposes them with the variable each stands for; ENVIRONMENT is not injected (a plain variable)", () => {
    expect(exposed.parameters.map((p: any) => [p.id, p.environmentVariable, p.arn])).toEqual([
      ["environment", undefined, parameterArn("environment")],
      ["log-level", "LOG_LEVEL", parameterArn("log-level")],
      ["cors-origins", "CORS_ORIGINS", parameterArn("cors-origins")],
    ]);
  });
});

describe("app secrets: what the task definitions and execution roles get", () => {
  /** The execution role's statements beyond the service's own image pull and log writes. */
  const secretStatements = (service: string) =>
    dataAt(s, "aws_iam_policy_document", `app/${service}/execution-role-policy-document`).statement.filter(
      (st: any) => !["EcrAuth", "PullOwnImages", "WriteOwnLogs"].includes(st.sid),
    );

  it("gives the backend OPENAI_API_KEY, SERP_API_KEY, LOG_LEVEL and CORS_ORIGINS as task-definition secrets", () => {
    expect(exposed.backendSecrets).toEqual([
      { name: "OPENAI_API_KEY", valueFrom: `${secretArn("openai-key")}:api_key::` },
      { name: "SERP_API_KEY", valueFrom: `${secretArn("serp-key")}:api_key::` },
      { name: "LOG_LEVEL", valueFrom: parameterArn("log-level") },
      { name: "CORS_ORIGINS", valueFrom: parameterArn("cors-origins") },
    ]);
  });

  it("gives the frontend only LOG_LEVEL and CORS_ORIGINS, and no access to the API keys", () => {
    expect(exposed.frontendSecrets).toEqual([
      { name: "LOG_LEVEL", valueFrom: parameterArn("log-level") },
      { name: "CORS_ORIGINS", valueFrom: parameterArn("cors-origins") },
    ]);
    expect(secretStatements("frontend")).toEqual([
      { sid: "ReadAppParameters", effect: "Allow", actions: ["ssm:GetParameters"], resources: [parameterArn("log-level"), parameterArn("cors-origins")] },
    ]);
  });

  it("lets the backend's execution role read exactly those secrets and parameters, and decrypt only via Secrets Manager", () => {
    expect(secretStatements("backend")).toEqual([
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

describe("app secrets: rotation reminder and change audit (EventBridge -> alerts topic)", () => {
  const rule = (id: string) => resourceAt(s, "aws_cloudwatch_event_rule", `app/secrets/${id}`);
  const target = (id: string) => resourceAt(s, "aws_cloudwatch_event_target", `app/secrets/${id}-target`);

  it("creates exactly two rules, each with one target", () => {
    expect(ofSecretsStore(s, "aws_cloudwatch_event_rule")).toHaveLength(2);
    expect(ofSecretsStore(s, "aws_cloudwatch_event_target")).toHaveLength(2);
  });

  it("reminds every rotationReminderDays days (quarterly: rate(90 days))", () => {
    expect(rule("rotation-reminder")).toMatchObject({ name: "recipe-chatbot-prod-secret-rotation-reminder", schedule_expression: "rate(90 days)" });
    expect(rule("rotation-reminder").event_pattern).toBeUndefined();
  });

  it("writes rate(1 day), singular, for a daily reminder (EventBridge rejects rate(1 days))", () => {
    const daily = synthSecrets("prod", { secrets: { rotationReminderDays: 1 } });
    expect(resourceAt(daily, "aws_cloudwatch_event_rule", "app/secrets/rotation-reminder").schedule_expression).toBe("rate(1 day)");
  });

  it("sends the alerts topic a constant JSON input naming the secrets due for rotation", () => {
    expect(target("rotation-reminder")).toMatchObject({
      rule: refTo(s, "aws_cloudwatch_event_rule", "app/secrets/rotation-reminder", "name"),
      arn: alertsTopicArn,
      target_id: "alerts-topic",
    });
    const input: string = target("rotation-reminder").input;
    expect(input.startsWith("${jsonencode(")).toBe(true);
    // Inside jsonencode(...) a reference is a bare expression, without its own ${...}.
    const bare = (ref: string) => ref.slice("${".length, -"}".length);
    expect(input).toContain(bare(refTo(s, "aws_secretsmanager_secret", "app/secrets/openai-key", "name")));
    expect(input).toContain(bare(refTo(s, "aws_secretsmanager_secret", "app/secrets/serp-key", "name")));
    expect(exposed.rotationReminder).toMatchObject({
      subject: "recipe-chatbot-prod: rotate the application API keys",
      environment: "prod",
      secrets: [
        refTo(s, "aws_secretsmanager_secret", "app/secrets/openai-key", "name"),
        refTo(s, "aws_secretsmanager_secret", "app/secrets/serp-key", "name"),
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
    expect(target("secret-change")).toMatchObject({ arn: alertsTopicArn, rule: refTo(s, "aws_cloudwatch_event_rule", "app/secrets/secret-change", "name") });
    // The whole event is forwarded: who changed what, and when.
    expect(target("secret-change").input).toBeUndefined();
  });

  it("keeps double quotes and backslashes out of jsonencode() arguments (cdktf does not escape them)", () => {
    const bad = stringsIn([exposed.rotationReminder, exposed.secretChangePattern]).filter((v) => /["\\]/.test(v));
    expect(bad).toEqual([]);
  });
});

describe("app secrets: policy guard", () => {
  it("passes every rule; RC-SEC-002 (rotation) is suppressed on both secrets with the reminder as the reason, and nothing else in the store", () => {
    const evaluation = new PolicyGuard().evaluate(secretsStack());
    expect(evaluation.violations).toEqual([]);
    const inStore = evaluation.appliedSuppressions.filter((x) => x.path.startsWith("recipe-chatbot-prod/app/secrets/"));
    expect(inStore.map((x) => [x.ruleId, x.path])).toEqual([
      ["RC-SEC-002", "recipe-chatbot-prod/app/secrets/openai-key"],
      ["RC-SEC-002", "recipe-chatbot-prod/app/secrets/serp-key"],
    ]);
    expect(inStore[0].reason).toContain("recipe-chatbot-prod-secret-rotation-reminder");
  });
});
