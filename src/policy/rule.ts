import type { ResourceView, StackView } from "./stack-view";

export type Severity = "critical" | "high" | "medium" | "low";

/** What a rule sees when it checks one resource. */
export interface RuleContext {
  /** The resource under check, with its resolved (snake_case) attributes and construct path. */
  readonly resource: ResourceView;
  /** The whole synthesized stack, for rules that need a companion resource or a policy document. */
  readonly stack: StackView;
  /**
   * Records that part of the resource could not be read (for example a policy built with an
   * expression). The resource is then reported as unverifiable rather than as passed.
   */
  cannotVerify(reason: string): void;
}

/** One message per problem; `undefined` or an empty list means the resource passes. */
export type Verdict = string | readonly string[] | undefined;

/** A named, documented check over one or more Terraform resource types. */
export interface Rule {
  /** Our id, stable across releases: `RC-<SERVICE>-<NNN>`. */
  readonly id: string;
  readonly title: string;
  /** Why the rule exists. */
  readonly description: string;
  readonly severity: Severity;
  /** Public ids of the same check: checkov, trivy (AVD-AWS-), cdk-nag (AwsSolutions-), Security Hub. */
  readonly references: readonly string[];
  /** Terraform resource types the rule is evaluated on. */
  readonly resourceTypes: readonly string[];
  /** How to fix a violation; printed after every violation message. */
  readonly remediation: string;
  /** Problems are described as "what is wrong" without a trailing period. */
  check(context: RuleContext): Verdict;
}

/** What a rule declares besides where it applies and how it checks; used by rule factories. */
export type RuleMetadata = Omit<Rule, "resourceTypes" | "check">;

export function verdictMessages(verdict: Verdict): readonly string[] {
  if (verdict === undefined) return [];
  return typeof verdict === "string" ? [verdict] : verdict;
}
