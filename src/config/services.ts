import { PROJECT, PROJECT_TAG, PROJECT_TITLE, projectName } from "../core/naming";

/**
 * What the application is, as opposed to how an environment runs it: ports, health endpoints,
 * repository and log group names. Fixed by the application's code, so not per-environment.
 */
export interface ServiceDefinition {
  /** Short name: backend or frontend. */
  readonly name: "backend" | "frontend";
  readonly port: number;
  readonly healthCheckPath: string;
  /** HTTP codes the target group counts as healthy. */
  readonly healthCheckMatcher: string;
  /** ECR repository and ECS service name (guide "Deployment Process"). */
  readonly repositoryName: string;
  /** The tasks' security group (guide "Security Groups"). */
  readonly securityGroupName: string;
  /** What the tasks are, as their security group describes them. */
  readonly description: string;
  /** What the tasks reach over HTTPS, as their egress rule describes it. */
  readonly httpsEgress: string;
  /** Guide "Log Groups Structure". */
  readonly logGroupName: string;
  /** Non-root user the image runs as (uid:gid), matching the image's own USER. */
  readonly user: string;
  /** Container health check, with the image's own runtime (the slim images have no curl). */
  readonly healthCheckCommand: string[];
}

export const BACKEND: ServiceDefinition = {
  name: "backend",
  port: 8000,
  healthCheckPath: "/health",
  healthCheckMatcher: "200",
  repositoryName: projectName("backend"),
  securityGroupName: "ecs-backend-sg",
  description: `${PROJECT_TITLE} backend tasks (FastAPI)`,
  httpsEgress: "HTTPS to OpenAI, SerpAPI and AWS APIs",
  logGroupName: `/aws/ecs/${PROJECT}/backend`,
  // The guide's Dockerfile: `adduser appuser` on python:3.11-slim, the first regular user.
  user: "1000:1000",
  // Exec form (no shell, no embedded double quotes): urlopen raises on an error status, so python exits 1.
  healthCheckCommand: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=4)"],
};

export const FRONTEND: ServiceDefinition = {
  name: "frontend",
  port: 3000,
  healthCheckPath: "/",
  // Next.js may answer / with a redirect (locale, auth) that is still a healthy server.
  healthCheckMatcher: "200-399",
  repositoryName: projectName("frontend"),
  securityGroupName: "ecs-frontend-sg",
  description: `${PROJECT_TITLE} frontend tasks (Next.js)`,
  httpsEgress: "HTTPS to AWS APIs",
  logGroupName: `/aws/ecs/${PROJECT}/frontend`,
  // The official Next.js Dockerfile's `nextjs` user.
  user: "1001:1001",
  healthCheckCommand: [
    "CMD",
    "node",
    "-e",
    "require('http').get('http://localhost:3000/', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))",
  ],
};

/**
 * Paths the ALB sends to the backend (guide: /api/*, /health, /docs). /openapi.json is added because
 * FastAPI's /docs page loads it; without it the docs page renders empty.
 */
export const BACKEND_PATHS = ["/api/*", "/health", "/docs", "/openapi.json"];

/**
 * The backend's API (chat included), the first of BACKEND_PATHS as a prefix: the only place whose
 * request bodies (the conversation so far) may exceed the WAF common rule set's 8 KB limit.
 */
export const CHAT_API_PATH_PREFIX = "/api/";

/** Priority of the backend's listener rule (guide "Application Load Balancer Setup"). */
export const BACKEND_RULE_PRIORITY = 100;

/** Cloud Map namespace the services register in: the frontend calls http://backend.<namespace>:8000. */
export const SERVICE_DISCOVERY_NAMESPACE = `${PROJECT}.internal`;

/** The load balancer's security group (guide "Security Groups"). */
export const ALB_SECURITY_GROUP = { name: "alb-sg", description: `${PROJECT_TITLE} ALB: HTTPS and HTTP from the internet` } as const;

/** Key prefix of the ALB's access logs in their bucket. */
export const ALB_ACCESS_LOG_PREFIX = "alb";

/** The backend publishes its LLM queue depth here (guide "Custom Scaling Metrics"); it scales on it. */
export const QUEUE_DEPTH_METRIC = {
  namespace: `${PROJECT_TAG}/LLM`,
  metricName: "QueueDepth",
  dimensions: { Service: "Backend" },
} as const;

/** ECS cluster name (guide "Deployment Process"); each environment lives in its own AWS account. */
export const CLUSTER_NAME = projectName("cluster");

/** ECS service name of a service (guide "Deployment Process"). */
export function ecsServiceName(service: ServiceDefinition): string {
  return service.repositoryName;
}
