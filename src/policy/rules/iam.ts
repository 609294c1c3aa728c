/**
 * IAM rules. They run on every policy attached to a resource (see iam-policy.ts), whether written
 * as an `aws_iam_policy_document` data source or as literal JSON.
 */
import {
  attachedPolicies,
  coversAction,
  globMatches,
  isEveryone,
  PolicyKind,
  Statement,
  statementLabel,
  typesWithPolicies,
} from "../iam-policy";
import { Rule, RuleMetadata } from "../rule";
import type { StackView } from "../stack-view";
import { hasWildcard, literalText, quote, strings } from "../values";

/**
 * A rule over each statement of the resource's policies of the given kinds.
 * `checkStatement` returns what is wrong with one statement, or undefined.
 */
function statementRule(
  metadata: RuleMetadata & {
    readonly kinds: readonly PolicyKind[];
    checkStatement(statement: Statement, stack: StackView): string | undefined;
  },
): Rule {
  const { kinds, checkStatement, ...rest } = metadata;
  return {
    ...rest,
    resourceTypes: typesWithPolicies(kinds),
    check: ({ resource, stack, cannotVerify }) =>
      attachedPolicies(resource, stack, kinds, cannotVerify).flatMap((policy) =>
        policy.statements.flatMap((statement, index) => {
          const problem = checkStatement(statement, stack);
          return problem ? [`${policy.label} ${statementLabel(statement, index)} ${problem}`] : [];
        }),
      ),
  };
}

// ---- GitHub Actions OIDC trust (security-rules.md row 1 and section a) ----

const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

/**
 * An Allow statement trusting GitHub's OIDC provider: named literally in the principal, through a
 * reference to an `aws_iam_openid_connect_provider` (resource or data source) whose url is GitHub's,
 * or, for a provider looked up by ARN alone, recognisable by its GitHub condition keys.
 */
function trustsGithubOidc(statement: Statement, stack: StackView): boolean {
  if (statement.effect !== "Allow") return false;
  const federated = statement.principals.filter((p) => p.type === "Federated").flatMap((p) => p.identifiers);
  return (
    federated.some((id) => {
      const target = stack.resolve(id)?.target;
      const named = target?.type === "aws_iam_openid_connect_provider" ? target.attributes.url : id;
      return typeof named === "string" && named.includes(GITHUB_OIDC_HOST);
    }) ||
    (federated.length > 0 && statement.conditions.some((c) => c.variable.startsWith(`${GITHUB_OIDC_HOST}:`)))
  );
}

/** Conditions on the provider's `sub` or `aud` claim (the key may be built with an expression). */
function claimConditions(statement: Statement, claim: "sub" | "aud") {
  return statement.conditions.filter((c) => c.variable.endsWith(`:${claim}`));
}

/** IAM's set-operator prefixes (note the singular ForAnyValue). */
const SET_OPERATOR = /^(ForAllValues|ForAnyValue):/;
/** Operators that restrict a claim to the listed values (IfExists variants do not when it is absent). */
const RESTRICTING_OPERATOR = /^((ForAllValues|ForAnyValue):)?String(Equals|Like)(IgnoreCase)?$/;

/** Owner or repository name: literal GitHub name characters or `${...}` interpolations. */
const NAME = String.raw`(?:[A-Za-z0-9_.-]|\$\{[^}]*\})+`;
/**
 * `repo:OWNER/REPO:<anything non-empty>`. A single interpolation may stand for `OWNER/REPO` (a
 * Terraform variable holding the full name); its value is the configuration schema's to validate.
 */
const PINNED_SUB = new RegExp(String.raw`^repo:(${NAME}/${NAME}|\$\{[^}]*\}):.+$`);

const githubOidc = {
  kinds: ["trust"] as const,
  references: ["CKV_AWS_358", "CKV_AWS_393"],
};

export const oidcSubRequired = statementRule({
  ...githubOidc,
  id: "RC-IAM-001",
  title: "GitHub OIDC trust restricts the sub claim",
  description:
    "Without a sub condition any repository on GitHub can assume the role with a token from GitHub's OIDC provider.",
  severity: "critical",
  remediation:
    'add condition { test = "StringEquals", variable = "token.actions.githubusercontent.com:sub", values = ["repo:OWNER/REPO:environment:NAME"] }',
  checkStatement: (statement, stack) =>
    trustsGithubOidc(statement, stack) &&
    !claimConditions(statement, "sub").some((c) => RESTRICTING_OPERATOR.test(c.test))
      ? "trusts GitHub OIDC without a StringEquals/StringLike condition on the sub claim"
      : undefined,
});

export const oidcSubPinnedToRepository = statementRule({
  ...githubOidc,
  id: "RC-IAM-002",
  title: "GitHub OIDC sub values name one repository",
  description:
    "Every sub value must be repo:OWNER/REPO:... with no wildcard in OWNER/REPO: `*`, `repo:ORG/*` and `repo:ORG*` " +
    "trust every repository of an organisation (or on GitHub), and claims such as workflow or environment " +
    "first can be forged with custom sub templates. Every value is checked, not only the first as AWS does.",
  severity: "critical",
  remediation: 'use values of the form "repo:OWNER/REPO:environment:NAME" or "repo:OWNER/REPO:ref:refs/heads/main"',
  checkStatement: (statement, stack) => {
    if (!trustsGithubOidc(statement, stack)) return undefined;
    const bad = claimConditions(statement, "sub")
      .filter((c) => RESTRICTING_OPERATOR.test(c.test))
      .flatMap((c) => c.values.filter((v) => !PINNED_SUB.test(v)));
    return bad.length > 0 ? `allows sub value(s) ${bad.map(quote).join(", ")} not pinned to one repository` : undefined;
  },
});

export const oidcAudience = statementRule({
  ...githubOidc,
  id: "RC-IAM-003",
  title: "GitHub OIDC trust requires aud sts.amazonaws.com",
  description: "GitHub's documented trust policy pins the audience claim to sts.amazonaws.com with StringEquals.",
  severity: "medium",
  remediation:
    'add condition { test = "StringEquals", variable = "token.actions.githubusercontent.com:aud", values = ["sts.amazonaws.com"] }',
  checkStatement: (statement, stack) => {
    if (!trustsGithubOidc(statement, stack)) return undefined;
    const pinned = claimConditions(statement, "aud").some(
      (c) => c.test === "StringEquals" && c.values.length > 0 && c.values.every((v) => v === "sts.amazonaws.com"),
    );
    return pinned ? undefined : 'does not require StringEquals aud = "sts.amazonaws.com"';
  },
});

export const oidcNoSetOperators = statementRule({
  ...githubOidc,
  id: "RC-IAM-004",
  title: "No ForAllValues/ForAnyValue on the OIDC aud or sub claim",
  description:
    "aud and sub are single-valued; set operators on them are flagged by IAM Access Analyzer and ForAllValues " +
    "matches when the key is absent.",
  severity: "high",
  remediation: "use plain StringEquals (or StringLike when a value needs a wildcard) on aud and sub",
  checkStatement: (statement, stack) => {
    if (!trustsGithubOidc(statement, stack)) return undefined;
    const set = [...claimConditions(statement, "sub"), ...claimConditions(statement, "aud")].filter((c) =>
      SET_OPERATOR.test(c.test),
    );
    return set.length > 0 ? `uses ${set.map((c) => `${c.test} on ${c.variable}`).join(", ")}` : undefined;
  },
});

// ---- Condition operators ----

/** `String(Not)Equals(IgnoreCase)(IfExists)`, with or without a set prefix (security-rules.md section b). */
const EXACT_STRING_OPERATOR = /^((ForAllValues|ForAnyValue):)?String(Not)?Equals(IgnoreCase)?(IfExists)?$/;

export const noWildcardInExactCondition = statementRule({
  id: "RC-IAM-005",
  title: "No wildcards under StringEquals-type condition operators",
  description:
    "StringEquals compares literally, so `*` or `?` in a value never matches: an Allow silently fails closed " +
    "and a Deny silently never fires. Scanners do not check this.",
  severity: "high",
  references: ["IAM docs: condition operators (exact matching)"],
  kinds: ["identity", "trust", "resource"],
  remediation: "use StringLike / StringNotLike for values with wildcards, or write the exact value",
  checkStatement: (statement) => {
    const bad = statement.conditions.filter(
      (c) => EXACT_STRING_OPERATOR.test(c.test) && c.values.some(hasWildcard),
    );
    return bad.length > 0
      ? `uses wildcards under ${bad.map((c) => `${c.test} ${c.variable} = ${c.values.map(quote).join(", ")}`).join("; ")}`
      : undefined;
  },
});

// ---- Principals ----

export const noPublicPrincipal = statementRule({
  id: "RC-IAM-006",
  title: "No Allow to every principal",
  description: 'Principal "*" in an Allow lets any AWS account assume the role or use the resource.',
  severity: "critical",
  references: ["CKV_AWS_60", "CKV_AWS_32", "AVD-AWS-0032", "AwsSolutions-ECR1", "CKV_AWS_169"],
  kinds: ["trust", "resource"],
  remediation: "name the account, role or service principal that needs access instead of \"*\"",
  checkStatement: (statement) =>
    statement.effect === "Allow" && statement.principals.some(isEveryone) ? 'allows Principal "*"' : undefined,
});

// ---- Actions and resources in identity policies ----

export const noStarAction = statementRule({
  id: "RC-IAM-007",
  title: 'No Allow of Action "*"',
  description: 'Action "*" (or an Allow with NotAction, which grants everything not listed) grants every AWS action.',
  severity: "critical",
  references: ["CKV_AWS_63", "CKV_AWS_49", "AVD-AWS-0057", "AwsSolutions-IAM5", "SecurityHub IAM.21"],
  kinds: ["identity"],
  remediation: "list the actions the principal needs",
  checkStatement: (statement) => {
    if (statement.effect !== "Allow") return undefined;
    if (statement.notActions.length > 0) return "allows every action except its NotAction list";
    return statement.actions.includes("*") ? 'allows Action "*"' : undefined;
  },
});

export const noServiceWideAction = statementRule({
  id: "RC-IAM-008",
  title: 'No Allow of a whole service ("svc:*")',
  description: "A service-wide wildcard grants administrative actions of that service along with the ones needed.",
  severity: "high",
  references: ["SecurityHub IAM.21", "AwsSolutions-IAM5"],
  kinds: ["identity"],
  remediation: 'list the service\'s actions the principal needs instead of "svc:*"',
  checkStatement: (statement) => {
    const wide = statement.effect === "Allow" ? statement.actions.filter((a) => /^[\w-]+:\*$/.test(a)) : [];
    return wide.length > 0 ? `allows ${wide.map(quote).join(", ")}` : undefined;
  },
});

export const noAdministratorAccess = statementRule({
  id: "RC-IAM-009",
  title: 'No Allow of Action "*" on Resource "*"',
  description: "A statement allowing every action on every resource is full administrator access.",
  severity: "critical",
  references: ["CKV_AWS_62", "CKV_AWS_1", "SecurityHub IAM.1"],
  kinds: ["identity"],
  remediation: "grant the specific actions on the specific resources the principal needs",
  checkStatement: (statement) =>
    statement.effect === "Allow" && statement.actions.includes("*") && statement.resources.includes("*")
      ? 'allows Action "*" on Resource "*" (administrator access)'
      : undefined,
});

/**
 * Actions that support only `Resource: "*"` (Service Authorization Reference: no resource type),
 * so granting them on "*" is not over-broad. Keep this list short and cite the reason for additions.
 */
export const STAR_RESOURCE_ONLY_ACTIONS: readonly string[] = [
  "ecr:GetAuthorizationToken",
  "cloudwatch:PutMetricData", // scoped by the cloudwatch:namespace condition instead
  "cloudwatch:GetMetricData",
  "cloudwatch:ListMetrics",
  "xray:PutTraceSegments",
  "xray:PutTelemetryRecords",
  "xray:GetSamplingRules",
  "xray:GetSamplingTargets",
  "logs:DescribeLogGroups",
  "ecs:DescribeTaskDefinition",
  "ecs:RegisterTaskDefinition",
  "ecs:DeregisterTaskDefinition",
  "ecs:ListTaskDefinitions",
  "ec2:Describe*",
  "elasticloadbalancing:Describe*",
  "sts:GetCallerIdentity",
  "ssm:DescribeParameters",
  "secretsmanager:GetRandomPassword",
  "secretsmanager:ListSecrets",
  "kms:CreateKey",
  "kms:ListAliases",
  "kms:ListKeys",
];

export const noStarResource = statementRule({
  id: "RC-IAM-010",
  title: 'No Resource "*" for actions that support resource-level permissions',
  description: `Resource "*" grants the actions on every resource of the account. Exempt: ${STAR_RESOURCE_ONLY_ACTIONS.join(", ")}.`,
  severity: "high",
  references: ["CKV_AWS_355", "CKV_AWS_356", "AwsSolutions-IAM5"],
  kinds: ["identity"],
  remediation: "scope resources to ARNs (references or deterministic names), or move star-only actions to their own statement",
  checkStatement: (statement) => {
    if (statement.effect !== "Allow" || !statement.resources.includes("*")) return undefined;
    const restrictable = statement.actions.filter(
      (action) => !STAR_RESOURCE_ONLY_ACTIONS.some((allowed) => globMatches(allowed, action)),
    );
    return restrictable.length > 0 ? `allows ${restrictable.map(quote).join(", ")} on Resource "*"` : undefined;
  },
});

export const scopedPassRole = statementRule({
  id: "RC-IAM-011",
  title: "iam:PassRole is scoped to specific roles",
  description: "PassRole on any role lets the principal hand a more privileged role to a service it controls.",
  severity: "high",
  references: ["AVD-AWS-0342", "CKV_AWS_286"],
  kinds: ["identity"],
  remediation: "list the role ARNs that may be passed (and prefer an iam:PassedToService condition)",
  checkStatement: (statement) => {
    if (statement.effect !== "Allow" || !coversAction(statement, "iam:PassRole")) return undefined;
    const broad = statement.resources.filter((r) => r === "*" || /:role\/\*$/.test(literalText(r)));
    return broad.length > 0 ? `allows iam:PassRole on ${broad.map(quote).join(", ")}` : undefined;
  },
});

// ---- Managed policies ----

const AWS_MANAGED_POLICY = /:iam::aws:policy\//;

export const noAwsManagedPolicies: Rule = {
  id: "RC-IAM-012",
  title: "No AWS-managed policies",
  description:
    "AWS-managed policies are broad and change without notice (AmazonECSTaskExecutionRolePolicy grants " +
    "ecr and logs actions on every resource).",
  severity: "medium",
  references: ["AwsSolutions-IAM4"],
  resourceTypes: [
    "aws_iam_role",
    "aws_iam_role_policy_attachment",
    "aws_iam_role_policy_attachments_exclusive",
    "aws_iam_policy_attachment",
  ],
  remediation: "replace it with a scoped inline policy (aws_iam_role_policy) built from aws_iam_policy_document",
  check: ({ resource: { attributes } }) =>
    ["managed_policy_arns", "policy_arn", "policy_arns"]
      .flatMap((attribute) => strings(attributes[attribute]))
      .filter((arn) => AWS_MANAGED_POLICY.test(arn))
      .map((arn) => `attaches the AWS-managed policy ${arn}`),
};

export const IAM_RULES: readonly Rule[] = [
  oidcSubRequired,
  oidcSubPinnedToRepository,
  oidcAudience,
  oidcNoSetOperators,
  noWildcardInExactCondition,
  noPublicPrincipal,
  noStarAction,
  noServiceWideAction,
  noAdministratorAccess,
  noStarResource,
  scopedPassRole,
  noAwsManagedPolicies,
];
