import { policyDocument } from "../../../src/core/iam";
import { SecretsStore } from "../../../src/modules/secrets";
import type { HclModuleSpec } from "./hcl-module";

const SECRET = "secret";
const PARAMETER = "parameter";

export const secretsModule: HclModuleSpec = {
  name: "secrets",
  summary:
    "Application configuration: a Secrets Manager secret under a new rotating customer-managed KMS key, with no secret " +
    "version (its value is put out of band, never through Terraform), and a non-sensitive SSM String parameter. " +
    "The outputs hand a task definition its `secrets` entries and the execution role the policy to read exactly these.",
  shape: ["one secret and one String parameter, each injected into a container as an environment variable", "a new KMS key for the secret"],
  usage: `  kms_key_alias             = "shop-prod-secrets"
  secret_name               = "shop/prod/stripe-key"
  secret_description        = "Stripe API key"
  secret_environment_variable = "STRIPE_API_KEY"
  parameter_name            = "/shop/prod/log-level"
  parameter_value           = "info"
  parameter_description     = "Log level"
  parameter_environment_variable = "LOG_LEVEL"`,
  define(scope, io) {
    const text = (name: string, description: string) => io.input({ name, type: "string", description }).stringValue;
    const envVar = (name: string, description: string) =>
      io.input({
        name,
        type: "string",
        description,
        validation: [{ condition: `can(regex("^[A-Za-z_][A-Za-z0-9_]*$", var.${name}))`, errorMessage: `${name} must be an environment variable name (letters, digits, underscores; not starting with a digit).` }],
      }).stringValue;
    const keyAlias = io.input({
      name: "kms_key_alias",
      type: "string",
      description: "Alias of the new key the secret is encrypted with, without the alias/ prefix.",
      validation: [{ condition: `can(regex("^[A-Za-z0-9/_-]{1,250}$", var.kms_key_alias)) && !startswith(var.kms_key_alias, "aws/")`, errorMessage: "kms_key_alias must be 1-250 letters, digits, /, _ or - and must not start with aws/." }],
    }).stringValue;
    const recoveryWindowDays = io.integer({
      name: "recovery_window_days",
      description: "Days a deleted secret can still be restored.",
      default: 30,
      range: [7, 30],
    });

    const store = new SecretsStore(scope, "secrets", {
      kms: { keyAlias },
      recoveryWindowDays,
      secrets: [
        {
          id: SECRET,
          name: text("secret_name", "Name of the secret, e.g. shop/prod/stripe-key."),
          description: text("secret_description", "What the secret is, shown in the console."),
          environmentVariable: envVar("secret_environment_variable", "Environment variable a container gets the secret's value in."),
        },
      ],
      parameters: [
        {
          id: PARAMETER,
          name: text("parameter_name", "Name of the String parameter, e.g. /shop/prod/log-level."),
          value: text("parameter_value", "The parameter's value (not sensitive: it is stored in plain text and in state)."),
          description: text("parameter_description", "What the setting is, shown in the console."),
          environmentVariable: envVar("parameter_environment_variable", "Environment variable a container gets the parameter's value in."),
        },
      ],
    });
    const access = store.access({ secrets: [SECRET], parameters: [PARAMETER] });
    const readPolicy = policyDocument(scope, "read-policy", [...access.executionRoleStatements]);

    io.output("kms_key_arn", "ARN of the key the secret is encrypted with.", store.keyArn);
    io.output("secret_arn", "ARN of the secret (put its value with aws secretsmanager put-secret-value).", store.secrets[0].arn);
    io.output("parameter_arn", "ARN of the String parameter.", store.parameters[0].arn);
    io.output("container_secrets", "The task definition's `secrets` entries (name, valueFrom) for the secret and the parameter.", access.containerSecrets);
    io.output("read_policy_json", "IAM policy (JSON) the task execution role needs to read exactly these values.", readPolicy.json);
  },
};
