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

// ---- OIDC (web identity) trust: GitHub Actions, Terraform Cloud (security-rules.md row 1 and section a) ----

/** An OIDC issuer the trust rules know, as data: how to recognise it and what a pinned `sub` is. */
export interface OidcIssuerProfile {
  /** As messages name it, e.g. "GitHub OIDC". */
  readonly name: string;
  /** Issuer hosts (URL without https://), the prefix of its condition keys (`<host>:sub`). */
  readonly hosts: readonly string[];
  /** The `aud` value its tokens carry for AWS: the trust must pin it with StringEquals. */
  readonly audience: string;
  /**
   * Also recognise the issuer at another host by its audience (the provider's client_id_list or
   * an aud condition): Terraform Enterprise runs at the customer's own hostname.
   */
  readonly recognisedByAudience: boolean;
  /** What every `sub` value under StringEquals/StringLike must match. */
  readonly pinnedSub: RegExp;
  /** What a pinned value pins, for messages: "one repository". */
  readonly pinnedTo: string;
  readonly subExample: string;
}

/** Owner or repository name: literal GitHub name characters or `${...}` interpolations. */
const NAME = String.raw`(?:[A-Za-z0-9_.-]|\$\{[^}]*\})+`;
/** A Terraform Cloud name segment (projects may contain spaces): no ':' and no wildcard. */
const TFC_SEGMENT = String.raw`(?:[A-Za-z0-9 _.-]|\$\{[^}]*\})+`;

export const GITHUB_OIDC_ISSUER: OidcIssuerProfile = {
  name: "GitHub OIDC",
  hosts: ["token.actions.githubusercontent.com"],
  audience: "sts.amazonaws.com",
  // sts.amazonaws.com is every AWS-minded issuer's audience: it identifies nothing.
  recognisedByAudience: false,
  /**
   * `repo:OWNER/REPO:<anything non-empty>`. A single interpolation may stand for `OWNER/REPO` (a
   * Terraform variable holding the full name); its value is the configuration schema's to validate.
   */
  pinnedSub: new RegExp(String.raw`^repo:(${NAME}/${NAME}|\$\{[^}]*\}):.+$`),
  pinnedTo: "one repository",
  subExample: "repo:OWNER/REPO:environment:NAME",
};

export const TERRAFORM_CLOUD_OIDC_ISSUER: OidcIssuerProfile = {
  name: "Terraform Cloud OIDC",
  hosts: ["app.terraform.io"],
  audience: "aws.workload.identity",
  recognisedByAudience: true,
  // Every segment exact: no wildcard anywhere, not even under StringLike (one workspace, one phase).
  pinnedSub: new RegExp(
    String.raw`^organization:${TFC_SEGMENT}:project:${TFC_SEGMENT}:workspace:${TFC_SEGMENT}:run_phase:(plan|apply)$`,
  ),
  pinnedTo: "one workspace and run phase",
  subExample: "organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:apply",
};

/** The issuers the OIDC trust rules check; other web-identity providers are left alone. */
export const OIDC_ISSUERS: readonly OidcIssuerProfile[] = [GITHUB_OIDC_ISSUER, TERRAFORM_CLOUD_OIDC_ISSUER];

/** `https://host/path/` -> `host/path`, as IAM names a provider (and as its ARN ends). */
function issuerHost(url: string): string {
  return url.replace(/^https:\/\//, "").replace(/\/+$/, "");
}

/**
 * The known issuer an Allow statement trusts, if any: named literally in the principal (the
 * provider ARN ends in the host), through a reference to an `aws_iam_openid_connect_provider`
 * (resource or data source) whose url is the issuer's (or, for issuers recognised by audience,
 * whose client_id_list holds it), or, for a provider looked up by ARN alone, by its condition keys.
 */
function trustedIssuer(statement: Statement, stack: StackView): OidcIssuerProfile | undefined {
  if (statement.effect !== "Allow") return undefined;
  const federated = statement.principals.filter((p) => p.type === "Federated").flatMap((p) => p.identifiers);
  if (federated.length === 0) return undefined;
  const providers = federated.map((id) => {
    const target = stack.resolve(id)?.target;
    if (target?.type !== "aws_iam_openid_connect_provider") return { named: id, audiences: [] as string[] };
    const url = target.attributes.url;
    return { named: typeof url === "string" ? issuerHost(url) : "", audiences: strings(target.attributes.client_id_list) };
  });
  const audConditions = claimConditions(statement, "aud").flatMap((c) => c.values);
  return OIDC_ISSUERS.find(
    (issuer) =>
      providers.some((p) => issuer.hosts.some((host) => p.named.includes(host))) ||
      statement.conditions.some((c) => issuer.hosts.some((host) => c.variable.startsWith(`${host}:`))) ||
      (issuer.recognisedByAudience &&
        (providers.some((p) => p.audiences.includes(issuer.audience)) || audConditions.includes(issuer.audience))),
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

const oidcTrust = {
  kinds: ["trust"] as const,
  references: ["CKV_AWS_358", "CKV_AWS_393"],
};

const knownIssuers = OIDC_ISSUERS.map((i) => `${i.name} (${i.hosts.join(", ")})`).join(", ");

export const oidcSubRequired = statementRule({
  ...oidcTrust,
  id: "RC-IAM-001",
  title: "OIDC trust (GitHub, Terraform Cloud) restricts the sub claim",
  description:
    "Without a sub condition any repository on GitHub, or any workspace of any organization on Terraform Cloud, " +
    `can assume the role with a token from the issuer. Issuers checked: ${knownIssuers}.`,
  severity: "critical",
  remediation:
    'add condition { test = "StringEquals", variable = "<issuer host>:sub", values = [the exact subject, e.g. ' +
    OIDC_ISSUERS.map((i) => `"${i.subExample}"`).join(" or ") +
    "] }",
  checkStatement: (statement, stack) => {
    const issuer = trustedIssuer(statement, stack);
    return issuer && !claimConditions(statement, "sub").some((c) => RESTRICTING_OPERATOR.test(c.test))
      ? `trusts ${issuer.name} without a StringEquals/StringLike condition on the sub claim`
      : undefined;
  },
});

export const oidcSubPinnedToRepository = statementRule({
  ...oidcTrust,
  id: "RC-IAM-002",
  title: "OIDC sub values name one repository (GitHub) or one workspace and run phase (Terraform Cloud)",
  description:
    "GitHub: every sub value must be repo:OWNER/REPO:... with no wildcard in OWNER/REPO: `*`, `repo:ORG/*` and `repo:ORG*` " +
    "trust every repository of an organisation (or on GitHub), and claims such as workflow or environment " +
    "first can be forged with custom sub templates. Terraform Cloud: every value must be " +
    "organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:plan|apply with no wildcard anywhere. " +
    "Every value is checked, not only the first as AWS does.",
  severity: "critical",
  remediation:
    'use values of the form "repo:OWNER/REPO:environment:NAME" or "repo:OWNER/REPO:ref:refs/heads/main" (GitHub), ' +
    '"organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:apply" (Terraform Cloud)',
  checkStatement: (statement, stack) => {
    const issuer = trustedIssuer(statement, stack);
    if (!issuer) return undefined;
    const bad = claimConditions(statement, "sub")
      .filter((c) => RESTRICTING_OPERATOR.test(c.test))
      .flatMap((c) => c.values.filter((v) => !issuer.pinnedSub.test(v)));
    return bad.length > 0 ? `allows sub value(s) ${bad.map(quote).join(", ")} not pinned to ${issuer.pinnedTo}` : undefined;
  },
});

export const oidcAudience = statementRule({
  ...oidcTrust,
  id: "RC-IAM-003",
  title: "OIDC trust pins the issuer's aud (GitHub sts.amazonaws.com, Terraform Cloud aws.workload.identity)",
  description:
    "The documented trust policies pin the audience claim with StringEquals: sts.amazonaws.com for GitHub, " +
    "aws.workload.identity for Terraform Cloud.",
  severity: "medium",
  remediation:
    'add condition { test = "StringEquals", variable = "<issuer host>:aud", values = [' +
    OIDC_ISSUERS.map((i) => `"${i.audience}" (${i.name})`).join(" or ") +
    "] }",
  checkStatement: (statement, stack) => {
    const issuer = trustedIssuer(statement, stack);
    if (!issuer) return undefined;
    const pinned = claimConditions(statement, "aud").some(
      (c) => c.test === "StringEquals" && c.values.length > 0 && c.values.every((v) => v === issuer.audience),
    );
    return pinned ? undefined : `does not require StringEquals aud = "${issuer.audience}"`;
  },
});

export const oidcNoSetOperators = statementRule({
  ...oidcTrust,
  id: "RC-IAM-004",
  title: "No ForAllValues/ForAnyValue on the OIDC aud or sub claim",
  description:
    "aud and sub are single-valued; set operators on them are flagged by IAM Access Analyzer and ForAllValues " +
    "matches when the key is absent.",
  severity: "high",
  remediation: "use plain StringEquals (or StringLike when a value needs a wildcard) on aud and sub",
  checkStatement: (statement, stack) => {
    if (!trustedIssuer(statement, stack)) return undefined;
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
  // ECS Exec's session channels (Service Authorization Reference: no resource types).
  "ssmmessages:CreateControlChannel",
  "ssmmessages:CreateDataChannel",
  "ssmmessages:OpenControlChannel",
  "ssmmessages:OpenDataChannel",
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
