import { Construct } from "constructs";
import { ActionsEnvironmentVariable } from "@cdktf/provider-github/lib/actions-environment-variable";
import { RepositoryEnvironment } from "@cdktf/provider-github/lib/repository-environment";
import { RepositoryEnvironmentDeploymentPolicy } from "@cdktf/provider-github/lib/repository-environment-deployment-policy";

/** People who must approve a job before it enters an environment, by GitHub id. */
export interface GithubEnvironmentReviewers {
  readonly teamIds: number[];
  readonly userIds: number[];
}

export interface GithubDeploymentEnvironmentProps {
  readonly repository: string;
  /** GitHub environment name, e.g. production. */
  readonly environment: string;
  /**
   * The only branches whose workflow runs may enter the environment. The environment's AWS roles
   * trust `repo:OWNER/REPO:environment:NAME`, so this is also who may assume them.
   */
  readonly branches: readonly string[];
  /** Approval before every job that enters the environment; none when omitted. */
  readonly reviewers?: GithubEnvironmentReviewers;
  /** The environment's Actions variables (`vars.NAME` in its jobs), by name. */
  readonly variables: Readonly<Record<string, string>>;
}

/**
 * A GitHub deployment environment of one repository: who may deploy from where (branch policy,
 * reviewers) and the Actions variables its jobs read.
 */
export class GithubDeploymentEnvironment extends Construct {
  readonly environmentName: string;

  constructor(scope: Construct, id: string, props: GithubDeploymentEnvironmentProps) {
    super(scope, id);
    const environment = new RepositoryEnvironment(this, "environment", {
      repository: props.repository,
      environment: props.environment,
      // The protections bind administrators too: an admin cannot skip the review or the branch rule.
      canAdminsBypass: false,
      // Whoever started the run cannot approve it: a second person sees every production change.
      preventSelfReview: props.reviewers !== undefined,
      reviewers: props.reviewers && [{ teams: props.reviewers.teamIds, users: props.reviewers.userIds }],
      // Only the branches listed below (custom policies), not every protected branch.
      deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
    });
    this.environmentName = environment.environment;

    for (const branch of props.branches) {
      new RepositoryEnvironmentDeploymentPolicy(this, `branch-${branch}`, {
        repository: props.repository,
        environment: this.environmentName,
        branchPattern: branch,
      });
    }
    for (const [name, value] of Object.entries(props.variables)) {
      new ActionsEnvironmentVariable(this, name, {
        repository: props.repository,
        environment: this.environmentName,
        variableName: name,
        value,
      });
    }
  }
}
