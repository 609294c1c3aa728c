import { Testing, TerraformStack } from "cdktf";

/**
 * Synthesizes with validations, as `cdktf synth` does, and returns the error message;
 * fails the test when synth succeeds.
 */
export function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected synth of ${stack.node.path} to fail`);
}

/** Rule ids named in a synth error, in order. */
export function ruleIdsIn(message: string): string[] {
  return [...message.matchAll(/^\s*\[(RC-[A-Z0-9]+-\d{3})\]/gm)].map((m) => m[1]);
}
