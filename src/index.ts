/**
 * The Recipe Chatbot app: its stacks, configuration model and synthesis, plus the account, CI and
 * building-block constructs. The five generic modules have subpaths of their own:
 * recipe-chatbot-infra/networking, /ecs-service, /alb, /secrets and /monitoring.
 */
export * from "./config";
export { buildRecipeChatbotApp, type RecipeChatbotAppConfig } from "./app";
export { synthesize, HCL_DIR } from "./synthesize";
export { awsContextOf, lookUpAwsContext, type AwsContext } from "./core/aws-context";
export { InvalidPropsError } from "./core/props";
export { BootstrapStack, type BootstrapStackProps } from "./stacks/bootstrap-stack";
export { EnvironmentStack, type EnvironmentStackProps } from "./stacks/environment-stack";
export { GithubStack, type GithubStackProps } from "./stacks/github-stack";
export { RecipeChatbot, type RecipeChatbotProps } from "./recipe-chatbot/recipe-chatbot";
export { DeployVariables, type DeployVariablesProps } from "./recipe-chatbot/deploy-variables";
export { applyStateBackend } from "./state/backends";
export { StateStore, type StateStoreProps } from "./state/state-store";
export { CI_ROLE_NAMES, environmentCiRoleName, GITHUB_ENVIRONMENTS } from "./ci/names";
export { GithubActionsRole, type GithubActionsRoleProps } from "./ci/github-actions-role";
export { GithubOidcRoles, type GithubOidcRolesProps } from "./ci/github-oidc-roles";
export { TerraformCloudRoles, type TerraformCloudRolesProps } from "./ci/terraform-cloud-roles";
export { WebIdentityRole, type OidcIssuer, type WebIdentityRoleProps } from "./ci/web-identity-role";
export { ReadableStack, readableLogicalId } from "./core/readable-stack";
export { keepingResolvedTokens, useFastResolve } from "./core/fast-resolve";
export * from "./account";
export * from "./blocks";
export * from "./policy";
