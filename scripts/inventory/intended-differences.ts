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
import type { IntendedDifference } from "./inventory-diff";

export const INTENDED_DIFFERENCES: readonly IntendedDifference[] = [
  {
    stack: "recipe-chatbot-github",
    type: "github_repository_file",
    matches: (entry) => entry.attributes.file === ".github/workflows/deploy.yml",
    reason:
      "the delivery workflow's sources moved to assets/ (assets/deploy.yml, assets/rollout.sh): its header comment and commit message name the new paths; the workflow's steps are unchanged",
  },
];
