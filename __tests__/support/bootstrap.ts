import { Testing } from "cdktf";
import { resolveConfig, type ConfigOverrides } from "../../src/config";
import { BootstrapStack } from "../../src/stacks/bootstrap-stack";
import { dataAt, type SynthesizedStack } from "./stacks";

/** The account id statements are made concrete with. */
export const ACCOUNT = "123456789012";

/** An IAM policy statement as the synthesized aws_iam_policy_document holds it. */
export interface Statement {
  sid: string;
  effect: string;
  actions: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  condition?: { test: string; variable: string; values: string[] }[];
}

const cache = new Map<string, { stack: BootstrapStack; synthesized: SynthesizedStack }>();

/** The bootstrap stack for a configuration, synthesized with validations (the policy guard) on; memoized. */
export function bootstrapFor(overrides: ConfigOverrides = {}): { stack: BootstrapStack; synthesized: SynthesizedStack } {
  const key = JSON.stringify(overrides);
  if (!cache.has(key)) {
    const { environments, project } = resolveConfig(overrides);
    const stack = new BootstrapStack(Testing.app(), { project, environments });
    cache.set(key, { stack, synthesized: JSON.parse(Testing.synth(stack, true)) as SynthesizedStack });
  }
  return cache.get(key)!;
}

export const synthBootstrap = (overrides: ConfigOverrides = {}) => bootstrapFor(overrides).synthesized;

/** Partition and account references replaced by literals, so ARNs read as IAM evaluates them. */
export function concrete(text: string): string {
  return text.replace(/\$\{data\.aws_partition\.[^}]+\}/g, "aws").replace(/\$\{data\.aws_caller_identity\.[^}]+\}/g, ACCOUNT);
}

/** The statements of the policy document at a construct path, made concrete. */
export function statementsAt(stack: SynthesizedStack, path: string): Statement[] {
  return JSON.parse(concrete(JSON.stringify(dataAt(stack, "aws_iam_policy_document", path).statement)));
}

/** Whether a policy document exists at a construct path. */
export function hasData(stack: SynthesizedStack, path: string): boolean {
  try {
    dataAt(stack, "aws_iam_policy_document", path);
    return true;
  } catch {
    return false;
  }
}
