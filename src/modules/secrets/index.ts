/** Secrets: Secrets Manager secrets and SSM parameters, per-container access, rotation reminders, change announcements. */
export * from "./secrets-store";
