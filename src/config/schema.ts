import { z } from "zod";
import {
  ALB_TLS_POLICY_PATTERN,
  AWS_REGIONS,
  FARGATE_CPU_ARCHITECTURES,
  FARGATE_MEMORY_BY_CPU,
  LOG_RETENTION_DAYS,
} from "../core/aws-limits";
import { cidrContains, cidrsOverlap, parseCidr } from "../core/cidr";
import { isTimeZone, WORKING_DAYS } from "../core/working-hours";
import { settings } from "./strict-settings";

/**
 * The environment model: everything that changes the *shape* of an environment (synth-time).
 * Account-specific values that do not change the shape (domain, hosted zone, alert e-mails, image
 * tags) are Terraform variables instead; see terraform.tfvars.example.
 */

/** Log levels the backend (structlog over stdlib logging) understands. */
export const LOG_LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] as const;

const list = (values: readonly (string | number)[]) => values.join(", ");

const cidr = z.string().refine((v) => parseCidr(v) !== undefined, {
  message: "must be an IPv4 network in CIDR notation with no host bits set, e.g. 10.0.1.0/24",
});

const percent = z
  .number()
  .gt(0, { message: "must be a percentage above 0 and at most 100" })
  .max(100, { message: "must be a percentage above 0 and at most 100" });

const nonEmpty = z.string().trim().min(1, { message: "must not be empty" });

/** ECR tag syntax: up to 128 characters of letters, digits, '_', '.', '-', not starting with '.' or '-'. */
export const IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * A DNS name with at least two labels, each 1-63 characters of letters, digits and inner hyphens
 * (and at most 253 characters in all, checked separately). RE2-compatible: Terraform reuses it.
 */
export const DOMAIN_NAME_PATTERN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** Route 53 zone ids are upper-case letters and digits (real ones start with Z; the emulator's need not). */
export const HOSTED_ZONE_ID_PATTERN = /^[A-Z0-9]{1,32}$/;
export const DOMAIN_NAME_MAX_LENGTH = 253;

const zone = settings({
  /** Availability zone name, e.g. us-east-1a; must belong to the environment's region. */
  name: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, { message: "must be an availability zone name such as us-east-1a" }),
  publicSubnetCidr: cidr,
  privateSubnetCidr: cidr,
});

export const NAT_MODES = ["none", "single", "per-az"] as const;
export const TASK_SUBNETS = ["private", "public"] as const;

const amount = z.number().min(0, { message: "must be 0 or more" });

/** Usage assumptions of the cost estimate, per month unless said otherwise. */
const costUsage = settings({
  /** GB ingested into CloudWatch Logs: application, WAF and flow logs (the guide assumes 10). */
  logsIngestedGb: amount,
  /** GB processed by the NAT gateways (image pulls, OpenAI and SerpAPI calls, AWS APIs without endpoints). */
  natProcessedGb: amount,
  /** GB through the interface endpoints (image layers and AWS API calls that would otherwise cross the NAT). */
  endpointProcessedGb: amount,
  /** Million requests to the load balancer (and through the web ACL). */
  requestsMillions: amount,
  /** Average load balancer capacity units in use over the month (new connections, active connections, bytes, rule evaluations). */
  albLcus: amount,
  /** Million CloudTrail management events GuardDuty analyses. */
  guardDutyEventsMillions: amount,
  /** GB of VPC flow and DNS logs GuardDuty analyses. */
  guardDutyLogsGb: amount,
  /** Million Container Insights observations per running task (about 30 metrics a minute: 1.3 million). */
  containerInsightsObservationsMillionsPerTask: amount,
  /** GB of images kept in ECR, all repositories. */
  ecrStorageGb: amount,
  /** GB kept in S3 buckets (load balancer access logs). */
  s3StorageGb: amount,
});


const network = settings({
  vpcCidr: cidr,
  /** One public and one private subnet per zone; at least two zones (the ALB needs two). */
  zones: z.array(zone).min(2, { message: "needs at least two availability zones (an ALB spans two or more)" }),
  /** none: no egress to the internet; single: one NAT gateway for all zones; per-az: one per zone (no cross-AZ dependency). */
  natMode: z.enum(NAT_MODES, { message: `must be one of: ${list(NAT_MODES)}` }),
  /** Interface endpoints (ecr.api, ecr.dkr, logs, secretsmanager, ssm): keeps AWS API traffic off the NAT at ~$7/endpoint/AZ/month. */
  interfaceEndpoints: z.boolean(),
  /**
   * Where the tasks run. private: the private subnets, out through NAT. public: the public subnets with
   * public IPs, so no NAT gateway is needed (AWS Copilot's default; the security groups still admit
   * only the load balancer and the frontend). Never in prod.
   */
  taskSubnets: z.enum(TASK_SUBNETS, { message: `must be one of: ${list(TASK_SUBNETS)}` }),
  flowLogRetentionDays: z.union(LOG_RETENTION_DAYS.map((d) => z.literal(d)), {
    message: `must be a CloudWatch Logs retention: ${list(LOG_RETENTION_DAYS)}`,
  }),
});

const scaling = settings({
  minCapacity: z.number().int().min(1, { message: "must be at least 1" }),
  maxCapacity: z.number().int().min(1, { message: "must be at least 1" }),
  cpuTargetPercent: percent,
  /** Target tracking on memory; omit to scale on CPU only. */
  memoryTargetPercent: percent.optional(),
  /** Target tracking on RecipeChatbot/LLM QueueDepth (Average); omit to not scale on it. */
  queueDepthTarget: z.number().positive({ message: "must be a positive number" }).optional(),
  scaleOutCooldownSeconds: z.number().int().min(0).max(3600),
  scaleInCooldownSeconds: z.number().int().min(0).max(3600),
});

/** How a service's releases replace its tasks (README "Deployments"). */
export const DEPLOYMENT_STRATEGIES = ["rolling", "blue-green"] as const;

/**
 * CodeDeploy's predefined deployment configurations for ECS: all traffic at once, a canary share
 * first and the rest after an interval, or equal shares at a fixed interval.
 */
export const CODEDEPLOY_ECS_CONFIGS = [
  "CodeDeployDefault.ECSAllAtOnce",
  "CodeDeployDefault.ECSCanary10Percent5Minutes",
  "CodeDeployDefault.ECSCanary10Percent15Minutes",
  "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
  "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
] as const;

const deploymentStrategy = z.enum(DEPLOYMENT_STRATEGIES, { message: `must be one of: ${list(DEPLOYMENT_STRATEGIES)}` });

/**
 * The public subnets' network ACL admits 80, 443 and the ephemeral ports 1024-65535 but 3389 (no RDP
 * from anywhere): a test listener elsewhere would be unreachable.
 */
const TEST_LISTENER_PORT_MESSAGE = "must be a port from 1024 to 65535 other than 3389 (the public subnets' network ACL admits only those besides 80 and 443)";
const testListenerPort = z
  .number()
  .int({ message: TEST_LISTENER_PORT_MESSAGE })
  .min(1024, { message: TEST_LISTENER_PORT_MESSAGE })
  .max(65535, { message: TEST_LISTENER_PORT_MESSAGE })
  .refine((port) => port !== 3389, { message: TEST_LISTENER_PORT_MESSAGE });

const deployment = settings({
  /** The environment's strategy; a service's `deploymentStrategy` overrides it. */
  strategy: deploymentStrategy,
  /** What a blue/green (CodeDeploy) release does; read only when a service deploys blue-green. */
  blueGreen: settings({
    /** How CodeDeploy shifts production traffic to the new tasks. */
    deploymentConfig: z.enum(CODEDEPLOY_ECS_CONFIGS, { message: `must be one of: ${list(CODEDEPLOY_ECS_CONFIGS)}` }),
    /** Minutes the old tasks keep running after the shift: a rollback until then is instant. rollout.sh waits this long too. */
    terminationWaitMinutes: z.number().int().min(0, { message: "must be 0-60 minutes" }).max(60, { message: "must be 0-60 minutes" }),
    /** HTTPS port of the test listener, which reaches the new tasks before any production traffic does. */
    testListenerPort,
    /** Who may reach the test listener; omit for the VPC's own CIDR only. */
    testListenerAllowedCidrs: z
      .array(cidr.refine((v) => parseCidr(v)?.prefix !== 0, { message: "must not be 0.0.0.0/0: the test listener serves releases nobody has approved yet" }))
      .min(1, { message: "must list at least one CIDR (omit it for the VPC CIDR)" })
      .optional(),
  }),
});

const service = settings({
    cpu: z.number().int(),
    memory: z.number().int(),
    /** ARM64 (Graviton): about 20% cheaper; the service's image must be built for arm64 or multi-arch (README "Cost"). */
    cpuArchitecture: z.enum(FARGATE_CPU_ARCHITECTURES, { message: `must be one of: ${list(FARGATE_CPU_ARCHITECTURES)}` }),
    scaling,
    healthCheckGracePeriodSeconds: z.number().int().min(0).max(2_147_483_647),
    deregistrationDelaySeconds: z.number().int().min(0).max(3600),
    /** This service's deployment strategy; omit for the environment's deployment.strategy. */
    deploymentStrategy: deploymentStrategy.optional(),
  })
  .superRefine((svc, ctx) => {
    const allowed = FARGATE_MEMORY_BY_CPU[svc.cpu];
    if (!allowed) {
      ctx.addIssue({
        code: "custom",
        path: ["cpu"],
        message: `${svc.cpu} is not a Fargate CPU size; allowed: ${list(Object.keys(FARGATE_MEMORY_BY_CPU))}`,
      });
    } else if (!allowed.includes(svc.memory)) {
      ctx.addIssue({
        code: "custom",
        path: ["memory"],
        message: `${svc.memory} MiB is not offered by Fargate with cpu ${svc.cpu}; allowed: ${list(allowed)}`,
      });
    }
    if (svc.scaling.minCapacity > svc.scaling.maxCapacity) {
      ctx.addIssue({
        code: "custom",
        path: ["scaling", "minCapacity"],
        message: `${svc.scaling.minCapacity} is above scaling.maxCapacity (${svc.scaling.maxCapacity}); must be at most maxCapacity`,
      });
    }
  });

const capacity = settings({
  onDemandBase: z.number().int().min(0).max(100_000),
  onDemandWeight: z.number().int().min(0).max(1000),
  spotWeight: z.number().int().min(0).max(1000),
}).refine((c) => c.onDemandWeight + c.spotWeight > 0, {
  message: "onDemandWeight and spotWeight must not both be 0",
  path: ["spotWeight"],
});

// ---- Cost levers (README "Cost"), kept together ------------------------------------------------

const hour = (max: number) => z.number().int().min(0, { message: `must be an hour from 0 to ${max}` }).max(max, { message: `must be an hour from 0 to ${max}` });

/**
 * Scheduled scale-in: every service at zero tasks outside these hours (application-autoscaling
 * scheduled actions), back to its scaling bounds at startHour. Never in prod.
 */
const workingHours = settings({
  enabled: z.boolean(),
  /** IANA time zone the hours are read in (daylight saving time included), e.g. Europe/Berlin. */
  timezone: z.string().refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Berlin or UTC" }),
  days: z.enum(WORKING_DAYS, { message: `must be one of: ${list(WORKING_DAYS)}` }),
  startHour: hour(23),
  /** The hour the services stop (24: midnight). */
  endHour: hour(24),
}).refine((w) => w.startHour < w.endHour, { message: "must be after startHour", path: ["endHour"] });

/** A service's own on-demand/Spot split instead of `capacity` (ARM64 services need one without Spot). */
const serviceCapacity = settings({ backend: capacity.optional(), frontend: capacity.optional() });

export const WAF_MODES = ["block", "count"] as const;
export const GUARDDUTY_DETECTOR_MODES = ["create", "existing"] as const;
/** disabled: dev only (README "Cost"); LowRunningTasks has no metric then, LowHealthyHosts still watches the targets. */
export const CONTAINER_INSIGHTS = ["enabled", "enhanced", "disabled"] as const;

export const environmentSchema = settings({
  /** Short name used in resource names and the stack name recipe-chatbot-<name>. */
  name: z.string().regex(/^[a-z][a-z0-9]{1,11}$/, { message: "must be 2-12 lowercase letters or digits, starting with a letter" }),
  region: z.enum(AWS_REGIONS, { message: `must be an AWS region: ${list(AWS_REGIONS)}` }),
  /** Cost allocation tags (guide "Cost Monitoring"), applied as provider default tags. */
  tags: settings({ project: nonEmpty, environment: nonEmpty, owner: nonEmpty, costCenter: nonEmpty }),
  network,
  loadBalancer: settings({
    deletionProtection: z.boolean(),
    sslPolicy: z.string().regex(ALB_TLS_POLICY_PATTERN, {
      message: "must be a TLS 1.3-capable, forward-secret ELBSecurityPolicy-TLS13-1-2/1-3 policy (2021-06 or PQ-2025-09)",
    }),
    idleTimeoutSeconds: z.number().int().min(1).max(4000),
    accessLogExpirationDays: z.number().int().min(1).max(3650),
  }),
  services: settings({ backend: service, frontend: service }),
  /** Capacity provider strategy: `onDemandBase` tasks always on FARGATE, the rest split by weight. */
  capacity,
  containerInsights: z.enum(CONTAINER_INSIGHTS, { message: `must be one of: ${list(CONTAINER_INSIGHTS)}` }),
  logs: settings({
    retentionDays: z.union(LOG_RETENTION_DAYS.map((d) => z.literal(d)), {
      message: `must be a CloudWatch Logs retention: ${list(LOG_RETENTION_DAYS)}`,
    }),
    level: z.enum(LOG_LEVELS, { message: `must be one of: ${list(LOG_LEVELS)}` }),
  }),
  ecr: settings({ maxImageCount: z.number().int().min(1).max(1000) }),
  /** Default for the domain_name Terraform variable; the variable wins when set. */
  domainName: z
    .string()
    .max(DOMAIN_NAME_MAX_LENGTH, { message: `must be at most ${DOMAIN_NAME_MAX_LENGTH} characters` })
    .regex(DOMAIN_NAME_PATTERN, { message: "must be a lowercase DNS name such as chat.example.com" })
    .optional(),
  /**
   * Default for the hosted_zone_id Terraform variable; the variable wins when set. Known here, it
   * also pins the CI apply role's record changes to this zone (README "CI roles").
   */
  hostedZoneId: z
    .string()
    .regex(HOSTED_ZONE_ID_PATTERN, { message: "must be a Route 53 zone id (upper-case letters and digits) such as Z0123456789ABCDEFGHIJ, without /hostedzone/" })
    .optional(),
  /** Defaults for the alert_emails / critical_emails Terraform variables; the variables win when set. */
  alerts: settings({
    alertEmails: z.array(z.email({ message: "must be an e-mail address such as ops@example.com" })),
    criticalEmails: z.array(z.email({ message: "must be an e-mail address such as ops@example.com" })),
  }),
  app: settings({
    /** Browser origins the backend accepts (SSM /recipe-chatbot/<env>/cors-origins). */
    corsOrigins: z.array(z.url({ protocol: /^https?$/, message: "must be an http(s) origin such as https://chat.example.com" })).min(1),
  }),
  secrets: settings({
    /** Days a deleted secret can still be restored (Secrets Manager allows 7-30). */
    recoveryWindowDays: z.number().int().min(7, { message: "must be 7-30 days" }).max(30, { message: "must be 7-30 days" }),
    /** Guide "SecretsRotation: quarterly": how often the alerts topic is reminded to rotate API keys by hand. */
    rotationReminderDays: z.number().int().min(1).max(365),
  }),
  monitoring: settings({
    /** HighErrorRate: ALB 5xx as a percentage of requests over 5 minutes. */
    errorRatePercent: percent,
    /** HighResponseTime: p95 target response time in milliseconds over 5 minutes. */
    responseTimeP95Ms: z.number().int().min(1, { message: "must be 1-60000 ms" }).max(60_000, { message: "must be 1-60000 ms" }),
    /** LowHealthyHosts: alarm when healthy targets per target group fall below this. */
    minHealthyHosts: z.number().int().min(1, { message: "must be at least 1" }),
  }),
  waf: settings({
    /** count: managed groups and the rate rule only count (first rollout); block: they block. */
    mode: z.enum(WAF_MODES, { message: `must be one of: ${list(WAF_MODES)}` }),
    /** Requests per client IP per 5 minutes before the rate rule acts (WAF allows 10 to 2,000,000,000). */
    rateLimitPerFiveMinutes: z.number().int().min(10, { message: "must be 10-2000000000" }).max(2_000_000_000, { message: "must be 10-2000000000" }),
  }),
  /**
   * create: the environment owns its account's GuardDuty detector; existing: the account already has
   * one (AWS allows one per account and region; organisations often enable it centrally), so only the
   * high-severity findings rule is added.
   */
  guardDuty: settings({ detector: z.enum(GUARDDUTY_DETECTOR_MODES, { message: `must be one of: ${list(GUARDDUTY_DETECTOR_MODES)}` }) }),
  /** Run an AWS Distro for OpenTelemetry collector beside the backend, exporting traces to X-Ray. */
  tracing: settings({ enabled: z.boolean() }),
  /**
   * What `npm run cost` assumes the environment uses in a month, for what is priced by use rather than
   * by the hour (README "Cost"). Synth does not read it; override it like any setting.
   */
  cost: settings({ usage: costUsage }),
  /**
   * ECS Exec (`aws ecs execute-command`) into both services' tasks, every session logged to a
   * KMS-encrypted log group. Off by default; prod refuses it unless allowInProduction says so too.
   */
  ecsExec: settings({
    enabled: z.boolean(),
    /** A second, explicit yes for prod: a shell in production tasks reaches the API keys. */
    allowInProduction: z.boolean(),
    sessionLogRetentionDays: z.union(LOG_RETENTION_DAYS.map((d) => z.literal(d)), {
      message: `must be one of: ${list(LOG_RETENTION_DAYS)}`,
    }),
  }),
  /** Rolling or blue/green releases, and the blue/green settings (README "Deployments"). */
  deployment,
  /** Scheduled scale-in outside working hours (README "Cost"). */
  workingHours,
  /** Per-service capacity provider strategies, overriding `capacity` (README "Cost"). */
  serviceCapacity,
  /** Default of the <service>_image_tag variables: the tag a new stack starts with, before the first release. */
  initialImageTag: z.string().regex(IMAGE_TAG_PATTERN, {
    message: "must be a valid image tag: 1-128 letters, digits, '_', '.', '-', not starting with '.' or '-'",
  }),
})
  // Cross-field rules run whenever the fields they read are valid, so one run lists every problem.
  .superRefine((env, ctx) => checkSubnets(env.network, ctx), {
    when: (p) => fieldsValid(p, ["network", "vpcCidr"], ["network", "zones"]),
  })
  .superRefine((env, ctx) => checkZonesInRegion(env, ctx), {
    when: (p) => fieldsValid(p, ["network", "zones"], ["region"]),
  })
  .superRefine((env, ctx) => checkTaskSubnets(env, ctx), {
    when: (p) => fieldsValid(p, ["name"], ["network", "taskSubnets"]),
  })
  .superRefine((env, ctx) => checkEcsExec(env, ctx), {
    when: (p) => fieldsValid(p, ["name"], ["ecsExec"]),
  })
  .superRefine((env, ctx) => checkCostLevers(env, ctx), {
    when: (p) => fieldsValid(p, ["name"], ["workingHours"], ["containerInsights"], ["services"], ["capacity"], ["serviceCapacity"]),
  });

/** The capacity a service runs with: its own, else the environment's. */
export function capacityOf(env: Pick<EnvironmentConfig, "capacity" | "serviceCapacity">, service: "backend" | "frontend"): EnvironmentConfig["capacity"] {
  return env.serviceCapacity[service] ?? env.capacity;
}

/** Prod keeps its tasks and metrics at all hours; ARM64 never lands on Fargate Spot. */
function checkCostLevers(env: EnvironmentConfig, ctx: z.RefinementCtx): void {
  if (env.name === "prod" && env.workingHours.enabled) {
    ctx.addIssue({ code: "custom", path: ["workingHours", "enabled"], message: "must be false in prod: the guide's availability is two tasks of each service at all hours" });
  }
  if (env.name === "prod" && env.containerInsights === "disabled") {
    ctx.addIssue({ code: "custom", path: ["containerInsights"], message: 'must be "enabled" or "enhanced" in prod: its LowRunningTasks alarms read Container Insights' });
  }
  for (const service of ["backend", "frontend"] as const) {
    if (env.services[service].cpuArchitecture === "ARM64" && capacityOf(env, service).spotWeight > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["services", service, "cpuArchitecture"],
        message: `ARM64 tasks cannot run on Fargate Spot (X86_64 only): set serviceCapacity.${service}.spotWeight to 0, or use X86_64`,
      });
    }
  }
}

function checkTaskSubnets(env: { name: string; network: { taskSubnets: string } }, ctx: z.RefinementCtx): void {
  if (env.name === "prod" && env.network.taskSubnets !== "private") {
    ctx.addIssue({
      code: "custom",
      path: ["network", "taskSubnets"],
      message: 'must be "private" in prod: production tasks never get public IPs',
    });
  }
}

function checkEcsExec(env: { name: string; ecsExec: { enabled: boolean; allowInProduction: boolean } }, ctx: z.RefinementCtx): void {
  if (env.name === "prod" && env.ecsExec.enabled && !env.ecsExec.allowInProduction) {
    ctx.addIssue({
      code: "custom",
      path: ["ecsExec", "enabled"],
      message: "must be false in prod unless ecsExec.allowInProduction is true as well (a shell in production tasks reaches the API keys)",
    });
  }
}

/** True when no issue so far lies under any of the given field paths. */
function fieldsValid(payload: z.core.ParsePayload, ...fields: PropertyKey[][]): boolean {
  return !payload.issues.some((issue) => fields.some((field) => field.every((key, i) => issue.path?.[i] === key)));
}

function checkSubnets(net: z.infer<typeof network>, ctx: z.RefinementCtx): void {
  const vpc = parseCidr(net.vpcCidr);
  const subnets = net.zones.flatMap((zone, i) => [
    { path: ["network", "zones", i, "publicSubnetCidr"], value: zone.publicSubnetCidr },
    { path: ["network", "zones", i, "privateSubnetCidr"], value: zone.privateSubnetCidr },
  ]);
  subnets.forEach((subnet, i) => {
    const parsed = parseCidr(subnet.value);
    if (!parsed || !vpc) return;
    if (!cidrContains(vpc, parsed)) {
      ctx.addIssue({ code: "custom", path: subnet.path, message: `${subnet.value} is outside network.vpcCidr ${net.vpcCidr}` });
    }
    if (parsed.prefix > 28) {
      ctx.addIssue({ code: "custom", path: subnet.path, message: `${subnet.value} is smaller than /28, the smallest subnet AWS allows` });
    }
    for (const earlier of subnets.slice(0, i)) {
      const other = parseCidr(earlier.value);
      if (other && cidrsOverlap(parsed, other)) {
        ctx.addIssue({ code: "custom", path: subnet.path, message: `${subnet.value} overlaps ${earlier.path.join(".")} (${earlier.value})` });
      }
    }
  });
  net.zones.forEach((zone, i) => {
    if (net.zones.findIndex((z) => z.name === zone.name) < i) {
      ctx.addIssue({ code: "custom", path: ["network", "zones", i, "name"], message: `${zone.name} is listed twice; each zone must be distinct` });
    }
  });
}

function checkZonesInRegion(env: { region: string; network: z.infer<typeof network> }, ctx: z.RefinementCtx): void {
  env.network.zones.forEach((zone, i) => {
    if (!new RegExp(`^${env.region}[a-z]$`).test(zone.name)) {
      ctx.addIssue({
        code: "custom",
        path: ["network", "zones", i, "name"],
        message: `${zone.name} is not an availability zone of region ${env.region}; expected ${env.region}a, ${env.region}b, ...`,
      });
    }
  });
}

export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type ServiceSizing = EnvironmentConfig["services"]["backend"];
export type NatMode = (typeof NAT_MODES)[number];
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];

/** A service's strategy: its own override, else the environment's. */
export function deploymentStrategyOf(config: EnvironmentConfig, service: keyof EnvironmentConfig["services"]): DeploymentStrategy {
  return config.services[service].deploymentStrategy ?? config.deployment.strategy;
}
