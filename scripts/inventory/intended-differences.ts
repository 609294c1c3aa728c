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

/**
 * None since the baseline was regenerated for issue 11 (readable addresses, full provider sources,
 * environment outputs). Issue 10's redesign compared equal to the pre-redesign baseline but for the
 * delivery workflow's comments (README "Resource inventory").
 */
export const INTENDED_DIFFERENCES: readonly IntendedDifference[] = [];
