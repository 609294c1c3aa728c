/**
 * The policy guard: an Aspect that fails synth when a stack breaks a policy rule.
 *
 * Why a validation and not a check inside `visit`: aspects run top-down while cdktf walks the tree,
 * so a check made when the stack node is visited would run before other aspects had visited (and
 * possibly changed) the resources. Validations run after every aspect, on the final tree; the
 * guard's `visit` therefore only registers one validation per stack. `app.synth()` (hence
 * `cdktf synth`), `Testing.fullSynth` and `Testing.synth(stack, true)` run validations.
 *
 * Apply it to each stack: cdktf 0.21 invokes aspects from each stack down, so an aspect added to
 * the App is never run (measured).
 */
import { Annotations, Aspects, IAspect, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { ReadableStack } from "../core/readable-stack";
import { registeredContainerDefinitions } from "./container-definitions";
import { Rule, verdictMessages } from "./rule";
import { ALL_RULES } from "./rules";
import { StackView } from "./stack-view";
import { Suppression, suppressionsUnder } from "./suppressions";

export interface Violation {
  readonly rule: Rule;
  /** Construct path of the offending resource. */
  readonly path: string;
  readonly message: string;
}

/** Per-rule counts over the resources of the rule's types. Each resource lands in exactly one bucket. */
export interface RuleResult {
  readonly rule: Rule;
  readonly checked: number;
  readonly passed: number;
  readonly failed: number;
  readonly suppressed: number;
  /** Resources that raised no violation but could not be fully read (see RuleContext.cannotVerify). */
  readonly unverifiable: number;
}

export interface StackEvaluation {
  readonly stackPath: string;
  readonly results: readonly RuleResult[];
  /** Unsuppressed violations: synth fails when there is any. */
  readonly violations: readonly Violation[];
  readonly appliedSuppressions: readonly Suppression[];
  /** Suppressions that matched no violation; likely stale. */
  readonly unusedSuppressions: readonly Suppression[];
  /** `<path>: <rule id>: <reason>` for every unverifiable resource. */
  readonly unverifiable: readonly string[];
}

/** `[RULE-ID] <construct path>: <what is wrong>. Fix: <remediation>` */
export function formatViolation(violation: Violation): string {
  return `[${violation.rule.id}] ${violation.path}: ${violation.message}. Fix: ${violation.rule.remediation}`;
}

export class PolicyGuard implements IAspect {
  /** Adds a guard running `rules` to `stack` and returns it. */
  static applyTo(stack: TerraformStack, rules: readonly Rule[] = ALL_RULES): PolicyGuard {
    const guard = new PolicyGuard(rules);
    Aspects.of(stack).add(guard);
    return guard;
  }

  /** The guards applied to `stack`. */
  static of(stack: TerraformStack): PolicyGuard[] {
    return Aspects.of(stack).all.filter((aspect): aspect is PolicyGuard => aspect instanceof PolicyGuard);
  }

  private readonly guarded = new WeakSet<TerraformStack>();

  constructor(readonly rules: readonly Rule[] = ALL_RULES) {
    const ids = rules.map((r) => r.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (duplicates.length > 0) throw new Error(`PolicyGuard: duplicate rule ids ${duplicates.join(", ")}`);
  }

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.guarded.has(node)) return;
    this.guarded.add(node);
    node.node.addValidation({ validate: () => this.validate(node) });
  }

  /**
   * Runs every rule over the stack's synthesized resources. Call after aspects have run.
   * @param terraform the stack's resolved Terraform JSON; default `stack.toTerraform()`.
   */
  evaluate(stack: TerraformStack, terraform: unknown = stack.toTerraform()): StackEvaluation {
    const view = new StackView(terraform, registeredContainerDefinitions(stack));
    const suppressions = new Map(suppressionsUnder(stack).map((s) => [`${s.ruleId} ${s.path}`, s]));
    const violations: Violation[] = [];
    const applied: Suppression[] = [];
    const unverifiable: string[] = [];

    const results = this.rules.map((rule): RuleResult => {
      const counts = { checked: 0, passed: 0, failed: 0, suppressed: 0, unverifiable: 0 };
      for (const resource of rule.resourceTypes.flatMap((type) => view.resources(type))) {
        const reasons: string[] = [];
        const messages = verdictMessages(
          rule.check({ resource, stack: view, cannotVerify: (reason) => reasons.push(reason) }),
        );
        const suppression = suppressions.get(`${rule.id} ${resource.path}`);
        counts.checked++;
        if (messages.length === 0) {
          if (reasons.length === 0) counts.passed++;
          else {
            counts.unverifiable++;
            unverifiable.push(...reasons.map((r) => `${resource.path}: ${rule.id}: ${r}`));
          }
        } else if (suppression) {
          counts.suppressed++;
          applied.push(suppression);
        } else {
          counts.failed++;
          violations.push(...messages.map((message) => ({ rule, path: resource.path, message })));
        }
      }
      return { rule, ...counts };
    });

    return {
      stackPath: stack.node.path,
      results,
      violations,
      appliedSuppressions: applied,
      unusedSuppressions: [...suppressions.values()].filter((s) => !applied.includes(s)),
      unverifiable,
    };
  }

  private validate(stack: TerraformStack): string[] {
    // A readable stack keeps what the guard resolved for the JSON synthesized right after (one resolve, not two).
    const evaluation = this.evaluate(stack, stack instanceof ReadableStack ? stack.terraformForValidation() : stack.toTerraform());
    const warn = (message: string) => Annotations.of(stack).addWarning(`Policy guard: ${message}`);
    evaluation.unverifiable.forEach((entry) => warn(`cannot verify ${entry}`));
    evaluation.unusedSuppressions.forEach((s) => warn(`suppression of ${s.ruleId} on ${s.path} matched no violation; remove it`));
    if (evaluation.violations.length === 0) return [];
    return [
      `Policy guard: ${evaluation.violations.length} violation(s) in ${evaluation.stackPath}\n` +
        evaluation.violations.map((v) => `  ${formatViolation(v)}`).join("\n"),
    ];
  }
}
