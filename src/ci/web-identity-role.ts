import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { policyDocument, type PolicyStatement } from "../core/iam";

/** One hour: a plan or an apply of one stack fits; a leaked session expires soon. */
export const CI_SESSION_SECONDS = 3600;

/** An OIDC issuer as IAM's trust conditions name it. */
export interface OidcIssuer {
  /** The issuer's host (its URL without https://): the prefix of the condition keys, `<host>:sub`. */
  readonly host: string;
  /** The `aud` claim the issuer's tokens carry for AWS. */
  readonly audience: string;
  /** Statement id of the trust statement, e.g. GitHubActions. */
  readonly sid: string;
}

export interface WebIdentityRoleProps {
  readonly roleName: string;
  readonly description: string;
  readonly issuer: OidcIssuer;
  /** ARN of the account's aws_iam_openid_connect_provider for the issuer. */
  readonly oidcProviderArn: string;
  /** The exact `sub` claims that may assume the role (StringEquals: no wildcards). */
  readonly subjects: readonly string[];
  /**
   * Further claims the token must carry exactly (StringEquals on `<host>:<claim>`), e.g. GitHub's
   * immutable `repository_id` and `job_workflow_ref` (AWS STS validates them since 2026-01).
   * @default none
   */
  readonly claims?: Readonly<Record<string, readonly string[]>>;
  /**
   * Permissions, one customer-managed policy per entry (`<role name>-<key>`): IAM caps a managed
   * policy at 6,144 characters, so a large grant is split by area.
   */
  readonly policies: Readonly<Record<string, PolicyStatement[]>>;
}

/**
 * An IAM role assumed with an OIDC token (AssumeRoleWithWebIdentity), trusting one issuer for its
 * audience (StringEquals) and exact subjects (StringEquals): no long-lived keys anywhere.
 */
export class WebIdentityRole extends Construct {
  readonly roleArn: string;
  readonly roleName: string;
  /** The managed policies by key, e.g. for a suppression on one of them. */
  readonly policies: Readonly<Record<string, IamPolicy>>;

  constructor(scope: Construct, id: string, props: WebIdentityRoleProps) {
    super(scope, id);
    const { issuer } = props;
    const trust = policyDocument(this, "trust", [
      {
        sid: issuer.sid,
        effect: "Allow",
        principals: [{ type: "Federated", identifiers: [props.oidcProviderArn] }],
        actions: ["sts:AssumeRoleWithWebIdentity"],
        condition: [
          { test: "StringEquals", variable: `${issuer.host}:aud`, values: [issuer.audience] },
          { test: "StringEquals", variable: `${issuer.host}:sub`, values: [...props.subjects] },
          ...Object.entries(props.claims ?? {}).map(([claim, values]) => ({ test: "StringEquals", variable: `${issuer.host}:${claim}`, values: [...values] })),
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
