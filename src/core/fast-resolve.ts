import { Token } from "cdktf";

/**
 * A faster path into cdktf's token resolution for the stack-level calls (`TerraformStack.toTerraform`
 * and `toHclTerraform`, the only users of cdktf/lib/_tokens): the parts of a value that hold no token
 * are copied as they are, and only what may hold one (a token string or number, an object with
 * `resolve`, a class instance, a list or map token) goes through cdktf's resolve.
 *
 * Why: cdktf's resolve builds a context (closures, prefix arrays) and runs three regular expressions
 * for every key and value, including the values it resolved a moment before: toTerraform resolves each
 * element, then the whole merged stack again. Most of a stack is plain strings and numbers, and
 * resolving was the largest part of synth's CPU (README "Speed").
 *
 * The result is the same by construction: cdktf's resolve returns a plain string, number, boolean or
 * null unchanged, drops undefined keys and list elements, and copies plain objects and arrays key by
 * key, which is what this does; anything it cannot prove plain is handed to cdktf whole, and an error
 * is left to cdktf's resolve of the whole value, which names where it is. Tests compare
 * every stack's JSON and HCL with and without it (`useFastResolve(false)`).
 */
interface TokensModule {
  resolve(scope: unknown, obj: unknown, preparing?: boolean): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf's module object, patched in place
const tokensModule: TokensModule = require("cdktf/lib/_tokens");
const cdktfResolve = tokensModule.resolve;

/** Every cdktf token marker (string, list and map tokens) contains this. */
const TOKEN_MARKER = "TfToken[";
/** What cdktf's number-token pattern could match inside a string (a superset: such strings go to cdktf). */
const NUMBER_LIKE = /[-|\d.+]e[-|\d.eE+]/;
/** Token-encoded doubles are near ±1e289 and ±1e301; no plain number of a stack comes near. */
const LARGEST_PLAIN_NUMBER = 1e200;
/** cdktf reports a circular structure at this depth: leave that to it. */
const MAX_DEPTH = 200;

// Read once: these run for every string and number of every stack, and each read of an export of
// cdktf goes through a getter in the synth bundle.
const { STRING_MAP_TOKEN_VALUE, ANY_MAP_TOKEN_VALUE, NUMBER_MAP_TOKEN_VALUE } = Token;

const isPlainString = (s: string) =>
  !s.includes(TOKEN_MARKER) && !NUMBER_LIKE.test(s) && s !== STRING_MAP_TOKEN_VALUE && s !== ANY_MAP_TOKEN_VALUE;

const isPlainNumber = (n: number) => Math.abs(n) < LARGEST_PLAIN_NUMBER && n !== NUMBER_MAP_TOKEN_VALUE;

function resolvePlain(value: unknown, delegate: (value: unknown) => unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return delegate(value);
  switch (typeof value) {
    case "undefined":
    case "boolean":
      return value;
    case "string":
      return isPlainString(value) ? value : delegate(value);
    case "number":
      return isPlainNumber(value) ? value : delegate(value);
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) {
        // A list token (or a token element) decides how cdktf resolves the whole list.
        if (value.some((x) => (typeof x === "string" && x.includes(TOKEN_MARKER)) || (typeof x === "number" && !isPlainNumber(x)))) return delegate(value);
        const list: unknown[] = [];
        for (const element of value) {
          const resolved = resolvePlain(element, delegate, depth + 1);
          if (resolved !== undefined) list.push(resolved);
        }
        return list;
      }
      const prototype = Object.getPrototypeOf(value);
      const keys = Object.keys(value);
      const plain =
        (prototype === Object.prototype || prototype === null) &&
        typeof (value as { resolve?: unknown }).resolve !== "function" &&
        keys.every(isPlainString);
      if (!plain) return delegate(value);
      const object: Record<string, unknown> = {};
      for (const key of keys) {
        const resolved = resolvePlain((value as Record<string, unknown>)[key], delegate, depth + 1);
        if (resolved !== undefined) object[key] = resolved;
      }
      return object;
    }
    default:
      // Functions and the rest: cdktf's own error or answer.
      return delegate(value);
  }
}

/** Per scope (a stack), what each token string resolved to, while {@link keepingResolvedTokens} runs. */
let kept: Map<unknown, Map<string, unknown>> | undefined;

/** cdktf's resolve of a part that may hold tokens; a token string's primitive result is kept when asked to. */
function resolveToken(scope: unknown, value: unknown, preparing: boolean): unknown {
  if (kept === undefined || preparing || typeof value !== "string") return cdktfResolve(scope, value, preparing);
  let strings = kept.get(scope);
  if (strings === undefined) kept.set(scope, (strings = new Map()));
  if (strings.has(value)) return strings.get(value);
  const resolved = cdktfResolve(scope, value, preparing);
  // Only primitives: an object or list would be shared between the JSON and the HCL, which cdktf merges into.
  if (resolved === null || typeof resolved !== "object") strings.set(value, resolved);
  return resolved;
}

/**
 * Runs `synthesis` keeping what each token string resolves to, per stack, and reusing it: the policy
 * guard's JSON and the HCL of a stack resolve the same references, and within one synthesis the tree
 * no longer changes once a stack's aspects ran, which cdktf does before it resolves anything of it.
 * A third of synth's CPU (README "Speed"). Outside `synthesis` nothing is kept.
 */
export function keepingResolvedTokens<T>(synthesis: () => T): T {
  kept = new Map();
  try {
    return synthesis();
  } finally {
    kept = undefined;
  }
}

function fastResolve(scope: unknown, obj: unknown, preparing = false): unknown {
  try {
    return resolvePlain(obj, (value) => resolveToken(scope, value, preparing), 0);
  } catch {
    // cdktf's own resolve of the whole value reports the error with the path to where it is.
    return cdktfResolve(scope, obj, preparing);
  }
}

/**
 * Function arguments (`Fn.jsonencode(...)` of a dashboard body, an event pattern, container
 * definitions): cdktf's TFExpression renders a list or object argument by resolving all of it, then
 * each element again through `resolveArg`, which resolves that element whole again before looking at
 * its parts: every value is resolved once per level above it. The resolved copy only serves to tell a
 * list from an object from a token and to list the keys, which a plain list or object (the same test
 * as {@link resolvePlain}) tells by itself; `resolveArg` of anything but a string never uses its
 * resolved copy at all. So those are rendered part by part, each part resolved once, and the rest is
 * left to cdktf. A list or object with an undefined part (cdktf drops it, shifting later elements) or
 * a function (cdktf refuses it, naming where) also goes to cdktf, as does a value nested deeper than
 * cdktf's circular-reference limit; an error anywhere inside an argument is left to cdktf's rendering
 * of the whole argument, so its message names the same path.
 */
interface ExpressionContext {
  resolve(value: unknown): unknown;
}
interface TfExpressionPrototype {
  resolveArg(this: TfExpressionPrototype, context: ExpressionContext, arg: unknown): string;
  resolveExpressionPart(this: TfExpressionPrototype, context: ExpressionContext, arg: unknown): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf's expression classes are not exported; `call` builds one
const { call } = require("cdktf/lib/tfExpression") as { call(name: string, args: unknown[]): object };
const tfExpression: TfExpressionPrototype = Object.getPrototypeOf(Object.getPrototypeOf(call("f", [])));
const cdktfExpression = { resolveArg: tfExpression.resolveArg, resolveExpressionPart: tfExpression.resolveExpressionPart };

/** A part cdktf resolves to itself or renders part by part; undefined (dropped) and functions (refused with a path) are not. */
const isPlainPart = (x: unknown) =>
  x !== undefined && typeof x !== "function" && !(typeof x === "string" && x.includes(TOKEN_MARKER)) && !(typeof x === "number" && !isPlainNumber(x));

/** A list or object that cdktf would resolve key by key (no list, map or token of its own), every part plain. */
function isPlainContainer(value: unknown): value is unknown[] | Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.every(isPlainPart);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  if (typeof (value as { resolve?: unknown }).resolve === "function") return false;
  return Object.entries(value).every(([key, x]) => isPlainString(key) && isPlainPart(x));
}

let expressionDepth = 0;

function fastResolveArg(this: TfExpressionPrototype, context: ExpressionContext, arg: unknown): string {
  if (typeof arg === "string") return cdktfExpression.resolveArg.call(this, context, arg);
  return this.resolveExpressionPart(context, arg) as string;
}

function fastResolveExpressionPart(this: TfExpressionPrototype, context: ExpressionContext, arg: unknown): unknown {
  if (expressionDepth >= MAX_DEPTH || !isPlainContainer(arg)) return cdktfExpression.resolveExpressionPart.call(this, context, arg);
  const outermost = expressionDepth === 0;
  expressionDepth++;
  try {
    if (Array.isArray(arg)) return `[${arg.map((x) => this.resolveArg(context, x)).join(", ")}]`;
    return `{${Object.keys(arg)
      .map((key) => `"${key}" = ${this.resolveArg(context, arg[key])}`)
      .join(", ")}}`;
  } catch (error) {
    if (!outermost) throw error;
  } finally {
    expressionDepth--;
  }
  // An error inside: cdktf's own rendering of the whole argument reports it with the path to where it is.
  return cdktfExpression.resolveExpressionPart.call(this, context, arg);
}

/** Switches the fast path on (the default once this module is loaded) or back to cdktf's resolve alone. */
export function useFastResolve(enabled: boolean): void {
  tokensModule.resolve = enabled ? fastResolve : cdktfResolve;
  tfExpression.resolveArg = enabled ? fastResolveArg : cdktfExpression.resolveArg;
  tfExpression.resolveExpressionPart = enabled ? fastResolveExpressionPart : cdktfExpression.resolveExpressionPart;
}

useFastResolve(true);
