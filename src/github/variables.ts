import { Construct } from "constructs";
import { hcl, rootVariable } from "../core/terraform-variables";
import { Fn, TerraformVariable, Token, type TerraformVariableConfig } from "cdktf";
import type { GithubEnvironmentReviewers } from "./environment";

/** Terraform variables of the GitHub stack (names are the interface: tfvars, TF_VAR_*). */
export const GITHUB_STACK_VARIABLES = {
  owner: "github_owner",
  repository: "github_repository",
  appRepository: "app_repository",
  accountIds: "aws_account_ids",
  reviewerTeamIds: "production_reviewer_team_ids",
  reviewerUserIds: "production_reviewer_user_ids",
  codeOwners: "workflow_code_owners",
} as const;

/** GitHub's limit of required reviewers per environment. */
export const MAX_ENVIRONMENT_REVIEWERS = 6;

/** GitHub login (user or organisation) and repository name syntax. RE2: Terraform evaluates them. */
const GITHUB_OWNER_PATTERN = "^[A-Za-z0-9](-?[A-Za-z0-9])*$";
const GITHUB_OWNER_MAX_LENGTH = 39;
const GITHUB_REPOSITORY_PATTERN = "^[A-Za-z0-9_.-]{1,100}$";
const AWS_ACCOUNT_ID_PATTERN = "^[0-9]{12}$";
/** A CODEOWNERS owner, as config's GITHUB_CODE_OWNER_PATTERN (RE2 has the same syntax here). */
const CODE_OWNER_PATTERN = "^@[A-Za-z0-9](-?[A-Za-z0-9])*(/[A-Za-z0-9._-]+)?$";

type Validation = NonNullable<TerraformVariableConfig["validation"]>[number];


export interface GithubVariablesProps {
  readonly defaults: {
    readonly owner: string;
    readonly repository: string;
    readonly appRepository: string;
    /** Default of workflow_code_owners; none: required at apply. */
    readonly workflowCodeOwners?: readonly string[];
  };
  /**
   * false (the default): the plan fails unless production_reviewer_* name at least one reviewer.
   * true only with config github.allowUnreviewedProduction.
   */
  readonly allowUnreviewedProduction?: boolean;
  /** Environments that need an AWS account id (every environment stack). */
  readonly environmentNames: readonly string[];
}

/**
 * Deploy-time inputs of the GitHub stack, validated by Terraform at plan time: who owns the
 * repositories, which they are, the AWS account of each environment, and production's reviewers.
 */
export class GithubVariables extends Construct {
  readonly owner: string;
  readonly infraRepository: string;
  readonly appRepository: string;
  readonly productionReviewers: GithubEnvironmentReviewers;
  /** The owners of the application repository's .github/, as a CODEOWNERS line's owners (space-separated). */
  readonly workflowCodeOwners: string;
  private readonly accountIds: TerraformVariable;

  constructor(scope: Construct, id: string, props: GithubVariablesProps) {
    super(scope, id);
    const names = GITHUB_STACK_VARIABLES;

    this.owner = rootVariable(this, names.owner, {
      type: "string",
      description: "GitHub organisation or user that owns both repositories",
      default: props.defaults.owner,
      validation: [
        {
          condition: `\${length(var.${names.owner}) <= ${GITHUB_OWNER_MAX_LENGTH} && can(regex(${hcl(GITHUB_OWNER_PATTERN)}, var.${names.owner}))}`,
          errorMessage: `${names.owner} must be a GitHub login: letters, digits and single inner hyphens, at most ${GITHUB_OWNER_MAX_LENGTH} characters.`,
        },
      ],
    }).stringValue;
    const repository = (name: string, description: string, defaultValue: string) =>
      rootVariable(this, name, {
        type: "string",
        description,
        default: defaultValue,
        validation: [
          {
            condition: `\${can(regex(${hcl(GITHUB_REPOSITORY_PATTERN)}, var.${name}))}`,
            errorMessage: `${name} must be a repository name (without the owner): letters, digits, '.', '_', '-'.`,
          },
        ],
      }).stringValue;
    this.infraRepository = repository(names.repository, "This infrastructure repository (its workflow plans and applies the stacks)", props.defaults.repository);
    this.appRepository = repository(names.appRepository, "The application repository, which gets the delivery workflow", props.defaults.appRepository);

    const environments = props.environmentNames;
    this.accountIds = rootVariable(this, names.accountIds, {
      type: "map(string)",
      description: `AWS account id of each environment (${environments.join(", ")}): role ARNs and ECR URLs are built from it`,
      validation: [
        {
          condition: `\${alltrue([for id in values(var.${names.accountIds}) : can(regex(${hcl(AWS_ACCOUNT_ID_PATTERN)}, id))])}`,
          errorMessage: `Every value of ${names.accountIds} must be a 12-digit AWS account id.`,
        },
        {
          condition: `\${alltrue([for name in ${hcl(environments)} : contains(keys(var.${names.accountIds}), name)])}`,
          errorMessage: `${names.accountIds} needs an account id for each of: ${environments.join(", ")}.`,
        },
      ],
    });

    const reviewerIds = (name: string, kind: string, more: Validation[] = []) =>
      rootVariable(this, name, {
        type: "list(number)",
        description: `GitHub ${kind} ids whose approval production deployments wait for; with none set, production needs no approval`,
        default: [],
        validation: [
          {
            condition: `\${alltrue([for id in var.${name} : id > 0 && floor(id) == id])}`,
            errorMessage: `${name} must list GitHub ${kind} ids (positive whole numbers).`,
          },
          ...more,
        ],
      });
    const teamIds = reviewerIds(names.reviewerTeamIds, "team");
    const userIds = reviewerIds(names.reviewerUserIds, "user", [
      {
        // GitHub rejects more. Terraform >= 1.9 lets a validation read another variable, one way only
        // (two validations reading each other are a cycle).
        condition: `\${length(var.${names.reviewerTeamIds}) + length(var.${names.reviewerUserIds}) <= ${MAX_ENVIRONMENT_REVIEWERS}}`,
        errorMessage: `${names.reviewerTeamIds} and ${names.reviewerUserIds} may name at most ${MAX_ENVIRONMENT_REVIEWERS} reviewers in all.`,
      },
      // Without a reviewer, a push to main reaches production unseen; only the configuration may say that is intended.
      ...(props.allowUnreviewedProduction
        ? []
        : [
            {
              condition: `\${length(var.${names.reviewerTeamIds}) + length(var.${names.reviewerUserIds}) > 0}`,
              errorMessage:
                `${names.reviewerTeamIds} and ${names.reviewerUserIds} name no reviewer: production would deploy without approval. ` +
                "Name at least one, or set github.allowUnreviewedProduction: true in the configuration.",
            },
          ]),
    ]);
    this.productionReviewers = { teamIds: Token.asNumberList(teamIds.value), userIds: Token.asNumberList(userIds.value) };

    const codeOwners = rootVariable(this, names.codeOwners, {
      type: "list(string)",
      description: "Code owners (@user or @org/team) whose review main of the application repository requires for .github/ (its workflows)",
      default: props.defaults.workflowCodeOwners ? [...props.defaults.workflowCodeOwners] : undefined,
      validation: [
        {
          condition: `\${length(var.${names.codeOwners}) > 0 && alltrue([for owner in var.${names.codeOwners} : can(regex(${hcl(CODE_OWNER_PATTERN)}, owner))])}`,
          errorMessage: `${names.codeOwners} must name at least one code owner, each @user or @org/team.`,
        },
      ],
    });
    this.workflowCodeOwners = Fn.join(" ", codeOwners.listValue);
  }

  /** The AWS account id of an environment, as a Terraform expression. */
  accountId(environmentName: string): string {
    return Token.asString(Fn.lookupNested(this.accountIds.value, [environmentName]));
  }
}
