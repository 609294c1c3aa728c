/**
 * Compares two resource inventories (resource-inventory.ts) stack by stack, as multisets of entries,
 * and reports what was removed and added. Differences that an IntendedDifference matches are accepted
 * and reported apart with their reason; any other one fails the check.
 */
import { canonicalJson, contentIdentity, entryKey, identifyingKey, type Inventory, type InventoryEntry, type Json } from "./resource-inventory";

export type Change = "removed" | "added";

/** A difference someone meant to make, recorded in intended-differences.ts. */
export interface IntendedDifference {
  /** A stack name, or "*" for every stack. */
  readonly stack: string;
  /** The entry's type (for variables and outputs, their name). */
  readonly type: string;
  /** Whether this entry, removed or added, is the intended difference; keep it as narrow as the change. */
  readonly matches: (entry: InventoryEntry, change: Change) => boolean;
  /** Why the difference is wanted: shown in the report. */
  readonly reason: string;
}

export interface Difference {
  readonly stack: string;
  readonly change: Change;
  readonly entry: InventoryEntry;
  /** The intended difference that accepts it, if any. */
  readonly intended?: IntendedDifference;
}

export interface InventoryComparison {
  readonly differences: Difference[];
  /** Recorded intended differences that matched nothing: stale, and a risk of hiding a later change. */
  readonly unusedIntended: IntendedDifference[];
}

/**
 * A removed and an added entry differing in at most this many attribute paths, and in no more than
 * half of them, are shown as one change, attribute by attribute.
 */
const MAX_PAIRED_PATHS = 6;
/** Long strings (jsonencode'd container definitions) are shown around their first difference only. */
const EXCERPT_CONTEXT = 40;
const MAX_EXCERPT = 240;
/** Multi-line text (a managed workflow file) is shown as changed lines, this many at most. */
const MAX_CHANGED_LINES = 40;
const MAX_SHOWN_ENTRY = 600;

/** Entries of `from` not matched one for one in `than` (multiset difference by entryKey). */
function multisetMinus(from: InventoryEntry[], than: InventoryEntry[]): InventoryEntry[] {
  const counts = new Map<string, number>();
  for (const entry of than) counts.set(entryKey(entry), (counts.get(entryKey(entry)) ?? 0) + 1);
  return from.filter((entry) => {
    const left = counts.get(entryKey(entry)) ?? 0;
    if (left > 0) counts.set(entryKey(entry), left - 1);
    return left === 0;
  });
}

function intendedFor(stack: string, change: Change, entry: InventoryEntry, intended: readonly IntendedDifference[]): IntendedDifference | undefined {
  return intended.find((candidate) => (candidate.stack === "*" || candidate.stack === stack) && candidate.type === entry.type && candidate.matches(entry, change));
}

/** Every removed and added entry of every stack (a stack only on one side counts all its entries). */
export function compareInventories(before: Inventory, after: Inventory, intended: readonly IntendedDifference[] = []): InventoryComparison {
  const stacks = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const differences = stacks.flatMap((stack) => {
    const old = before[stack] ?? [];
    const current = after[stack] ?? [];
    const changes: [Change, InventoryEntry[]][] = [
      ["removed", multisetMinus(old, current)],
      ["added", multisetMinus(current, old)],
    ];
    return changes.flatMap(([change, entries]) => entries.map((entry) => ({ stack, change, entry, intended: intendedFor(stack, change, entry, intended) })));
  });
  const used = new Set(differences.map((difference) => difference.intended));
  return { differences, unusedIntended: intended.filter((candidate) => !used.has(candidate)) };
}

export function unexpectedDifferences(comparison: InventoryComparison): Difference[] {
  return comparison.differences.filter((difference) => difference.intended === undefined);
}

/** Leaf values by path (`rule[0].statement.sid`); empty objects and lists are leaves too. */
function flatten(value: Json, prefix = "", into = new Map<string, Json>()): Map<string, Json> {
  const children: [string, Json][] = Array.isArray(value)
    ? value.map((item, i) => [`${prefix}[${i}]`, item])
    : value !== null && typeof value === "object"
      ? Object.entries(value).map(([key, item]) => [prefix === "" ? key : `${prefix}.${key}`, item])
      : [];
  if (children.length === 0) into.set(prefix, value);
  for (const [childPath, child] of children) flatten(child, childPath, into);
  return into;
}

interface PathChange {
  readonly path: string;
  readonly before: Json | undefined;
  readonly after: Json | undefined;
}

/** The paths whose values differ, and how many paths the two entries have between them. */
function pathChanges(before: InventoryEntry, after: InventoryEntry): { changes: PathChange[]; paths: number } {
  const old = flatten(before.attributes);
  const current = flatten(after.attributes);
  const paths = [...new Set([...old.keys(), ...current.keys()])].sort();
  const changes = paths
    .filter((leaf) => !current.has(leaf) || !old.has(leaf) || canonicalJson(old.get(leaf) as Json) !== canonicalJson(current.get(leaf) as Json))
    .map((leaf) => ({ path: leaf, before: old.get(leaf), after: current.get(leaf) }));
  return { changes, paths: paths.length };
}

interface Pair {
  readonly removed: Difference;
  readonly added: Difference;
  readonly changes: PathChange[];
}

function isFewChanges({ changes, paths }: { changes: PathChange[]; paths: number }): boolean {
  return changes.length <= MAX_PAIRED_PATHS && changes.length * 2 <= paths;
}

/**
 * Pairs removed with added entries of the same kind and type that differ in few paths, closest
 * first: such a pair is most likely one block changed, read best as `path: before -> after`.
 */
function pairChanges(removed: Difference[], added: Difference[]): { pairs: Pair[]; unpaired: Difference[] } {
  const candidates = removed
    .flatMap((old) =>
      added
        .filter((current) => current.entry.kind === old.entry.kind && current.entry.type === old.entry.type)
        .map((current) => ({ removed: old, added: current, ...pathChanges(old.entry, current.entry) })),
    )
    .filter(isFewChanges)
    .sort((a, b) => a.changes.length - b.changes.length);
  const pairs: Pair[] = [];
  const paired = new Set<Difference>();
  for (const pair of candidates) {
    if (paired.has(pair.removed) || paired.has(pair.added)) continue;
    pairs.push(pair);
    paired.add(pair.removed).add(pair.added);
  }
  return { pairs, unpaired: [...removed, ...added].filter((difference) => !paired.has(difference)) };
}

/** Both strings cut to where they differ, with some context either side, and to MAX_EXCERPT at most. */
function excerpts(before: string, after: string): [string, string] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const cut = (text: string) => {
    const from = Math.max(0, start - EXCERPT_CONTEXT);
    const to = Math.min(text.length, text.length - end + EXCERPT_CONTEXT, from + MAX_EXCERPT);
    return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
  };
  return [cut(before), cut(after)];
}

/** A file's text as the report shows it: `${base64decode("…")}` (github_repository_file content) decoded, the encoded form being unreadable. */
function readable(text: string): string {
  const encoded = /^\$\{base64decode\("([A-Za-z0-9+/=]*)"\)\}$/.exec(text);
  return encoded === null ? text : Buffer.from(encoded[1], "base64").toString("utf8");
}

/** The lines only one side has, as `- line` and `+ line` in order, from a longest common subsequence of lines. */
function changedLines(before: string[], after: string[]): string[] {
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines: string[] = [];
  let [i, j] = [0, 0];
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) [i, j] = [i + 1, j + 1];
    else if (j >= after.length || (i < before.length && common[i + 1][j] >= common[i][j + 1])) lines.push(`- ${before[i++]}`);
    else lines.push(`+ ${after[j++]}`);
  }
  return lines;
}

function shown(value: Json | undefined): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}

/** One changed path: `path: before -> after`, or for multi-line text the changed lines below the path. */
function changeLines(change: PathChange): string[] {
  if (typeof change.before !== "string" || typeof change.after !== "string") return [`${change.path}: ${shown(change.before)} -> ${shown(change.after)}`];
  const [before, after] = [readable(change.before), readable(change.after)];
  if (before.includes("\n") || after.includes("\n")) {
    const lines = changedLines(before.split("\n"), after.split("\n"));
    const more = lines.length > MAX_CHANGED_LINES ? [`… ${lines.length - MAX_CHANGED_LINES} more changed line(s)`] : [];
    return [`${change.path}: (text, changed lines)`, ...lines.slice(0, MAX_CHANGED_LINES).map((line) => `  ${line}`), ...more];
  }
  const [beforeExcerpt, afterExcerpt] = excerpts(before, after);
  return [`${change.path}: ${JSON.stringify(beforeExcerpt)} -> ${JSON.stringify(afterExcerpt)}`];
}

/** The entry's attributes, cut short, after its identifying attribute if it has one. */
function entryLabel(entry: InventoryEntry): string {
  const key = identifyingKey(entry.attributes);
  const attributes = canonicalJson(entry.attributes);
  const body = attributes.length > MAX_SHOWN_ENTRY ? `${attributes.slice(0, MAX_SHOWN_ENTRY)}…` : attributes;
  return key === undefined ? body : `${key}: ${body}`;
}

/**
 * The name of a changed pair: its identifying attribute, or else both content hashes, which are what
 * references to the block show (so the referrers' changes that follow from this one can be told apart).
 */
function pairLabel(pair: Pair): string {
  const key = identifyingKey(pair.removed.entry.attributes);
  return key ?? `${contentIdentity(pair.removed.entry.attributes)} -> ${contentIdentity(pair.added.entry.attributes)}`;
}

function reasonSuffix(difference: Difference): string {
  return difference.intended === undefined ? "" : `  [intended: ${difference.intended.reason}]`;
}

/** The report lines of one kind+type group of one stack. */
function groupLines(differences: Difference[]): string[] {
  const { pairs, unpaired } = pairChanges(
    differences.filter((difference) => difference.change === "removed"),
    differences.filter((difference) => difference.change === "added"),
  );
  const { kind, type } = differences[0].entry;
  return [
    `  ${kind} ${type}`,
    ...pairs.flatMap((pair) => [
      `    ~ changed ${pairLabel(pair)}${reasonSuffix(pair.added)}`,
      ...pair.changes.flatMap(changeLines).map((line) => `        ${line}`),
    ]),
    ...unpaired.map((difference) => `    ${difference.change === "removed" ? "-" : "+"} ${difference.change} ${entryLabel(difference.entry)}${reasonSuffix(difference)}`),
  ];
}

/** Groups by a key, keeping first-seen order. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.values()];
}

/** The lines for one stack, unexpected differences and intended ones in separate sections. */
function stackLines(stack: string, differences: Difference[]): string[] {
  const sections: [string, Difference[]][] = [
    ["unexpected", differences.filter((difference) => difference.intended === undefined)],
    ["intended", differences.filter((difference) => difference.intended !== undefined)],
  ];
  return [
    `${stack}:`,
    ...sections
      .filter(([, section]) => section.length > 0)
      .flatMap(([title, section]) => [
        ` ${title} (${section.length}):`,
        ...groupBy(section, (difference) => `${difference.entry.kind} ${difference.entry.type}`).flatMap(groupLines),
      ]),
  ];
}

/** The human-readable report: a summary line, then each stack's differences grouped by type. */
export function formatReport(comparison: InventoryComparison): string {
  const count = (differences: Difference[], change: Change) => differences.filter((difference) => difference.change === change).length;
  const unexpected = unexpectedDifferences(comparison);
  const intended = comparison.differences.filter((difference) => difference.intended !== undefined);
  const summary =
    comparison.differences.length === 0
      ? "Resource inventory: no differences."
      : `Resource inventory: unexpected ${count(unexpected, "removed")} removed, ${count(unexpected, "added")} added; ` +
        `intended ${count(intended, "removed")} removed, ${count(intended, "added")} added (- removed, + added, ~ a removed and an added entry that differ in a few attributes).`;
  const stacks = groupBy(comparison.differences, (difference) => difference.stack).flatMap((differences) => stackLines(differences[0].stack, differences));
  const unused = comparison.unusedIntended.map((candidate) => `note: intended difference matched nothing (${candidate.stack} ${candidate.type}): ${candidate.reason}`);
  return [summary, ...stacks, ...unused].join("\n") + "\n";
}
