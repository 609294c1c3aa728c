/**
 * What the application is, as opposed to how an environment runs it: ports, health endpoints,
 * repository and log group names. Fixed by the application's code, so not per-environment.
 */
export interface ServiceDefinition {
  /** Short name: backend or frontend. */
  readonly name: "backend" | "frontend";
  readonly port: number;
  readonly healthCheckPath: string;
  /** ECR repository and ECS service name (guide "Deployment Process"). */
  readonly repositoryName: string;
  /** Guide "Log Groups Structure". */
  readonly logGroupName: string;
}

export const BACKEND: ServiceDefinition = {
  name: "backend",
  port: 8000,
  healthCheckPath: "/health",
  repositoryName: "recipe-chatbot-backend",
  logGroupName: "/aws/ecs/recipe-chatbot/backend",
};

export const FRONTEND: ServiceDefinition = {
  name: "frontend",
  port: 3000,
  healthCheckPath: "/",
  repositoryName: "recipe-chatbot-frontend",
  logGroupName: "/aws/ecs/recipe-chatbot/frontend",
};

/**
 * Paths the ALB sends to the backend (guide: /api/*, /health, /docs). /openapi.json is added because
 * FastAPI's /docs page loads it; without it the docs page renders empty.
 */
export const BACKEND_PATHS = ["/api/*", "/health", "/docs", "/openapi.json"];
