/**
 * Suppressions: a named rule, a resource and a written reason, e.g.
 * `suppress(alb.lb, "RC-ELB-004", "dev is torn down daily; deletion protection would block destroy")`.
 *
 * Every argument is checked when `suppress` is called, so a typo fails at the line that made it
 * rather than as a mysterious violation at synth.
 */
import { TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";
import { ALL_RULES } from "./rules";

/** Long enough that "ok", "n/a" or "temp" are refused: a reason must say why the risk is accepted. */
export const MIN_REASON_LENGTH = 20;

export interface Suppression {
  readonly ruleId: string;
  /** Construct path of the suppressed resource. */
  readonly path: string;
  readonly reason: string;
}

/** Reasons by rule id, per resource construct. A WeakMap: suppressions live exactly as long as their construct. */
const byConstruct = new WeakMap<IConstruct, Map<string, string>>();

/** Accepts violations of rule `ruleId` on `resource`, for the written `reason`. */
export function suppress(resource: IConstruct, ruleId: string, reason: string): void {
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`suppress(): unknown policy rule id "${ruleId}" (at ${resource.node.path})`);
  if (reason.trim().length < MIN_REASON_LENGTH) {
    throw new Error(
      `suppress(): suppressing ${ruleId} on ${resource.node.path} needs a written reason of at least ` +
        `${MIN_REASON_LENGTH} characters saying why the risk is accepted`,
    );
  }
  if (!TerraformResource.isTerraformResource(resource)) {
    throw new Error(`suppress(): ${resource.node.path} is not a Terraform resource; suppress ${ruleId} on the resource itself`);
  }
  if (!rule.resourceTypes.includes(resource.terraformResourceType)) {
    throw new Error(
      `suppress(): ${ruleId} does not apply to ${resource.terraformResourceType} (${resource.node.path}); ` +
        `it checks ${rule.resourceTypes.join(", ")}`,
    );
  }
  const reasons = byConstruct.get(resource) ?? new Map<string, string>();
  if (reasons.has(ruleId)) throw new Error(`suppress(): ${ruleId} is already suppressed on ${resource.node.path}`);
  byConstruct.set(resource, reasons.set(ruleId, reason.trim()));
}

/** Every suppression on a construct under (or at) `scope`. */
export function suppressionsUnder(scope: IConstruct): Suppression[] {
  return scope.node
    .findAll()
    .flatMap((construct) =>
      [...(byConstruct.get(construct) ?? [])].map(([ruleId, reason]) => ({ ruleId, path: construct.node.path, reason })),
    );
}
