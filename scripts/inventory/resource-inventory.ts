/**
 * The address-independent inventory of a synthesized stack (its cdk.tf.json): what Terraform would
 * manage, without the construct paths that cdktf turns into addresses (`aws_vpc.networking_vpc_7065E1BC`).
 * Two synths whose inventories are equal describe the same infrastructure even if every construct
 * moved; inventory-diff.ts compares them.
 *
 * A reference `aws_iam_role.NAME.arn` keeps its type and attribute, but NAME becomes the referenced
 * block's identity: the value of its first identifying attribute (`<name=recipe-chatbot-dev-backend>`)
 * when that value is unique among the stack's blocks of the type, else a hash of the block's
 * normalized attributes (`<#1f2e3d4c5b6a>`), whose own references are resolved the same way.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

/** Which top-level section of the stack an entry comes from. */
export type EntryKind = "terraform" | "provider" | "variable" | "output" | "data" | "resource";

/**
 * One block of a stack. `type` is the block type for resources, data sources and providers, the
 * setting for `terraform` (backend, required_providers), and the name for variables and outputs:
 * those names are the stack's interface (tfvars, remote state readers), unlike resource addresses.
 */
export interface InventoryEntry {
  readonly kind: EntryKind;
  readonly type: string;
  readonly attributes: JsonObject;
}

/** Stack name -> its entries, sorted by entryKey. */
export type Inventory = Record<string, InventoryEntry[]>;

/**
 * Attributes that name a block, most telling first: the first one a block has is its identity, so a
 * reference names the role or bucket it points at. Only unique values count (see blockIdentity).
 */
const IDENTIFYING_ATTRIBUTES = [
  "name",
  "bucket",
  "family",
  "alarm_name",
  "dashboard_name",
  "policy_name",
  "domain_name",
  "url",
  "service_name",
  "cidr_block",
  "tags.Name",
  "environment",
  "variable_name",
  "description",
];

/** Meta-arguments that Terraform reads as sets: their order means nothing, so it is sorted away. */
const UNORDERED_LISTS: readonly (readonly string[])[] = [
  ["depends_on"],
  ["lifecycle", "ignore_changes"],
  ["lifecycle", "replace_triggered_by"],
];

/**
 * `type.NAME` or `data.type.NAME`, not preceded by an identifier character or a dot, so that the
 * `aws_account_ids.prod` of `var.aws_account_ids.prod` or `val.fqdn` never start a match. Names
 * may hold `-` (cdktf ids do). Only matches naming a block of the stack are rewritten, which leaves
 * `var.*`, `each.*`, `count.*`, `local.*` and plain text such as `urllib.request` alone.
 */
const REFERENCE = /(?<![\w.-])(data\.)?([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)/g;

/** Stack sections that describe no infrastructure: cdktf metadata, and `moved` blocks, which only map old addresses to new ones. */
const IGNORED_SECTIONS = new Set(["//", "moved"]);

/** A block's address as references spell it. */
function addressOf(kind: "data" | "resource", type: string, name: string): string {
  return kind === "data" ? `data.${type}.${name}` : `${type}.${name}`;
}

/** Canonical JSON: keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Code-unit order: unlike localeCompare, the same on every machine, as a committed file needs. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The text that identifies an entry in a multiset: equal keys, equal entries. */
export function entryKey(entry: InventoryEntry): string {
  return `${entry.kind} ${entry.type} ${canonicalJson(entry.attributes)}`;
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === "object" && !Array.isArray(value);
}

/** The value at a dotted path such as `tags.Name`. */
function valueAt(attributes: JsonObject, dottedPath: string): Json | undefined {
  let value: Json | undefined = attributes;
  for (const key of dottedPath.split(".")) value = isObject(value) ? value[key] : undefined;
  return value;
}

/** `value` with every string passed through `rewrite` and every `//` key (cdktf metadata, a comment to Terraform) dropped. */
function mapStrings(value: Json, rewrite: (text: string) => string): Json {
  if (typeof value === "string") return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, rewrite));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, item]) => [key, mapStrings(item, rewrite)]),
    );
  }
  return value;
}

/** Sorts the set-valued meta-arguments in place (attributes is a fresh copy). */
function sortUnorderedLists(attributes: JsonObject): JsonObject {
  for (const listPath of UNORDERED_LISTS) {
    const parent = listPath.slice(0, -1).reduce<Json | undefined>((value, key) => (isObject(value) ? value[key] : undefined), attributes);
    const key = listPath[listPath.length - 1];
    if (isObject(parent) && Array.isArray(parent[key])) parent[key] = [...parent[key]].sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)));
  }
  return attributes;
}

/**
 * The identifying attribute of a block, as `attribute=value`, the value passed through `rewrite`
 * (StackBlocks reduces references in it to their type).
 */
export function identifyingKey(attributes: JsonObject, rewrite: (text: string) => string = (text) => text): string | undefined {
  for (const attribute of IDENTIFYING_ATTRIBUTES) {
    const value = valueAt(attributes, attribute);
    if (typeof value === "string" || typeof value === "number") return `${attribute}=${rewrite(String(value))}`;
  }
  return undefined;
}

/**
 * The identity of a block without a unique identifying attribute: a hash of its normalized attributes
 * (an entry's attributes), or `{}` for a block without any (aws_caller_identity), which reads better.
 */
export function contentIdentity(attributes: JsonObject): string {
  if (Object.keys(attributes).length === 0) return "{}";
  return `#${createHash("sha256").update(canonicalJson(attributes)).digest("hex").slice(0, 12)}`;
}

interface Block {
  readonly kind: "data" | "resource";
  readonly type: string;
  readonly attributes: JsonObject;
}

/** The resource and data blocks of one stack, with the identities that replace their names in references. */
class StackBlocks {
  private readonly blocks = new Map<string, Block>();
  private readonly identities = new Map<string, string>();
  /** Blocks whose identity is being computed: meeting one again means a reference cycle. */
  private readonly resolving: string[] = [];

  constructor(stack: JsonObject) {
    for (const kind of ["data", "resource"] as const) {
      for (const [type, named] of Object.entries(objectAt(stack, kind))) {
        for (const [name, attributes] of Object.entries(asObject(named, `${kind}.${type}`))) {
          this.blocks.set(addressOf(kind, type, name), { kind, type, attributes: asObject(attributes, `${kind}.${type}.${name}`) });
        }
      }
    }
  }

  /** Every block, normalized. */
  entries(): InventoryEntry[] {
    return [...this.blocks.values()].map((block) => ({ kind: block.kind, type: block.type, attributes: this.normalize(block.attributes) }));
  }

  /** Attributes without metadata, with address-free references and sorted set-valued meta-arguments. */
  normalize(attributes: JsonObject): JsonObject {
    return sortUnorderedLists(mapStrings(attributes, (text) => this.rewriteReferences(text)) as JsonObject);
  }

  /** Replaces the name of every reference to a block of this stack by the block's identity. */
  private rewriteReferences(text: string): string {
    return this.replaceBlockNames(text, (address) => `<${this.identity(address)}>`);
  }

  /**
   * Replaces the name of every reference by `*`. Identifying keys use this: resolving the references
   * in them would make a block's identity depend on its siblings' (through the uniqueness check), and
   * with that on the order in which identities are computed.
   */
  private reduceReferences(text: string): string {
    return this.replaceBlockNames(text, () => "*");
  }

  private replaceBlockNames(text: string, replacement: (address: string) => string): string {
    return text.replace(REFERENCE, (match, data: string | undefined, type: string, name: string) => {
      const address = `${data ?? ""}${type}.${name}`;
      return this.blocks.has(address) ? `${data ?? ""}${type}.${replacement(address)}` : match;
    });
  }

  /** The block's identity, computed once. */
  private identity(address: string): string {
    const known = this.identities.get(address);
    if (known !== undefined) return known;
    if (this.resolving.includes(address)) {
      // Terraform rejects such a configuration; a hash cannot be defined over a cycle.
      throw new Error(`reference cycle: ${[...this.resolving.slice(this.resolving.indexOf(address)), address].join(" -> ")}`);
    }
    this.resolving.push(address);
    const identity = this.uniqueIdentifyingKey(address) ?? this.contentIdentity(address);
    this.resolving.pop();
    this.identities.set(address, identity);
    return identity;
  }

  /** The identifying key of the block, if no other block of its kind and type has the same one. */
  private uniqueIdentifyingKey(address: string): string | undefined {
    const block = this.block(address);
    const keyOf = (attributes: JsonObject) => identifyingKey(attributes, (text) => this.reduceReferences(text));
    const key = keyOf(block.attributes);
    if (key === undefined) return undefined;
    const sameKey = [...this.blocks.values()].filter((other) => other.kind === block.kind && other.type === block.type && keyOf(other.attributes) === key);
    return sameKey.length === 1 ? key : undefined;
  }

  private contentIdentity(address: string): string {
    return contentIdentity(this.normalize(this.block(address).attributes));
  }

  private block(address: string): Block {
    const block = this.blocks.get(address);
    if (block === undefined) throw new Error(`no block ${address}`);
    return block;
  }
}

function asObject(value: Json | undefined, where: string): JsonObject {
  if (!isObject(value)) throw new Error(`${where}: expected an object, found ${JSON.stringify(value)}`);
  return value;
}

/** A section of the stack, empty when absent. */
function objectAt(stack: JsonObject, section: string): JsonObject {
  return stack[section] === undefined ? {} : asObject(stack[section], section);
}

/**
 * The `terraform` block, one entry per setting (a scalar one such as required_version as `{value}`).
 * The local backend's path is absolute (cdktf puts the state file in the synth's working directory):
 * only the file name says something about the stack.
 */
function terraformEntries(stack: JsonObject): InventoryEntry[] {
  return Object.entries(objectAt(stack, "terraform")).map(([setting, value]) => {
    const attributes = isObject(value) ? value : { value };
    return { kind: "terraform", type: setting, attributes: setting === "backend" ? withStateFileName(attributes) : attributes };
  });
}

function withStateFileName(backend: JsonObject): JsonObject {
  const local = backend.local;
  if (!isObject(local) || typeof local.path !== "string") return backend;
  return { ...backend, local: { ...local, path: path.basename(local.path) } };
}

/** Provider configurations: a list per provider (several when aliased). */
function providerEntries(stack: JsonObject, blocks: StackBlocks): InventoryEntry[] {
  return Object.entries(objectAt(stack, "provider")).flatMap(([type, configurations]) => {
    const list = Array.isArray(configurations) ? configurations : [configurations];
    return list.map((configuration) => ({ kind: "provider" as const, type, attributes: blocks.normalize(asObject(configuration, `provider.${type}`)) }));
  });
}

/** Variables or outputs, by name. */
function namedEntries(stack: JsonObject, kind: "variable" | "output", blocks: StackBlocks): InventoryEntry[] {
  return Object.entries(objectAt(stack, kind)).map(([name, value]) => ({ kind, type: name, attributes: blocks.normalize(asObject(value, `${kind}.${name}`)) }));
}

const KNOWN_SECTIONS = new Set(["terraform", "provider", "variable", "output", "data", "resource"]);

/**
 * The inventory of one synthesized stack. A section it does not know (locals, module, import) makes
 * it throw: leaving it out would hide differences, and locals are named by construct ids like resources.
 */
export function inventoryOfStack(stackJson: unknown): InventoryEntry[] {
  const stack = asObject(stackJson as Json, "stack");
  const unknown = Object.keys(stack).filter((section) => !KNOWN_SECTIONS.has(section) && !IGNORED_SECTIONS.has(section));
  if (unknown.length > 0) throw new Error(`the inventory does not cover the stack section(s) ${unknown.join(", ")}`);
  const blocks = new StackBlocks(stack);
  const entries = [
    ...terraformEntries(stack),
    ...providerEntries(stack, blocks),
    ...namedEntries(stack, "variable", blocks),
    ...namedEntries(stack, "output", blocks),
    ...blocks.entries(),
  ];
  return sortEntries(entries);
}

function sortEntries(entries: InventoryEntry[]): InventoryEntry[] {
  return entries
    .map((entry) => ({ entry, key: entryKey(entry) }))
    .sort((a, b) => compareText(a.key, b.key))
    .map(({ entry }) => entry);
}

/** The inventory of every stack in a cdktf output directory (`<outdir>/stacks/<stack>/cdk.tf.json`). */
export function readSynthesizedInventory(outdir: string): Inventory {
  const stacksDir = path.join(outdir, "stacks");
  if (!fs.existsSync(stacksDir)) throw new Error(`${outdir} holds no stacks/ directory: not a cdktf output directory`);
  const inventory: Inventory = {};
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, "cdk.tf.json");
    if (fs.existsSync(file)) inventory[stack] = inventoryOfStack(JSON.parse(fs.readFileSync(file, "utf8")));
  }
  return inventory;
}

/** Says what the baseline file is and how it is made; not read back. */
const BASELINE_ABOUT =
  "Address-independent inventory of the synthesized stacks (scripts/inventory/). " +
  "Regenerate: npx tsx scripts/inventory/compare.ts --write-baseline <this file> --from <cdktf.out>";

/** One entry as a line: kind and type first for the reader, attributes in canonical order. */
function entryLine(entry: InventoryEntry): string {
  return `{"kind":${JSON.stringify(entry.kind)},"type":${JSON.stringify(entry.type)},"attributes":${canonicalJson(entry.attributes)}}`;
}

/** The baseline file's text: one entry per line, so a regenerated baseline diffs line by line in review. */
export function serializeBaseline(inventory: Inventory): string {
  const stacks = Object.keys(inventory)
    .sort()
    .map((stack) => `    ${JSON.stringify(stack)}: [\n${inventory[stack].map((entry) => `      ${entryLine(entry)}`).join(",\n")}\n    ]`);
  return `{\n  "about": ${JSON.stringify(BASELINE_ABOUT)},\n  "stacks": {\n${stacks.join(",\n")}\n  }\n}\n`;
}

const ENTRY_KINDS: readonly string[] = ["terraform", "provider", "variable", "output", "data", "resource"];

function isEntry(value: Json): value is Json & InventoryEntry {
  return isObject(value) && ENTRY_KINDS.includes(value.kind as string) && typeof value.type === "string" && isObject(value.attributes);
}

/** Reads a baseline file written by serializeBaseline. */
export function readBaseline(file: string): Inventory {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Json;
  const stacks = isObject(parsed) ? parsed.stacks : undefined;
  if (!isObject(stacks)) throw new Error(`${file}: not a resource inventory baseline (no "stacks" object)`);
  const inventory: Inventory = {};
  for (const [stack, entries] of Object.entries(stacks)) {
    if (!Array.isArray(entries) || !entries.every(isEntry)) throw new Error(`${file}: stack ${stack} is not a list of inventory entries`);
    inventory[stack] = sortEntries(entries);
  }
  return inventory;
}
