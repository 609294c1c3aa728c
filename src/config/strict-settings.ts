import { z } from "zod";

/**
 * An object schema that refuses unknown keys, naming each, the known key it most likely misspells,
 * and every key it allows: a typo fails synth instead of being silently ignored.
 */
export function settings<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown setting(s) ${issue.keys.map((key) => describeUnknownKey(key, allowed)).join(", ")}; allowed: ${allowed.join(", ")}`
        : undefined,
  });
}

function describeUnknownKey(key: string, allowed: readonly string[]): string {
  const closest = closestKey(key, allowed);
  return closest ? `"${key}" (did you mean "${closest}"?)` : `"${key}"`;
}

/** The allowed key nearest to `key` by edit distance (case-insensitive), if near enough to be a typo. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const ranked = allowed
    .map((candidate) => ({ candidate, distance: editDistance(key.toLowerCase(), candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  const best = ranked[0];
  // Up to a third of the key's length: "natMod" -> "natMode", but "organisation" is no "owner".
  return best && best.distance <= Math.max(1, Math.floor(key.length / 3)) ? best.candidate : undefined;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
