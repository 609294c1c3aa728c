import { Construct } from "constructs";
import { Fn } from "cdktf";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { EncryptionKey } from "../../blocks/encryption-key";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import type { PolicyStatement } from "../../core/iam";
import { check, checkInteger } from "../../core/props";
import { suppress } from "../../policy/suppressions";

/** A Secrets Manager secret whose value is put out of band (never in code, variables or state). */
export interface SecretSpec {
  /** Construct id and the handle `access()` takes, e.g. "stripe-key". */
  readonly id: string;
  /** Secret name, e.g. shop/prod/stripe-key. */
  readonly name: string;
  /** What the secret is, shown in the console. */
  readonly description: string;
  /** Environment variable a container gets the value in, e.g. STRIPE_API_KEY. */
  readonly environmentVariable: string;
  /** Key inside the secret's JSON value holding the value. @default the whole value */
  readonly jsonKey?: string;
}

/** A non-sensitive SSM String parameter whose value Terraform manages. */
export interface ParameterSpec {
  /** Construct id and the handle `access()` takes, e.g. "log-level". */
  readonly id: string;
  /** Parameter name, e.g. /shop/prod/log-level. */
  readonly name: string;
  /** The value (not sensitive: it is stored in plain text, and in Terraform state). */
  readonly value: string;
  /** What the setting is, shown in the console. */
  readonly description: string;
  /** Environment variable a container gets the value in. @default none (the parameter is read by other means) */
  readonly environmentVariable?: string;
}

/** A scheduled reminder to rotate secrets no Lambda can rotate (third-party API keys). */
export interface RotationReminder {
  /** Days between reminders. */
  readonly everyDays: number;
  /** SNS topic the reminder goes to (its policy must allow events.amazonaws.com). */
  readonly topicArn: string;
  /** EventBridge rule name. */
  readonly ruleName: string;
  /** First line of the reminder. */
  readonly subject: string;
  /** What to do, in plain words (no double quotes or backslashes: cdktf does not escape them in jsonencode). */
  readonly instructions: string;
  /** The rule's description. @default "Reminds the topic every <n> days to rotate <n> secrets by hand" */
  readonly description?: string;
  /** Extra fields of the reminder's message, after the subject. @default {} */
  readonly details?: Readonly<Record<string, string>>;
}

/** Every change to a secret's value or readability, announced on a topic. */
export interface ChangeNotifications {
  /** SNS topic (its policy must allow events.amazonaws.com). */
  readonly topicArn: string;
  /** EventBridge rule name. */
  readonly ruleName: string;
  /** The rule's description. @default "Announces changes to the secrets' values or readability" */
  readonly description?: string;
}

export interface SecretsStoreProps {
  /** Secrets Manager secrets. @default [] */
  readonly secrets?: readonly SecretSpec[];
  /** SSM String parameters. @default [] */
  readonly parameters?: readonly ParameterSpec[];
  /**
   * The key the secrets are encrypted with: a new key aliased `keyAlias`, or an existing key's ARN
   * (its policy must let this account's principals use it through Secrets Manager).
   * @default a new key aliased <first secret's name>-secrets
   */
  readonly kms?: { readonly keyAlias: string; readonly description?: string } | { readonly existingKeyArn: string };
  /** Days a deleted secret can still be restored (7-30). @default 30 */
  readonly recoveryWindowDays?: number;
  /** Remind a topic to rotate the secrets by hand (then the policy guard accepts them without rotation). @default no reminder */
  readonly rotationReminder?: RotationReminder;
  /** Announce every change to a secret's value or readability on this topic (needs a CloudTrail trail in the account). @default no announcements */
  readonly changeNotifications?: ChangeNotifications;
  /** Account, partition and region. @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
}

/** A created secret, as consumers see it. */
export interface StoredSecret {
  readonly id: string;
  readonly environmentVariable: string;
  readonly name: string;
  readonly arn: string;
  /** ECS `valueFrom`: the ARN, plus the JSON key when there is one. */
  readonly valueFrom: string;
  /** The secret resource, for escape-hatch overrides. */
  readonly secret: SecretsmanagerSecret;
}

/** A created parameter, as consumers see it. */
export interface StoredParameter {
  readonly id: string;
  readonly environmentVariable?: string;
  readonly name: string;
  readonly arn: string;
  readonly parameter: SsmParameter;
}

/** What one container needs: its task-definition `secrets`, and the execution-role statements that resolve them. */
export interface SecretAccess {
  readonly containerSecrets: readonly { readonly name: string; readonly valueFrom: string }[];
  readonly executionRoleStatements: readonly PolicyStatement[];
}

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
 * Application configuration: secrets in Secrets Manager under a rotating customer-managed key, with
 * no secret version (values are put by hand, out of band), and non-sensitive settings in SSM
 * Parameter Store. `access()` hands each container exactly the secrets it names, with the
 * execution-role statements to read them. For keys no Lambda can rotate, a scheduled reminder stands
 * in for rotation, and every change to a secret can be announced on a topic as an audit trail.
 */
export class SecretsStore extends Construct {
  readonly secrets: readonly StoredSecret[];
  readonly parameters: readonly StoredParameter[];
  /** The key the secrets are encrypted with (none without secrets). */
  readonly keyArn?: string;
  /** The rotation reminder's message (a JSON object), when there is a reminder. */
  readonly rotationReminderMessage?: Readonly<Record<string, unknown>>;
  /** The change-notification rule's event pattern, when there is one. */
  readonly secretChangePattern?: Readonly<Record<string, unknown>>;
  private readonly secretsManager: string;

  constructor(scope: Construct, id: string, props: SecretsStoreProps) {
    super(scope, id);
    const aws = awsContextOf(this, props.aws);
    const specs = props.secrets ?? [];
    this.checkProps(props, specs);
    this.secretsManager = `secretsmanager.${aws.region}.amazonaws.com`;
    this.keyArn = this.key(props, aws);

    this.secrets = specs.map((spec) => {
      const secret = new SecretsmanagerSecret(this, spec.id, {
        name: spec.name,
        description: spec.description,
        kmsKeyId: this.keyArn,
        recoveryWindowInDays: props.recoveryWindowDays ?? 30,
      });
      const reminder = props.rotationReminder;
      if (reminder) {
        suppress(
          secret,
          "RC-SEC-002",
          "a third-party API key: only the provider can issue a new one, so no rotation Lambda can rotate it; " +
            `the ${reminder.ruleName} rule asks the alerts topic to rotate it by hand every ${reminder.everyDays} days`,
        );
      }
      // ECS syntax arn:...:secret:NAME-AbCdEf:json-key:version-stage:version-id; the empty stage and
      // id select AWSCURRENT, so a new value reaches tasks started after it is put.
      const valueFrom = spec.jsonKey ? `${secret.arn}:${spec.jsonKey}::` : secret.arn;
      return { id: spec.id, environmentVariable: spec.environmentVariable, name: secret.name, arn: secret.arn, valueFrom, secret };
    });

    this.parameters = (props.parameters ?? []).map((spec) => {
      const parameter = new SsmParameter(this, spec.id, {
        name: spec.name,
        // Not sensitive: sensitive values belong in `secrets`.
        type: "String",
        value: spec.value,
        description: spec.description,
      });
      return { id: spec.id, environmentVariable: spec.environmentVariable, name: parameter.name, arn: parameter.arn, parameter };
    });

    if (props.rotationReminder) this.rotationReminderMessage = this.remind(props.rotationReminder);
    if (props.changeNotifications) this.secretChangePattern = this.announceChanges(props.changeNotifications);
  }

  /**
   * Task-definition `secrets` and execution-role statements for the named secrets and parameters
   * (by id): a container gets, and may read, exactly these.
   */
  access(ids: { readonly secrets?: readonly string[]; readonly parameters?: readonly string[] }): SecretAccess {
    const secrets = (ids.secrets ?? []).map((id) => this.find(this.secrets, "secrets", id));
    const parameters = (ids.parameters ?? []).map((id) => this.find(this.parameters, "parameters", id));
    const injected = parameters.filter((p): p is StoredParameter & { environmentVariable: string } => p.environmentVariable !== undefined);
    const statements: PolicyStatement[] = [];
    if (secrets.length > 0) {
      statements.push({ sid: "ReadAppSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue"], resources: secrets.map((s) => s.arn) });
    }
    if (injected.length > 0) {
      // A parameter in the same region is referenced by its full ARN.
      statements.push({ sid: "ReadAppParameters", effect: "Allow", actions: ["ssm:GetParameters"], resources: injected.map((p) => p.arn) });
    }
    if (secrets.length > 0) {
      statements.push({
        sid: "DecryptAppSecrets",
        effect: "Allow",
        actions: ["kms:Decrypt"],
        resources: [this.keyArn!],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [this.secretsManager] }],
      });
    }
    return {
      containerSecrets: [
        ...secrets.map((s) => ({ name: s.environmentVariable, valueFrom: s.valueFrom })),
        ...injected.map((p) => ({ name: p.environmentVariable, valueFrom: p.arn })),
      ],
      executionRoleStatements: statements,
    };
  }

  private find<T extends { readonly id: string }>(items: readonly T[], kind: string, id: string): T {
    const found = items.find((item) => item.id === id);
    if (!found) throw new Error(`SecretsStore at ${this.node.path}: access() names ${kind} "${id}", which this store does not hold; it holds: ${items.map((i) => i.id).join(", ") || "none"}`);
    return found;
  }

  private checkProps(props: SecretsStoreProps, specs: readonly SecretSpec[]): void {
    if (props.recoveryWindowDays !== undefined) checkInteger(this, "recoveryWindowDays", props.recoveryWindowDays, 7, 30);
    if (props.rotationReminder) checkInteger(this, "rotationReminder.everyDays", props.rotationReminder.everyDays, 1, 365);
    const ids = [...specs.map((s) => s.id), ...(props.parameters ?? []).map((p) => p.id)];
    check(this, new Set(ids).size === ids.length, "secrets and parameters", `must have distinct ids; got ${ids.join(", ")}`);
    check(this, specs.length > 0 || !props.rotationReminder, "rotationReminder", "needs at least one secret to remind about");
    check(this, specs.length > 0 || !props.changeNotifications, "changeNotifications", "needs at least one secret to watch");
    check(this, specs.length > 0 || props.kms === undefined, "kms", "applies only with secrets (parameters are String parameters, not encrypted with it)");
  }

  /** The given key, or a new one only Secrets Manager of this account may use. */
  private key(props: SecretsStoreProps, aws: AwsContext): string | undefined {
    if (props.kms && "existingKeyArn" in props.kms) return props.kms.existingKeyArn;
    if ((props.secrets ?? []).length === 0) return undefined;
    const alias = props.kms?.keyAlias ?? `${props.secrets![0].name.replace(/[^A-Za-z0-9/_-]/g, "-")}-secrets`;
    return new EncryptionKey(this, "key", {
      aws,
      alias,
      description: props.kms?.description ?? `Secrets Manager encryption for ${alias}`,
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
            { test: "StringEquals", variable: "kms:ViaService", values: [this.secretsManager] },
            { test: "StringEquals", variable: "kms:CallerAccount", values: [aws.accountId] },
          ],
        },
      ],
    }).arn;
  }

  private remind(reminder: RotationReminder): Record<string, unknown> {
    const message = {
      subject: reminder.subject,
      ...reminder.details,
      secrets: this.secrets.map((s) => s.name),
      action: reminder.instructions,
      everyDays: reminder.everyDays,
    };
    this.notify("rotation-reminder", reminder.topicArn, {
      name: reminder.ruleName,
      description: reminder.description ?? `Reminds the topic every ${reminder.everyDays} days to rotate ${this.secrets.length} secrets by hand`,
      scheduleExpression: rateInDays(reminder.everyDays),
      input: Fn.jsonencode(message),
    });
    return message;
  }

  private announceChanges(changes: ChangeNotifications): Record<string, unknown> {
    const pattern = {
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
    this.notify("secret-change", changes.topicArn, {
      name: changes.ruleName,
      description: changes.description ?? "Announces changes to the secrets' values or readability",
      eventPattern: Fn.jsonencode(pattern),
    });
    return pattern;
  }

  /** An EventBridge rule on the default bus with one topic as its target. */
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
