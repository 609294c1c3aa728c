import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { lookUpAwsContext } from "../src/core/aws-context";
import { GuardDuty } from "../src/account/guard-duty";
import { InvalidPropsError } from "../src/core/props";
import { WebAcl, type WafMode } from "../src/modules/alb/web-acl";
import { PolicyGuard } from "../src/policy/policy-guard";
import { dataAt, refTo, resourceAt, synthEnvironment, type SynthesizedStack } from "./support/stacks";
import { ReadableStack } from "../src/core/readable-stack";

const ALB_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/test-alb/0123456789abcdef";
const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:test-critical";
const RATE_LIMIT = 2000;
const MANAGED_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesAmazonIpReputationList",
  "AWSManagedRulesSQLiRuleSet",
];

/**
 * The web ACL on a load balancer and GuardDuty with its findings rule, side by side as the
 * Recipe Chatbot composes them (WebAcl under the ApplicationLoadBalancer, GuardDuty under the
 * AccountBaseline); both were EdgeProtection before.
 */
function buildStack(mode: WafMode): TerraformStack {
  const stack = new ReadableStack(Testing.app(), `edge-${mode}`);
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  new WebAcl(stack, "waf", {
    aws: lookUpAwsContext(stack, "us-east-1"),
    namePrefix: "test-app",
    loadBalancerArn: ALB_ARN,
    mode,
    rateLimitPerFiveMinutes: RATE_LIMIT,
    logRetentionInDays: 30,
    logKmsKeyArn: KEY_ARN,
  });
  new GuardDuty(stack, "guardduty", { detector: "create", namePrefix: "test-app", findingsTopicArn: TOPIC_ARN });
  return stack;
}

const synth = (mode: WafMode) => JSON.parse(Testing.synth(buildStack(mode))) as SynthesizedStack;
const block = synth("block");
const count = synth("count");

const rules = (stack: SynthesizedStack): Record<string, any>[] => resourceAt(stack, "aws_wafv2_web_acl", "waf/web-acl").rule;
const ruleNamed = (stack: SynthesizedStack, name: string) => rules(stack).find((r) => r.name === name)!;
const managedRule = (stack: SynthesizedStack, group: string) =>
  rules(stack).find((r) => r.statement?.managed_rule_group_statement?.name === group)!;

describe("WebAcl: web ACL", () => {
  it("is a regional ACL named after the prefix, allowing by default, with metrics and sampling", () => {
    expect(resourceAt(block, "aws_wafv2_web_acl", "waf/web-acl")).toMatchObject({
      name: "test-app-web-acl",
      scope: "REGIONAL",
      default_action: { allow: {} },
      visibility_config: { cloudwatch_metrics_enabled: true, sampled_requests_enabled: true, metric_name: "test-app-web-acl" },
    });
  });

  it("uses the four AWS managed rule groups", () => {
    const groups = rules(block).flatMap((r) => (r.statement?.managed_rule_group_statement ? [r.statement.managed_rule_group_statement] : []));
    expect(groups).toHaveLength(MANAGED_GROUPS.length);
    for (const name of MANAGED_GROUPS) expect(groups).toContainEqual({ vendor_name: "AWS", name });
  });

  it.each(MANAGED_GROUPS)("%s: override none in block mode, count in count mode, no own action", (group) => {
    expect(managedRule(block, group).override_action).toEqual({ none: {} });
    expect(managedRule(count, group).override_action).toEqual({ count: {} });
    expect(managedRule(block, group).action).toBeUndefined();
  });

  it("blocks bodies over the common rule set's 8 KB everywhere by default, and for the app everywhere but its chat API", () => {
    // Default (no largeBodyPathPrefixes): the managed size rule acts as AWS ships it.
    expect(managedRule(block, "AWSManagedRulesCommonRuleSet").statement.managed_rule_group_statement).not.toHaveProperty("rule_action_override");
    expect(ruleNamed(block, "oversized-body-outside-large-body-paths")).toBeUndefined();
    // The Recipe Chatbot: SizeRestrictions_BODY only labels, and a rule right after blocks labelled requests outside /api/.
    const prod = synthEnvironment("prod");
    const acl = Object.values(prod.resource.aws_wafv2_web_acl)[0] as { rule: Record<string, any>[] };
    const common = acl.rule.find((r) => r.statement?.managed_rule_group_statement?.name === "AWSManagedRulesCommonRuleSet")!;
    expect(common.statement.managed_rule_group_statement.rule_action_override).toEqual([{ name: "SizeRestrictions_BODY", action_to_use: { count: {} } }]);
    const oversized = acl.rule.find((r) => r.name === "oversized-body-outside-large-body-paths")!;
    expect(oversized.priority).toBeGreaterThan(common.priority);
    expect(oversized.action).toEqual({ block: {} });
    expect(oversized.statement).toEqual({
      and_statement: {
        statement: [
          { label_match_statement: { scope: "LABEL", key: "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body" } },
          {
            not_statement: {
              statement: [
                { byte_match_statement: { search_string: "/api/", field_to_match: { uri_path: {} }, positional_constraint: "STARTS_WITH", text_transformation: [{ priority: 0, type: "NONE" }] } },
              ],
            },
          },
        ],
      },
    });
  });

  it("rejects a large-body path that is not a URI path, naming the prop", () => {
    const stack = new ReadableStack(Testing.app(), "edge-bad-path");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    expect(() => new WebAcl(stack, "waf", { namePrefix: "x", loadBalancerArn: ALB_ARN, largeBodyPathPrefixes: ["api/"] })).toThrow(/largeBodyPathPrefixes/);
  });

  it("rate-limits per client IP with the configured limit, blocking or counting per mode", () => {
    const statement = { rate_based_statement: { aggregate_key_type: "IP", limit: RATE_LIMIT, evaluation_window_sec: 300 } };
    expect(ruleNamed(block, "rate-limit-per-ip")).toMatchObject({ statement, action: { block: {} } });
    expect(ruleNamed(count, "rate-limit-per-ip")).toMatchObject({ statement, action: { count: {} } });
    expect(ruleNamed(block, "rate-limit-per-ip").override_action).toBeUndefined();
  });

  it("gives every rule an explicit, distinct priority and its own metric with sampling", () => {
    const all = rules(block);
    expect(all).toHaveLength(MANAGED_GROUPS.length + 1);
    const priorities = all.map((r) => r.priority);
    expect(priorities.every((p) => typeof p === "number")).toBe(true);
    expect(new Set(priorities).size).toBe(all.length);
    const metrics = all.map((r) => r.visibility_config.metric_name);
    expect(new Set(metrics).size).toBe(all.length);
    for (const rule of all) {
      expect(rule.visibility_config).toMatchObject({ cloudwatch_metrics_enabled: true, sampled_requests_enabled: true });
      expect(rule.visibility_config.metric_name).toMatch(/^test-app-[A-Za-z0-9_-]+$/);
    }
  });

  it("rejects a rate limit below WAF's minimum, naming the prop and the allowed range", () => {
    const build = () =>
      new WebAcl(new ReadableStack(Testing.app(), "bad"), "waf", {
        aws: { accountId: "123456789012", partition: "aws", region: "us-east-1" },
        namePrefix: "x",
        loadBalancerArn: ALB_ARN,
        mode: "block",
        rateLimitPerFiveMinutes: 5,
        logRetentionInDays: 30,
        logKmsKeyArn: KEY_ARN,
      });
    expect(build).toThrow(InvalidPropsError);
    expect(build).toThrow("WebAcl at bad/waf: rateLimitPerFiveMinutes must be an integer from 10 to 2000000000; got 5");
  });

  it("is associated with the load balancer", () => {
    expect(resourceAt(block, "aws_wafv2_web_acl_association", "waf/association")).toEqual({
      resource_arn: ALB_ARN,
      web_acl_arn: refTo(block, "aws_wafv2_web_acl", "waf/web-acl", "arn"),
    });
  });
});

describe("WebAcl: WAF logging", () => {
  it("writes to an encrypted, expiring aws-waf-logs- log group", () => {
    expect(resourceAt(block, "aws_cloudwatch_log_group", "waf/waf-log-group/group")).toEqual({
      name: "aws-waf-logs-test-app",
      retention_in_days: 30,
      kms_key_id: KEY_ARN,
    });
  });

  it("logs the ACL with the authorization and cookie headers redacted, after the delivery policy exists", () => {
    const logging = resourceAt(block, "aws_wafv2_web_acl_logging_configuration", "waf/logging");
    expect(logging).toMatchObject({
      resource_arn: refTo(block, "aws_wafv2_web_acl", "waf/web-acl", "arn"),
      log_destination_configs: [refTo(block, "aws_cloudwatch_log_group", "waf/waf-log-group/group", "arn")],
      redacted_fields: [{ single_header: { name: "authorization" } }, { single_header: { name: "cookie" } }],
    });
    expect(logging.depends_on).toEqual([
      refTo(block, "aws_cloudwatch_log_resource_policy", "waf/waf-log-delivery-policy").replace(/^\$\{(.*)\.id\}$/, "$1"),
    ]);
  });

  it("lets only log delivery for this account write the group's streams", () => {
    const logGroupArn = refTo(block, "aws_cloudwatch_log_group", "waf/waf-log-group/group", "arn");
    const accountId = "${data.aws_caller_identity.caller_identity.account_id}";
    const partition = "${data.aws_partition.partition.partition}";
    const document = dataAt(block, "aws_iam_policy_document", "waf/waf-log-delivery");
    expect(document.statement).toEqual([
      {
        sid: "WafLogDelivery",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["delivery.logs.amazonaws.com"] }],
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${logGroupArn}:log-stream:*`],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] },
          { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:${partition}:logs:us-east-1:${accountId}:*`] },
        ],
      },
    ]);
    expect(resourceAt(block, "aws_cloudwatch_log_resource_policy", "waf/waf-log-delivery-policy")).toEqual({
      policy_name: "test-app-waf-log-delivery",
      policy_document: expect.stringMatching(/^\$\{data\.aws_iam_policy_document\..*\.json\}$/),
    });
  });
});

describe("GuardDuty", () => {
  it("has an enabled detector publishing findings every 15 minutes", () => {
    expect(resourceAt(block, "aws_guardduty_detector", "guardduty/detector")).toMatchObject({
      enable: true,
      finding_publishing_frequency: "FIFTEEN_MINUTES",
    });
  });

  it("enables runtime monitoring with the managed Fargate agent", () => {
    expect(resourceAt(block, "aws_guardduty_detector_feature", "guardduty/runtime-monitoring")).toEqual({
      detector_id: refTo(block, "aws_guardduty_detector", "guardduty/detector"),
      name: "RUNTIME_MONITORING",
      status: "ENABLED",
      additional_configuration: [{ name: "ECS_FARGATE_AGENT_MANAGEMENT", status: "ENABLED" }],
    });
  });

  it("sends findings of severity >= 7 to the critical topic", () => {
    const rule = resourceAt(block, "aws_cloudwatch_event_rule", "guardduty/findings");
    expect(rule.name).toBe("test-app-guardduty-high-severity");
    const encoded = /^\$\{jsonencode\((.*)\)\}$/s.exec(rule.event_pattern);
    expect(encoded).not.toBeNull();
    // cdktf renders the jsonencode() argument as an HCL object ("key" = value); as JSON it is "key": value.
    expect(JSON.parse(encoded![1].replace(/" = /g, '": '))).toEqual({
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { severity: [{ numeric: [">=", 7] }] },
    });
    expect(resourceAt(block, "aws_cloudwatch_event_target", "guardduty/findings-target")).toEqual({
      rule: refTo(block, "aws_cloudwatch_event_rule", "guardduty/findings", "name"),
      arn: TOPIC_ARN,
    });
  });

  it("is given the Recipe Chatbot's critical topic (the topic is the app's choice now, not the construct's)", () => {
    const prod = synthEnvironment("prod");
    expect(resourceAt(prod, "aws_cloudwatch_event_target", "app/account/guardduty/findings-target").arn).toBe(
      refTo(prod, "aws_sns_topic", "app/alert-topics/critical", "arn"),
    );
  });
});

describe("WebAcl and GuardDuty: policy guard", () => {
  it.each<WafMode>(["block", "count"])("%s mode passes every rule (WAF-001..003, GD-001, CW-001/002 among them)", (mode) => {
    const evaluation = new PolicyGuard().evaluate(buildStack(mode));
    expect(evaluation.violations).toEqual([]);
  });
});
