import type { EnvironmentConfig } from "../config";
import { PROJECT, scopedName } from "../core/naming";
import type { ParameterSpec, RotationReminder, SecretSpec } from "../modules/secrets";

/**
 * JSON key inside each secret's value. Operators store `{"api_key":"..."}`, e.g.
 * `aws secretsmanager put-secret-value --secret-id recipe-chatbot/prod/openai-key --secret-string file://key.json`,
 * so the value never passes through code, Terraform variables or state.
 */
export const SECRET_JSON_KEY = "api_key";

/** The guide's "Secret Configuration": third-party API keys, which only the backend may read. */
const API_KEYS = [
  { id: "openai-key", environmentVariable: "OPENAI_API_KEY", description: "OpenAI API key for LLM operations" },
  { id: "serp-key", environmentVariable: "SERP_API_KEY", description: "SERP API key for web search functionality" },
] as const;

/** Settings every container reads at start (ENVIRONMENT is known at synth time: a plain variable). */
export const INJECTED_SETTINGS = ["log-level", "cors-origins"];
export const API_KEY_IDS = API_KEYS.map((k) => k.id);

export function apiKeySecrets(environment: string): SecretSpec[] {
  return API_KEYS.map((key) => ({ ...key, name: `${PROJECT}/${environment}/${key.id}`, jsonKey: SECRET_JSON_KEY }));
}

/** The guide's non-sensitive settings in SSM Parameter Store: /recipe-chatbot/<env>/<setting>. */
export function settingParameters(config: EnvironmentConfig, environmentLabel: string): ParameterSpec[] {
  const name = (id: string) => `/${PROJECT}/${config.name}/${id}`;
  return [
    { id: "environment", name: name("environment"), value: environmentLabel, description: "Environment name the application reports" },
    { id: "log-level", name: name("log-level"), value: config.logs.level, environmentVariable: "LOG_LEVEL", description: "Application log level" },
    {
      id: "cors-origins",
      name: name("cors-origins"),
      value: config.app.corsOrigins.join(","),
      environmentVariable: "CORS_ORIGINS",
      description: "Comma-separated browser origins the backend accepts",
    },
  ];
}

/** OpenAI and SerpAPI keys cannot be rotated by a Lambda: the alerts topic is reminded instead. */
export function rotationReminder(config: EnvironmentConfig, topicArn: string): RotationReminder {
  const prefix = scopedName(config.name);
  const days = config.secrets.rotationReminderDays;
  return {
    everyDays: days,
    topicArn,
    ruleName: `${prefix}-secret-rotation-reminder`,
    description: `Reminds the alerts topic every ${days} days to rotate the ${prefix} API keys`,
    subject: `${prefix}: rotate the application API keys`,
    details: { environment: config.name },
    // No quotes or backslashes in these strings: cdktf does not escape them inside jsonencode().
    instructions:
      `Create a new key with each provider, put it with aws secretsmanager put-secret-value as a JSON ` +
      `object under the key ${SECRET_JSON_KEY}, force a new deployment of both ECS services, then revoke the old key.`,
  };
}
