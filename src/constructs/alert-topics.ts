import { Construct } from "constructs";
import { TerraformIterator } from "cdktf";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import type { AwsContext } from "../core/aws-context";
import { policyDocument, type PolicyStatement } from "../core/iam";
import { PROJECT } from "../core/naming";
import { EncryptionKey } from "../blocks/encryption-key";

export interface AlertTopicsProps {
  readonly aws: AwsContext;
  /** Environment-scoped prefix (recipe-chatbot-<env>), used for the key alias. */
  readonly namePrefix: string;
  /** E-mail addresses for the alerts topic; may be a Terraform list(string) variable's token. */
  readonly alertEmails: string[];
  /** E-mail addresses for the critical topic; may be a Terraform list(string) variable's token. */
  readonly criticalEmails: string[];
}

/** The services that publish to the topics: CloudWatch alarms and EventBridge rules of this account. */
const PUBLISHERS = [
  { sid: "CloudWatchAlarmsPublish", service: "cloudwatch.amazonaws.com", arnService: "cloudwatch", arnResource: "alarm:*" },
  { sid: "EventBridgeRulesPublish", service: "events.amazonaws.com", arnService: "events", arnResource: "rule/*" },
] as const;

/**
 * The guide's two notification topics: recipe-chatbot-alerts (degradation, audit notices) and
 * recipe-chatbot-critical (outage: no healthy hosts, too few tasks). The names carry no environment
 * because each environment lives in its own AWS account. Both are encrypted with one customer-managed
 * key; alarms cannot publish to a topic under the AWS-managed alias/aws/sns key at all.
 */
export class AlertTopics extends Construct {
  readonly alertsTopicArn: string;
  readonly criticalTopicArn: string;
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    const { aws } = props;
    const key = new EncryptionKey(this, "key", {
      aws,
      alias: `${props.namePrefix}-alerts`,
      description: `SNS alert topic encryption for ${props.namePrefix}`,
      usage: [
        {
          // SNS encrypts each published message with a data key made under the publisher's
          // permissions, so every publishing service needs these two actions on the key.
          sid: "AlarmPublishersUseKey",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: PUBLISHERS.map((p) => p.service) }],
          actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
          resources: ["*"],
        },
      ],
    });
    this.keyArn = key.arn;
    this.alertsTopicArn = this.topic("alerts", key.arn, props.alertEmails, aws);
    this.criticalTopicArn = this.topic("critical", key.arn, props.criticalEmails, aws);
  }

  /** One encrypted topic, its policy and an e-mail subscription per address; returns the topic ARN. */
  private topic(kind: string, keyArn: string, emails: string[], aws: AwsContext): string {
    const topic = new SnsTopic(this, kind, { name: `${PROJECT}-${kind}`, kmsMasterKeyId: keyArn });
    const publish = (sid: string, effect: "Allow" | "Deny"): PolicyStatement => ({
      sid,
      effect,
      actions: ["sns:Publish"],
      resources: [topic.arn],
    });
    const policy = policyDocument(this, `${kind}-policy-document`, [
      ...PUBLISHERS.map((p) => ({
        ...publish(p.sid, "Allow"),
        principals: [{ type: "Service", identifiers: [p.service] }],
        // Confused-deputy guard: only this account's alarms and rules may publish.
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [aws.accountId] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: [`arn:${aws.partition}:${p.arnService}:${aws.region}:${aws.accountId}:${p.arnResource}`],
          },
        ],
      })),
      {
        ...publish("DenyInsecureTransport", "Deny"),
        principals: [{ type: "AWS", identifiers: ["*"] }],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ]);
    new SnsTopicPolicy(this, `${kind}-policy`, { arn: topic.arn, policy: policy.json });
    // for_each over the set of addresses (keyed by address), so the list can be a Terraform
    // variable and adding or removing one address leaves the other subscriptions alone.
    const addresses = TerraformIterator.fromList(emails);
    new SnsTopicSubscription(this, `${kind}-email`, {
      forEach: addresses,
      topicArn: topic.arn,
      protocol: "email",
      endpoint: addresses.value,
    });
    return topic.arn;
  }
}
