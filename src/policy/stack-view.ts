import { Attributes, isRecord } from "./values";

/** One resource or data source of the synthesized stack. */
export interface ResourceView {
  /** Terraform type, e.g. `aws_lb`. */
  readonly type: string;
  /** Terraform logical name (the construct's unique id). */
  readonly name: string;
  /** How Terraform expressions address it: `aws_lb.NAME` or `data.aws_iam_policy_document.NAME`. */
  readonly address: string;
  /** Construct path, taken from the `//.metadata.path` that cdktf writes on every element. */
  readonly path: string;
  /** Resolved attributes with the `//` metadata removed. */
  readonly attributes: Attributes;
}

/** A single-reference expression such as `${aws_lb.alb.arn}`, resolved against the stack. */
export interface ResolvedReference {
  readonly target: ResourceView;
  /** The attribute read from the target, e.g. `arn` or `json`. */
  readonly attribute: string;
}

const SINGLE_REFERENCE = /^\$\{((?:data\.)?[A-Za-z0-9_]+\.[A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.([A-Za-z0-9_.]+)\}$/;

/**
 * Read-only index over a stack's resolved Terraform JSON (`TerraformStack.toTerraform()`).
 *
 * Cross-resource rules (a VPC has a flow log, an ALB has a WAF association...) ask which
 * resources of a type reference a given resource; references appear in the JSON as `${type.name.attr}`
 * strings, or bare inside function calls such as `${jsonencode({...})}`.
 */
export class StackView {
  private readonly byType = new Map<string, ResourceView[]>();
  private readonly byAddress = new Map<string, ResourceView>();

  /**
   * @param config the stack's resolved Terraform JSON.
   * @param containerDefinitions container definitions by task-definition construct path, for
   *   definitions that are not literal JSON in `config` (see container-definitions.ts).
   */
  constructor(
    config: unknown,
    private readonly containerDefinitions: ReadonlyMap<string, readonly unknown[]> = new Map(),
  ) {
    const root = isRecord(config) ? config : {};
    this.index(root.resource, "");
    this.index(root.data, "data.");
  }

  /** Resources (not data sources) of the given type, in synthesis order. */
  resources(type: string): readonly ResourceView[] {
    return this.byType.get(type) ?? [];
  }

  /** The resource or data source an exact `${address.attribute}` expression points at. */
  resolve(expression: unknown): ResolvedReference | undefined {
    if (typeof expression !== "string") return undefined;
    const match = SINGLE_REFERENCE.exec(expression);
    const target = match && this.byAddress.get(match[1]);
    return target ? { target, attribute: match[2] } : undefined;
  }

  /**
   * Resources of `type` that reference `target`, optionally only through `attribute`
   * (for example the `aws_flow_log`s whose `vpc_id` references a VPC).
   *
   * @param sameNameAs also accept an `attribute` equal to this literal attribute of the target, for
   *   companions written with a deterministic name (`bucket = "recipe-chatbot-logs"`) instead of a reference.
   */
  referencing(target: ResourceView, type: string, attribute?: string, sameNameAs?: string): ResourceView[] {
    const name = sameNameAs === undefined ? undefined : target.attributes[sameNameAs];
    return this.resources(type).filter((candidate) => {
      const value = attribute === undefined ? candidate.attributes : candidate.attributes[attribute];
      return this.references(value, target) || (typeof name === "string" && value === name);
    });
  }

  /** Whether a value mentions `target` anywhere, e.g. `"${aws_s3_bucket.logs.arn}/*"`. */
  private references(value: unknown, target: ResourceView): boolean {
    if (value === undefined) return false;
    const escaped = target.address.replace(/[.]/g, "\\.");
    // Not preceded by a word character or a dot, so `aws_lb.x` does not match `data.aws_lb.x`.
    return new RegExp(`(?<![\\w.])${escaped}(?=[.\\[])`).test(JSON.stringify(value));
  }

  /**
   * Container definitions of an `aws_ecs_task_definition`: parsed from a literal JSON string, or
   * the registered input of an expression. Undefined when neither is available.
   */
  containers(taskDefinition: ResourceView): readonly unknown[] | undefined {
    const value = taskDefinition.attributes.container_definitions;
    if (typeof value === "string" && !value.startsWith("${")) {
      try {
        const parsed: unknown = JSON.parse(value);
        return Array.isArray(parsed) ? parsed : undefined;
      } catch {
        return undefined;
      }
    }
    return this.containerDefinitions.get(taskDefinition.path);
  }

  private index(section: unknown, prefix: string): void {
    if (!isRecord(section)) return;
    for (const [type, instances] of Object.entries(section)) {
      if (!isRecord(instances)) continue;
      for (const [name, body] of Object.entries(instances)) {
        if (!isRecord(body)) continue;
        const { "//": meta, ...attributes } = body;
        const metadata = isRecord(meta) && isRecord(meta.metadata) ? meta.metadata : {};
        const address = `${prefix}${type}.${name}`;
        const view: ResourceView = {
          type,
          name,
          address,
          path: typeof metadata.path === "string" ? metadata.path : address,
          attributes,
        };
        this.byAddress.set(address, view);
        if (prefix === "") this.byType.set(type, [...this.resources(type), view]);
      }
    }
  }
}
