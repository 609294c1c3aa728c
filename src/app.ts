import type { App } from "cdktf";
import { applyStateBackend } from "./state/backends";
import { defaultProjectConfig, type EnvironmentConfig, type ProjectConfig } from "./config";
import { BootstrapStack } from "./stacks/bootstrap-stack";
import { EnvironmentStack } from "./stacks/environment-stack";
import { GithubStack } from "./stacks/github-stack";

export interface RecipeChatbotAppConfig {
  readonly environments: readonly EnvironmentConfig[];
  /** State backend, GitHub repositories, bootstrap names. Default: local state, default names. */
  readonly project?: ProjectConfig;
}

/** Adds every stack of the project to an app, each with the configured state backend. */
export function buildRecipeChatbotApp(app: App, config: RecipeChatbotAppConfig): void {
  const project = config.project ?? defaultProjectConfig();
  // The bootstrap stack follows the configured backend too: it is first applied while the backend is
  // still local (the default), then migrated into its own bucket once the s3 backend is configured.
  const bootstrap = new BootstrapStack(app, { project, environments: config.environments });
  applyStateBackend(bootstrap, bootstrap.node.id, project.stateBackend);
  for (const environment of config.environments) {
    const stack = new EnvironmentStack(app, { config: environment });
    applyStateBackend(stack, stack.node.id, project.stateBackend);
  }
  const github = new GithubStack(app, { github: project.github, environments: config.environments });
  applyStateBackend(github, github.node.id, project.stateBackend);
}
