import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { lookUpAwsContext } from "../src/core/aws-context";
import { AlertTopics } from "../src/modules/monitoring/alert-topics";
import { PolicyGuard } from "../src/policy/policy-guard";
import { dataAt, refTo, resourceAt, resourcesOf, synthEnvironment, type SynthesizedStack } from "./support/stacks";
import { ReadableStack } from "../src/core/readable-stack";

/**
 * A stack holding only AlertTopics with the props the Recipe Chatbot gives it (the guide's two
 * topics under one key aliased per environment), fed e-mail lists from Terraform variables as the
 * chatbot's DeployVariables does. The chatbot's own names are checked on the real stack below.
 */
function topicsStack(): TerraformStack {
  const stack = new ReadableStack(Testing.app(), "alert-topics-test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const emails = (name: string) => new TerraformVariable(stack, name, { type: "list(string)", default: [] }).listValue;
  const topics = new AlertTopics(stack, "alerts", {
    aws: lookUpAwsContext(stack, "us-east-1"),
    kms: { keyAlias: "recipe-chatbot-prod-alerts", description: "SNS alert topic encryption for recipe-chatbot-prod" },
    topics: [
      { id: "alerts", name: "recipe-chatbot-alerts", emails: emails("alert_emails") },
      { id: "critical", name: "recipe-chatbot-critical", emails: emails("critical_emails") },
    ],
  });
  // Outputs show what the readonly fields resolve to.
  new TerraformOutput(stack, "exposed", { value: { alerts: topics.topicArns.alerts, critical: topics.topicArns.critical, key: topics.keyArn } });
  return stack;
}

const s = JSON.parse(Testing.synth(topicsStack())) as SynthesizedStack;
const identity = "${data.aws_caller_identity.caller_identity.account_id}";
const partition = "${data.aws_partition.partition.partition}";

describe("the Recipe Chatbot's alert topics (guide: Monitoring Dashboard notifications)", () => {
  const prod = synthEnvironment("prod");

  it("creates exactly the guide's two topics, recipe-chatbot-alerts and recipe-chatbot-critical", () => {
    expect(resourcesOf(prod, "aws_sns_topic").map(([, t]) => t.name).sort()).toEqual(["recipe-chatbot-alerts", "recipe-chatbot-critical"]);
  });

  it.each(["alerts", "critical"])("encrypts the %s topic with one rotating key aliased per environment", (kind) => {
    expect(resourceAt(prod, "aws_sns_topic", `app/alert-topics/${kind}`).kms_master_key_id).toBe(refTo(prod, "aws_kms_key", "app/alert-topics/key/key", "arn"));
    expect(resourceAt(prod, "aws_kms_key", "app/alert-topics/key/key")).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(resourceAt(prod, "aws_kms_alias", "app/alert-topics/key/alias").name).toBe("alias/recipe-chatbot-prod-alerts");
  });

  it.each([
    ["alerts", "alert_emails"],
    ["critical", "critical_emails"],
  ])("subscribes the %s topic to every address of the deploy input var.%s", (kind, variable) => {
    expect(resourceAt(prod, "aws_sns_topic_subscription", `app/alert-topics/${kind}-email`)).toMatchObject({
      for_each: `\${toset(var.${variable})}`,
      protocol: "email",
    });
  });
});

describe("AlertTopics (guide: Monitoring Dashboard notifications)", () => {
  it("creates exactly the two topics it is given", () => {
    expect(resourcesOf(s, "aws_sns_topic").map(([, t]) => t.name).sort()).toEqual(["recipe-chatbot-alerts", "recipe-chatbot-critical"]);
  });

  it.each(["alerts", "critical"])("encrypts the %s topic with the construct's own rotating customer-managed key", (kind) => {
    expect(resourceAt(s, "aws_sns_topic", `alerts/${kind}`).kms_master_key_id).toBe(refTo(s, "aws_kms_key", "alerts/key/key", "arn"));
  });

  it("uses one rotating key for both topics, under the alias it is given", () => {
    expect(resourcesOf(s, "aws_kms_key")).toHaveLength(1);
    expect(resourceAt(s, "aws_kms_key", "alerts/key/key")).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(resourceAt(s, "aws_kms_alias", "alerts/key/alias").name).toBe("alias/recipe-chatbot-prod-alerts");
  });

  it("lets CloudWatch and EventBridge use the key (Decrypt, GenerateDataKey*) so alarms and rules can publish", () => {
    const statements = dataAt(s, "aws_iam_policy_document", "alerts/key/policy").statement;
    expect(statements.find((st: any) => st.sid === "AlarmPublishersUseKey")).toEqual({
      sid: "AlarmPublishersUseKey",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] }],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
    });
  });

  describe.each(["alerts", "critical"])("%s topic policy", (kind) => {
    const topicArn = refTo(s, "aws_sns_topic", `alerts/${kind}`, "arn");
    const statements: any[] = dataAt(s, "aws_iam_policy_document", `alerts/${kind}-policy-document`).statement;

    it("is attached to the topic from an aws_iam_policy_document", () => {
      const documents = s.data!.aws_iam_policy_document;
      const document = Object.keys(documents).find((name) => documents[name] === dataAt(s, "aws_iam_policy_document", `alerts/${kind}-policy-document`));
      expect(resourceAt(s, "aws_sns_topic_policy", `alerts/${kind}-policy`)).toEqual({
        arn: topicArn,
        policy: `\${data.aws_iam_policy_document.${document}.json}`,
      });
    });

    it.each([
      ["CloudWatchAlarmsPublish", "cloudwatch.amazonaws.com", `arn:${partition}:cloudwatch:us-east-1:${identity}:alarm:*`],
      ["EventBridgeRulesPublish", "events.amazonaws.com", `arn:${partition}:events:us-east-1:${identity}:rule/*`],
    ])("%s: %s may publish, only from this account's alarms or rules", (sid, service, sourceArn) => {
      expect(statements.find((st) => st.sid === sid)).toEqual({
        sid,
        effect: "Allow",
        actions: ["sns:Publish"],
        resources: [topicArn],
        principals: [{ type: "Service", identifiers: [service] }],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [identity] },
          { test: "ArnLike", variable: "aws:SourceArn", values: [sourceArn] },
        ],
      });
    });

    it("denies sns:Publish to everyone without TLS", () => {
      expect(statements.find((st) => st.sid === "DenyInsecureTransport")).toEqual({
        sid: "DenyInsecureTransport",
        effect: "Deny",
        actions: ["sns:Publish"],
        resources: [topicArn],
        principals: [{ type: "AWS", identifiers: ["*"] }],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      });
    });

    it("has no other statement", () => {
      expect(statements).toHaveLength(3);
    });
  });

  it.each([
    ["alerts", "alert_emails"],
    ["critical", "critical_emails"],
  ])("%s topic: subscribes every address of var.%s by e-mail, one for_each instance per address", (kind, variable) => {
    expect(resourceAt(s, "aws_sns_topic_subscription", `alerts/${kind}-email`)).toEqual({
      for_each: `\${toset(var.${variable})}`,
      topic_arn: refTo(s, "aws_sns_topic", `alerts/${kind}`, "arn"),
      protocol: "email",
      endpoint: "${each.value}",
    });
  });

  it("accepts a literal list of addresses too", () => {
    const literal = new ReadableStack(Testing.app(), "literal-emails");
    new AwsProvider(literal, "aws", { region: "us-east-1" });
    new AlertTopics(literal, "alerts", {
      aws: lookUpAwsContext(literal, "us-east-1"),
      kms: { keyAlias: "recipe-chatbot-dev-alerts" },
      topics: [
        { id: "alerts", name: "recipe-chatbot-alerts", emails: ["ops@example.com", "dev@example.com"] },
        { id: "critical", name: "recipe-chatbot-critical", emails: [] },
      ],
    });
    const synthesized = JSON.parse(Testing.synth(literal)) as SynthesizedStack;
    expect(resourceAt(synthesized, "aws_sns_topic_subscription", "alerts/alerts-email").for_each).toBe(
      '${toset(["ops@example.com", "dev@example.com"])}',
    );
    expect(resourceAt(synthesized, "aws_sns_topic_subscription", "alerts/critical-email").for_each).toBe("${toset([])}");
  });

  it("passes the policy guard (CMK encryption, TLS-only topic policy, key rotation) with no suppression", () => {
    const evaluation = new PolicyGuard().evaluate(topicsStack());
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.appliedSuppressions).toEqual([]);
    expect(evaluation.unverifiable).toEqual([]);
  });

  it("exposes the topic and key ARNs as references", () => {
    expect(s.output!.exposed.value).toEqual({
      alerts: refTo(s, "aws_sns_topic", "alerts/alerts", "arn"),
      critical: refTo(s, "aws_sns_topic", "alerts/critical", "arn"),
      key: refTo(s, "aws_kms_key", "alerts/key/key", "arn"),
    });
  });
});
