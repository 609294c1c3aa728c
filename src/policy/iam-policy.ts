/**
 * One statement model for IAM policies, whatever way the project wrote them.
 *
 * Policies reach a resource either as `${data.aws_iam_policy_document.NAME.json}` (the project's
 * default: the data source renders correctly in both JSON and HCL output) or as a literal JSON
 * string. Both are normalised into `Statement`s so that IAM rules are written once. A policy built
 * by any other expression (`${jsonencode(...)}`, `file()`, an attribute of another resource) cannot
 * be read before plan: it is reported as unverifiable, never silently passed.
 */
import type { ResourceView, StackView } from "./stack-view";
import { Attributes, blocks, isRecord, strings } from "./values";

export interface Principal {
  /** `AWS`, `Service`, `Federated` or `CanonicalUser`; the bare `"*"` principal is `AWS` `*`. */
  readonly type: string;
  readonly identifiers: readonly string[];
}

export interface Condition {
  /** The operator, e.g. `StringEquals` or `ForAnyValue:StringLike`. */
  readonly test: string;
  /** The condition key, e.g. `token.actions.githubusercontent.com:sub`. */
  readonly variable: string;
  readonly values: readonly string[];
}

export interface Statement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly principals: readonly Principal[];
  readonly notPrincipals: readonly Principal[];
  readonly conditions: readonly Condition[];
}

/** identity: grants to the bearer; trust: who may assume a role; resource: who may use a resource. */
export type PolicyKind = "identity" | "trust" | "resource";

/** A policy as attached to a resource attribute, with its statements resolved. */
export interface AttachedPolicy {
  readonly kind: PolicyKind;
  /** Where it is attached and where it comes from, e.g. `assume_role_policy (data.aws_iam_policy_document.trust)`. */
  readonly label: string;
  readonly statements: readonly Statement[];
}

interface PolicyAttribute {
  readonly kind: PolicyKind;
  readonly attribute: string;
  /** Set when the attribute lives inside a repeated block, e.g. `aws_iam_role.inline_policy[].policy`. */
  readonly inBlock?: string;
}

const identity = (attribute = "policy"): PolicyAttribute => ({ kind: "identity", attribute });
const resourcePolicy = (attribute = "policy"): PolicyAttribute => ({ kind: "resource", attribute });

/** Every attribute of the resource types this project uses that holds an IAM policy document. */
const POLICY_ATTRIBUTES: Readonly<Record<string, readonly PolicyAttribute[]>> = {
  aws_iam_role: [
    { kind: "trust", attribute: "assume_role_policy" },
    { kind: "identity", attribute: "policy", inBlock: "inline_policy" },
  ],
  aws_iam_role_policy: [identity()],
  aws_iam_policy: [identity()],
  aws_iam_user_policy: [identity()],
  aws_iam_group_policy: [identity()],
  aws_kms_key: [resourcePolicy()],
  aws_kms_key_policy: [resourcePolicy()],
  aws_s3_bucket_policy: [resourcePolicy()],
  aws_sns_topic: [resourcePolicy()],
  aws_sns_topic_policy: [resourcePolicy()],
  aws_sqs_queue_policy: [resourcePolicy()],
  aws_ecr_repository_policy: [resourcePolicy()],
  aws_secretsmanager_secret: [resourcePolicy()],
  aws_secretsmanager_secret_policy: [resourcePolicy()],
  aws_cloudwatch_log_resource_policy: [resourcePolicy("policy_document")],
};

/** Resource types carrying at least one policy of the given kinds. */
export function typesWithPolicies(kinds: readonly PolicyKind[]): string[] {
  return Object.entries(POLICY_ATTRIBUTES)
    .filter(([, attributes]) => attributes.some((a) => kinds.includes(a.kind)))
    .map(([type]) => type);
}

/** The resource's policies of the given kinds; unreadable ones are passed to `cannotVerify`. */
export function attachedPolicies(
  resource: ResourceView,
  view: StackView,
  kinds: readonly PolicyKind[],
  cannotVerify: (reason: string) => void,
): AttachedPolicy[] {
  const attached: AttachedPolicy[] = [];
  for (const spec of POLICY_ATTRIBUTES[resource.type] ?? []) {
    if (!kinds.includes(spec.kind)) continue;
    const values = spec.inBlock
      ? blocks(resource.attributes[spec.inBlock]).map((b, i) => ({
          where: `${spec.inBlock}[${i}].${spec.attribute}`,
          value: b[spec.attribute],
        }))
      : [{ where: spec.attribute, value: resource.attributes[spec.attribute] }];
    for (const { where, value } of values) {
      if (typeof value !== "string" || value === "") continue;
      const document = readPolicyDocument(value, view);
      document.unverifiable.forEach((reason) => cannotVerify(`${where}: ${reason}`));
      attached.push({ kind: spec.kind, label: `${where} (${document.source})`, statements: document.statements });
    }
  }
  return attached;
}

interface PolicyDocument {
  /** `data.aws_iam_policy_document.NAME`, `inline JSON` or `expression`. */
  readonly source: string;
  readonly statements: readonly Statement[];
  readonly unverifiable: readonly string[];
}

/** Data-source documents can include each other; a cycle is a Terraform error, this only avoids looping. */
const MAX_DOCUMENT_DEPTH = 8;

function readPolicyDocument(value: string, view: StackView, depth = 0): PolicyDocument {
  const reference = view.resolve(value);
  if (reference?.target.type === "aws_iam_policy_document" && reference.target.address.startsWith("data.")) {
    return readDataDocument(reference.target, view, depth);
  }
  if (!value.startsWith("${")) {
    try {
      return { source: "inline JSON", statements: jsonStatements(JSON.parse(value)), unverifiable: [] };
    } catch {
      return unreadable("inline JSON", "the policy is not valid JSON");
    }
  }
  return unreadable("expression", `${truncate(value)} is an expression the guard cannot read before plan`);
}

function unreadable(source: string, reason: string): PolicyDocument {
  return { source, statements: [], unverifiable: [reason] };
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Terraform's merge: `source_policy_documents` first, then the document's own `statement`s replace
 * source statements with the same sid, then each of `override_policy_documents` does the same.
 */
function readDataDocument(data: ResourceView, view: StackView, depth: number): PolicyDocument {
  if (depth >= MAX_DOCUMENT_DEPTH) return unreadable(data.address, "documents are nested too deeply");
  const nested = (attribute: string) =>
    strings(data.attributes[attribute]).map((v) => readPolicyDocument(v, view, depth + 1));
  const sources = nested("source_policy_documents");
  const overrides = nested("override_policy_documents");
  const own = blocks(data.attributes.statement).map(dataStatement);
  const statements = [own, ...overrides.map((d) => d.statements)].reduce(
    mergeBySid,
    sources.flatMap((d) => d.statements),
  );
  return {
    source: data.address,
    statements,
    unverifiable: [...sources, ...overrides].flatMap((d) => d.unverifiable),
  };
}

function mergeBySid(base: readonly Statement[], overriding: readonly Statement[]): Statement[] {
  const merged = [...base];
  for (const statement of overriding) {
    const index = statement.sid ? merged.findIndex((s) => s.sid === statement.sid) : -1;
    if (index >= 0) merged[index] = statement;
    else merged.push(statement);
  }
  return merged;
}

function dataStatement(statement: Attributes): Statement {
  const principals = (key: string): Principal[] =>
    blocks(statement[key]).map((p) => principal(String(p.type), strings(p.identifiers)));
  return {
    sid: typeof statement.sid === "string" ? statement.sid : undefined,
    effect: statement.effect === "Deny" ? "Deny" : "Allow",
    actions: strings(statement.actions),
    notActions: strings(statement.not_actions),
    resources: strings(statement.resources),
    notResources: strings(statement.not_resources),
    principals: principals("principals"),
    notPrincipals: principals("not_principals"),
    conditions: blocks(statement.condition).map((c) => ({
      test: String(c.test),
      variable: String(c.variable),
      values: strings(c.values),
    })),
  };
}

function jsonStatements(policy: unknown): Statement[] {
  const raw = isRecord(policy) ? policy.Statement : undefined;
  return (Array.isArray(raw) ? raw : [raw]).filter(isRecord).map((s) => ({
    sid: typeof s.Sid === "string" ? s.Sid : undefined,
    effect: s.Effect === "Deny" ? "Deny" : "Allow",
    actions: strings(s.Action),
    notActions: strings(s.NotAction),
    resources: strings(s.Resource),
    notResources: strings(s.NotResource),
    principals: jsonPrincipals(s.Principal),
    notPrincipals: jsonPrincipals(s.NotPrincipal),
    conditions: jsonConditions(s.Condition),
  }));
}

function jsonPrincipals(value: unknown): Principal[] {
  if (value === "*") return [principal("AWS", ["*"])];
  if (!isRecord(value)) return [];
  return Object.entries(value).map(([type, ids]) => principal(type, strings(ids)));
}

/** The data source's `type = "*"` and JSON's `"Principal": "*"` both mean everyone, as AWS `*` does. */
function principal(type: string, identifiers: readonly string[]): Principal {
  return type === "*" ? { type: "AWS", identifiers: ["*"] } : { type, identifiers };
}

function jsonConditions(value: unknown): Condition[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([test, keys]) =>
    isRecord(keys)
      ? Object.entries(keys).map(([variable, values]) => ({
          test,
          variable,
          // JSON policies may write `"aws:SecureTransport": false`; the data source only has strings.
          values: (Array.isArray(values) ? values : [values]).map(String),
        }))
      : [],
  );
}

/**
 * Compiled globs by pattern: the guard matches the same patterns against many actions (every grant of
 * a CI role against every star-only action). A pattern without a wildcard is kept lower-cased and
 * compared by length first, which rules out most pairs without a regular expression.
 */
const globs = new Map<string, RegExp | string>();

/** IAM's glob (`*` any run, `?` one character), case-insensitive as IAM action names are. */
export function globMatches(pattern: string, text: string): boolean {
  let glob = globs.get(pattern);
  if (glob === undefined) {
    glob = /[*?]/.test(pattern) ? globRegExp(pattern) : pattern.toLowerCase();
    globs.set(pattern, glob);
  }
  if (typeof glob !== "string") return glob.test(text);
  return text.length === glob.length && text.toLowerCase() === glob;
}

/** A glob with a wildcard as a regular expression: every other character literal, case-insensitive. */
function globRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

/** Whether the statement's Action/NotAction covers `action`, e.g. `iam:*` covers `iam:PassRole`. */
export function coversAction(statement: Statement, action: string): boolean {
  if (statement.notActions.length > 0) return !statement.notActions.some((p) => globMatches(p, action));
  return statement.actions.some((p) => globMatches(p, action));
}

export function isEveryone(principal: Principal): boolean {
  return principal.type === "AWS" && principal.identifiers.includes("*");
}

/**
 * The statement cdk-nag's S10/SNS3 look for: Deny `action` to everyone when
 * `aws:SecureTransport` is false.
 */
export function deniesInsecureTransport(statement: Statement, action: string): boolean {
  return (
    statement.effect === "Deny" &&
    statement.principals.some(isEveryone) &&
    coversAction(statement, action) &&
    statement.conditions.some(
      (c) => /^Bool(IfExists)?$/.test(c.test) && c.variable === "aws:SecureTransport" && c.values.includes("false"),
    )
  );
}

/** `statement "Sid"` or `statement #N` (1-based), for messages. */
export function statementLabel(statement: Statement, index: number): string {
  return statement.sid ? `statement "${statement.sid}"` : `statement #${index + 1}`;
}
