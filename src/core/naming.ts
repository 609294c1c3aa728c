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

/** Task definition family of a service in an environment, e.g. recipe-chatbot-prod-backend. */
export function taskFamilyName(environment: string, service: string): string {
  return scopedName(environment, service);
}

/** A service's IAM role, e.g. recipe-chatbot-prod-backend-task / -execution. */
export function serviceRoleName(environment: string, service: string, kind: "task" | "execution"): string {
  return scopedName(environment, service, kind);
}

/** Where the delivery pipeline writes the tag it released (the deploy role may write exactly these). */
export function imageTagParameterName(environment: string, service: string): string {
  return `/${PROJECT}/${environment}/deploy/${service}-image-tag`;
}
