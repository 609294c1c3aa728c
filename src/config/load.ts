import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { z } from "zod";
import { PRESETS } from "./presets";
import { PROJECT_DEFAULTS_INPUT, projectSchema, type ProjectConfig } from "./project";
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

/** What a user may override: a partial environment per preset name, and the project-wide sections. */
export interface ConfigOverrides {
  environments?: Record<string, unknown>;
  /** Where every stack keeps its state: `{ type: local }` (default), `s3` or `cloud`. */
  stateBackend?: unknown;
  /** The repositories CI trusts: `{ owner, repository, appRepository }`. */
  github?: unknown;
  /** What the bootstrap stack creates: `{ region, stateBucketName, lockTableName, environments }`. */
  bootstrap?: unknown;
}

/** Top-level sections of the overrides file, in the order problems are reported. */
export const CONFIG_SECTIONS = ["environments", "stateBackend", "github", "bootstrap"] as const;
/** Sections holding one mapping of settings each (environments holds one per environment). */
const PROJECT_SECTIONS = ["stateBackend", "github", "bootstrap"] as const;

/** Everything synth needs: the environments and the project-wide settings. */
export interface ResolvedConfig {
  readonly environments: EnvironmentConfig[];
  readonly project: ProjectConfig;
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

function formatIssues(prefix: string | undefined, input: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = [...(prefix === undefined ? [] : [prefix]), ...issue.path.map(String)].join(".");
    // An unknown key's message names the keys; the whole object it sits in would only be noise.
    if (issue.code === "unrecognized_keys") return `${field}: ${issue.message}`;
    return `${field}: ${issue.message} (${describe(valueAt(input, issue.path))})`;
  });
}

/**
 * Validates every environment (presets merged with overrides) and returns them, or throws one
 * ConfigError listing every problem in every environment.
 */
export function resolveEnvironments(overrides: ConfigOverrides = {}): EnvironmentConfig[] {
  const { value, problems } = environmentsOf(overrides);
  if (problems.length > 0) throw new ConfigError(problems);
  return value;
}

/**
 * Validates the whole configuration (environments, state backend, GitHub, bootstrap) and returns it,
 * or throws one ConfigError listing every problem of every section.
 */
export function resolveConfig(overrides: ConfigOverrides = {}): ResolvedConfig {
  const environments = environmentsOf(overrides);
  const project = projectOf(overrides, environmentNames(overrides));
  const problems = [...environments.problems, ...project.problems];
  if (problems.length > 0 || project.value === undefined) throw new ConfigError(problems);
  return { environments: environments.value, project: project.value };
}

/** The project settings an empty configuration gives: local state, default repositories and names. */
export function defaultProjectConfig(): ProjectConfig {
  return projectSchema.parse(PROJECT_DEFAULTS_INPUT);
}

interface Checked<T> {
  value: T;
  problems: string[];
}

/** The key of a new environment that names the preset it starts from. */
export const EXTENDS_KEY = "extends";
/**
 * `enabled: false` leaves an environment (a preset among them) out: no stack, no bootstrap entry.
 * For a repository that runs fewer environments than the presets, and for `npm run bench`'s scaling.
 */
export const ENABLED_KEY = "enabled";

/** The presets' environments, then those the configuration adds, in its order; disabled ones left out. */
function environmentNames(overrides: ConfigOverrides): string[] {
  const added = Object.keys(overrides.environments ?? {}).filter((name) => !(name in PRESETS));
  return [...Object.keys(PRESETS), ...added].filter((name) => !isDisabled(overrides.environments?.[name]));
}

function isDisabled(override: unknown): boolean {
  return isRecord(override) && override[ENABLED_KEY] === false;
}

function environmentsOf(overrides: ConfigOverrides): Checked<EnvironmentConfig[]> {
  const problems: string[] = [];
  const environments: EnvironmentConfig[] = [];
  const presets = Object.keys(PRESETS);
  for (const name of environmentNames(overrides)) {
    const override = overrides.environments?.[name];
    const { [EXTENDS_KEY]: base, [ENABLED_KEY]: enabled, ...settings } = isRecord(override) ? override : ({} as Record<string, unknown>);
    const field = `environments.${name}`;
    if (enabled !== undefined && typeof enabled !== "boolean") {
      problems.push(`${field}.${ENABLED_KEY}: must be true or false (${describe(enabled)})`);
      continue;
    }
    let preset: EnvironmentConfig;
    if (name in PRESETS) {
      if (base !== undefined) problems.push(`${field}.${EXTENDS_KEY}: ${name} is a preset; only a new environment extends one`);
      preset = PRESETS[name];
    } else if (typeof base === "string" && base in PRESETS) {
      preset = PRESETS[base];
    } else {
      const got = base === undefined ? "" : ` (${describe(base)})`;
      problems.push(`${field}.${EXTENDS_KEY}: a new environment starts from a preset; must be one of: ${presets.join(", ")}${got}`);
      continue;
    }
    if (settings.name !== undefined && settings.name !== name) {
      problems.push(`${field}.name: an environment is named by its key (${name}); leave name out (${describe(settings.name)})`);
      continue;
    }
    const input = merge({ ...preset, name }, settings);
    const result = environmentSchema.safeParse(input);
    if (result.success) environments.push(result.data);
    else problems.push(...formatIssues(field, input, result.error.issues));
  }
  return { value: environments, problems };
}

/** Project sections are not merged onto defaults: each setting has its default in project.ts. */
function projectOf(overrides: ConfigOverrides, environmentNames: readonly string[]): Checked<ProjectConfig | undefined> {
  const input = Object.fromEntries(PROJECT_SECTIONS.map((section) => [section, overrides[section] ?? PROJECT_DEFAULTS_INPUT[section]]));
  const result = projectSchema.safeParse(input);
  if (!result.success) return { value: undefined, problems: formatIssues(undefined, input, result.error.issues) };
  const problems = (result.data.bootstrap.environments ?? [])
    .map((name, i) => [name, i] as const)
    .filter(([name]) => !environmentNames.includes(name))
    .map(([name, i]) => `bootstrap.environments.${i}: ${JSON.stringify(name)} is not a configured environment; allowed: ${environmentNames.join(", ")}`);
  return { value: result.data, problems };
}

/** Reads the overrides file named by RECIPE_CHATBOT_CONFIG, if any (YAML is a superset of JSON). */
export function readOverrides(env: NodeJS.ProcessEnv = process.env): ConfigOverrides {
  const file = env[CONFIG_FILE_ENV];
  if (!file) return {};
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new ConfigError([`${CONFIG_FILE_ENV}: file ${resolved} does not exist`]);
  const parsed = parseYaml(resolved);
  if (parsed !== null && !isRecord(parsed)) throw new ConfigError([`${resolved}: must contain a mapping at the top level`]);
  const overrides = (parsed ?? {}) as Record<string, unknown>;
  const problems = Object.keys(overrides)
    .filter((key) => !(CONFIG_SECTIONS as readonly string[]).includes(key))
    .map((key) => `${key}: not a configuration section; allowed: ${CONFIG_SECTIONS.join(", ")}`);
  if (overrides.environments !== undefined && !isRecord(overrides.environments)) {
    problems.push("environments: must be a mapping of environment name to overrides");
  }
  for (const section of PROJECT_SECTIONS) {
    if (overrides[section] !== undefined && !isRecord(overrides[section])) problems.push(`${section}: must be a mapping of settings`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return overrides as ConfigOverrides;
}

/** The file's YAML (or JSON) document; a syntax error becomes a ConfigError at file:line:column. */
function parseYaml(file: string): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    if (!(error instanceof YAML.YAMLError)) throw error;
    const position = error.linePos?.[0];
    const where = position ? `${file}:${position.line}:${position.col}` : file;
    // The message's first line says what is wrong; the rest is a code frame of the same position.
    throw new ConfigError([`${where}: not valid YAML or JSON: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`]);
  }
}
