/**
 * Readers for values in synthesized Terraform JSON.
 *
 * cdktf renders a nested block as an object when the schema allows one instance and as an array
 * otherwise, and Terraform accepts either, so every reader here tolerates both shapes.
 */

export type Attributes = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Attributes {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** All instances of a nested block, whether it was rendered as an object or as an array. */
export function blocks(value: unknown): Attributes[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/** The single instance of a nested block (the first one if several were rendered). */
export function block(value: unknown): Attributes | undefined {
  return blocks(value)[0];
}

/** A string or list of strings as a list; anything else (unset, expression objects) as empty. */
export function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/**
 * The text of a string with every `${...}` interpolation removed, so that a splat such as
 * `${aws_subnet.a.*.id}` is not mistaken for a wildcard. Nested braces are balanced.
 */
export function literalText(value: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (depth === 0 && value.startsWith("${", i) && !value.startsWith("$${", i - 1)) {
      depth = 1;
      i++;
    } else if (depth > 0) {
      if (value[i] === "{") depth++;
      else if (value[i] === "}") depth--;
    } else {
      out += value[i];
    }
  }
  return out;
}

/** True when the literal part of the value contains an IAM wildcard (`*` or `?`). */
export function hasWildcard(value: string): boolean {
  return /[*?]/.test(literalText(value));
}

/** True when the value is entirely a Terraform expression, i.e. unknown until plan time. */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.startsWith("${") && literalText(value) === "";
}

/**
 * Names that scanners treat as secrets (trivy AVD-AWS-0036's list: password, secret, private_key,
 * token, api_key, aws_*key), shared by the container-environment and SSM-parameter rules.
 */
export function looksLikeSecretName(name: string): boolean {
  return /password|secret|private_?key|token|api_?key|aws_\w*key/i.test(name);
}

/** AWS-managed KMS keys (`alias/aws/<service>`) cannot be governed by a key policy we own. */
export function isAwsManagedKey(keyId: string): boolean {
  return /(^|:)alias\/aws\//.test(keyId);
}

/** Terraform JSON may carry numbers as strings (`"443"`); undefined for expressions and junk. */
export function toNumber(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/** Double-quotes a value for messages, e.g. `"*"`. */
export function quote(value: unknown): string {
  return JSON.stringify(value);
}
