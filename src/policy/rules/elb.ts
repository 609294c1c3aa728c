/** Application Load Balancer, listener and target-group rules. */
import { ALB_TLS_POLICY_PATTERN } from "../../core/aws-limits";
import { Rule, RuleContext, RuleMetadata, Verdict } from "../rule";
import type { ResourceView } from "../stack-view";
import { block, blocks, isExpression, quote, strings } from "../values";

/** The provider's `aws_alb*` names are aliases of `aws_lb*`. */
const LOAD_BALANCERS = ["aws_lb", "aws_alb"];
const LISTENERS = ["aws_lb_listener", "aws_alb_listener"];
const LISTENER_RULES = ["aws_lb_listener_rule", "aws_alb_listener_rule"];
const TARGET_GROUPS = ["aws_lb_target_group", "aws_alb_target_group"];

/** Rules on load balancers apply to ALBs; `load_balancer_type` defaults to application. */
function isApplication(lb: ResourceView): boolean {
  return (lb.attributes.load_balancer_type ?? "application") === "application";
}

/** An ALB listener without `protocol` defaults to HTTP. */
function listenerProtocol(listener: ResourceView): unknown {
  return listener.attributes.protocol ?? "HTTP";
}

function isHttpsRedirect(action: Readonly<Record<string, unknown>>): boolean {
  const redirect = block(action.redirect);
  return (
    action.type === "redirect" &&
    redirect?.protocol === "HTTPS" &&
    String(redirect.port) === "443" &&
    redirect.status_code === "HTTP_301"
  );
}

export const httpRedirectsOnly: Rule = {
  id: "RC-ELB-001",
  title: "HTTP listeners only redirect to HTTPS",
  description: "Anything an HTTP listener (or a rule on it) forwards travels unencrypted.",
  severity: "critical",
  references: ["CKV_AWS_2", "CKV2_AWS_20", "AVD-AWS-0054", "SecurityHub ELB.1"],
  resourceTypes: LISTENERS,
  remediation: 'default_action { type = "redirect", redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } } and no forwarding listener rules',
  check: ({ resource, stack }) => {
    if (listenerProtocol(resource) !== "HTTP") return undefined;
    const problems: string[] = [];
    if (!blocks(resource.attributes.default_action).every(isHttpsRedirect)) {
      problems.push("HTTP listener default_action is not a redirect to HTTPS:443 with HTTP_301");
    }
    const forwarding = LISTENER_RULES.flatMap((type) => stack.referencing(resource, type, "listener_arn")).filter(
      (rule) => !blocks(rule.attributes.action).every(isHttpsRedirect),
    );
    problems.push(...forwarding.map((rule) => `listener rule ${rule.path} serves traffic over HTTP`));
    return problems;
  },
};

export const httpsTlsPolicy: Rule = {
  id: "RC-ELB-002",
  title: "HTTPS listeners use an allow-listed TLS policy",
  description:
    "Unset, ssl_policy defaults to ELBSecurityPolicy-2016-08 (TLS 1.0). Only TLS 1.3 policies that also allow " +
    "at most TLS 1.2 with forward secrecy are accepted; Ext1/Ext2 and older are not.",
  severity: "high",
  references: ["CKV_AWS_103", "CKV2_AWS_74", "AVD-AWS-0047", "SecurityHub ELB.17"],
  resourceTypes: LISTENERS,
  remediation: 'set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" (AWS\'s recommended policy)',
  check: ({ resource }) => {
    if (listenerProtocol(resource) !== "HTTPS") return undefined;
    const policy = resource.attributes.ssl_policy;
    if (policy === undefined) return "ssl_policy is unset (defaults to ELBSecurityPolicy-2016-08)";
    return typeof policy === "string" && ALB_TLS_POLICY_PATTERN.test(policy)
      ? undefined
      : `ssl_policy ${quote(policy)} is not in the allow-list`;
  },
};

/** A rule that checks application load balancers only. */
function albRule(rule: RuleMetadata & { checkAlb(context: RuleContext): Verdict }): Rule {
  const { checkAlb, ...rest } = rule;
  return {
    ...rest,
    resourceTypes: LOAD_BALANCERS,
    check: (context) => (isApplication(context.resource) ? checkAlb(context) : undefined),
  };
}

export const dropInvalidHeaders = albRule({
  id: "RC-ELB-003",
  title: "ALB drops invalid HTTP header fields",
  description: "Headers with invalid characters are a request-smuggling vector toward the targets.",
  severity: "medium",
  references: ["CKV_AWS_131", "AVD-AWS-0052", "SecurityHub ELB.4"],
  remediation: "set drop_invalid_header_fields = true",
  checkAlb: ({ resource }) => (resource.attributes.drop_invalid_header_fields === true ? undefined : "drop_invalid_header_fields is not true"),
});

export const deletionProtection = albRule({
  id: "RC-ELB-004",
  title: "ALB has deletion protection",
  description:
    "Deleting the ALB takes the service down and frees its DNS name. Environments torn down routinely " +
    "(dev) may turn it off with a suppression that says so.",
  severity: "medium",
  references: ["CKV_AWS_150", "SecurityHub ELB.6"],
  remediation: "set enable_deletion_protection = true (or suppress RC-ELB-004 with the environment's reason)",
  checkAlb: ({ resource }) => (resource.attributes.enable_deletion_protection === true ? undefined : "enable_deletion_protection is not true"),
});

export const desyncMitigation = albRule({
  id: "RC-ELB-005",
  title: "ALB desync mitigation is defensive or strictest",
  description: "monitor mode forwards ambiguous requests that enable HTTP desync (request smuggling).",
  severity: "medium",
  references: ["CKV_AWS_328", "SecurityHub ELB.12"],
  remediation: 'set desync_mitigation_mode = "defensive" or "strictest" (unset means the provider default, defensive)',
  checkAlb: ({ resource: { attributes: { desync_mitigation_mode: mode } } }) =>
    mode === undefined || mode === "defensive" || mode === "strictest"
      ? undefined
      : `desync_mitigation_mode is ${quote(mode)}`,
});

export const accessLogs = albRule({
  id: "RC-ELB-006",
  title: "ALB access logs are on",
  description: "Access logs are the only record of who sent which request to the application.",
  severity: "medium",
  references: ["CKV_AWS_91", "AwsSolutions-ELB2", "SecurityHub ELB.5"],
  remediation: "add access_logs { bucket = <log bucket>, enabled = true } (the bucket needs an ELB delivery policy and SSE-S3)",
  checkAlb: ({ resource }) => {
    const logs = block(resource.attributes.access_logs);
    return logs?.enabled === true && typeof logs.bucket === "string" ? undefined : "access_logs are not enabled";
  },
});

export const internetFacingHasWaf = albRule({
  id: "RC-ELB-007",
  title: "Internet-facing ALB is protected by a WAF web ACL",
  description: "The WAF blocks known exploit payloads (Log4j, bad inputs) before they reach the application.",
  severity: "high",
  references: ["CKV2_AWS_28", "SecurityHub ELB.16"],
  remediation: "add aws_wafv2_web_acl_association { resource_arn = <alb>.arn, web_acl_arn = <web acl>.arn }",
  checkAlb: ({ resource, stack }) =>
    resource.attributes.internal === true ||
    stack.referencing(resource, "aws_wafv2_web_acl_association", "resource_arn").length > 0
      ? undefined
      : "is internet-facing and no aws_wafv2_web_acl_association references it",
});

export const spansTwoZones = albRule({
  id: "RC-ELB-008",
  title: "ALB spans at least two subnets (availability zones)",
  description: "A load balancer in one zone goes down with it.",
  severity: "medium",
  references: ["SecurityHub ELB.13"],
  remediation: "pass at least two subnets in different availability zones",
  checkAlb: ({ resource: { attributes }, cannotVerify }) => {
    if (isExpression(attributes.subnets)) {
      cannotVerify("subnets is an expression");
      return undefined;
    }
    const count = Math.max(strings(attributes.subnets).length, blocks(attributes.subnet_mapping).length);
    return count >= 2 ? undefined : `is placed in ${count} subnet(s)`;
  },
});

export const targetGroupHealthCheck: Rule = {
  id: "RC-ELB-009",
  title: "HTTP(S) target groups define a health-check path",
  description: "Without an explicit path the ALB probes `/`, which may be slow, redirect, or not reflect readiness.",
  severity: "low",
  references: ["CKV_AWS_261"],
  resourceTypes: TARGET_GROUPS,
  remediation: 'add health_check { path = "/health", matcher = "200", interval = 30, healthy_threshold = 2 }',
  check: ({ resource: { attributes } }) => {
    if (!["HTTP", "HTTPS"].includes(String(attributes.protocol)) || attributes.target_type === "lambda") return undefined;
    const health = block(attributes.health_check);
    return health?.enabled !== false && typeof health?.path === "string" && health.path !== ""
      ? undefined
      : "has no enabled health_check with a path";
  },
};

export const ELB_RULES: readonly Rule[] = [
  httpRedirectsOnly,
  httpsTlsPolicy,
  dropInvalidHeaders,
  deletionProtection,
  desyncMitigation,
  accessLogs,
  internetFacingHasWaf,
  spansTwoZones,
  targetGroupHealthCheck,
];
