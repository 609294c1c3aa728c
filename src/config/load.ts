import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { z } from "zod";
import { PRESETS } from "./presets";
import { environmentSchema, type EnvironmentConfig } from "./schema";

/** Environment variable naming an optional YAML or JSON file of overrides. */
export const CONFIG_FILE_ENV = "RECIPE_CHATBOT_CONFIG";

/**
 * Every problem found in the configuration, one line each, naming the field and what is allowed.
 * Thrown before any construct exists, so a bad configuration never writes a file.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** What a user may override: a partial environment per preset name. */
export interface ConfigOverrides {
  environments?: Record<string, unknown>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars replace (a zone list is replaced whole, never spliced). */
function merge(base: unknown, override: unknown): unknown {
  if (!isRecord(base) || !isRecord(override)) return override === undefined ? base : override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) result[key] = merge(base[key], value);
  return result;
}

function valueAt(root: unknown, keys: readonly PropertyKey[]): unknown {
  return keys.reduce<unknown>((node, key) => (isRecord(node) || Array.isArray(node) ? (node as never)[key] : undefined), root);
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  return `got ${JSON.stringify(value as Json)}`;
}

function formatIssues(prefix: string, input: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].join(".");
    return `${field}: ${issue.message} (${describe(valueAt(input, issue.path))})`;
  });
}

/**
 * Validates every environment (presets merged with overrides) and returns them, or throws one
 * ConfigError listing every problem in every environment.
 */
export function resolveEnvironments(overrides: ConfigOverrides = {}): EnvironmentConfig[] {
  const problems: string[] = [];
  const unknown = Object.keys(overrides.environments ?? {}).filter((name) => !(name in PRESETS));
  for (const name of unknown) {
    problems.push(`environments.${name}: not a known environment; allowed: ${Object.keys(PRESETS).join(", ")}`);
  }
  const environments: EnvironmentConfig[] = [];
  for (const [name, preset] of Object.entries(PRESETS)) {
    const input = merge(preset, overrides.environments?.[name]);
    const result = environmentSchema.safeParse(input);
    if (result.success) environments.push(result.data);
    else problems.push(...formatIssues(`environments.${name}`, input, result.error.issues));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return environments;
}

/** Reads the overrides file named by RECIPE_CHATBOT_CONFIG, if any (YAML is a superset of JSON). */
export function readOverrides(env: NodeJS.ProcessEnv = process.env): ConfigOverrides {
  const file = env[CONFIG_FILE_ENV];
  if (!file) return {};
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new ConfigError([`${CONFIG_FILE_ENV}: file ${resolved} does not exist`]);
  const parsed: unknown = YAML.parse(fs.readFileSync(resolved, "utf8"));
  if (parsed !== null && !isRecord(parsed)) throw new ConfigError([`${resolved}: must contain a mapping at the top level`]);
  const overrides = (parsed ?? {}) as Record<string, unknown>;
  const problems = Object.keys(overrides)
    .filter((key) => key !== "environments")
    .map((key) => `${key}: not a configuration section; allowed: environments`);
  if (overrides.environments !== undefined && !isRecord(overrides.environments)) {
    problems.push("environments: must be a mapping of environment name to overrides");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return overrides as ConfigOverrides;
}
