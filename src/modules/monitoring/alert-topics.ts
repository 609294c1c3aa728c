import { Construct } from "constructs";
import { TerraformIterator } from "cdktf";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import { check } from "../../core/props";
import { policyDocument, type PolicyStatement } from "../../core/iam";
import { EncryptionKey } from "../../blocks/encryption-key";

/** One topic and who is subscribed by e-mail. */
export interface TopicSpec {
  /** Construct id and key of `topicArns`, e.g. "critical". */
  readonly id: string;
  /** Topic name, e.g. shop-critical. */
  readonly name: string;
  /** E-mail addresses subscribed; may be a Terraform list(string) variable's token. @default [] */
  readonly emails?: string[];
}

export interface AlertTopicsProps {
  /** The topics. Required: at least one. */
  readonly topics: readonly TopicSpec[];
  /**
   * The key the topics are encrypted with: a new key aliased `keyAlias`, or an existing key whose
   * policy lets cloudwatch.amazonaws.com and events.amazonaws.com use it.
   * @default a new key aliased <first topic's name>
   */
  readonly kms?: { readonly keyAlias: string; readonly description?: string } | { readonly existingKeyArn: string };
  /** Account, partition and region. @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
}

/** The services that publish to the topics: CloudWatch alarms and EventBridge rules of this account. */
const PUBLISHERS = [
  { sid: "CloudWatchAlarmsPublish", service: "cloudwatch.amazonaws.com", arnService: "cloudwatch", arnResource: "alarm:*" },
  { sid: "EventBridgeRulesPublish", service: "events.amazonaws.com", arnService: "events", arnResource: "rule/*" },
] as const;

/**
 * Encrypted SNS topics that CloudWatch alarms and EventBridge rules of this account (and only
 * those) may publish to, TLS only, with e-mail subscriptions. Alarms cannot publish to a topic under
 * the AWS-managed alias/aws/sns key, so the key is customer-managed.
 */
export class AlertTopics extends Construct {
  /** Topic ARN by topic id. */
  readonly topicArns: Readonly<Record<string, string>>;
  readonly keyArn: string;
  /** Topic resources by id, for escape-hatch overrides. */
  readonly topics: Readonly<Record<string, SnsTopic>>;

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    check(this, props.topics.length > 0, "topics", "must list at least one topic");
    const ids = props.topics.map((t) => t.id);
    check(this, new Set(ids).size === ids.length, "topics", `must have distinct ids; got ${ids.join(", ")}`);
    const aws = awsContextOf(this, props.aws);
    this.keyArn = props.kms && "existingKeyArn" in props.kms ? props.kms.existingKeyArn : this.createKey(props, aws);
    const topics = props.topics.map((spec) => [spec.id, this.topic(spec, aws)] as const);
    this.topics = Object.fromEntries(topics);
    this.topicArns = Object.fromEntries(topics.map(([topicId, topic]) => [topicId, topic.arn]));
  }

  private createKey(props: AlertTopicsProps, aws: AwsContext): string {
    const kms = props.kms as { keyAlias: string; description?: string } | undefined;
    const alias = kms?.keyAlias ?? props.topics[0].name;
    return new EncryptionKey(this, "key", {
      aws,
      alias,
      description: kms?.description ?? `SNS topic encryption for ${alias}`,
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
    }).arn;
  }

  /** One encrypted topic, its policy and an e-mail subscription per address. */
  private topic(spec: TopicSpec, aws: AwsContext): SnsTopic {
    const kind = spec.id;
    const topic = new SnsTopic(this, kind, { name: spec.name, kmsMasterKeyId: this.keyArn });
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
    const addresses = TerraformIterator.fromList(spec.emails ?? []);
    new SnsTopicSubscription(this, `${kind}-email`, {
      forEach: addresses,
      topicArn: topic.arn,
      protocol: "email",
      endpoint: addresses.value,
    });
    return topic;
  }
}
