import type { Construct } from "constructs";
import { SecretsStore, type SecretsStoreProps } from "../../src/modules/secrets";
import { AWS, all, expectPropError, only, synthModule } from "./module-stack";

const SECRETS: SecretsStoreProps["secrets"] = [
  { id: "stripe", name: "shop/prod/stripe", description: "Stripe key", environmentVariable: "STRIPE_KEY", jsonKey: "key" },
  { id: "smtp", name: "shop/prod/smtp", description: "SMTP password", environmentVariable: "SMTP_PASSWORD" },
];
const PARAMETERS: SecretsStoreProps["parameters"] = [
  { id: "mode", name: "/shop/prod/mode", value: "live", description: "Mode", environmentVariable: "MODE" },
  { id: "region-label", name: "/shop/prod/region-label", value: "EU", description: "Label only" },
];

describe("SecretsStore module, alone", () => {
  it("creates the secrets under a new key, String parameters, and no version (values are put out of band)", () => {
    const stack = synthModule((scope) => new SecretsStore(scope, "store", { aws: AWS, secrets: SECRETS, parameters: PARAMETERS }));
    expect(all(stack, "aws_secretsmanager_secret").map((s) => `${s.name} ${s.recovery_window_in_days}`).sort()).toEqual(["shop/prod/smtp 30", "shop/prod/stripe 30"]);
    expect(stack.resource.aws_secretsmanager_secret_version).toBeUndefined();
    expect(only(stack, "aws_kms_alias").name).toBe("alias/shop/prod/stripe-secrets");
    expect(all(stack, "aws_ssm_parameter").map((p) => `${p.name} ${p.type} ${p.value}`).sort()).toEqual(["/shop/prod/mode String live", "/shop/prod/region-label String EU"]);
    expect(stack.resource.aws_cloudwatch_event_rule).toBeUndefined();
  });

  it("access() hands a container exactly the secrets and parameters it names, with the statements to read them", () => {
    let store: SecretsStore | undefined;
    synthModule((scope) => {
      store = new SecretsStore(scope, "store", { aws: AWS, secrets: SECRETS, parameters: PARAMETERS });
    });
    const both = store!.access({ secrets: ["stripe"], parameters: ["mode", "region-label"] });
    expect(both.containerSecrets.map((s) => s.name)).toEqual(["STRIPE_KEY", "MODE"]);
    expect(both.containerSecrets[0].valueFrom).toBe(store!.secrets[0].valueFrom);
    expect(store!.secrets[0].valueFrom).toMatch(/:key::$/);
    expect(both.executionRoleStatements.map((s) => s.sid)).toEqual(["ReadAppSecrets", "ReadAppParameters", "DecryptAppSecrets"]);
    expect(both.executionRoleStatements[0].resources).toHaveLength(1);
    expect((both.executionRoleStatements[2].condition as { variable: string }[])[0]).toMatchObject({ variable: "kms:ViaService", values: ["secretsmanager.eu-west-1.amazonaws.com"] });
    const settingsOnly = store!.access({ parameters: ["mode"] });
    expect(settingsOnly.executionRoleStatements.map((s) => s.sid)).toEqual(["ReadAppParameters"]);
    const wholeValue = store!.access({ secrets: ["smtp"] });
    expect(wholeValue.containerSecrets[0].valueFrom).toBe(store!.secrets[1].valueFrom);
    expect(store!.secrets[1].valueFrom).not.toMatch(/::$/);
    expect(() => store!.access({ secrets: ["paypal"] })).toThrow('SecretsStore at module-under-test/store: access() names secrets "paypal", which this store does not hold; it holds: stripe, smtp');
  });

  it("an existing key, a rotation reminder (which satisfies the policy guard's rotation rule) and change announcements", () => {
    let store: SecretsStore | undefined;
    const stack = synthModule((scope) => {
      store = new SecretsStore(scope, "store", {
        aws: AWS,
        secrets: SECRETS,
        kms: { existingKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/k" },
        recoveryWindowDays: 7,
        rotationReminder: { everyDays: 1, topicArn: "arn:topic", ruleName: "shop-rotate", subject: "rotate", instructions: "do it", details: { environment: "prod" } },
        changeNotifications: { topicArn: "arn:topic", ruleName: "shop-secret-changed" },
      });
    });
    expect(stack.resource.aws_kms_key).toBeUndefined();
    expect(all(stack, "aws_secretsmanager_secret").every((s) => s.kms_key_id === "arn:aws:kms:eu-west-1:123456789012:key/k" && s.recovery_window_in_days === 7)).toBe(true);
    const rules = all(stack, "aws_cloudwatch_event_rule");
    expect(rules.find((r) => r.name === "shop-rotate")).toMatchObject({ schedule_expression: "rate(1 day)" });
    expect(rules.find((r) => r.name === "shop-secret-changed")!.event_pattern).toContain("PutSecretValue");
    expect(Object.keys(store!.rotationReminderMessage!)).toEqual(["subject", "environment", "secrets", "action", "everyDays"]);
  });

  it("rejects bad props and combinations", () => {
    const build = (extra: Partial<SecretsStoreProps>) => (scope: Construct) => new SecretsStore(scope, "store", { aws: AWS, secrets: SECRETS, ...extra });
    expectPropError(build({ recoveryWindowDays: 3 }), "recoveryWindowDays", "from 7 to 30");
    expectPropError(build({ parameters: [{ id: "stripe", name: "/x", value: "v", description: "d" }] }), "distinct ids", "stripe");
    expectPropError(build({ secrets: [], rotationReminder: { everyDays: 90, topicArn: "t", ruleName: "r", subject: "s", instructions: "i" } }), "rotationReminder", "at least one secret");
    expectPropError(build({ rotationReminder: { everyDays: 0, topicArn: "t", ruleName: "r", subject: "s", instructions: "i" } }), "rotationReminder.everyDays", "from 1 to 365");
  });
});
