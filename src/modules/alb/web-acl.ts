import { Construct } from "constructs";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { Wafv2WebAcl, type Wafv2WebAclRule } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import { LOG_RETENTION_DAYS } from "../../core/aws-limits";
import { check, checkOneOf } from "../../core/props";
import { policyDocument } from "../../core/iam";
import { EncryptedLogGroup } from "../../blocks/encrypted-log-group";

/**
 * "count" evaluates every rule but only counts matches: the first rollout in an environment runs in
 * count mode so false positives show up in the WAF logs before anything real is blocked.
 */
export type WafMode = "block" | "count";

export const WAF_MODES: readonly WafMode[] = ["block", "count"];

export interface WebAclProps {
  /** Prefix of the web ACL's name, its metrics and its log group. Required: names are unique per account and region. */
  readonly namePrefix: string;
  /** The load balancer the web ACL protects. Required. */
  readonly loadBalancerArn: string;
  /** Whether matching requests are blocked or only counted. @default "block" */
  readonly mode?: WafMode;
  /** Requests one client IP may send per five-minute window before the rate rule acts (10 to 2,000,000,000). @default 2000 */
  readonly rateLimitPerFiveMinutes?: number;
  /** Days the WAF logs are kept. @default 30 */
  readonly logRetentionInDays?: number;
  /**
   * URI path prefixes (e.g. `/api/`) whose requests may carry bodies over the common rule set's 8 KB
   * limit (SizeRestrictions_BODY): that rule only counts (and labels) in the rule group, and a rule
   * right after it blocks labelled requests outside these paths. Chat requests with a long history
   * exceed 8 KB and would otherwise be blocked.
   * @default none: the 8 KB limit blocks everywhere
   */
  readonly largeBodyPathPrefixes?: readonly string[];
  /** Customer-managed key of the WAF log group. @default a new key for the WAF logs */
  readonly logKmsKeyArn?: string;
  /** Account, partition and region. @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
}

/** WAF only delivers to CloudWatch log groups whose names start with this. */
const WAF_LOG_GROUP_PREFIX = "aws-waf-logs-";

/**
 * The rate rule's window. WAF counts requests over 300 s by default, which is what the
 * "per five minutes" limit in the config means; stating it keeps the two in step.
 */
const RATE_LIMIT_WINDOW_SECONDS = 300;

/** The limits WAF accepts for a rate-based rule. */
const RATE_LIMIT = { min: 10, max: 2_000_000_000 };

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
  oversizedBody: 35,
  sqlInjection: 40,
} as const;

/** The common rule set's body size rule, and the label it adds to a request it matches. */
const BODY_SIZE_RULE = "SizeRestrictions_BODY";
const BODY_SIZE_LABEL = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";

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

/**
 * Blocks (or counts) requests the common rule set labelled as over its body size limit, unless
 * their path starts with one of `paths`: the size rule keeps protecting everything but the chat API.
 */
function oversizedBodyRule(namePrefix: string, paths: readonly string[], blocking: boolean): Wafv2WebAclRule {
  const startsWith = (path: string) => ({
    byte_match_statement: {
      search_string: path,
      field_to_match: { uri_path: {} },
      positional_constraint: "STARTS_WITH",
      text_transformation: [{ priority: 0, type: "NONE" }],
    },
  });
  const allowedPaths = paths.length === 1 ? startsWith(paths[0]) : { or_statement: { statement: paths.map(startsWith) } };
  return {
    name: "oversized-body-outside-large-body-paths",
    priority: PRIORITY.oversizedBody,
    action: blocking ? { block: {} } : { count: {} },
    statement: {
      and_statement: {
        statement: [{ label_match_statement: { scope: "LABEL", key: BODY_SIZE_LABEL } }, { not_statement: { statement: [allowedPaths] } }],
      },
    },
    visibilityConfig: visibility(`${namePrefix}-oversized-body`),
  };
}

/** Per-rule CloudWatch metrics and sampled requests: what a false-positive investigation needs. */
function visibility(metricName: string) {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/**
 * A WAF web ACL on a load balancer: AWS managed rule groups (IP reputation, known bad inputs, the
 * core rule set, SQL injection) behind a per-IP rate limit, logged to an encrypted log group with
 * credentials redacted.
 */
export class WebAcl extends Construct {
  readonly webAclArn: string;
  readonly webAclName: string;
  readonly logGroupName: string;
  /** The web ACL resource, for escape-hatch overrides. */
  readonly webAcl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const { namePrefix } = props;
    const aws = awsContextOf(this, props.aws);
    const mode = props.mode ?? "block";
    checkOneOf(this, "mode", mode, WAF_MODES);
    const limit = props.rateLimitPerFiveMinutes ?? 2000;
    check(this, Number.isInteger(limit) && limit >= RATE_LIMIT.min && limit <= RATE_LIMIT.max, "rateLimitPerFiveMinutes", `must be an integer from ${RATE_LIMIT.min} to ${RATE_LIMIT.max}; got ${limit}`, limit);
    const retention = props.logRetentionInDays ?? 30;
    checkOneOf(this, "logRetentionInDays", retention, LOG_RETENTION_DAYS as readonly number[]);
    const blocking = mode === "block";

    // `statement` is untyped in the provider bindings (too deeply recursive to generate), so it is
    // written in Terraform's own snake_case shape; everything around it is typed.
    const largeBodyPaths = props.largeBodyPathPrefixes ?? [];
    for (const prefix of largeBodyPaths) check(this, /^\/[!-~]*$/.test(prefix), "largeBodyPathPrefixes", `must be URI paths starting with "/"; got ${JSON.stringify(prefix)}`, prefix);
    const managedRules: Wafv2WebAclRule[] = MANAGED_RULE_GROUPS.map((group) => ({
      name: group.name,
      priority: group.priority,
      // A rule group's own actions apply with `none`; `count` overrides them all to count-only.
      overrideAction: blocking ? { none: {} } : { count: {} },
      statement: {
        managed_rule_group_statement: {
          vendor_name: "AWS",
          name: group.name,
          // The body size rule only labels here; oversizedBodyRule decides by path.
          ...(group.name === "AWSManagedRulesCommonRuleSet" && largeBodyPaths.length > 0
            ? { rule_action_override: [{ name: BODY_SIZE_RULE, action_to_use: { count: {} } }] }
            : {}),
        },
      },
      visibilityConfig: visibility(`${namePrefix}-${group.metric}`),
    }));
    if (largeBodyPaths.length > 0) managedRules.splice(MANAGED_RULE_GROUPS.findIndex((g) => g.priority > PRIORITY.oversizedBody), 0, oversizedBodyRule(namePrefix, largeBodyPaths, blocking));
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
      aws,
      name: `${WAF_LOG_GROUP_PREFIX}${namePrefix}`,
      retentionInDays: retention,
      kmsKeyArn: props.logKmsKeyArn,
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

    this.webAclArn = acl.arn;
    this.webAclName = acl.name;
    this.webAcl = acl;
    this.logGroupName = logGroup.name;
  }
}
