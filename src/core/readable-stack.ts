import {
  type IResolveContext,
  LocalBackend,
  ref,
  TerraformBackend,
  TerraformDataSource,
  TerraformElement,
  TerraformResource,
  TerraformStack,
} from "cdktf";
import type { Node } from "constructs";
// Every stack's JSON and HCL resolve through the fast path (same output, a fraction of the CPU).
import "./fast-resolve";

/**
 * The Terraform name of the construct at `path` (the ids below the stack): the ids joined with "_",
 * every character Terraform does not allow in a name turned into "_", a component that repeats its
 * parent's id dropped (`key/key` is one key). `app/networking/tiers/vpc` -> `app_networking_tiers_vpc`.
 */
export function readableLogicalId(path: readonly string[]): string {
  const kept = path.filter((id, i) => i === 0 || id !== path[i - 1]);
  const name = kept
    .join("_")
    .replace(/[^A-Za-z0-9_]/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  // A Terraform name starts with a letter or an underscore.
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/**
 * A stack whose Terraform reads like something a person wrote and runs on any machine:
 * - addresses follow the construct tree, without cdktf's hash suffix (`aws_vpc.app_networking_tiers_vpc`,
 *   not `aws_vpc.app_networking_tiers_vpc_7065E1BC`); two constructs that would get the same address
 *   fail synth with both construct paths. Renaming a construct renames its address: keep state with
 *   a `moved` block (README "Readable addresses");
 * - the default local backend's path is relative to the root's directory, not cdktf's absolute path
 *   of the machine that ran synth;
 * - `required_providers` names the full source (`hashicorp/aws`, not the `aws` shorthand) and a range
 *   from the version the bindings were generated for to the next major (`>= 5.100.0, < 6.0.0`).
 */
export class ReadableStack extends TerraformStack {
  /** Address (kind, type and name) -> construct path that took it. */
  private readonly taken = new Map<string, string>();
  /** The Terraform JSON a validation resolved, kept for the synthesis that follows it (see terraformForValidation). */
  private validatedTerraform: unknown;

  /**
   * The stack's resolved Terraform JSON for a validation (the policy guard), kept for the very next
   * `toTerraform()`: cdktf runs validations after aspects, then synthesizes the JSON of the same,
   * unchanged tree, and resolving every token of a stack twice was a fifth of synth's CPU
   * (README "Speed"). The kept JSON is handed out once, and dropped when the stack is prepared again.
   */
  terraformForValidation(): unknown {
    this.validatedTerraform ??= super.toTerraform();
    return this.validatedTerraform;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf's own signature
  toTerraform(): any {
    const kept = this.validatedTerraform;
    this.validatedTerraform = undefined;
    return kept ?? super.toTerraform();
  }

  protected allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const ids = node.scopes.slice(node.scopes.indexOf(this) + 1).map((scope) => scope.node.id);
    if (ids.length === 0) return "";
    const name = readableLogicalId(ids);
    const key = `${addressKind(element)}.${name}`;
    const owner = this.taken.get(key);
    if (owner !== undefined && owner !== node.path) {
      throw new Error(`Two constructs would share the Terraform address ${key}: ${owner} and ${node.path}. Give one of them another id.`);
    }
    this.taken.set(key, node.path);
    return name;
  }

  ensureBackendExists(): TerraformBackend {
    const existing = this.node.findAll().find((construct): construct is TerraformBackend => TerraformBackend.isBackend(construct));
    return existing ?? new LocalBackend(this, { path: `terraform.${this.node.id}.tfstate` });
  }

  /**
   * cdktf's prepareStack also resolves every token of the stack in "preparing" mode, only to find
   * cross-stack references (which it turns into outputs and remote state). The stacks here never use
   * them (DESIGN "Layers": share names, ARNs, data sources or variables), and the pass was an eighth of
   * synth's CPU (README "Speed"): it is skipped, and a cross-stack reference fails synth instead.
   */
  prepareStack(): void {
    this.validatedTerraform = undefined;
    this.ensureBackendExists();
    for (const provider of this.allProviders()) {
      const generated = provider.terraformGeneratorMetadata;
      if (!generated?.providerVersion || !provider.terraformProviderSource) continue;
      this.addOverride(`terraform.required_providers.${generated.providerName}`, {
        source: fullProviderSource(provider.terraformProviderSource),
        version: versionRange(generated.providerVersion),
      });
    }
  }
}

/** cdktf's Reference (a resource's attribute), reached through an instance: the class is not exported. */
interface ReferencePrototype {
  resolve(this: { identifier: string; originStack?: TerraformStack }, context: IResolveContext): string;
}
const referencePrototype = Object.getPrototypeOf(ref("readable-stack")) as ReferencePrototype;
const resolveReference = referencePrototype.resolve;
referencePrototype.resolve = function (context) {
  const stack = TerraformStack.of(context.scope);
  if (stack instanceof ReadableStack && this.originStack && this.originStack !== stack) {
    throw new Error(
      `${stack.node.id} refers to ${this.identifier} of stack ${this.originStack.node.id}: cross-stack references are not ` +
        "supported (they would become terraform_remote_state); share a name or ARN, a data source or a variable instead",
    );
  }
  return resolveReference.call(this, context);
};

/** Terraform reads a source without a namespace as hashicorp/<name>: say so. */
function fullProviderSource(source: string): string {
  return source.includes("/") ? source : `hashicorp/${source}`;
}

/** From the version the bindings were generated against up to the next major, which may break them. */
function versionRange(version: string): string {
  const major = Number(version.split(".")[0]);
  return `>= ${version}, < ${major + 1}.0.0`;
}

/** The part of an address before the name: the resource or data source type, or the block kind. */
function addressKind(element: TerraformElement | Node): string {
  if (element instanceof TerraformDataSource) return `data.${element.terraformResourceType}`;
  if (element instanceof TerraformResource) return element.terraformResourceType;
  return element.constructor.name;
}
