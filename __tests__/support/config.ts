import { ConfigError, type ConfigOverrides } from "../../src/config";

/** The problems a configuration resolver reports for `overrides` (it must reject them). */
export function configProblems(resolve: (overrides: ConfigOverrides) => unknown, overrides: ConfigOverrides): string[] {
  try {
    resolve(overrides);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error("configuration was accepted");
}
