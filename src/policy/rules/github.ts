/**
 * GitHub repository rules, for the stack that manages the repositories (integrations/github). They
 * guard what the CI roles' trust relies on: only reviewed code reaches main, and production's
 * GitHub environment waits for a person. Not in ALL_RULES: the AWS stacks have no github_* resources.
 */
import { Rule } from "../rule";

/** The GitHub environment whose jobs hold production's roles. */
const PRODUCTION_ENVIRONMENT = "production";

const first = (value: unknown): Record<string, unknown> | undefined =>
  (Array.isArray(value) ? value[0] : value) as Record<string, unknown> | undefined;

export const protectedBranchRequiresReview: Rule = {
  id: "RC-GH-001",
  title: "Protected branches require a reviewed pull request and refuse force pushes",
  description:
    "main is what the environments deploy and what the CI roles trust (job_workflow_ref); a push that needs no review, " +
    "or a force push that rewrites it, is a path from one account to production.",
  severity: "critical",
  references: ["OpenSSF Scorecard Branch-Protection"],
  resourceTypes: ["github_branch_protection"],
  remediation: "set required_pull_request_reviews { required_approving_review_count >= 1 }, allows_force_pushes = false, allows_deletions = false",
  check: ({ resource }) => {
    const a = resource.attributes;
    const reviews = first(a.required_pull_request_reviews);
    const problems: string[] = [];
    const count = reviews?.required_approving_review_count;
    if (reviews === undefined || (typeof count === "number" && count < 1)) problems.push("requires no approving review");
    if (a.allows_force_pushes === true) problems.push("allows force pushes");
    if (a.allows_deletions === true) problems.push("allows deleting the branch");
    return problems;
  },
};

export const environmentRepositoryProtected: Rule = {
  id: "RC-GH-002",
  title: "A repository with deployment environments protects its main branch",
  description:
    "The environments admit main only; that restricts nothing if anyone with write access can push to main. " +
    "Both repositories (infrastructure and application) deploy, so both need main's protection.",
  severity: "critical",
  references: ["issue 12 finding 2"],
  resourceTypes: ["github_repository_environment"],
  remediation: "add a github_branch_protection for main of the environment's repository",
  check: ({ resource, stack }) => {
    const repository = resource.attributes.repository;
    const protectedHere = stack.resources("github_branch_protection").some((p) => p.attributes.repository_id === repository);
    return protectedHere ? undefined : `repository ${String(repository)} has no branch protection`;
  },
};

export const productionNeedsReviewers: Rule = {
  id: "RC-GH-003",
  title: "Production waits for reviewers, who cannot approve their own runs, and admins cannot bypass it",
  description:
    "Jobs in the production environment assume the roles that change production. Reviewer ids are deploy-time " +
    "variables; the GitHub stack's plan fails when they are empty unless the configuration allows it explicitly.",
  severity: "high",
  references: ["issue 12 finding 2"],
  resourceTypes: ["github_repository_environment"],
  remediation: "set reviewers { teams, users }, prevent_self_review = true and can_admins_bypass = false",
  check: ({ resource }) => {
    const a = resource.attributes;
    if (a.environment !== PRODUCTION_ENVIRONMENT) return undefined;
    const problems: string[] = [];
    if (first(a.reviewers) === undefined) problems.push("has no reviewers");
    if (a.prevent_self_review !== true) problems.push("lets the person who started a run approve it");
    if (a.can_admins_bypass !== false) problems.push("lets admins bypass the protection");
    return problems;
  },
};

export const GITHUB_RULES: readonly Rule[] = [protectedBranchRequiresReview, environmentRepositoryProtected, productionNeedsReviewers];
