import { Construct } from "constructs";
import { Fn } from "cdktf";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import type { AwsContext } from "../core/aws-context";
import type { PolicyStatement } from "../core/iam";
import { PROJECT, scopedName } from "../core/naming";
import { suppress } from "../policy/suppressions";
import { EncryptionKey } from "../blocks/encryption-key";

export interface AppSecretsProps {
  readonly aws: AwsContext;
  /** Environment name (dev, staging, prod): part of every secret and parameter name. */
  readonly environment: string;
  /** Value of the `environment` parameter, e.g. "production" (config.tags.environment lowercased). */
  readonly environmentLabel: string;
  readonly logLevel: string;
  /** Browser origins the backend accepts; stored comma-separated. */
  readonly corsOrigins: string[];
  /** Days a deleted secret can still be restored (7-30). */
  readonly recoveryWindowDays: number;
  /** How often the alerts topic is reminded to rotate the API keys by hand. */
  readonly rotationReminderDays: number;
  readonly alertsTopicArn: string;
}

/** A Secrets Manager secret injected into containers as an environment variable. */
export interface AppSecret {
  /** Container environment variable, e.g. OPENAI_API_KEY. */
  readonly envName: string;
  /** Secret name, e.g. recipe-chatbot/prod/openai-key. */
  readonly name: string;
  readonly arn: string;
  /** ECS `valueFrom`: the secret's ARN plus the JSON key holding the value. */
  readonly valueFrom: string;
}

/** A non-sensitive SSM String parameter. */
export interface AppParameter {
  /** The environment variable the value corresponds to. */
  readonly envName: string;
  /** Parameter name, e.g. /recipe-chatbot/prod/log-level. */
  readonly name: string;
  readonly arn: string;
  /**
   * Whether containers get it through task-definition `secrets`. ENVIRONMENT is not: it is known at
   * synth time, so the task definition sets it as a plain variable.
   */
  readonly injected: boolean;
}

/** ECS container-definition `secrets` entry. */
export interface ContainerSecret {
  readonly name: string;
  readonly valueFrom: string;
}

/**
 * JSON key inside each secret's value. Operators store `{"api_key":"..."}`, e.g.
 * `aws secretsmanager put-secret-value --secret-id recipe-chatbot/prod/openai-key --secret-string file://key.json`,
 * so the value never passes through code, Terraform variables or state.
 */
export const SECRET_JSON_KEY = "api_key";

/** The guide's "Secret Configuration": third-party API keys (sensitive, Secrets Manager). */
const API_KEYS = [
  { id: "openai-key", envName: "OPENAI_API_KEY", description: "OpenAI API key for LLM operations" },
  { id: "serp-key", envName: "SERP_API_KEY", description: "SERP API key for web search functionality" },
] as const;

/**
 * Calls that change a secret's value or whether it can be read. Since February 2024 every Secrets
 * Manager CloudTrail event names the secret under responseElements.arn (older events used "aRN").
 */
const SECRET_CHANGE_EVENTS = ["PutSecretValue", "UpdateSecret", "UpdateSecretVersionStage", "DeleteSecret", "RestoreSecret"];

/** EventBridge wants the singular for one: rate(1 day), rate(2 days). */
function rateInDays(days: number): string {
  return `rate(${days} ${days === 1 ? "day" : "days"})`;
}

/**
 * Application configuration (guide "Secret Management"): the two API keys in Secrets Manager under a
 * rotating customer-managed key, with no secret version (values are put by hand, out of band), and
 * the non-sensitive settings in SSM Parameter Store. OpenAI and SERP keys cannot be rotated by a
 * Lambda, so a scheduled reminder to the alerts topic stands in for automatic rotation, and every
 * change to a secret is announced on the same topic as an audit trail.
 */
/** What one container needs: its task-definition `secrets`, and the execution-role statements that resolve them. */
export interface SecretAccess {
  readonly containerSecrets: readonly ContainerSecret[];
  readonly executionRoleStatements: readonly PolicyStatement[];
}

export class AppSecrets extends Construct {
  readonly secrets: readonly AppSecret[];
  readonly parameters: readonly AppParameter[];
  readonly keyArn: string;
  /** For the backend, which calls OpenAI and SerpAPI: the API keys plus LOG_LEVEL and CORS_ORIGINS. */
  readonly withApiKeys: SecretAccess;
  /** For every other container: LOG_LEVEL and CORS_ORIGINS only, and no read access to the API keys. */
  readonly settingsOnly: SecretAccess;
  /** The rotation reminder's message (a JSON object), exposed for tests and documentation. */
  readonly rotationReminder: Readonly<Record<string, unknown>>;
  /** The secret-change audit rule's event pattern, exposed for tests and documentation. */
  readonly secretChangePattern: Readonly<Record<string, unknown>>;

  constructor(scope: Construct, id: string, props: AppSecretsProps) {
    super(scope, id);
    const { aws } = props;
    const prefix = scopedName(props.environment);
    const secretsManager = `secretsmanager.${aws.region}.amazonaws.com`;
    const key = new EncryptionKey(this, "key", {
      aws,
      alias: `${prefix}-secrets`,
      description: `Secrets Manager encryption for ${prefix}`,
      usage: [
        {
          // Secrets Manager encrypts and decrypts with the caller's own permissions: this account's
          // principals may use the key, but only through Secrets Manager in this region.
          sid: "SecretsManagerUseKey",
          effect: "Allow",
          principals: [{ type: "AWS", identifiers: [`arn:${aws.partition}:iam::${aws.accountId}:root`] }],
          actions: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
          resources: ["*"],
          condition: [
            { test: "StringEquals", variable: "kms:ViaService", values: [secretsManager] },
            { test: "StringEquals", variable: "kms:CallerAccount", values: [aws.accountId] },
          ],
        },
      ],
    });
    this.keyArn = key.arn;

    const created = API_KEYS.map((apiKey) => {
      const secret = new SecretsmanagerSecret(this, apiKey.id, {
        name: `${PROJECT}/${props.environment}/${apiKey.id}`,
        description: apiKey.description,
        kmsKeyId: key.arn,
        recoveryWindowInDays: props.recoveryWindowDays,
      });
      suppress(
        secret,
        "RC-SEC-002",
        "a third-party API key: only the provider can issue a new one, so no rotation Lambda can rotate it; " +
          `the ${prefix}-secret-rotation-reminder rule asks the alerts topic to rotate it by hand every ${props.rotationReminderDays} days`,
      );
      // ECS syntax arn:...:secret:NAME-AbCdEf:json-key:version-stage:version-id; the empty stage and
      // id select AWSCURRENT, so a new value reaches tasks started after it is put.
      const exposed: AppSecret = { envName: apiKey.envName, name: secret.name, arn: secret.arn, valueFrom: `${secret.arn}:${SECRET_JSON_KEY}::` };
      return { secret, exposed };
    });
    this.secrets = created.map((c) => c.exposed);

    const settings = [
      { id: "environment", envName: "ENVIRONMENT", value: props.environmentLabel, injected: false, description: "Environment name the application reports" },
      { id: "log-level", envName: "LOG_LEVEL", value: props.logLevel, injected: true, description: "Application log level" },
      { id: "cors-origins", envName: "CORS_ORIGINS", value: props.corsOrigins.join(","), injected: true, description: "Comma-separated browser origins the backend accepts" },
    ];
    this.parameters = settings.map((setting) => {
      const parameter = new SsmParameter(this, setting.id, {
        name: `/${PROJECT}/${props.environment}/${setting.id}`,
        // Not sensitive (guide: "SSM Parameter Store for non-sensitive configuration").
        type: "String",
        value: setting.value,
        description: setting.description,
      });
      return { envName: setting.envName, name: parameter.name, arn: parameter.arn, injected: setting.injected };
    });
    const injected = this.parameters.filter((p) => p.injected);

    // A parameter in the same region is referenced by its full ARN.
    const settingsAccess: SecretAccess = {
      containerSecrets: injected.map((p) => ({ name: p.envName, valueFrom: p.arn })),
      executionRoleStatements: [{ sid: "ReadAppParameters", effect: "Allow", actions: ["ssm:GetParameters"], resources: injected.map((p) => p.arn) }],
    };
    this.settingsOnly = settingsAccess;
    this.withApiKeys = {
      containerSecrets: [...this.secrets.map((s) => ({ name: s.envName, valueFrom: s.valueFrom })), ...settingsAccess.containerSecrets],
      executionRoleStatements: [
        { sid: "ReadAppSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: this.secrets.map((s) => s.arn) },
        ...settingsAccess.executionRoleStatements,
        {
          sid: "DecryptAppSecrets",
          effect: "Allow",
          actions: ["kms:Decrypt"],
          resources: [key.arn],
          condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [secretsManager] }],
        },
      ],
    };

    this.rotationReminder = {
      subject: `${prefix}: rotate the application API keys`,
      environment: props.environment,
      secrets: this.secrets.map((s) => s.name),
      // No quotes or backslashes in these strings: cdktf does not escape them inside jsonencode().
      action:
        `Create a new key with each provider, put it with aws secretsmanager put-secret-value as a JSON ` +
        `object under the key ${SECRET_JSON_KEY}, force a new deployment of both ECS services, then revoke the old key.`,
      everyDays: props.rotationReminderDays,
    };
    this.notify("rotation-reminder", props.alertsTopicArn, {
      name: `${prefix}-secret-rotation-reminder`,
      description: `Reminds the alerts topic every ${props.rotationReminderDays} days to rotate the ${prefix} API keys`,
      scheduleExpression: rateInDays(props.rotationReminderDays),
      input: Fn.jsonencode(this.rotationReminder),
    });

    this.secretChangePattern = {
      source: ["aws.secretsmanager"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        eventSource: ["secretsmanager.amazonaws.com"],
        eventName: SECRET_CHANGE_EVENTS,
        responseElements: { arn: this.secrets.map((s) => s.arn) },
      },
    };
    // EventBridge only sees "AWS API Call via CloudTrail" events while a CloudTrail trail with logging
    // is on in the account (an organization trail counts). The whole event is forwarded: who
    // (userIdentity), what (eventName), when and from where.
    this.notify("secret-change", props.alertsTopicArn, {
      name: `${prefix}-secret-changed`,
      description: `Announces changes to the ${prefix} API key secrets on the alerts topic`,
      eventPattern: Fn.jsonencode(this.secretChangePattern),
    });
  }

  /** An EventBridge rule on the default bus with the alerts topic as its one target. */
  private notify(
    id: string,
    topicArn: string,
    rule: { name: string; description: string; scheduleExpression?: string; eventPattern?: string; input?: string },
  ): void {
    const { input, ...ruleConfig } = rule;
    const created = new CloudwatchEventRule(this, id, ruleConfig);
    new CloudwatchEventTarget(this, `${id}-target`, { rule: created.name, targetId: "alerts-topic", arn: topicArn, input });
  }
}
