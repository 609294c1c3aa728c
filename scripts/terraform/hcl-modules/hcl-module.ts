import { TerraformOutput, type TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { rootVariable } from "../../../src/core/terraform-variables";

/** One input of a generated HCL module, as its variables.tf and README declare it. */
export interface HclInput {
  readonly name: string;
  /** A Terraform type constraint, e.g. `string`, `list(string)`, `number`. */
  readonly type: string;
  readonly description: string;
  /** Omitted: the caller must set it. */
  readonly default?: unknown;
  /** Conditions on `var.<name>` (Terraform >= 1.9 may also name other variables) and the error each gives. */
  readonly validation?: readonly { readonly condition: string; readonly errorMessage: string }[];
}

/**
 * An optional string input, empty by default: for arguments the AWS provider treats "" as unset
 * (an IAM role's permissions_boundary), so the value passes straight through.
 */
export function optionalString(io: HclModuleInterface, input: Omit<HclInput, "type" | "default">): string {
  return io.input({ ...input, type: "string", default: "" }).stringValue;
}

export interface HclOutput {
  readonly name: string;
  readonly description: string;
}

/**
 * Where a module spec declares its inputs and outputs: each becomes a Terraform variable or output of
 * the module's root, and a row of its README's tables.
 */
export class HclModuleInterface {
  readonly inputs: HclInput[] = [];
  readonly outputs: HclOutput[] = [];

  // Variables and outputs may share a name (vpc_cidr in, vpc_cidr out): keep them in separate scopes.
  private readonly inputScope: Construct;
  private readonly outputScope: Construct;

  constructor(scope: Construct) {
    this.inputScope = new Construct(scope, "inputs");
    this.outputScope = new Construct(scope, "outputs");
  }

  input(input: HclInput): TerraformVariable {
    this.inputs.push(input);
    const variable = rootVariable(this.inputScope, input.name, {
      type: input.type,
      description: input.description,
      default: input.default,
      nullable: false,
      validation: input.validation?.map((v) => ({ condition: `\${${v.condition}}`, errorMessage: v.errorMessage })),
    });
    // cdktf leaves a falsy default ("", 0, false) out of the rendered variable, making it required: put it back.
    if (input.default !== undefined && !input.default) variable.addOverride("default", input.default);
    return variable;
  }

  /** A whole number within `range`, validated with the message the construct's own check gives, then by `validation`. */
  integer(input: Omit<HclInput, "type"> & { readonly range: readonly [number, number] }): number {
    const { range: [min, max], validation = [], ...rest } = input;
    const range = { condition: condition.integerIn(`var.${input.name}`, min, max), errorMessage: `${input.name} must be an integer from ${min} to ${max}.` };
    return this.input({ ...rest, type: "number", validation: [range, ...validation] }).numberValue;
  }

  output(name: string, description: string, value: unknown, dependsOn?: TerraformOutput["dependsOn"]): void {
    this.outputs.push({ name, description });
    new TerraformOutput(this.outputScope, name, { value, description, dependsOn }).overrideLogicalId(name);
  }
}

/**
 * An HCL module generated from a module of the library: the construct built inside a root whose
 * variables feed its props. The structure (how many zones, targets, secrets) is fixed here, at
 * generation; every value is a variable.
 */
export interface HclModuleSpec {
  /** Folder under terraform/modules/, the same as the TypeScript module's. */
  readonly name: string;
  /** The README's first paragraph. */
  readonly summary: string;
  /** What generation fixed, one bullet each (README "Shape"). */
  readonly shape: readonly string[];
  /** A `module` block calling it, for the README (values only; the source line is added). */
  readonly usage: string;
  /** Declares the inputs, builds the construct from them and declares the outputs. */
  define(scope: Construct, io: HclModuleInterface): void;
}

/** A validation condition that every element of a list input satisfies. */
export const everyElement = (list: string, element: string, condition: string): string =>
  `alltrue([for ${element} in ${list} : ${condition}])`;

/** Conditions the constructs' own prop checks become in variables.tf. */
export const condition = {
  oneOf: (ref: string, allowed: readonly (string | number)[]): string => `contains(${JSON.stringify(allowed)}, ${ref})`,
  integerIn: (ref: string, min: number, max: number): string => `${ref} == floor(${ref}) && ${ref} >= ${min} && ${ref} <= ${max}`,
  ipv4Cidr: (ref: string): string => `can(cidrnetmask(${ref}))`,
  /** `ref` is an IPv4 network inside `outer` (its first address under `outer`'s mask is `outer`'s network). */
  ipv4CidrInside: (ref: string, outer: string): string =>
    `can(cidrnetmask(${ref})) && tonumber(split("/", ${ref})[1]) >= tonumber(split("/", ${outer})[1]) && ` +
    `cidrhost(format("%s/%s", cidrhost(${ref}, 0), split("/", ${outer})[1]), 0) == cidrhost(${outer}, 0)`,
  /** Letters, digits and hyphens, starting and ending with a letter or digit, at most `max` characters. */
  name: (ref: string, max: number): string => `length(${ref}) <= ${max} && can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", ${ref}))`,
};
