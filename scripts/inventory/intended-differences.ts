/**
 * Differences between the committed baseline (__tests__/fixtures/resource-inventory.json) and the
 * current synth that are wanted. Each one names its stack ("*" for all) and type and matches the
 * removed and/or added entries exactly, so an unrelated change of the same type still fails. Example:
 *
 *   {
 *     stack: "*",
 *     type: "aws_vpc_security_group_ingress_rule",
 *     matches: (entry) => entry.attributes.description === "HTTPS from the internet" || entry.attributes.description === "HTTPS from anywhere",
 *     reason: "rule descriptions reworded (in-place update, no replacement)",
 *   },
 *
 * Empty the list when the baseline is regenerated: the baseline then holds these changes.
 */
import { createHash } from "crypto";
import type { InventoryEntry } from "./resource-inventory";
import type { IntendedDifference } from "./inventory-diff";

/**
 * SHA-256 of the delivery workflow's lines that are not comments, the same before and after the move
 * to assets/: only comments and the commit message may differ, never a step.
 */
const DELIVERY_WORKFLOW_STEPS_SHA256 = "7b24d7bae56362e2e0689be81967c7f2776a0f6e1b58c0e0cf83982302e48cdb";

/** The workflow file's content (base64decode("...") in the stack), without its comment lines, hashed. */
function workflowStepsHash(entry: InventoryEntry): string | undefined {
  const encoded = /^\$\{base64decode\("(.*)"\)\}$/s.exec(String(entry.attributes.content ?? ""))?.[1];
  if (encoded === undefined) return undefined;
  const lines = Buffer.from(encoded, "base64").toString("utf8").split("\n");
  return createHash("sha256").update(lines.filter((line) => !line.trim().startsWith("#")).join("\n")).digest("hex");
}

export const INTENDED_DIFFERENCES: readonly IntendedDifference[] = [
  {
    stack: "recipe-chatbot-github",
    type: "github_repository_file",
    matches: (entry) => entry.attributes.file === ".github/workflows/deploy.yml" && workflowStepsHash(entry) === DELIVERY_WORKFLOW_STEPS_SHA256,
    reason:
      "the delivery workflow's sources moved to assets/ (assets/deploy.yml, assets/rollout.sh): its header comment and commit message name the new paths; the workflow's steps are unchanged",
  },
];
