import { Testing, type TerraformStack } from "cdktf";
import { resolveEnvironments, type ConfigOverrides, type EnvironmentConfig } from "../../src/config";
import { EnvironmentStack } from "../../src/stacks/environment-stack";
import { readableLogicalId } from "../../src/core/readable-stack";

/** The synthesized Terraform JSON of a stack (snake_case attribute names, as in cdk.tf.json). */
export interface SynthesizedStack {
  resource: Record<string, Record<string, Record<string, any>>>;
  data?: Record<string, Record<string, Record<string, any>>>;
  provider: Record<string, any[]>;
  variable?: Record<string, Record<string, any>>;
  output?: Record<string, Record<string, any>>;
  terraform: Record<string, any>;
}

export function environment(name: string, overrides: ConfigOverrides = {}): EnvironmentConfig {
  const found = resolveEnvironments(overrides).find((e) => e.name === name);
  if (!found) throw new Error(`no environment ${name}`);
  return found;
}

/**
 * A fresh real environment stack, not yet synthesized: for tests that read the constructs' typed
 * outputs (stack.app.services, stack.app.monitoring, ...) or add outputs of their own before synth.
 */
export function buildEnvironment(name: string, overrides: ConfigOverrides = {}): EnvironmentStack {
  return new EnvironmentStack(Testing.app(), { config: environment(name, overrides) });
}

/** The synthesized Terraform JSON of any stack. */
export function synthStack(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

const cache = new Map<string, SynthesizedStack>();

/** Synthesizes one real environment stack (memoized per name and overrides: synth is the slow part). */
export function synthEnvironment(name: string, overrides: ConfigOverrides = {}): SynthesizedStack {
  const key = `${name}:${JSON.stringify(overrides)}`;
  let synthesized = cache.get(key);
  if (!synthesized) {
    synthesized = synthStack(buildEnvironment(name, overrides));
    cache.set(key, synthesized);
  }
  return synthesized;
}

/** All resources of one Terraform type, as [name, attributes] pairs. */
export function resourcesOf(stack: SynthesizedStack, type: string): [string, Record<string, any>][] {
  return Object.entries(stack.resource[type] ?? {});
}

/**
 * The Terraform name cdktf gives the construct at `path` (relative to the stack, e.g.
 * "app/networking/tiers/vpc" in an environment stack, where everything lives under the
 * RecipeChatbot construct "app"), as ReadableStack names it (src/core/readable-stack.ts).
 */
function nameAt(stack: SynthesizedStack, kind: "resource" | "data", type: string, path: string): string {
  const name = readableLogicalId(path.split("/"));
  if (!stack[kind]?.[type]?.[name]) throw new Error(`no ${type} at ${path} (expected Terraform name ${name})`);
  return name;
}

/** The resource of a type at a construct path relative to the stack. */
export function resourceAt(stack: SynthesizedStack, type: string, path: string): Record<string, any> {
  return stack.resource[type][nameAt(stack, "resource", type, path)];
}

/** The data source of a type at a construct path relative to the stack. */
export function dataAt(stack: SynthesizedStack, type: string, path: string): Record<string, any> {
  return stack.data![type][nameAt(stack, "data", type, path)];
}

/** "${aws_vpc.app_networking_tiers_vpc_X.id}": how another resource refers to the one at `path`. */
export function refTo(stack: SynthesizedStack, type: string, path: string, attribute = "id"): string {
  return `\${${type}.${nameAt(stack, "resource", type, path)}.${attribute}}`;
}
