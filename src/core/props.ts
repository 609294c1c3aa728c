import type { Construct } from "constructs";
import { Token } from "cdktf";

/**
 * A construct was given props it cannot build. Thrown at construction, before anything is
 * synthesized, with the construct's path, the prop and what it accepts.
 */
export class InvalidPropsError extends Error {
  constructor(scope: Construct, prop: string, problem: string) {
    super(`${scope.constructor.name} at ${scope.node.path || "(root)"}: ${prop} ${problem}`);
    this.name = "InvalidPropsError";
  }
}

/** Throws InvalidPropsError unless `ok`; skipped for values that are Terraform tokens (known only at plan time). */
export function check(scope: Construct, ok: boolean, prop: string, problem: string, value?: unknown): void {
  if (value !== undefined && Token.isUnresolved(value)) return;
  if (!ok) throw new InvalidPropsError(scope, prop, problem);
}

/** `value` must be one of `allowed`. */
export function checkOneOf<T>(scope: Construct, prop: string, value: T, allowed: readonly T[]): void {
  check(scope, allowed.includes(value), prop, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}; got ${JSON.stringify(value)}`, value);
}

/** An integer in [min, max]. */
export function checkInteger(scope: Construct, prop: string, value: number, min: number, max: number): void {
  check(scope, Number.isInteger(value) && value >= min && value <= max, prop, `must be an integer from ${min} to ${max}; got ${value}`, value);
}

/** Resource names AWS limits in length and characters (letters, digits, hyphens) such as ALB and target group names. */
export function checkName(scope: Construct, prop: string, value: string, maxLength: number, pattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/): void {
  check(
    scope,
    value.length <= maxLength && pattern.test(value),
    prop,
    `must be at most ${maxLength} characters matching ${pattern}; got ${JSON.stringify(value)} (${value.length} characters)`,
    value,
  );
}

/** At most one of the named props may be set. */
export function checkExclusive(scope: Construct, props: Record<string, unknown>): void {
  const set = Object.entries(props).filter(([, v]) => v !== undefined).map(([k]) => k);
  check(scope, set.length <= 1, set.join(" and "), `are mutually exclusive: set only one of ${Object.keys(props).join(", ")}`);
}
