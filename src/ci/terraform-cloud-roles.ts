import { Construct } from "constructs";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import type { AwsContext } from "../core/aws-context";
import { cloudWorkspaceName, environmentStackName, terraformCloudRoleName } from "../core/naming";
import type { TerraformCloudConfig } from "../config";
import { suppress } from "../policy";
import { TERRAFORM_CLOUD_OIDC_AUDIENCE, terraformCloudSubject } from "./names";
import { applyPolicies, planPolicies, UNSCOPED_REASON, type CiEnvironment, type CiScope } from "./permissions";
import { WebIdentityRole, type OidcIssuer } from "./web-identity-role";

export interface TerraformCloudRolesProps {
  readonly aws: AwsContext;
  readonly terraformCloud: TerraformCloudConfig;
  /** The environments whose workspaces run remotely: each gets a plan and an apply role. */
  readonly environments: readonly CiEnvironment[];
  /** The bootstrap's own resources, which the apply roles are denied writes to. */
  readonly state: { readonly bucketArn: string; readonly lockTableArn: string; readonly keyArn: string };
  /** Every CI role of the account (GitHub's and these): the apply roles are denied writes to all of them. */
  readonly ciRoleNames: readonly string[];
}

/** The roles of one environment's workspace, and what its workspace variables need. */
export interface TerraformCloudWorkspaceRoles {
  readonly environment: string;
  /** `<workspacePrefix><stack>`, as the cloud backend names it. */
  readonly workspace: string;
  /** TFC_AWS_PLAN_ROLE_ARN */
  readonly planRoleArn: string;
  /** TFC_AWS_RUN_ROLE_ARN (the apply phase; the plan phase uses the plan role) */
  readonly applyRoleArn: string;
}

/** Every role name the construct would create for `environments` (deterministic, for the deny lists). */
export function terraformCloudRoleNames(environments: readonly { readonly name: string }[]): string[] {
  return environments.flatMap((e) => [terraformCloudRoleName(e.name, "plan"), terraformCloudRoleName(e.name, "apply")]);
}

/**
 * Terraform Cloud dynamic provider credentials for remote runs (opt-in: bootstrap.terraformCloud):
 * the IAM OIDC provider for https://<hostname> (audience aws.workload.identity) and, per environment
 * whose workspace runs remotely, two roles trusting exactly
 * `organization:<org>:project:<project>:workspace:<workspace>:run_phase:plan` (plan role) or
 * `...:run_phase:apply` (apply role). Their permissions are the GitHub plan and apply roles'
 * catalogue (src/ci/permissions) for that one environment, without state access: Terraform Cloud
 * keeps the state of its runs. The apply roles keep the denies on the state store and the CI roles.
 */
export class TerraformCloudRoles extends Construct {
  readonly providerArn: string;
  readonly workspaces: readonly TerraformCloudWorkspaceRoles[];

  constructor(scope: Construct, id: string, props: TerraformCloudRolesProps) {
    super(scope, id);
    const { aws, terraformCloud: tfc } = props;
    const issuer: OidcIssuer = { host: tfc.hostname, audience: TERRAFORM_CLOUD_OIDC_AUDIENCE, sid: "TerraformCloudRuns" };
    const provider = new IamOpenidConnectProvider(this, "provider", {
      url: `https://${tfc.hostname}`,
      clientIdList: [TERRAFORM_CLOUD_OIDC_AUDIENCE],
      // No thumbprint_list, as for GitHub's provider: optional since AWS provider 5.x; IAM then
      // retrieves the issuer's top intermediate CA thumbprint itself (app.terraform.io has a public CA).
    });
    this.providerArn = provider.arn;

    const roleArn = (name: string) => `arn:${aws.partition}:iam::${aws.accountId}:role/${name}`;
    const workspaces: TerraformCloudWorkspaceRoles[] = [];
    for (const environment of props.environments) {
      const ciScope: CiScope = { partition: aws.partition, accountId: aws.accountId, environments: [environment] };
      const workspace = cloudWorkspaceName(tfc.workspacePrefix, environmentStackName(environment.name));
      const subject = (phase: "plan" | "apply") => terraformCloudSubject(tfc.organization, tfc.project, workspace, phase);
      // State lives in Terraform Cloud: no state keys, no state access (stateInBucket: false).
      const state = { ...props.state, stackKeys: [] };
      const plan = new WebIdentityRole(this, `${environment.name}-plan`, {
        roleName: terraformCloudRoleName(environment.name, "plan"),
        description: `Terraform Cloud ${tfc.organization}/${workspace}, plan phase: read-only`,
        issuer,
        oidcProviderArn: provider.arn,
        subjects: [subject("plan")],
        policies: planPolicies(ciScope, state, { stateInBucket: false }),
      });
      suppress(plan.policies.unscoped, "RC-IAM-010", UNSCOPED_REASON);
      const apply = new WebIdentityRole(this, `${environment.name}-apply`, {
        roleName: terraformCloudRoleName(environment.name, "apply"),
        description: `Terraform Cloud ${tfc.organization}/${workspace}, apply phase`,
        issuer,
        oidcProviderArn: provider.arn,
        subjects: [subject("apply")],
        policies: applyPolicies(ciScope, { ...state, ciRoleArns: props.ciRoleNames.map(roleArn) }, { stateInBucket: false }),
      });
      suppress(apply.policies.unscoped, "RC-IAM-010", UNSCOPED_REASON);
      workspaces.push({ environment: environment.name, workspace, planRoleArn: plan.roleArn, applyRoleArn: apply.roleArn });
    }
    this.workspaces = workspaces;
  }
}
