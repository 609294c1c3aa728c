import { Construct } from "constructs";
import { Fn, Token } from "cdktf";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyDetectorFeature } from "@cdktf/provider-aws/lib/guardduty-detector-feature";
import { Wafv2WebAcl, type Wafv2WebAclRule } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import type { AwsContext } from "../core/aws-context";
import { policyDocument } from "../core/iam";
import { EncryptedLogGroup } from "../blocks/encrypted-log-group";

/**
 * "count" evaluates every rule but only counts matches: the first rollout in an environment runs in
 * count mode so false positives show up in the WAF logs before anything real is blocked.
 */
export type WafMode = "block" | "count";

export interface EdgeProtectionProps {
  readonly aws: AwsContext;
  readonly namePrefix: string;
  /** The Application Load Balancer the web ACL protects. */
  readonly loadBalancerArn: string;
  readonly waf: {
    readonly mode: WafMode;
    /** Requests one client IP may send per five-minute window before the rate rule acts. */
    readonly rateLimitPerFiveMinutes: number;
  };
  /** The WAF log group; the key's policy must let logs.<region>.amazonaws.com use it (logsKeyUsage). */
  readonly logs: { readonly retentionInDays: number; readonly kmsKeyArn: string };
  /** SNS topic for high-severity GuardDuty findings; its policy must allow events.amazonaws.com. */
  readonly criticalTopicArn: string;
}

/** WAF only delivers to CloudWatch log groups whose names start with this. */
const WAF_LOG_GROUP_PREFIX = "aws-waf-logs-";

/**
 * The rate rule's window. WAF counts requests over 300 s by default, which is what the
 * "per five minutes" limit in the config means; stating it keeps the two in step.
 */
const RATE_LIMIT_WINDOW_SECONDS = 300;

/** The smallest limit WAF accepts for a rate-based rule. */
const MIN_RATE_LIMIT = 10;

/**
 * Rule order: the cheap rate limit first so floods are cut before the managed groups are
 * evaluated (and billed per request), then IP reputation (drops known bad sources outright), then
 * the payload inspections. Gaps of 10 leave room to insert rules without renumbering.
 */
const PRIORITY = {
  rateLimit: 0,
  ipReputation: 10,
  knownBadInputs: 20,
  commonRuleSet: 30,
  sqlInjection: 40,
} as const;

/** AWS managed rule groups (vendor AWS), with the priority and metric suffix of each. */
const MANAGED_RULE_GROUPS = [
  { name: "AWSManagedRulesAmazonIpReputationList", priority: PRIORITY.ipReputation, metric: "ip-reputation" },
  // Blocks Log4Shell (CVE-2021-44228) and similar exploit payloads (policy rule RC-WAF-003).
  { name: "AWSManagedRulesKnownBadInputsRuleSet", priority: PRIORITY.knownBadInputs, metric: "known-bad-inputs" },
  // The OWASP-Top-10-style core rule set the guide's "Network Security" section asks for.
  { name: "AWSManagedRulesCommonRuleSet", priority: PRIORITY.commonRuleSet, metric: "common-rule-set" },
  { name: "AWSManagedRulesSQLiRuleSet", priority: PRIORITY.sqlInjection, metric: "sqli-rule-set" },
] as const;

/**
 * Headers that carry credentials (bearer tokens, session cookies): redacted so WAF logs never
 * become a store of secrets. WAF requires single-header names in lower case.
 */
const REDACTED_HEADERS = ["authorization", "cookie"];

/** GuardDuty severities 7.0-8.9 are "High" (9+ "Critical"); lower ones go to the console only. */
const HIGH_SEVERITY = 7;

/** Findings reach EventBridge (and so the on-call topic) every 15 minutes, the shortest interval. */
const FINDING_PUBLISHING_FREQUENCY = "FIFTEEN_MINUTES";

/** Per-rule CloudWatch metrics and sampled requests: what a false-positive investigation needs. */
function visibility(metricName: string) {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/**
 * The edge of the service: a WAF web ACL on the ALB (AWS managed rule groups plus a per-IP rate
 * limit, logged to an encrypted log group with credentials redacted), and GuardDuty with Fargate
 * runtime monitoring whose high-severity findings page the critical topic.
 */
export class EdgeProtection extends Construct {
  readonly webAclArn: string;
  readonly webAclName: string;
  readonly detectorId: string;
  readonly wafLogGroupName: string;

  constructor(scope: Construct, id: string, props: EdgeProtectionProps) {
    super(scope, id);
    const { aws, namePrefix, waf } = props;
    const limit = waf.rateLimitPerFiveMinutes;
    if (!Token.isUnresolved(limit) && (!Number.isInteger(limit) || limit < MIN_RATE_LIMIT)) {
      throw new Error(`waf.rateLimitPerFiveMinutes must be an integer >= ${MIN_RATE_LIMIT}, got ${limit}`);
    }
    const blocking = waf.mode === "block";

    // `statement` is untyped in the provider bindings (too deeply recursive to generate), so it is
    // written in Terraform's own snake_case shape; everything around it is typed.
    const managedRules: Wafv2WebAclRule[] = MANAGED_RULE_GROUPS.map((group) => ({
      name: group.name,
      priority: group.priority,
      // A rule group's own actions apply with `none`; `count` overrides them all to count-only.
      overrideAction: blocking ? { none: {} } : { count: {} },
      statement: { managed_rule_group_statement: { vendor_name: "AWS", name: group.name } },
      visibilityConfig: visibility(`${namePrefix}-${group.metric}`),
    }));
    const rateLimitRule: Wafv2WebAclRule = {
      name: "rate-limit-per-ip",
      priority: PRIORITY.rateLimit,
      action: blocking ? { block: {} } : { count: {} },
      statement: {
        rate_based_statement: {
          aggregate_key_type: "IP",
          limit,
          evaluation_window_sec: RATE_LIMIT_WINDOW_SECONDS,
        },
      },
      visibilityConfig: visibility(`${namePrefix}-rate-limit-per-ip`),
    };

    const acl = new Wafv2WebAcl(this, "web-acl", {
      name: `${namePrefix}-web-acl`,
      description: `Managed rule groups and a per-IP rate limit in front of the ${namePrefix} load balancer`,
      scope: "REGIONAL",
      // The rules decide what to stop; everything they do not match is ordinary traffic.
      defaultAction: { allow: {} },
      rule: [rateLimitRule, ...managedRules],
      visibilityConfig: visibility(`${namePrefix}-web-acl`),
    });
    new Wafv2WebAclAssociation(this, "association", { resourceArn: props.loadBalancerArn, webAclArn: acl.arn });

    const logGroup = new EncryptedLogGroup(this, "waf-log-group", {
      name: `${WAF_LOG_GROUP_PREFIX}${namePrefix}`,
      retentionInDays: props.logs.retentionInDays,
      kmsKeyArn: props.logs.kmsKeyArn,
    });
    // WAF writes to CloudWatch Logs through the log delivery service, which needs a log group
    // resource policy. Confused-deputy guard: only deliveries for this account and region.
    const delivery = policyDocument(this, "waf-log-delivery", [
      {
        sid: "WafLogDelivery",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["delivery.logs.amazonaws.com"] }],
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${logGroup.arn}:log-stream:*`],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [aws.accountId] },
          { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:${aws.partition}:logs:${aws.region}:${aws.accountId}:*`] },
        ],
      },
    ]);
    const deliveryPolicy = new CloudwatchLogResourcePolicy(this, "waf-log-delivery-policy", {
      policyName: `${namePrefix}-waf-log-delivery`,
      policyDocument: delivery.json,
    });
    new Wafv2WebAclLoggingConfiguration(this, "logging", {
      resourceArn: acl.arn,
      logDestinationConfigs: [logGroup.arn],
      redactedFields: REDACTED_HEADERS.map((name) => ({ singleHeader: { name } })),
      // Without the policy in place first, WAF cannot set up delivery and rejects the configuration.
      dependsOn: [deliveryPolicy],
    });

    const detector = new GuarddutyDetector(this, "guardduty", {
      enable: true,
      findingPublishingFrequency: FINDING_PUBLISHING_FREQUENCY,
    });
    // Runtime monitoring sees process, file and network activity inside the Fargate tasks; with
    // agent management GuardDuty injects and updates its sidecar agent itself.
    new GuarddutyDetectorFeature(this, "runtime-monitoring", {
      detectorId: detector.id,
      name: "RUNTIME_MONITORING",
      status: "ENABLED",
      additionalConfiguration: [{ name: "ECS_FARGATE_AGENT_MANAGEMENT", status: "ENABLED" }],
    });
    const findings = new CloudwatchEventRule(this, "high-severity-findings", {
      name: `${namePrefix}-guardduty-high-severity`,
      description: `GuardDuty findings of severity ${HIGH_SEVERITY} or more (High and Critical)`,
      eventPattern: Fn.jsonencode({
        source: ["aws.guardduty"],
        "detail-type": ["GuardDuty Finding"],
        detail: { severity: [{ numeric: [">=", HIGH_SEVERITY] }] },
      }),
    });
    new CloudwatchEventTarget(this, "high-severity-findings-target", {
      rule: findings.name,
      arn: props.criticalTopicArn,
    });

    this.webAclArn = acl.arn;
    this.webAclName = acl.name;
    this.detectorId = detector.id;
    this.wafLogGroupName = logGroup.name;
  }
}
