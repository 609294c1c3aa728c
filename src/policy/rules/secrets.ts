/** Secrets Manager and SSM Parameter Store rules. */
import { Rule } from "../rule";
import { block, isAwsManagedKey, looksLikeSecretName, quote, toNumber } from "../values";

/** A customer-managed key id: set, and not an `alias/aws/<service>` key. */
function cmkProblem(attribute: string, keyId: unknown): string | undefined {
  if (typeof keyId !== "string" || keyId === "") return `${attribute} is unset (AWS-managed key)`;
  return isAwsManagedKey(keyId) ? `${attribute} is the AWS-managed key ${quote(keyId)}` : undefined;
}

export const secretCustomerManagedKey: Rule = {
  id: "RC-SEC-001",
  title: "Secrets are encrypted with a customer-managed KMS key",
  description: "With aws/secretsmanager anyone allowed to read the secret can decrypt it; a CMK adds a key policy to pass.",
  severity: "medium",
  references: ["CKV_AWS_149", "AVD-AWS-0098"],
  resourceTypes: ["aws_secretsmanager_secret"],
  remediation: "set kms_key_id = <customer-managed key>.arn",
  check: ({ resource }) => cmkProblem("kms_key_id", resource.attributes.kms_key_id),
};

/** Security Hub SecretsManager.1 and checkov CKV_AWS_304 accept at most 90 days. */
const MAX_ROTATION_DAYS = 90;

export const secretRotation: Rule = {
  id: "RC-SEC-002",
  title: `Secrets rotate at least every ${MAX_ROTATION_DAYS} days`,
  description:
    "Rotation limits how long a leaked secret stays useful. Secrets that cannot rotate (a third-party API key) " +
    "need a suppression that says so.",
  severity: "medium",
  references: ["CKV2_AWS_57", "CKV_AWS_304", "AwsSolutions-SMG4", "SecurityHub SecretsManager.1"],
  resourceTypes: ["aws_secretsmanager_secret"],
  remediation: `add aws_secretsmanager_secret_rotation { secret_id = <secret>.id, rotation_rules { automatically_after_days <= ${MAX_ROTATION_DAYS} } }, or suppress RC-SEC-002 with why it cannot rotate`,
  check: ({ resource, stack, cannotVerify }) => {
    const rotations = stack.referencing(resource, "aws_secretsmanager_secret_rotation", "secret_id");
    if (rotations.length === 0) return "has no aws_secretsmanager_secret_rotation";
    const days = rotations.map((rotation) => {
      const rules = block(rotation.attributes.rotation_rules);
      const rate = /^rate\((\d+) days?\)$/.exec(String(rules?.schedule_expression ?? ""));
      return toNumber(rules?.automatically_after_days) ?? (rate ? Number(rate[1]) : undefined);
    });
    const known = days.filter((d): d is number => d !== undefined);
    if (known.some((d) => d <= MAX_ROTATION_DAYS)) return undefined;
    if (known.length < days.length) {
      cannotVerify("rotation schedule is not a number of days");
      return undefined;
    }
    return `rotates every ${Math.min(...known)} days`;
  },
};

export const secretParametersSecure: Rule = {
  id: "RC-SEC-003",
  title: "SSM parameters with secret-looking names are SecureString",
  description: "String parameters are stored and returned in plain text.",
  severity: "high",
  references: ["CKV2_AWS_34"],
  resourceTypes: ["aws_ssm_parameter"],
  remediation: 'set type = "SecureString" with key_id = <customer-managed key>.arn (or move the value to Secrets Manager)',
  check: ({ resource: { attributes } }) =>
    looksLikeSecretName(String(attributes.name)) && attributes.type !== "SecureString"
      ? `parameter ${quote(attributes.name)} looks secret but is ${quote(attributes.type)}`
      : undefined,
};

export const secureStringCustomerManagedKey: Rule = {
  id: "RC-SEC-004",
  title: "SecureString parameters use a customer-managed KMS key",
  description: "With aws/ssm anyone who may read the parameter can decrypt it.",
  severity: "medium",
  references: ["CKV_AWS_337"],
  resourceTypes: ["aws_ssm_parameter"],
  remediation: "set key_id = <customer-managed key>.arn",
  check: ({ resource: { attributes } }) =>
    attributes.type === "SecureString" ? cmkProblem("key_id", attributes.key_id) : undefined,
};

export const SECRETS_RULES: readonly Rule[] = [
  secretCustomerManagedKey,
  secretRotation,
  secretParametersSecure,
  secureStringCustomerManagedKey,
];
