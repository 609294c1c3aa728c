import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { GITHUB_OIDC_HOST } from "./names";
import { policyDocument, type PolicyStatement } from "../core/iam";

/** The audience GitHub's token carries for AWS (aws-actions/configure-aws-credentials). */
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** One hour: a plan or an apply of one stack fits; a leaked session expires soon. */
export const CI_SESSION_SECONDS = 3600;

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
export class GithubActionsRole extends Construct {
  readonly roleArn: string;
  readonly roleName: string;
  /** The managed policies by key, e.g. for a suppression on one of them. */
  readonly policies: Readonly<Record<string, IamPolicy>>;

  constructor(scope: Construct, id: string, props: GithubActionsRoleProps) {
    super(scope, id);
    const trust = policyDocument(this, "trust", [
      {
        sid: "GitHubActions",
        effect: "Allow",
        principals: [{ type: "Federated", identifiers: [props.oidcProviderArn] }],
        actions: ["sts:AssumeRoleWithWebIdentity"],
        condition: [
          { test: "StringEquals", variable: `${GITHUB_OIDC_HOST}:aud`, values: [GITHUB_OIDC_AUDIENCE] },
          { test: "StringEquals", variable: `${GITHUB_OIDC_HOST}:sub`, values: [...props.subjects] },
        ],
      },
    ]);
    const role = new IamRole(this, "role", {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: trust.json,
      maxSessionDuration: CI_SESSION_SECONDS,
    });
    const policies: Record<string, IamPolicy> = {};
    for (const [key, statements] of Object.entries(props.policies)) {
      const document = policyDocument(this, `${key}-document`, statements);
      const policy = new IamPolicy(this, `${key}-policy`, {
        name: `${props.roleName}-${key}`,
        description: `${key} permissions of ${props.roleName}`,
        policy: document.json,
      });
      new IamRolePolicyAttachment(this, `${key}-attachment`, { role: role.name, policyArn: policy.arn });
      policies[key] = policy;
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
    this.policies = policies;
  }
}
