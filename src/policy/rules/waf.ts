/** WAFv2 web ACL rules. */
import { Rule } from "../rule";
import { blocks, isRecord } from "../values";

/** The managed rule group that blocks Log4Shell (CVE-2021-44228) and other known-bad request patterns. */
const KNOWN_BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";

/** Names of every managed rule group under a statement, however deeply nested (and_statement, not_statement...). */
function managedRuleGroups(statement: unknown): string[] {
  if (Array.isArray(statement)) return statement.flatMap(managedRuleGroups);
  if (!isRecord(statement)) return [];
  return Object.entries(statement).flatMap(([key, value]) =>
    key === "managed_rule_group_statement"
      ? blocks(value).map((group) => String(group.name))
      : managedRuleGroups(value),
  );
}

export const wafLogging: Rule = {
  id: "RC-WAF-001",
  title: "Web ACLs log requests",
  description: "WAF logs show what was blocked and why; without them false positives and attacks are invisible.",
  severity: "medium",
  references: ["CKV2_AWS_31", "SecurityHub WAF.11"],
  resourceTypes: ["aws_wafv2_web_acl"],
  remediation:
    'add aws_wafv2_web_acl_logging_configuration { resource_arn = <acl>.arn, log_destination_configs = [<log group named "aws-waf-logs-...">.arn] }',
  check: ({ resource, stack }) =>
    stack.referencing(resource, "aws_wafv2_web_acl_logging_configuration", "resource_arn").length > 0
      ? undefined
      : "no aws_wafv2_web_acl_logging_configuration references it",
};

export const wafHasRules: Rule = {
  id: "RC-WAF-002",
  title: "Web ACLs have at least one rule",
  description: "A web ACL without rules applies only its default action and protects nothing.",
  severity: "high",
  references: ["SecurityHub WAF.10", "CKV_AWS_175"],
  resourceTypes: ["aws_wafv2_web_acl"],
  remediation: "add rule blocks (AWS managed rule groups: common, known bad inputs, IP reputation)",
  check: ({ resource, cannotVerify }) => {
    if (resource.attributes.rule_json !== undefined) {
      cannotVerify("rules are given as rule_json");
      return undefined;
    }
    return blocks(resource.attributes.rule).length > 0 ? undefined : "has no rules";
  },
};

export const wafKnownBadInputs: Rule = {
  id: "RC-WAF-003",
  title: `Web ACLs include ${KNOWN_BAD_INPUTS}`,
  description: "The known-bad-inputs group blocks Log4Shell (CVE-2021-44228) payloads and similar exploit patterns.",
  severity: "high",
  references: ["CKV_AWS_192"],
  resourceTypes: ["aws_wafv2_web_acl"],
  remediation: `add rule { statement { managed_rule_group_statement { vendor_name = "AWS", name = "${KNOWN_BAD_INPUTS}" } }, override_action { none {} } }`,
  check: ({ resource, cannotVerify }) => {
    if (resource.attributes.rule_json !== undefined) {
      cannotVerify("rules are given as rule_json");
      return undefined;
    }
    const groups = blocks(resource.attributes.rule).flatMap((rule) => managedRuleGroups(rule.statement));
    return groups.includes(KNOWN_BAD_INPUTS) ? undefined : `does not use the ${KNOWN_BAD_INPUTS} managed rule group`;
  },
};

export const WAF_RULES: readonly Rule[] = [wafLogging, wafHasRules, wafKnownBadInputs];
