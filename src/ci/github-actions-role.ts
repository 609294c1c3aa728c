import { Construct } from "constructs";
import { GITHUB_OIDC_HOST } from "./names";
import type { PolicyStatement } from "../core/iam";
import { CI_SESSION_SECONDS, WebIdentityRole, type OidcIssuer } from "./web-identity-role";

export { CI_SESSION_SECONDS };

/** The audience GitHub's token carries for AWS (aws-actions/configure-aws-credentials). */
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** GitHub Actions' issuer as the trust policies name it. */
export const GITHUB_OIDC_ISSUER: OidcIssuer = { host: GITHUB_OIDC_HOST, audience: GITHUB_OIDC_AUDIENCE, sid: "GitHubActions" };

export interface GithubActionsRoleProps {
  readonly roleName: string;
  readonly description: string;
  /** ARN of the account's OIDC provider for token.actions.githubusercontent.com. */
  readonly oidcProviderArn: string;
  /**
   * The exact `sub` claims that may assume the role (StringEquals: no wildcards), e.g.
   * `repo:OWNER/REPO:environment:production`.
   */
  readonly subjects: readonly string[];
  /**
   * Permissions, one customer-managed policy per entry (`<role name>-<key>`): IAM caps a managed
   * policy at 6,144 characters, so a large grant is split by area.
   */
  readonly policies: Readonly<Record<string, PolicyStatement[]>>;
}

/** An IAM role GitHub Actions jobs assume with their OIDC token; no long-lived keys anywhere. */
export class GithubActionsRole extends WebIdentityRole {
  constructor(scope: Construct, id: string, props: GithubActionsRoleProps) {
    super(scope, id, { ...props, issuer: GITHUB_OIDC_ISSUER });
  }
}
