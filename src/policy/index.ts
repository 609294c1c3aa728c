/**
 * Policy guard: named security rules run over every synthesized stack.
 *
 *   PolicyGuard.applyTo(stack);                                   // in every stack
 *   suppress(alb.lb, "RC-ELB-004", "dev is destroyed nightly; ..."); // resource, rule, reason
 *   containerDefinitions: encodeContainerDefinitions([...])       // instead of Fn.jsonencode
 */
export { PolicyGuard, formatViolation } from "./policy-guard";
export type { RuleResult, StackEvaluation, Violation } from "./policy-guard";
export { suppress, MIN_REASON_LENGTH } from "./suppressions";
export type { Suppression } from "./suppressions";
export { ALL_RULES } from "./rules";
export type { Rule, RuleContext, Severity, Verdict } from "./rule";
export { encodeContainerDefinitions } from "./container-definitions";
export type { ContainerDefinition } from "./container-definitions";
export { formatReport, reportApp } from "./report";
export type { AppReport } from "./report";
