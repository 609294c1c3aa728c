/**
 * How each Terraform resource type costs money: a rule per priced type (given every resource of that
 * type in the stack, it returns cost lines), or an entry in FREE saying why the type costs nothing by
 * itself. A type in neither fails the estimate, so a new resource cannot silently cost nothing.
 */
import { cronHoursOfWeek, weeklyUptime } from "../../src/core/working-hours";
import { blocks, block, strings, toNumber } from "../../src/policy/values";
import type { ResourceView, StackView } from "../../src/policy/stack-view";
import type { CostLine, GuideItem, Range, Usage } from "./model";
import type { PriceTable } from "./price-table";

export interface RuleContext {
  readonly stack: StackView;
  readonly prices: PriceTable;
  readonly usage: Usage;
}

export type CostRule = (resources: readonly ResourceView[], context: RuleContext) => CostLine[];

const round = (value: number) => Math.round(value * 1e6) / 1e6;
const range = (min: number, max = min): Range => ({ min, max });
const times = (r: Range, factor: number): Range => range(round(r.min * factor), round(r.max * factor));

interface LineInput {
  readonly resources: readonly ResourceView[];
  readonly what: string;
  readonly prices: readonly string[];
  readonly unitPrice: number;
  readonly unit: string;
  readonly quantity: Range | number;
  readonly usage?: keyof Usage;
  readonly guideItem?: GuideItem;
}

function line(input: LineInput): CostLine {
  const quantity = typeof input.quantity === "number" ? range(input.quantity) : input.quantity;
  return {
    resources: input.resources.map((r) => r.address),
    what: input.what,
    prices: input.prices,
    unitPrice: round(input.unitPrice),
    unit: input.unit,
    quantity,
    monthly: times(quantity, input.unitPrice),
    ...(input.usage ? { usage: input.usage } : {}),
    ...(input.guideItem ? { guideItem: input.guideItem } : {}),
  };
}

/** A price that runs every hour of the month, as a monthly unit price. */
const monthly = (context: RuleContext, key: string) => context.prices.price(key) * context.prices.hoursPerMonth;

/** Lines only for a non-zero usage assumption, so an environment without traffic lists none. */
function usageLine(input: LineInput & { usage: keyof Usage }): CostLine[] {
  const quantity = typeof input.quantity === "number" ? input.quantity : input.quantity.max;
  return quantity > 0 ? [line(input)] : [];
}

// ---------------------------------------------------------------------------------------------
// ECS services: tasks at the autoscaling bounds, split between Fargate and Fargate Spot.

/** One capacity provider strategy item as ECS reads it. */
export interface StrategyItem {
  readonly provider: string;
  readonly base: number;
  readonly weight: number;
}

/**
 * How ECS spreads `tasks` over a capacity provider strategy: the base tasks first on the provider that
 * has a base, the rest in proportion to the weights (fractions kept: an estimate of the long-run mix).
 */
export function splitTasks(tasks: number, strategy: readonly StrategyItem[]): Record<string, number> {
  const split: Record<string, number> = Object.fromEntries(strategy.map((s) => [s.provider, 0]));
  let rest = tasks;
  for (const item of strategy) {
    const base = Math.min(item.base, rest);
    split[item.provider] += base;
    rest -= base;
  }
  const weights = strategy.reduce((sum, s) => sum + s.weight, 0);
  if (rest > 0 && weights === 0) throw new Error("capacity provider strategy has no weight for tasks above the base");
  for (const item of strategy) split[item.provider] = round(split[item.provider] + (weights === 0 ? 0 : (rest * item.weight) / weights));
  return split;
}

function strategyOf(value: unknown): StrategyItem[] {
  return blocks(value).map((b) => ({
    provider: String(b.capacity_provider),
    base: toNumber(b.base) ?? 0,
    weight: toNumber(b.weight) ?? 0,
  }));
}

/** The service's own strategy, else its launch type (Fargate on-demand), else the cluster's default strategy. */
function serviceStrategy(service: ResourceView, stack: StackView): StrategyItem[] {
  const own = strategyOf(service.attributes.capacity_provider_strategy);
  if (own.length > 0) return own;
  // A launch type overrides the cluster's default strategy.
  if (service.attributes.launch_type === "FARGATE") return [{ provider: "FARGATE", base: 0, weight: 1 }];
  const cluster = stack.resolve(service.attributes.cluster)?.target;
  const providers = cluster
    ? stack.referencing(cluster, "aws_ecs_cluster_capacity_providers", "cluster_name")
    : stack.resources("aws_ecs_cluster_capacity_providers");
  const defaults = strategyOf(providers[0]?.attributes.default_capacity_provider_strategy);
  return defaults.length > 0 ? defaults : [{ provider: "FARGATE", base: 0, weight: 1 }];
}

/** Tasks at minimum and maximum capacity: the autoscaling target's bounds, else the desired count. */
export function serviceTasks(service: ResourceView, stack: StackView): Range {
  const target = stack.referencing(service, "aws_appautoscaling_target", "resource_id")[0];
  const desired = toNumber(service.attributes.desired_count) ?? 1;
  if (!target) return range(desired);
  return range(toNumber(target.attributes.min_capacity) ?? desired, toNumber(target.attributes.max_capacity) ?? desired);
}

/**
 * Share of the month a service runs: 1, or the hours its scheduled actions leave it on (an action
 * with max_capacity 0 stops every task, any other starts them again), e.g. 55/168 for 08:00-19:00 on
 * weekdays. What runs by the task (Fargate, public addresses, GuardDuty, Cloud Map) scales with it.
 */
export function serviceUptime(service: ResourceView, stack: StackView): number {
  const target = stack.referencing(service, "aws_appautoscaling_target", "resource_id")[0];
  const actions = target ? stack.referencing(target, "aws_appautoscaling_scheduled_action", "resource_id") : [];
  const at = (stops: boolean) =>
    actions
      .filter((a) => (toNumber(block(a.attributes.scalable_target_action)?.max_capacity) === 0) === stops)
      .flatMap((a) => cronHoursOfWeek(String(a.attributes.schedule)));
  return weeklyUptime(at(false), at(true));
}

/** Task-months at minimum and maximum capacity: the bounds times the share of the month the service runs. */
export function runningTasks(service: ResourceView, stack: StackView): Range {
  return times(serviceTasks(service, stack), serviceUptime(service, stack));
}

interface TaskSize {
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly architecture: "x86" | "arm64";
}

function taskSize(service: ResourceView, stack: StackView): TaskSize {
  const definition = stack.resolve(service.attributes.task_definition)?.target;
  if (!definition) throw new Error(`${service.address}: task_definition is not a task definition of this stack; cannot price its tasks`);
  const cpu = toNumber(definition.attributes.cpu);
  const memory = toNumber(definition.attributes.memory);
  if (cpu === undefined || memory === undefined) throw new Error(`${definition.address}: cpu and memory must be literal to price a Fargate task`);
  const architecture = block(definition.attributes.runtime_platform)?.cpu_architecture === "ARM64" ? "arm64" : "x86";
  return { vcpu: cpu / 1024, memoryGb: memory / 1024, architecture };
}

/** The vCPUs of every Fargate task of the stack at minimum and maximum capacity (GuardDuty prices them). */
export function fargateVcpus(stack: StackView): Range {
  return stack.resources("aws_ecs_service").reduce(
    (sum, service) => {
      const tasks = runningTasks(service, stack);
      const { vcpu } = taskSize(service, stack);
      return range(sum.min + tasks.min * vcpu, sum.max + tasks.max * vcpu);
    },
    range(0),
  );
}

const ecsService: CostRule = (services, context) =>
  services.flatMap((service) => {
    const { stack, prices } = context;
    const size = taskSize(service, stack);
    const tasks = serviceTasks(service, stack);
    const uptime = serviceUptime(service, stack);
    const strategy = serviceStrategy(service, stack);
    const atMin = splitTasks(tasks.min, strategy);
    const atMax = splitTasks(tasks.max, strategy);
    const name = String(service.attributes.name ?? service.name);
    const hours = uptime < 1 ? `, ${round(uptime * 100).toFixed(1)}% of the hours` : "";
    const cpuKey = `fargate.${size.architecture}.vcpuHour`;
    const memoryKey = `fargate.${size.architecture}.gbHour`;
    const onDemandTaskMonth = (size.vcpu * prices.price(cpuKey) + size.memoryGb * prices.price(memoryKey)) * prices.hoursPerMonth;
    const guideItem: GuideItem | undefined = /backend/.test(name) ? "backend" : /frontend/.test(name) ? "frontend" : undefined;
    // Every running task with assign_public_ip holds a public IPv4 address, billed by the hour like an Elastic IP.
    const publicAddresses =
      block(service.attributes.network_configuration)?.assign_public_ip === true
        ? [line({ resources: [service], what: `${name}: public IPv4 addresses of its tasks (one per task${hours})`, prices: ["publicIpv4.hour"], unitPrice: monthly(context, "publicIpv4.hour"), unit: "address-month", quantity: times(tasks, uptime) })]
        : [];
    // A provider that gets no task even at maximum capacity (weight 0, no base) costs nothing: no line.
    return [...publicAddresses, ...strategy.filter((item) => atMax[item.provider] > 0).map((item) => {
      const spot = item.provider === "FARGATE_SPOT";
      if (!spot && item.provider !== "FARGATE") throw new Error(`${service.address}: capacity provider ${item.provider} is not Fargate; no rule prices it`);
      return line({
        resources: [service],
        what: `${name}: ${spot ? "Fargate Spot" : "Fargate"} tasks (${size.vcpu} vCPU, ${size.memoryGb} GB, ${size.architecture}${hours})`,
        prices: spot ? [cpuKey, memoryKey, "fargateSpot.discount"] : [cpuKey, memoryKey],
        unitPrice: spot ? onDemandTaskMonth * (1 - prices.price("fargateSpot.discount")) : onDemandTaskMonth,
        unit: "task-month",
        quantity: times(range(atMin[item.provider], atMax[item.provider]), uptime),
        guideItem,
      });
    })];
  });

// ---------------------------------------------------------------------------------------------
// Networking

const natGateway: CostRule = (gateways, context) => [
  line({
    resources: gateways,
    what: "NAT gateway hours",
    prices: ["nat.hour"],
    unitPrice: monthly(context, "nat.hour"),
    unit: "NAT gateway-month",
    quantity: gateways.length,
    guideItem: "nat",
  }),
  ...usageLine({
    resources: gateways,
    what: "NAT gateway data processing",
    prices: ["nat.gb"],
    unitPrice: context.prices.price("nat.gb"),
    unit: "GB",
    quantity: context.usage.natProcessedGb,
    usage: "natProcessedGb",
    guideItem: "nat",
  }),
];

const elasticIp: CostRule = (addresses, context) => [
  line({
    resources: addresses,
    what: "Public IPv4 addresses (Elastic IPs)",
    prices: ["publicIpv4.hour"],
    unitPrice: monthly(context, "publicIpv4.hour"),
    unit: "address-month",
    quantity: addresses.length,
  }),
];

const vpcEndpoint: CostRule = (endpoints, context) => {
  const interfaces = endpoints.filter((e) => e.attributes.vpc_endpoint_type === "Interface");
  if (interfaces.length === 0) return [];
  const enis = interfaces.reduce((sum, e) => sum + Math.max(1, strings(e.attributes.subnet_ids).length), 0);
  return [
    line({
      resources: interfaces,
      what: `Interface endpoints (${interfaces.length}, one network interface per subnet)`,
      prices: ["endpoint.interfaceHour"],
      unitPrice: monthly(context, "endpoint.interfaceHour"),
      unit: "endpoint-AZ-month",
      quantity: enis,
    }),
    ...usageLine({
      resources: interfaces,
      what: "Interface endpoint data processing",
      prices: ["endpoint.gb"],
      unitPrice: context.prices.price("endpoint.gb"),
      unit: "GB",
      quantity: context.usage.endpointProcessedGb,
      usage: "endpointProcessedGb",
    }),
  ];
};

const loadBalancer: CostRule = (balancers, context) =>
  balancers.flatMap((lb) => {
    if (lb.attributes.load_balancer_type !== undefined && lb.attributes.load_balancer_type !== "application") {
      throw new Error(`${lb.address}: only application load balancers are priced`);
    }
    const publicAddresses = lb.attributes.internal === true ? 0 : Math.max(2, strings(lb.attributes.subnets).length);
    return [
      line({ resources: [lb], what: "Application load balancer hours", prices: ["alb.hour"], unitPrice: monthly(context, "alb.hour"), unit: "ALB-month", quantity: 1, guideItem: "alb" }),
      ...usageLine({
        resources: [lb],
        what: "Load balancer capacity units (average)",
        prices: ["alb.lcuHour"],
        unitPrice: monthly(context, "alb.lcuHour"),
        unit: "LCU-month",
        quantity: context.usage.albLcus,
        usage: "albLcus",
        guideItem: "alb",
      }),
      ...(publicAddresses > 0
        ? [line({ resources: [lb], what: "Public IPv4 addresses of the internet-facing ALB (one per subnet)", prices: ["publicIpv4.hour"], unitPrice: monthly(context, "publicIpv4.hour"), unit: "address-month", quantity: publicAddresses })]
        : []),
    ];
  });

// ---------------------------------------------------------------------------------------------
// Security

const kmsKey: CostRule = (keys, context) => [
  line({ resources: keys, what: "KMS customer managed keys", prices: ["kms.keyMonth"], unitPrice: context.prices.price("kms.keyMonth"), unit: "key-month", quantity: keys.length }),
];

const secret: CostRule = (secrets, context) => [
  line({
    resources: secrets,
    what: "Secrets Manager secrets",
    prices: ["secretsManager.secretMonth"],
    unitPrice: context.prices.price("secretsManager.secretMonth"),
    unit: "secret-month",
    quantity: secrets.length,
    guideItem: "secrets",
  }),
];

const ssmParameter: CostRule = (parameters, context) => {
  const advanced = parameters.filter((p) => p.attributes.tier === "Advanced");
  return advanced.length === 0
    ? []
    : [line({ resources: advanced, what: "SSM advanced parameters", prices: ["ssm.advancedParameterMonth"], unitPrice: context.prices.price("ssm.advancedParameterMonth"), unit: "parameter-month", quantity: advanced.length })];
};

const webAcl: CostRule = (acls, context) =>
  acls.flatMap((acl) => [
    line({ resources: [acl], what: "WAF web ACL", prices: ["waf.webAclMonth"], unitPrice: context.prices.price("waf.webAclMonth"), unit: "web ACL-month", quantity: 1 }),
    line({
      resources: [acl],
      what: "WAF rules (managed rule groups count one each)",
      prices: ["waf.ruleMonth"],
      unitPrice: context.prices.price("waf.ruleMonth"),
      unit: "rule-month",
      quantity: blocks(acl.attributes.rule).length,
    }),
    ...usageLine({
      resources: [acl],
      what: "WAF requests inspected",
      prices: ["waf.requestsMillion"],
      unitPrice: context.prices.price("waf.requestsMillion"),
      unit: "million requests",
      quantity: context.usage.requestsMillions,
      usage: "requestsMillions",
    }),
  ]);

const guardDutyDetector: CostRule = (detectors, context) =>
  detectors.flatMap((detector) => [
    ...usageLine({
      resources: [detector],
      what: "GuardDuty: CloudTrail management events analysed",
      prices: ["guardDuty.eventsMillion"],
      unitPrice: context.prices.price("guardDuty.eventsMillion"),
      unit: "million events",
      quantity: context.usage.guardDutyEventsMillions,
      usage: "guardDutyEventsMillions",
    }),
    ...usageLine({
      resources: [detector],
      what: "GuardDuty: VPC flow and DNS logs analysed",
      prices: ["guardDuty.logsGb"],
      unitPrice: context.prices.price("guardDuty.logsGb"),
      unit: "GB",
      quantity: context.usage.guardDutyLogsGb,
      usage: "guardDutyLogsGb",
    }),
  ]);

const guardDutyFeature: CostRule = (features, context) => {
  const fargate = features.filter(
    (f) =>
      f.attributes.name === "RUNTIME_MONITORING" &&
      f.attributes.status === "ENABLED" &&
      blocks(f.attributes.additional_configuration).some((c) => c.name === "ECS_FARGATE_AGENT_MANAGEMENT" && c.status === "ENABLED"),
  );
  if (fargate.length === 0) return [];
  return [
    line({
      resources: fargate,
      what: "GuardDuty runtime monitoring of the Fargate tasks",
      prices: ["guardDuty.fargateVcpuMonth"],
      unitPrice: context.prices.price("guardDuty.fargateVcpuMonth"),
      unit: "vCPU-month",
      quantity: fargateVcpus(context.stack),
    }),
  ];
};

// ---------------------------------------------------------------------------------------------
// Observability

const logGroup: CostRule = (groups, context) => {
  const gb = context.usage.logsIngestedGb;
  // Steady state: each month's logs are kept for the retention period (never-expiring groups: a year).
  const retentionMonths = groups.reduce((sum, g) => sum + (toNumber(g.attributes.retention_in_days) ?? 365) / 30, 0) / groups.length;
  return [
    ...usageLine({
      resources: groups,
      what: `CloudWatch Logs ingestion (${groups.length} log groups)`,
      prices: ["logs.ingestedGb"],
      unitPrice: context.prices.price("logs.ingestedGb"),
      unit: "GB",
      quantity: gb,
      usage: "logsIngestedGb",
      guideItem: "logs",
    }),
    ...usageLine({
      resources: groups,
      what: `CloudWatch Logs storage, steady state (${round(retentionMonths).toFixed(1)} months kept, uncompressed)`,
      prices: ["logs.storedGbMonth"],
      unitPrice: context.prices.price("logs.storedGbMonth"),
      unit: "GB-month",
      quantity: round(gb * retentionMonths),
      usage: "logsIngestedGb",
      guideItem: "logs",
    }),
  ];
};

/** Metrics an alarm watches: each metric of a metric-math alarm is billed as one alarm metric. */
function alarmMetrics(alarm: ResourceView): number {
  const queries = blocks(alarm.attributes.metric_query);
  return queries.length === 0 ? 1 : queries.filter((q) => q.metric !== undefined).length;
}

const metricAlarm: CostRule = (alarms, context) => [
  line({
    resources: alarms,
    what: `CloudWatch alarms (${alarms.length}, metric-math alarms billed per metric)`,
    prices: ["cloudwatch.alarmMetricMonth"],
    unitPrice: context.prices.price("cloudwatch.alarmMetricMonth"),
    unit: "alarm metric-month",
    quantity: alarms.reduce((sum, alarm) => sum + alarmMetrics(alarm), 0),
  }),
];

const dashboard: CostRule = (dashboards, context) => [
  line({ resources: dashboards, what: "CloudWatch dashboards", prices: ["cloudwatch.dashboardMonth"], unitPrice: context.prices.price("cloudwatch.dashboardMonth"), unit: "dashboard-month", quantity: dashboards.length }),
];

const metricFilter: CostRule = (filters, context) => [
  line({
    resources: filters,
    what: "Custom metrics from log metric filters",
    prices: ["cloudwatch.customMetricMonth"],
    unitPrice: context.prices.price("cloudwatch.customMetricMonth"),
    unit: "metric-month",
    quantity: filters.reduce((sum, f) => sum + Math.max(1, blocks(f.attributes.metric_transformation).length), 0),
  }),
];

/** Standard Container Insights (not enhanced) metrics, as custom metrics: per cluster and per service. */
export const STANDARD_INSIGHTS_METRICS = { perCluster: 8, perService: 11 } as const;

const ecsCluster: CostRule = (clusters, context) =>
  clusters.flatMap((cluster) => {
    const mode = blocks(cluster.attributes.setting).find((s) => s.name === "containerInsights")?.value;
    const services = context.stack.resources("aws_ecs_service");
    if (mode === "enhanced") {
      const tasks = services.reduce((sum, s) => range(sum.min + runningTasks(s, context.stack).min, sum.max + runningTasks(s, context.stack).max), range(0));
      const perTask = context.usage.containerInsightsObservationsMillionsPerTask;
      return usageLine({
        resources: [cluster],
        what: `Container Insights, enhanced (${perTask} million observations per task)`,
        prices: ["containerInsights.enhancedObservationMillion"],
        unitPrice: context.prices.price("containerInsights.enhancedObservationMillion"),
        unit: "million observations",
        quantity: times(tasks, perTask),
        usage: "containerInsightsObservationsMillionsPerTask",
      });
    }
    if (mode === "enabled") {
      const metrics = STANDARD_INSIGHTS_METRICS.perCluster + STANDARD_INSIGHTS_METRICS.perService * services.length;
      return [
        line({
          resources: [cluster],
          what: `Container Insights, standard (about ${STANDARD_INSIGHTS_METRICS.perCluster} metrics per cluster and ${STANDARD_INSIGHTS_METRICS.perService} per service)`,
          prices: ["containerInsights.standardMetricMonth"],
          unitPrice: context.prices.price("containerInsights.standardMetricMonth"),
          unit: "metric-month",
          quantity: metrics,
        }),
      ];
    }
    return [];
  });

// ---------------------------------------------------------------------------------------------
// DNS and service discovery

const healthCheck: CostRule = (checks, context) =>
  checks.flatMap((check) => {
    const type = String(check.attributes.type ?? "");
    const features = [type.startsWith("HTTPS"), type.endsWith("STR_MATCH"), toNumber(check.attributes.request_interval) === 10, check.attributes.measure_latency === true].filter(Boolean).length;
    return [
      line({ resources: [check], what: `Route 53 health check (${type})`, prices: ["route53.healthCheckMonth"], unitPrice: context.prices.price("route53.healthCheckMonth"), unit: "health check-month", quantity: 1 }),
      ...(features > 0
        ? [line({ resources: [check], what: "Route 53 health check options (HTTPS, string match, fast interval, latency)", prices: ["route53.healthCheckFeatureMonth"], unitPrice: context.prices.price("route53.healthCheckFeatureMonth"), unit: "option-month", quantity: features })]
        : []),
    ];
  });

const privateDnsNamespace: CostRule = (namespaces, context) => [
  line({
    resources: namespaces,
    what: "Cloud Map private DNS namespaces (a Route 53 private hosted zone each)",
    prices: ["route53.hostedZoneMonth"],
    unitPrice: context.prices.price("route53.hostedZoneMonth"),
    unit: "hosted zone-month",
    quantity: namespaces.length,
  }),
];

const discoveryService: CostRule = (registries, context) => {
  const { stack } = context;
  const instances = registries.reduce((sum, registry) => {
    const services = stack.resources("aws_ecs_service").filter((s) => blocks(s.attributes.service_registries).some((r) => stack.resolve(r.registry_arn)?.target === registry));
    return services.reduce((acc, s) => range(acc.min + runningTasks(s, stack).min, acc.max + runningTasks(s, stack).max), sum);
  }, range(0));
  return [
    line({
      resources: registries,
      what: "Cloud Map registered instances (one per running task, for the hours it runs)",
      prices: ["cloudMap.instanceMonth"],
      unitPrice: context.prices.price("cloudMap.instanceMonth"),
      unit: "instance-month",
      quantity: instances,
    }),
  ];
};

// ---------------------------------------------------------------------------------------------
// Storage

const ecrRepository: CostRule = (repositories, context) =>
  usageLine({
    resources: repositories,
    what: `ECR image storage (${repositories.length} repositories)`,
    prices: ["ecr.gbMonth"],
    unitPrice: context.prices.price("ecr.gbMonth"),
    unit: "GB-month",
    quantity: context.usage.ecrStorageGb,
    usage: "ecrStorageGb",
    guideItem: "ecr",
  });

const s3Bucket: CostRule = (buckets, context) =>
  usageLine({
    resources: buckets,
    what: `S3 Standard storage (${buckets.length} buckets)`,
    prices: ["s3.standardGbMonth"],
    unitPrice: context.prices.price("s3.standardGbMonth"),
    unit: "GB-month",
    quantity: context.usage.s3StorageGb,
    usage: "s3StorageGb",
  });

/** Priced resource types. Each price-table entry names the types it prices; each of those needs a rule here. */
export const RULES: Readonly<Record<string, CostRule>> = {
  aws_ecs_service: ecsService,
  aws_ecs_cluster: ecsCluster,
  aws_nat_gateway: natGateway,
  aws_eip: elasticIp,
  aws_vpc_endpoint: vpcEndpoint,
  aws_lb: loadBalancer,
  aws_kms_key: kmsKey,
  aws_secretsmanager_secret: secret,
  aws_ssm_parameter: ssmParameter,
  aws_wafv2_web_acl: webAcl,
  aws_guardduty_detector: guardDutyDetector,
  aws_guardduty_detector_feature: guardDutyFeature,
  aws_cloudwatch_log_group: logGroup,
  aws_cloudwatch_metric_alarm: metricAlarm,
  aws_cloudwatch_dashboard: dashboard,
  aws_cloudwatch_log_metric_filter: metricFilter,
  aws_route53_health_check: healthCheck,
  aws_service_discovery_private_dns_namespace: privateDnsNamespace,
  aws_service_discovery_service: discoveryService,
  aws_ecr_repository: ecrRepository,
  aws_s3_bucket: s3Bucket,
};

const PRICED_ELSEWHERE = "priced with the resource it configures";
const NO_CHARGE = "AWS charges nothing for it";

/** Resource types that cost nothing by themselves, and why. */
export const FREE: Readonly<Record<string, string>> = {
  aws_acm_certificate: "public ACM certificates are free",
  aws_acm_certificate_validation: NO_CHARGE,
  aws_appautoscaling_policy: NO_CHARGE,
  aws_appautoscaling_scheduled_action: NO_CHARGE,
  aws_appautoscaling_target: "its bounds price the ECS service's tasks",
  aws_cloudwatch_event_rule: "rules on the default bus matching AWS service events are free",
  aws_cloudwatch_event_target: NO_CHARGE,
  aws_cloudwatch_log_resource_policy: NO_CHARGE,
  aws_codedeploy_app: "CodeDeploy charges nothing for deployments to ECS (the green tasks a release runs are the service's own)",
  aws_codedeploy_deployment_group: "CodeDeploy charges nothing for deployments to ECS",
  aws_default_security_group: NO_CHARGE,
  aws_dynamodb_table: "on-demand: the state lock's few requests a day and kilobytes of storage cost under a cent",
  aws_ecr_lifecycle_policy: NO_CHARGE,
  aws_ecs_cluster_capacity_providers: "its strategy splits the ECS services' tasks between Fargate and Fargate Spot",
  aws_ecs_task_definition: "its size prices the ECS service's tasks",
  aws_flow_log: "its delivery is CloudWatch Logs ingestion (usage.logsIngestedGb)",
  aws_iam_openid_connect_provider: NO_CHARGE,
  aws_iam_policy: NO_CHARGE,
  aws_iam_role: NO_CHARGE,
  aws_iam_role_policy: NO_CHARGE,
  aws_iam_role_policy_attachment: NO_CHARGE,
  aws_internet_gateway: "no hourly charge; data out to the internet is not estimated",
  aws_kms_alias: NO_CHARGE,
  aws_lb_listener: PRICED_ELSEWHERE,
  aws_lb_listener_rule: "rule evaluations are part of the load balancer's capacity units",
  aws_lb_target_group: PRICED_ELSEWHERE,
  aws_network_acl: NO_CHARGE,
  aws_network_acl_rule: NO_CHARGE,
  aws_route: NO_CHARGE,
  aws_route53_record: "alias queries to AWS resources are free; the hosted zone is outside the stack (hosted_zone_id)",
  aws_route_table: NO_CHARGE,
  aws_route_table_association: NO_CHARGE,
  aws_s3_bucket_lifecycle_configuration: PRICED_ELSEWHERE,
  aws_s3_bucket_ownership_controls: PRICED_ELSEWHERE,
  aws_s3_bucket_policy: PRICED_ELSEWHERE,
  aws_s3_bucket_public_access_block: PRICED_ELSEWHERE,
  aws_s3_bucket_server_side_encryption_configuration: PRICED_ELSEWHERE,
  aws_s3_bucket_versioning: "old state versions are a few kilobytes (within usage.s3StorageGb)",
  aws_security_group: NO_CHARGE,
  aws_sns_topic: "the first million requests and 1,000 e-mails a month are free; alerts stay far below",
  aws_sns_topic_policy: NO_CHARGE,
  aws_sns_topic_subscription: NO_CHARGE,
  aws_subnet: NO_CHARGE,
  aws_vpc: NO_CHARGE,
  aws_vpc_security_group_egress_rule: NO_CHARGE,
  aws_vpc_security_group_ingress_rule: NO_CHARGE,
  aws_wafv2_web_acl_association: PRICED_ELSEWHERE,
  aws_wafv2_web_acl_logging_configuration: "its logs are CloudWatch Logs ingestion (usage.logsIngestedGb)",
};
