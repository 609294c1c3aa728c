/**
 * The cost of one synthesized stack: its Terraform JSON (cdktf.out/stacks/<stack>/cdk.tf.json), read
 * through the policy guard's StackView, priced by the rules of rules.ts from the stack region's price
 * table, with the environment's usage assumptions.
 */
import { StackView } from "../../src/policy/stack-view";
import { isRecord } from "../../src/policy/values";
import { NO_USAGE, type CostLine, type Range, type StackEstimate, type Usage } from "./model";
import { PriceTable } from "./price-table";
import { FREE, RULES } from "./rules";

export interface EstimateOptions {
  readonly stack: string;
  /** The usage assumptions; default none (a stack that is no environment). */
  readonly usage?: Usage;
  /** Where the price tables are (default scripts/cost/prices). */
  readonly pricesDir?: string;
}

/** The AWS provider's region in a stack's Terraform JSON (cdktf writes the provider as a list). */
export function stackRegion(terraform: unknown): string | undefined {
  const provider = isRecord(terraform) && isRecord(terraform.provider) ? terraform.provider.aws : undefined;
  const first = Array.isArray(provider) ? provider[0] : provider;
  return isRecord(first) && typeof first.region === "string" ? first.region : undefined;
}

function resourceTypes(terraform: unknown): Map<string, number> {
  const resources = isRecord(terraform) && isRecord(terraform.resource) ? terraform.resource : {};
  return new Map(Object.entries(resources).map(([type, byName]) => [type, isRecord(byName) ? Object.keys(byName).length : 0]));
}

const sum = (lines: readonly CostLine[]): Range => ({
  min: Math.round(lines.reduce((s, l) => s + l.monthly.min, 0) * 100) / 100,
  max: Math.round(lines.reduce((s, l) => s + l.monthly.max, 0) * 100) / 100,
});

export function estimateStack(terraform: unknown, options: EstimateOptions): StackEstimate {
  const types = resourceTypes(terraform);
  const awsTypes = [...types.keys()].filter((type) => type.startsWith("aws_"));
  const usage = options.usage ?? NO_USAGE;
  const region = stackRegion(terraform);
  if (awsTypes.length === 0) return { stack: options.stack, region: region ?? "-", lines: [], total: { min: 0, max: 0 }, usage, free: [] };
  if (!region) throw new Error(`${options.stack}: holds AWS resources but its AWS provider names no region; cannot choose prices`);

  const unknown = awsTypes.filter((type) => !RULES[type] && FREE[type] === undefined);
  if (unknown.length > 0) {
    throw new Error(
      `${options.stack}: no cost rule for ${unknown.join(", ")}. Add a rule to scripts/cost/rules.ts (and its prices to ` +
        `scripts/cost/prices/), or list the type in FREE with the reason it costs nothing.`,
    );
  }
  const prices = PriceTable.forRegion(region, options.pricesDir);
  const stack = new StackView(terraform);
  const context = { stack, prices, usage };
  const lines = awsTypes.filter((type) => RULES[type]).flatMap((type) => RULES[type](stack.resources(type), context));
  const free = awsTypes.filter((type) => !RULES[type]).map((type) => ({ type, count: types.get(type) ?? 0, reason: FREE[type] }));
  return { stack: options.stack, region, lines, total: sum(lines), usage, free };
}
