/**
 * Turns the blocks of a synthesized stack into a diagram: groups (from construct paths), nodes (the
 * resources that matter, some aggregated, some with their satellites folded in) and edges (the
 * references between them). What is shown, and how, is a `DiagramView`; nothing here knows AWS.
 */
import { comparePaths, compareText, literalText, type Block } from "./terraform-json";

export type Shape = "box" | "rounded" | "stadium" | "cylinder" | "hexagon";

/** How a node of one resource type is labelled and drawn. */
export interface NodeStyle {
  /** First label line, e.g. `ALB`, `ECS service`. */
  readonly kind: string;
  /** Plural for an aggregate of several blocks. @default kind + "s" */
  readonly plural?: string;
  /** @default "box" */
  readonly shape?: Shape;
  /**
   * Second label line. @default the first literal of `name`, `family`, `alarm_name`,
   * `dashboard_name`, `bucket`, `tags.Name`; else the construct path below the group.
   * `folded` are the blocks folded into this node.
   */
  readonly name?: (block: Block, folded: readonly Block[]) => string | undefined;
  /** Folded blocks counted on the label, by type: `{ aws_network_acl_rule: ["rule", "rules"] }`. */
  readonly counts?: Readonly<Record<string, readonly [one: string, many: string]>>;
}

export interface AggregateStyle extends NodeStyle {
  /** Splits a group's blocks of the type into several aggregates, e.g. subnets by tier; the value prefixes the plural. */
  readonly by?: (block: Block) => string;
  /** One short text per member, listed on the aggregate's label (e.g. CIDR blocks). */
  readonly detail?: (block: Block) => string | undefined;
}

export interface EdgeRule {
  /** The attribute whose reference is the edge's source. */
  readonly from: string;
  /** The attribute whose references are the edge's targets. @default every other attribute */
  readonly to?: string;
  /** @default the block's construct id */
  readonly label?: (block: Block) => string;
}

/**
 * What a resource type becomes. A type without a rule is left out, and so are the references to it.
 * - `show`: one node per block.
 * - `aggregate`: one node per group (and `by` value) for all its blocks of the type.
 * - `fold`: the block joins the node of a block of one of these types that it references (first) or
 *   that references it; its references become that node's. Without one, `otherwise` applies.
 * - `edge`: the block is drawn as edges between the nodes it references (an association, a rule).
 */
export type TypeRule =
  | { readonly show: NodeStyle }
  | { readonly aggregate: AggregateStyle }
  | { readonly fold: readonly string[]; readonly otherwise?: TypeRule }
  | { readonly edge: EdgeRule };

export interface DiagramView {
  /** The group (subgraph) a construct path belongs to; undefined leaves the block out. */
  readonly group: (path: readonly string[]) => string | undefined;
  /** Groups in this order first, the others after them alphabetically. */
  readonly groupOrder?: readonly string[];
  readonly rules: Readonly<Record<string, TypeRule>>;
  /** References not to draw (both ends are drawn otherwise), e.g. every `vpc_id`. @default none */
  readonly skipReference?: (from: Block, attribute: string, to: Block) => boolean;
}

export interface DiagramNode {
  /** Mermaid id, from the group and construct path. */
  readonly id: string;
  readonly group: string;
  readonly lines: readonly string[];
  readonly shape: Shape;
  /** The blocks drawn as this node: the shown or aggregated ones first, then the folded ones. */
  readonly blocks: readonly Block[];
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

export interface DiagramGroup {
  readonly id: string;
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
}

export interface Diagram {
  readonly groups: readonly DiagramGroup[];
  readonly edges: readonly DiagramEdge[];
}

interface NodeDraft {
  readonly key: string;
  readonly group: string;
  readonly idSeed: string;
  readonly style: NodeStyle | AggregateStyle;
  readonly aggregate: boolean;
  readonly byValue?: string;
  readonly primary: Block[];
  readonly folded: Block[];
}

/** Builds the diagram of `blocks` (from `readStackBlocks`) as `view` says. Deterministic: independent of addresses and JSON order. */
export function buildDiagram(blocks: readonly Block[], view: DiagramView): Diagram {
  const sorted = [...blocks].sort((a, b) => comparePaths(a.path, b.path) || compareText(a.type, b.type));
  const byAddress = new Map(sorted.map((block) => [block.address, block]));
  const referrers = new Map<string, Block[]>();
  for (const block of sorted) {
    for (const { address } of block.references) referrers.set(address, [...(referrers.get(address) ?? []), block]);
  }

  const drafts = new Map<string, NodeDraft>();
  const nodeOf = new Map<string, string | undefined>(); // block address -> draft key
  const resolving = new Set<string>();

  /** The key of the node a block is drawn as, creating it; undefined when the block is not drawn. */
  const resolve = (block: Block): string | undefined => {
    if (nodeOf.has(block.address)) return nodeOf.get(block.address);
    if (resolving.has(block.address)) return undefined; // a fold cycle: leave the block out
    resolving.add(block.address);
    const key = place(block, view.rules[block.type]);
    resolving.delete(block.address);
    nodeOf.set(block.address, key);
    return key;
  };

  const place = (block: Block, rule: TypeRule | undefined): string | undefined => {
    const group = view.group(block.path);
    if (rule === undefined || group === undefined || "edge" in rule) return undefined;
    if ("fold" in rule) {
      const host = foldHost(block, rule.fold);
      const hostKey = host && resolve(host);
      if (hostKey === undefined) return place(block, rule.otherwise);
      drafts.get(hostKey)!.folded.push(block);
      return hostKey;
    }
    if ("show" in rule) {
      const key = `show\u0000${block.address}`;
      drafts.set(key, { key, group, idSeed: [group, ...belowGroup(block.path, group)].join("_"), style: rule.show, aggregate: false, primary: [block], folded: [] });
      return key;
    }
    const byValue = rule.aggregate.by?.(block);
    const key = `aggregate\u0000${group}\u0000${block.type}\u0000${byValue ?? ""}`;
    const draft = drafts.get(key);
    if (draft) draft.primary.push(block);
    else {
      const seed = [group, ...(byValue ? [byValue] : []), rule.aggregate.plural ?? `${rule.aggregate.kind}s`].join("_");
      drafts.set(key, { key, group, idSeed: seed, style: rule.aggregate, aggregate: true, byValue, primary: [block], folded: [] });
    }
    return key;
  };

  /** The block a folded block joins: one it references of the listed types, else one that references it. */
  const foldHost = (block: Block, types: readonly string[]): Block | undefined => {
    const referenced = block.references.map(({ address }) => byAddress.get(address)!).filter((other) => types.includes(other.type));
    const referencing = (referrers.get(block.address) ?? []).filter((other) => types.includes(other.type));
    return [...sortBlocks(referenced), ...sortBlocks(referencing)].find((host) => resolve(host) !== undefined);
  };

  for (const block of sorted) resolve(block);
  // A fold can place its host before the host's turn: put every node's blocks back in path order.
  for (const draft of drafts.values()) {
    draft.primary.splice(0, draft.primary.length, ...sortBlocks(draft.primary));
    draft.folded.splice(0, draft.folded.length, ...sortBlocks(draft.folded));
  }

  const ids = assignIds([...drafts.values()], view);
  const edges = new Map<string, DiagramEdge>();
  const addEdge = (fromKey: string | undefined, toKey: string | undefined, label?: string): void => {
    if (fromKey === undefined || toKey === undefined || fromKey === toKey) return;
    const edge = { from: ids.get(fromKey)!, to: ids.get(toKey)!, ...(label !== undefined && { label }) };
    edges.set(`${edge.from}\u0000${edge.to}\u0000${label ?? ""}`, edge);
  };
  for (const block of sorted) {
    const rule = view.rules[block.type];
    if (rule && "edge" in rule) {
      if (view.group(block.path) === undefined) continue;
      const targetsOf = (matches: (attribute: string) => boolean) =>
        block.references.filter(({ attribute }) => matches(attribute)).map(({ address }) => resolve(byAddress.get(address)!));
      const sources = targetsOf((attribute) => attribute === rule.edge.from);
      const targets = targetsOf((attribute) => (rule.edge.to === undefined ? attribute !== rule.edge.from : attribute === rule.edge.to));
      const label = rule.edge.label?.(block) ?? block.path[block.path.length - 1];
      for (const source of sources) for (const target of targets) addEdge(source, target, label);
      continue;
    }
    const from = resolve(block);
    for (const { attribute, address } of block.references) {
      const target = byAddress.get(address)!;
      if (!view.skipReference?.(block, attribute, target)) addEdge(from, resolve(target));
    }
  }

  const order = new Map([...ids.values()].map((id, index) => [id, index]));
  const nodes = [...drafts.values()].map((draft) => toNode(draft, ids.get(draft.key)!));
  const groupNames = [...new Set(nodes.map((node) => node.group))].sort((a, b) => compareGroups(a, b, view.groupOrder ?? []));
  return {
    groups: groupNames.map((name) => ({
      id: uniqueGroupId(name, ids),
      title: name,
      nodes: nodes.filter((node) => node.group === name).sort((a, b) => order.get(a.id)! - order.get(b.id)!),
    })),
    edges: [...edges.values()].sort(
      (a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)! || compareText(a.label ?? "", b.label ?? ""),
    ),
  };
}

function sortBlocks(blocks: readonly Block[]): Block[] {
  return [...blocks].sort((a, b) => comparePaths(a.path, b.path) || compareText(a.type, b.type));
}

/** The construct path below the group's segment, e.g. `load-balancer/certificate/validation` -> `certificate/validation`. */
function belowGroup(path: readonly string[], group: string): string[] {
  const at = path.indexOf(group);
  return at === -1 ? [...path] : path.slice(at + 1);
}

function compareGroups(a: string, b: string, order: readonly string[]): number {
  const rank = (group: string) => (order.includes(group) ? order.indexOf(group) : order.length);
  return rank(a) - rank(b) || compareText(a, b);
}

function sanitize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "node";
}

/**
 * Mermaid ids in drawing order (group order, then construct path), made from the construct path
 * (or the aggregate's group, `by` value and plural): readable, and free of Terraform addresses.
 */
function assignIds(drafts: NodeDraft[], view: DiagramView): Map<string, string> {
  const firstPath = (draft: NodeDraft) => draft.primary[0].path;
  const ordered = [...drafts].sort(
    (a, b) =>
      compareGroups(a.group, b.group, view.groupOrder ?? []) ||
      comparePaths(firstPath(a), firstPath(b)) ||
      compareText(a.idSeed, b.idSeed),
  );
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const draft of ordered) {
    const base = sanitize(draft.idSeed);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(draft.key, id);
  }
  return ids;
}

function uniqueGroupId(group: string, nodeIds: Map<string, string>): string {
  const taken = new Set(nodeIds.values());
  const base = `step_${sanitize(group)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

const NAME_ATTRIBUTES = ["name", "family", "alarm_name", "dashboard_name", "bucket"];

/** The default second label line: a literal name attribute, else the construct path below the group. */
export function defaultName(block: Block, group: string): string {
  for (const attribute of NAME_ATTRIBUTES) {
    const name = literalText(block.body[attribute]);
    if (name !== undefined) return name;
  }
  const tags = block.body.tags;
  const tagName = typeof tags === "object" && tags !== null ? literalText((tags as Record<string, unknown>).Name) : undefined;
  if (tagName !== undefined) return tagName;
  // `certificate/certificate` says no more than `certificate`.
  return belowGroup(block.path, group)
    .filter((segment, index, segments) => segment !== segments[index - 1])
    .join("/");
}

function toNode(draft: NodeDraft, id: string): DiagramNode {
  const { style } = draft;
  const count = draft.primary.length;
  const lines: string[] = [];
  if (draft.aggregate && count > 1) {
    const aggregate = style as AggregateStyle;
    lines.push(`${count} ${draft.byValue ? `${draft.byValue} ` : ""}${style.plural ?? `${style.kind}s`}`);
    const details = draft.primary.map((block) => aggregate.detail?.(block)).filter((detail): detail is string => detail !== undefined);
    if (details.length > 0) lines.push(details.join(", "));
  } else {
    const block = draft.primary[0];
    lines.push(style.kind, style.name?.(block, draft.folded) ?? defaultName(block, draft.group));
  }
  for (const [type, [one, many]] of Object.entries(style.counts ?? {})) {
    const folded = draft.folded.filter((block) => block.type === type).length;
    if (folded > 0) lines.push(`${folded} ${folded === 1 ? one : many}`);
  }
  return { id, group: draft.group, lines, shape: style.shape ?? "box", blocks: [...draft.primary, ...draft.folded] };
}
