import type { App } from "cdktf";
import type { EnvironmentConfig } from "./config";
import { EnvironmentStack } from "./stacks/environment-stack";

export interface RecipeChatbotAppConfig {
  readonly environments: readonly EnvironmentConfig[];
}

/** Adds every stack of the project to an app. */
export function buildRecipeChatbotApp(app: App, config: RecipeChatbotAppConfig): void {
  for (const environment of config.environments) new EnvironmentStack(app, { config: environment });
}
