/**
 * Reads the blocks of one synthesized stack (cdktf.out/stacks/<stack>/cdk.tf.json) and the references
 * between them. Terraform addresses are used only to resolve references: they change (cdktf's hash
 * suffix, renames), whereas the construct path in each block's metadata does not, so everything the
 * diagram shows derives from paths and attribute values.
 */

/** One `${...}` reference found in a block, by the top-level attribute it sits under. */
export interface Reference {
  /** The referencing block's top-level attribute, e.g. `load_balancer` or `container_definitions`. */
  readonly attribute: string;
  /** Address of the referenced block; internal, never rendered. */
  readonly address: string;
}

/** A resource or data block of the stack. */
export interface Block {
  /** Terraform address (`aws_lb.x`, `data.aws_iam_policy_document.y`): resolves references, is never shown. */
  readonly address: string;
  readonly mode: "resource" | "data";
  /** Resource type, e.g. `aws_lb`. */
  readonly type: string;
  /** Construct path below the stack, from the block's metadata: `["app", "load-balancer", "alb"]`. */
  readonly path: readonly string[];
  /** The block's attributes, without cdktf's `//` metadata. */
  readonly body: Readonly<Record<string, unknown>>;
  /** Blocks this one references, in document order, each (attribute, address) once. */
  readonly references: readonly Reference[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keys that are not data flow: cdktf metadata, and ordering-only dependencies. */
const IGNORED_KEYS = new Set(["//", "depends_on"]);

/**
 * The blocks of a synthesized stack, sorted by construct path (so that no result depends on the
 * addresses or on the order of the JSON). Throws when a block has no construct path.
 */
export function readStackBlocks(stackJson: unknown): Block[] {
  if (!isObject(stackJson)) throw new Error("cdk.tf.json: expected an object");
  const raw: { address: string; mode: Block["mode"]; type: string; path: string[]; body: JsonObject }[] = [];
  for (const mode of ["resource", "data"] as const) {
    const byType = stackJson[mode];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) {
        if (!isObject(body)) continue;
        const address = `${mode === "data" ? "data." : ""}${type}.${name}`;
        raw.push({ address, mode, type, path: constructPath(address, body), body });
      }
    }
  }
  const known = new Set(raw.map((block) => block.address));
  return raw
    .map(({ body, ...block }) => ({
      ...block,
      body: Object.fromEntries(Object.entries(body).filter(([key]) => key !== "//")),
      references: referencesOf(body, known),
    }))
    .sort((a, b) => comparePaths(a.path, b.path) || compareText(a.type, b.type));
}

/** The construct path from cdktf's metadata, without the stack's own id. */
function constructPath(address: string, body: JsonObject): string[] {
  const comment = body["//"];
  const metadata = isObject(comment) ? comment.metadata : undefined;
  const path = isObject(metadata) ? metadata.path : undefined;
  if (typeof path !== "string" || path === "") throw new Error(`cdk.tf.json: ${address} has no construct path ("//".metadata.path)`);
  return path.split("/").slice(1);
}

/** Orders strings by UTF-16 code units: unlike `localeCompare`, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders construct paths segment by segment (a parent before its children). */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return compareText(a[i], b[i]);
  }
  return a.length - b.length;
}

/** Every reference to a `known` block in the attributes of `body`. */
function referencesOf(body: JsonObject, known: ReadonlySet<string>): Reference[] {
  const seen = new Set<string>();
  const references: Reference[] = [];
  for (const [attribute, value] of Object.entries(body)) {
    if (IGNORED_KEYS.has(attribute)) continue;
    for (const text of stringsIn(value)) {
      for (const address of addressesIn(text, known)) {
        const key = `${attribute}\u0000${address}`;
        if (seen.has(key)) continue;
        seen.add(key);
        references.push({ attribute, address });
      }
    }
  }
  return references;
}

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, into));
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) if (!IGNORED_KEYS.has(key)) stringsIn(item, into);
  }
  return into;
}

/**
 * The expressions of a Terraform template string: the insides of `${ ... }` and `%{ ... }`, with
 * nested braces (object constructors, `for` expressions); `$${` and `%%{` are literal text.
 */
export function interpolations(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    if ((text.startsWith("$${", i) || text.startsWith("%%{", i))) {
      i += 3;
      continue;
    }
    if (!(text.startsWith("${", i) || text.startsWith("%{", i))) {
      i++;
      continue;
    }
    let depth = 1;
    let j = i + 2;
    while (j < text.length && depth > 0) {
      if (text[j] === "{") depth++;
      else if (text[j] === "}") depth--;
      j++;
    }
    found.push(text.slice(i + 2, depth === 0 ? j - 1 : j));
    i = j;
  }
  return found;
}

/** `type.name` (or `data.type.name`) not preceded by part of another identifier or traversal. */
const TRAVERSAL = /(?<![\w.-])(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)/g;

/**
 * Addresses of `known` blocks referenced inside the interpolations of `text`. A reference in a
 * `jsonencode({...})` argument is a bare traversal, not a nested `${}`, so the whole expression is
 * searched; only traversals that name an existing block count.
 */
export function addressesIn(text: string, known: ReadonlySet<string>): string[] {
  const addresses: string[] = [];
  for (const expression of interpolations(text)) {
    for (const match of expression.matchAll(TRAVERSAL)) {
      const address = `${match[1] ?? ""}${match[2]}.${match[3]}`;
      if (known.has(address) && !addresses.includes(address)) addresses.push(address);
    }
  }
  return addresses;
}

/** A string attribute with its interpolations replaced by `…`; undefined when it is not a string or has no literal text. */
export function literalText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let result = value;
  for (const expression of interpolations(value)) result = result.replace(`\${${expression}}`, "…").replace(`%{${expression}}`, "…");
  return /[A-Za-z0-9]{2}/.test(result) ? result : undefined;
}
