import type { EnvironmentConfig } from "./schema";
import { PROJECT, PROJECT_TAG } from "../core/naming";

/**
 * The three environments. Production follows the deployment guide to the number; dev and staging
 * trade availability for cost where the guide leaves room (fewer tasks, one NAT, more Spot).
 * Validated by the schema like any user override.
 */

type ServiceConfig = EnvironmentConfig["services"]["backend"];

/** Guide "Resource Sizing Strategy" and "Auto Scaling Configuration". */
const productionBackend: ServiceConfig = {
  cpu: 512,
  memory: 1024,
  // The delivery workflow builds multi-arch images (assets/deploy.yml), but ARM64 cannot run on Fargate
  // Spot, which every preset uses for both services: giving it up for ARM64 costs more (README "Cost").
  cpuArchitecture: "X86_64",
  scaling: {
    minCapacity: 2,
    maxCapacity: 20,
    cpuTargetPercent: 70,
    memoryTargetPercent: 80,
    queueDepthTarget: 5,
    scaleOutCooldownSeconds: 300,
    scaleInCooldownSeconds: 300,
  },
  // FastAPI starts in seconds, but the first /health after a cold image pull can take a minute.
  healthCheckGracePeriodSeconds: 60,
  // Chat responses stream for up to ~30 s: let in-flight requests finish, no longer.
  deregistrationDelaySeconds: 30,
};

const productionFrontend: ServiceConfig = {
  cpu: 256,
  memory: 512,
  cpuArchitecture: "X86_64",
  scaling: {
    minCapacity: 2,
    maxCapacity: 10,
    cpuTargetPercent: 70,
    scaleOutCooldownSeconds: 300,
    scaleInCooldownSeconds: 300,
  },
  healthCheckGracePeriodSeconds: 60,
  deregistrationDelaySeconds: 30,
};

const guideNetwork: EnvironmentConfig["network"] = {
  vpcCidr: "10.0.0.0/16",
  zones: [
    { name: "us-east-1a", publicSubnetCidr: "10.0.1.0/24", privateSubnetCidr: "10.0.3.0/24" },
    { name: "us-east-1b", publicSubnetCidr: "10.0.2.0/24", privateSubnetCidr: "10.0.4.0/24" },
  ],
  natMode: "per-az",
  // Off: five endpoints in two zones cost $73/month, and each GB they carry instead of the NAT saves
  // $0.035 ($0.045 NAT processing - $0.01 endpoint): worth it above about 2,100 GB of AWS API and image
  // traffic a month, far above this service's (README "Cost"). Turn on for traffic that must stay private.
  interfaceEndpoints: false,
  taskSubnets: "private",
  flowLogRetentionDays: 365,
};

const guideTags = { project: PROJECT_TAG, owner: "AI-Team", costCenter: "R&D" };

export const PROD: EnvironmentConfig = {
  name: "prod",
  region: "us-east-1",
  tags: { ...guideTags, environment: "Production" },
  network: guideNetwork,
  loadBalancer: {
    deletionProtection: true,
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    idleTimeoutSeconds: 120,
    accessLogExpirationDays: 365,
  },
  services: { backend: productionBackend, frontend: productionFrontend },
  // One on-demand task of each service always runs; above it, one on-demand for every three Spot tasks,
  // so at minimum capacity each service's second task is on Spot: both are stateless (the chat history
  // travels with each request), an interruption comes with two minutes' notice in which ECS starts a
  // replacement and the ALB drains the old task in 30 s. $188.04 instead of $202.23 a month (README "Cost").
  capacity: { onDemandBase: 1, onDemandWeight: 1, spotWeight: 3 },
  // Tasks at all hours (the schema refuses scheduled scale-in in prod); the hours are dev's.
  workingHours: { enabled: false, timezone: "UTC", days: "MON-FRI", startHour: 8, endHour: 19 },
  serviceCapacity: {},
  containerInsights: "enhanced",
  logs: { retentionDays: 365, level: "INFO" },
  ecr: { maxImageCount: 30 },
  initialImageTag: "bootstrap",
  // Subscribed addresses are deploy-time inputs (alert_emails / critical_emails); none by default.
  alerts: { alertEmails: [], criticalEmails: [] },
  app: { corsOrigins: [`https://${PROJECT}.example.com`] },
  secrets: { recoveryWindowDays: 30, rotationReminderDays: 90 },
  // Guide "Monitoring Dashboard" alarms.
  monitoring: { errorRatePercent: 5, responseTimeP95Ms: 5000, minHealthyHosts: 1 },
  tracing: { enabled: true },
  ecsExec: { enabled: false, allowInProduction: false, sessionLogRetentionDays: 365 },
  // Rolling with the circuit breaker and the deployment alarms: CodeDeploy's controller would freeze
  // the services' network and load balancer settings for Terraform (README "Deployments"). A service
  // opts into blue-green with services.<name>.deploymentStrategy; these settings then apply.
  deployment: {
    strategy: "rolling",
    blueGreen: {
      // 10% of the traffic for 5 minutes: the deployment alarms (2 x 1 minute) fire inside the canary.
      deploymentConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes",
      terminationWaitMinutes: 5,
      testListenerPort: 8443,
    },
  },
  // A chat user sends a few requests a minute; 2,000 per 5 minutes per IP is far above any human.
  waf: { mode: "block", rateLimitPerFiveMinutes: 2000 },
  guardDuty: { detector: "create" },
  // The guide's 10 GB of logs; a modest chat service's traffic (about 2 requests a second on average).
  cost: {
    usage: {
      logsIngestedGb: 10,
      // Without interface endpoints (the default), AWS API and image traffic crosses the NAT too.
      natProcessedGb: 40,
      endpointProcessedGb: 20,
      requestsMillions: 5,
      albLcus: 1,
      guardDutyEventsMillions: 0.2,
      guardDutyLogsGb: 5,
      containerInsightsObservationsMillionsPerTask: 1.3,
      ecrStorageGb: 1,
      s3StorageGb: 5,
    },
  },
};

export const STAGING: EnvironmentConfig = {
  ...PROD,
  name: "staging",
  tags: { ...guideTags, environment: "Staging" },
  network: { ...guideNetwork, natMode: "single", interfaceEndpoints: false, flowLogRetentionDays: 90 },
  loadBalancer: { ...PROD.loadBalancer, deletionProtection: false, accessLogExpirationDays: 90 },
  containerInsights: "enabled",
  logs: { retentionDays: 90, level: "INFO" },
  // Tests and demos: a tenth of production's traffic; without endpoints, their traffic crosses the NAT.
  cost: {
    usage: {
      ...PROD.cost.usage,
      logsIngestedGb: 3,
      natProcessedGb: 15,
      endpointProcessedGb: 0,
      requestsMillions: 0.5,
      albLcus: 0.2,
      guardDutyEventsMillions: 0.1,
      guardDutyLogsGb: 1,
      s3StorageGb: 1,
    },
  },
};

export const DEV: EnvironmentConfig = {
  ...STAGING,
  name: "dev",
  tags: { ...guideTags, environment: "Development" },
  // Tasks in the public subnets with public IPs and no NAT gateway: $36.50 a month less (README "Cost").
  network: { ...guideNetwork, natMode: "none", taskSubnets: "public", interfaceEndpoints: false, flowLogRetentionDays: 30 },
  loadBalancer: { ...STAGING.loadBalancer, accessLogExpirationDays: 30 },
  services: {
    backend: { ...productionBackend, scaling: { ...productionBackend.scaling, minCapacity: 1, maxCapacity: 4 } },
    frontend: { ...productionFrontend, scaling: { ...productionFrontend.scaling, minCapacity: 1, maxCapacity: 2 } },
  },
  capacity: { onDemandBase: 0, onDemandWeight: 0, spotWeight: 1 },
  // No tasks from 19:00 to 08:00 UTC and at weekends: 55 of 168 hours (README "Cost").
  workingHours: { ...STAGING.workingHours, enabled: true },
  // Standard Container Insights is $9 a month of custom metrics; dev's alarms watch the targets instead.
  containerInsights: "disabled",
  logs: { retentionDays: 30, level: "DEBUG" },
  ecr: { maxImageCount: 10 },
  secrets: { recoveryWindowDays: 7, rotationReminderDays: 90 },
  tracing: { enabled: false },
  // Dev runs the managed rules in count mode first: see what they would block before they block it.
  waf: { mode: "count", rateLimitPerFiveMinutes: 2000 },
  cost: { usage: { ...STAGING.cost.usage, logsIngestedGb: 2, natProcessedGb: 10, requestsMillions: 0.1, albLcus: 0.1 } },
};

export const PRESETS: Readonly<Record<string, EnvironmentConfig>> = { dev: DEV, staging: STAGING, prod: PROD };
