/** The project's name: the prefix of every stack, resource name and tag. */
export const PROJECT = "recipe-chatbot";

/** Stack name of one environment, e.g. recipe-chatbot-prod. */
export function environmentStackName(environment: string): string {
  return `${PROJECT}-${environment}`;
}

/** Name for an environment-scoped resource, e.g. recipe-chatbot-dev-flow-logs. */
export function scopedName(environment: string, ...parts: string[]): string {
  return [PROJECT, environment, ...parts].join("-");
}
