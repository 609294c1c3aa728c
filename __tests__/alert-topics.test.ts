import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { lookUpAwsContext } from "../src/core/aws-context";
import { AlertTopics } from "../src/constructs/alert-topics";
import { PolicyGuard } from "../src/policy/policy-guard";
import { dataAt, refTo, resourceAt, resourcesOf, type SynthesizedStack } from "./support/stacks";

/** A stack holding only AlertTopics, fed e-mail lists from Terraform variables as the lead does. */
function topicsStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "alert-topics-test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const emails = (name: string) => new TerraformVariable(stack, name, { type: "list(string)", default: [] }).listValue;
  const topics = new AlertTopics(stack, "alerts", {
    aws: lookUpAwsContext(stack, "us-east-1"),
    namePrefix: "recipe-chatbot-prod",
    alertEmails: emails("alert_emails"),
    criticalEmails: emails("critical_emails"),
  });
  // Outputs show what the readonly fields resolve to.
  new TerraformOutput(stack, "exposed", { value: { alerts: topics.alertsTopicArn, critical: topics.criticalTopicArn, key: topics.keyArn } });
  return stack;
}

const s = JSON.parse(Testing.synth(topicsStack())) as SynthesizedStack;
const identity = "${data.aws_caller_identity.caller-identity.account_id}";
const partition = "${data.aws_partition.partition.partition}";

describe("AlertTopics (guide: Monitoring Dashboard notifications)", () => {
  it("creates exactly the guide's two topics, recipe-chatbot-alerts and recipe-chatbot-critical", () => {
    expect(resourcesOf(s, "aws_sns_topic").map(([, t]) => t.name).sort()).toEqual(["recipe-chatbot-alerts", "recipe-chatbot-critical"]);
  });

  it.each(["alerts", "critical"])("encrypts the %s topic with the construct's own rotating customer-managed key", (kind) => {
    expect(resourceAt(s, "aws_sns_topic", `alerts/${kind}`).kms_master_key_id).toBe(refTo(s, "aws_kms_key", "alerts/key/key", "arn"));
  });

  it("uses one rotating key aliased per environment", () => {
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
    const literal = new TerraformStack(Testing.app(), "literal-emails");
    new AwsProvider(literal, "aws", { region: "us-east-1" });
    new AlertTopics(literal, "alerts", {
      aws: lookUpAwsContext(literal, "us-east-1"),
      namePrefix: "recipe-chatbot-dev",
      alertEmails: ["ops@example.com", "dev@example.com"],
      criticalEmails: [],
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
