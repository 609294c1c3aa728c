import { Construct } from "constructs";
import { GITHUB_OIDC_HOST } from "./names";
import { CI_SESSION_SECONDS, WebIdentityRole, type OidcIssuer, type WebIdentityRoleProps } from "./web-identity-role";

export { CI_SESSION_SECONDS };

/** The audience GitHub's token carries for AWS (aws-actions/configure-aws-credentials). */
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** GitHub Actions' issuer as the trust policies name it. */
export const GITHUB_OIDC_ISSUER: OidcIssuer = { host: GITHUB_OIDC_HOST, audience: GITHUB_OIDC_AUDIENCE, sid: "GitHubActions" };

/** A web-identity role whose issuer is GitHub Actions; `subjects` are e.g. `repo:OWNER/REPO:environment:production`. */
export type GithubActionsRoleProps = Omit<WebIdentityRoleProps, "issuer">;

/** An IAM role GitHub Actions jobs assume with their OIDC token; no long-lived keys anywhere. */
export class GithubActionsRole extends WebIdentityRole {
  constructor(scope: Construct, id: string, props: GithubActionsRoleProps) {
    super(scope, id, { ...props, issuer: GITHUB_OIDC_ISSUER });
  }
}
