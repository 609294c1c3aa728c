import { Construct } from "constructs";
import { Fn, Op, Token } from "cdktf";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import {
  CloudwatchMetricAlarm,
  type CloudwatchMetricAlarmConfig,
  type CloudwatchMetricAlarmMetricQuery,
} from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import { check, checkInteger } from "../../core/props";
import type { WeekWindow } from "../../core/working-hours";
import { AlertTopics } from "./alert-topics";
import { expressionRow, layOut, metricRow, type DashboardGroup } from "./dashboard";

/** One ECS service, as the monitoring sees it. */
export interface MonitoredService {
  /** Short name: part of alarm names and graph labels. */
  readonly name: string;
  /** ECS cluster name (dimension ClusterName). */
  readonly clusterName: string;
  /** ECS service name (dimension ServiceName). */
  readonly serviceName: string;
  /** Tasks the service must always run: LowRunningTasks fires below it. */
  readonly minCapacity: number;
  /** The target group's arn_suffix (dimension TargetGroup): adds LowHealthyHosts. @default not behind the load balancer */
  readonly targetGroupArnSuffix?: string;
  /**
   * Alarm on Container Insights' RunningTaskCount (LowRunningTasks). false for a cluster without
   * Container Insights, where the metric does not exist (LowHealthyHosts still watches the targets).
   * @default true
   */
  readonly runningTasksAlarm?: boolean;
}

/** A CloudWatch Logs metric filter counting matching lines (1 per line, 0 for the others). */
export interface LogMetricFilterSpec {
  /** Filter name, unique per log group. */
  readonly name: string;
  /** The log group whose lines are counted (pass the log group resource's name so it exists first). */
  readonly logGroupName: string;
  /** CloudWatch Logs filter pattern. */
  readonly pattern: string;
  /** Namespace of the resulting metric. */
  readonly namespace: string;
  /** Name of the resulting metric. */
  readonly metricName: string;
}

/** The load balancer whose errors and latency are graphed and alarmed on. */
export interface MonitoredLoadBalancer {
  /** The ALB's arn_suffix (dimension LoadBalancer). */
  readonly arnSuffix: string;
  /** HighErrorRate: 5xx (ALB and targets) as a percentage of requests over 5 minutes. @default 5 */
  readonly errorRatePercent?: number;
  /** HighResponseTime: p95 target response time in milliseconds over 5 minutes. @default 2000 */
  readonly responseTimeP95Ms?: number;
  /** LowHealthyHosts: alarm when healthy targets of a service's target group fall below this. @default 1 */
  readonly minHealthyHosts?: number;
}

/** The dashboard's standard groups, for a consumer that rearranges or extends them. */
export interface StandardDashboard {
  /** CPU, memory, healthy targets and running tasks per service. */
  readonly serviceHealth: DashboardGroup;
  /** The load balancer's 5xx rate (no graphs without a load balancer). */
  readonly errorTracking: DashboardGroup;
  /** p95 response time and concurrent connections (no graphs without a load balancer). */
  readonly performance: DashboardGroup;
}

export interface MonitoringProps {
  /** Dashboard name, also the prefix of every alarm name. Required: both are unique per account and region. */
  readonly name: string;
  /** The services to watch. Required (may be empty for a load balancer alone). */
  readonly services: readonly MonitoredService[];
  /**
   * Where alarms notify (on ALARM and on OK): degradation to `warning`, outages to `critical`.
   * @default two new AlertTopics, <name>-alerts and <name>-critical, without subscriptions
   */
  readonly topics?: { readonly warningTopicArn: string; readonly criticalTopicArn: string };
  /** The load balancer in front of the services. @default no load balancer graphs or alarms */
  readonly loadBalancer?: MonitoredLoadBalancer;
  /** Metric filters turning log lines into metrics. @default [] */
  readonly metricFilters?: readonly LogMetricFilterSpec[];
  /** Text every alarm description starts with, e.g. the environment. @default name */
  readonly alarmDescriptionPrefix?: string;
  /**
   * The dashboard's groups, given the standard ones (to reorder, extend or add to them).
   * @default the standard groups: ServiceHealth, ErrorTracking, Performance
   */
  readonly dashboard?: (standard: StandardDashboard) => DashboardGroup[];
  /** Account, partition and region (the dashboard's widgets name the region). @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
  /**
   * The UTC hours of the week the services are sure to run, for services scaled to zero outside working
   * hours: outside these windows LowHealthyHosts, LowRunningTasks and HighErrorRate (the ALB answers
   * health checks with 503s then) read as OK. Every service needs `targetGroupArnSuffix`: the alarms
   * read the time from HealthyHostCount, which the load balancer reports at all hours.
   * @default always (the services run at all hours)
   */
  readonly activeHours?: readonly WeekWindow[];
}

/** Period of each standard widget group, in seconds. */
const GROUP_PERIODS = { serviceHealth: 300, errorTracking: 60, performance: 300 } as const;

/** HighErrorRate and HighResponseTime over 300 s, LowHealthyHosts over 60 s. */
const ALARM_PERIODS = { loadBalancer: 300, healthyHosts: 60 } as const;

/** The alarm periods are whole windows: one period decides. */
const ALARM_EVALUATION_PERIODS = 1;

/** Container Insights publishes RunningTaskCount once a minute. */
const TASK_COUNT_PERIOD = 60;
/**
 * ECS replaces a stopped task (Spot interruption, failed health check) within about two minutes;
 * three consecutive minutes below the minimum means it cannot place tasks, which is worth a page.
 */
const TASK_COUNT_EVALUATION_PERIODS = 3;

/** ALB TargetResponseTime is reported in seconds; the props speak milliseconds. */
export const MS_PER_SECOND = 1000;

export const ALB_NAMESPACE = "AWS/ApplicationELB";

/**
 * HTTP error rate in percent, shared by the HighErrorRate alarm and its dashboard graph. The 5xx
 * counts are absent rather than 0 in periods without errors, so FILL turns them into 0; without
 * requests the ratio has no value at all (that outage is LowHealthyHosts' to report).
 */
const ERROR_RATE = {
  inputs: [
    { id: "target5xx", metricName: "HTTPCode_Target_5XX_Count" },
    { id: "elb5xx", metricName: "HTTPCode_ELB_5XX_Count" },
    { id: "requests", metricName: "RequestCount" },
  ],
  statistic: "Sum",
  expression: "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests",
  label: "5xx responses (% of requests)",
} as const;

type AlarmSpec = Pick<
  CloudwatchMetricAlarmConfig,
  | "alarmName"
  | "alarmDescription"
  | "comparisonOperator"
  | "threshold"
  | "evaluationPeriods"
  | "treatMissingData"
  | "namespace"
  | "metricName"
  | "dimensions"
  | "period"
  | "statistic"
  | "extendedStatistic"
  | "metricQuery"
> & { readonly topicArn: string };

/**
 * Monitoring for ECS services behind a load balancer: metric filters, a dashboard (ServiceHealth,
 * ErrorTracking, Performance, extensible) and alarms that notify a warning or a critical topic on
 * ALARM and on OK: HighErrorRate and HighResponseTime (warning), LowHealthyHosts and
 * LowRunningTasks per service (critical).
 */
export class Monitoring extends Construct {
  readonly dashboardName: string;
  /** The dashboard body as an object (the resource holds it as jsonencode(...)), for tests and docs. */
  readonly dashboardBody: Readonly<{ widgets: Record<string, unknown>[] }>;
  /** Every alarm's name. */
  readonly alarmNames: string[] = [];
  /** Every alarm by construct id, for escape-hatch overrides. */
  readonly alarms: Record<string, CloudwatchMetricAlarm> = {};
  readonly metricFilterNames: readonly string[];
  /** The topics the module created, when `topics` is not given. */
  readonly alertTopics?: AlertTopics;
  private readonly thresholds: Required<Omit<MonitoredLoadBalancer, "arnSuffix">>;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const aws = awsContextOf(this, props.aws);
    this.thresholds = this.checkThresholds(props);
    this.alertTopics = props.topics ? undefined : this.createTopics(props, aws);
    const topics = props.topics ?? { warningTopicArn: this.alertTopics!.topicArns.alerts, criticalTopicArn: this.alertTopics!.topicArns.critical };

    this.metricFilterNames = (props.metricFilters ?? []).map((spec) => this.metricFilter(spec));

    const standard = this.standardGroups(props);
    const groups = props.dashboard ? props.dashboard(standard) : [standard.serviceHealth, standard.errorTracking, standard.performance];
    this.dashboardBody = { widgets: layOut(groups, aws.region) };
    const dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.name,
      dashboardBody: Fn.jsonencode(this.dashboardBody),
    });
    this.dashboardName = dashboard.dashboardName;

    if (props.loadBalancer) this.loadBalancerAlarms(props, props.loadBalancer, topics.warningTopicArn);
    for (const service of props.services) this.serviceAlarms(props, service, topics.criticalTopicArn);
  }

  private checkThresholds(props: MonitoringProps): Required<Omit<MonitoredLoadBalancer, "arnSuffix">> {
    const lb = props.loadBalancer;
    const thresholds = {
      errorRatePercent: lb?.errorRatePercent ?? 5,
      responseTimeP95Ms: lb?.responseTimeP95Ms ?? 2000,
      minHealthyHosts: lb?.minHealthyHosts ?? 1,
    };
    check(this, thresholds.errorRatePercent > 0 && thresholds.errorRatePercent <= 100, "loadBalancer.errorRatePercent", `must be a percentage above 0 and at most 100; got ${thresholds.errorRatePercent}`, thresholds.errorRatePercent);
    checkInteger(this, "loadBalancer.responseTimeP95Ms", thresholds.responseTimeP95Ms, 1, 60_000);
    checkInteger(this, "loadBalancer.minHealthyHosts", thresholds.minHealthyHosts, 1, 1000);
    const names = props.services.map((s) => s.name);
    check(this, new Set(names).size === names.length, "services", `must have distinct names; got ${names.join(", ")}`);
    for (const [i, service] of props.services.entries()) {
      check(this, !service.targetGroupArnSuffix || lb !== undefined, `services[${i}].targetGroupArnSuffix`, "needs `loadBalancer` (HealthyHostCount is reported per load balancer and target group)");
      check(this, !props.activeHours || service.targetGroupArnSuffix !== undefined, `services[${i}].targetGroupArnSuffix`, "is needed with `activeHours`: the alarms read the time from the target group's HealthyHostCount, reported at all hours");
    }
    for (const [i, window] of (props.activeHours ?? []).entries()) {
      checkInteger(this, `activeHours[${i}].fromHour`, window.fromHour, 0, 167);
      checkInteger(this, `activeHours[${i}].toHour`, window.toHour, window.fromHour + 1, 168);
    }
    return thresholds;
  }

  private createTopics(props: MonitoringProps, aws: AwsContext): AlertTopics {
    return new AlertTopics(this, "topics", {
      aws,
      topics: [
        { id: "alerts", name: `${props.name}-alerts` },
        { id: "critical", name: `${props.name}-critical` },
      ],
    });
  }

  /** Returns the filter's name. */
  private metricFilter(spec: LogMetricFilterSpec): string {
    const filter = new CloudwatchLogMetricFilter(this, spec.name, {
      name: spec.name,
      logGroupName: spec.logGroupName,
      pattern: spec.pattern,
      metricTransformation: {
        name: spec.metricName,
        namespace: spec.namespace,
        value: "1",
        // 0 for every non-matching line, so quiet periods graph as 0 instead of a gap.
        defaultValue: "0",
        unit: "Count",
      },
    });
    return filter.name;
  }

  private standardGroups(props: MonitoringProps): StandardDashboard {
    const { services } = props;
    const lb = props.loadBalancer;
    const loadBalancer: Record<string, string> = lb ? { LoadBalancer: lb.arnSuffix } : {};
    const ecs = (s: MonitoredService) => ({ ClusterName: s.clusterName, ServiceName: s.serviceName });
    const perService = (namespace: string, metricName: string) =>
      services.map((s) => metricRow(namespace, metricName, ecs(s), { label: s.name }));
    const targets = services.filter((s) => s.targetGroupArnSuffix);
    return {
      serviceHealth: {
        title: "ServiceHealth",
        period: GROUP_PERIODS.serviceHealth,
        summary: "ECS CPU and memory, healthy targets and running tasks per service",
        graphs: [
          { title: "ECS CPU utilization (%)", rows: perService("AWS/ECS", "CPUUtilization") },
          { title: "ECS memory utilization (%)", rows: perService("AWS/ECS", "MemoryUtilization") },
          ...(targets.length > 0
            ? [
                {
                  title: "Healthy targets",
                  stat: "Minimum",
                  rows: targets.map((s) => metricRow(ALB_NAMESPACE, "HealthyHostCount", { TargetGroup: s.targetGroupArnSuffix!, ...loadBalancer }, { label: s.name })),
                  threshold: { label: "LowHealthyHosts", value: this.thresholds.minHealthyHosts },
                },
              ]
            : []),
          { title: "Running tasks", stat: "Minimum", rows: perService("ECS/ContainerInsights", "RunningTaskCount") },
        ],
      },
      errorTracking: {
        title: "ErrorTracking",
        period: GROUP_PERIODS.errorTracking,
        summary: "HTTP 5xx rate at the load balancer",
        graphs: lb
          ? [
              {
                title: "HTTP error rate (%)",
                rows: [
                  ...ERROR_RATE.inputs.map((input) =>
                    metricRow(ALB_NAMESPACE, input.metricName, loadBalancer, { id: input.id, stat: ERROR_RATE.statistic, visible: false }),
                  ),
                  expressionRow("errorRate", ERROR_RATE.expression, ERROR_RATE.label),
                ],
                threshold: { label: "HighErrorRate", value: this.thresholds.errorRatePercent },
              },
            ]
          : [],
      },
      performance: {
        title: "Performance",
        period: GROUP_PERIODS.performance,
        summary: "p95 response time and concurrent connections",
        graphs: lb
          ? [
              {
                title: "Response time p95 (ms)",
                rows: [
                  metricRow(ALB_NAMESPACE, "TargetResponseTime", loadBalancer, { id: "latency", stat: "p95", visible: false }),
                  expressionRow("latencyMs", `${MS_PER_SECOND} * latency`, "p95 target response time (ms)"),
                ],
                threshold: { label: "HighResponseTime", value: this.thresholds.responseTimeP95Ms },
              },
              {
                title: "Concurrent connections",
                // ActiveConnectionCount counts per load balancer node; Sum is the ALB-wide total.
                stat: "Sum",
                rows: [metricRow(ALB_NAMESPACE, "ActiveConnectionCount", loadBalancer, { label: "active connections" })],
              },
            ]
          : [],
      },
    };
  }

  /** HighErrorRate and HighResponseTime over the whole load balancer, to the warning topic. */
  private loadBalancerAlarms(props: MonitoringProps, lb: MonitoredLoadBalancer, topicArn: string): void {
    const { errorRatePercent, responseTimeP95Ms } = this.thresholds;
    const label = props.alarmDescriptionPrefix ?? props.name;
    const dimensions = { LoadBalancer: lb.arnSuffix };
    const inputs: CloudwatchMetricAlarmMetricQuery[] = ERROR_RATE.inputs.map((input) => ({
      id: input.id,
      returnData: false,
      metric: { namespace: ALB_NAMESPACE, metricName: input.metricName, dimensions, period: ALARM_PERIODS.loadBalancer, stat: ERROR_RATE.statistic },
    }));
    const errorRate = { id: "errorRate", expression: ERROR_RATE.expression, label: ERROR_RATE.label };
    this.alarm("high-error-rate", {
      alarmName: `${props.name}-high-error-rate`,
      alarmDescription: `${label}: more than ${errorRatePercent}% of requests got a 5xx from the ALB or a target over ${ALARM_PERIODS.loadBalancer} s${this.hoursNote(props)}`,
      // Outside the active hours the ALB answers its health checks with 503s: no error rate then.
      metricQuery: props.activeHours
        ? [...inputs, { ...errorRate, returnData: false }, ...this.onlyInActiveHours(props.activeHours, "requests", "errorRate", 0, ERROR_RATE.label)]
        : [...inputs, { ...errorRate, returnData: true }],
      comparisonOperator: "GreaterThanThreshold",
      threshold: errorRatePercent,
      evaluationPeriods: ALARM_EVALUATION_PERIODS,
      // No requests means no errors: an idle environment (dev at night) must stay OK.
      treatMissingData: "notBreaching",
      topicArn,
    });
    this.alarm("high-response-time", {
      alarmName: `${props.name}-high-response-time`,
      alarmDescription: `${label}: p95 target response time above ${responseTimeP95Ms} ms over ${ALARM_PERIODS.loadBalancer} s`,
      namespace: ALB_NAMESPACE,
      metricName: "TargetResponseTime",
      dimensions,
      extendedStatistic: "p95",
      period: ALARM_PERIODS.loadBalancer,
      comparisonOperator: "GreaterThanThreshold",
      // A number token (an HCL module's variable) divides in Terraform: in JavaScript it is a placeholder.
      threshold: Token.isUnresolved(responseTimeP95Ms) ? Token.asNumber(Op.div(responseTimeP95Ms, MS_PER_SECOND)) : responseTimeP95Ms / MS_PER_SECOND,
      evaluationPeriods: ALARM_EVALUATION_PERIODS,
      // No requests means nothing was slow; an outage is reported by LowHealthyHosts instead.
      treatMissingData: "notBreaching",
      topicArn,
    });
  }

  /** LowHealthyHosts (behind the load balancer) and LowRunningTasks for one service, to the critical topic. */
  private serviceAlarms(props: MonitoringProps, service: MonitoredService, topicArn: string): void {
    const label = props.alarmDescriptionPrefix ?? props.name;
    const { minHealthyHosts } = this.thresholds;
    const hours = props.activeHours;
    const note = this.hoursNote(props);
    const healthy = service.targetGroupArnSuffix && {
      namespace: ALB_NAMESPACE,
      metricName: "HealthyHostCount",
      dimensions: { TargetGroup: service.targetGroupArnSuffix, LoadBalancer: props.loadBalancer!.arnSuffix },
      // The worst view any load balancer node has of the target group.
      statistic: "Minimum",
    };
    const running = {
      namespace: "ECS/ContainerInsights",
      metricName: "RunningTaskCount",
      dimensions: { ClusterName: service.clusterName, ServiceName: service.serviceName },
      statistic: "Minimum",
    };
    const query = (id: string, metric: { namespace: string; metricName: string; dimensions: Record<string, string>; statistic: string }, period: number): CloudwatchMetricAlarmMetricQuery => ({
      id,
      returnData: false,
      metric: { namespace: metric.namespace, metricName: metric.metricName, dimensions: metric.dimensions, period, stat: metric.statistic },
    });
    if (healthy) {
      this.alarm(`${service.name}-low-healthy-hosts`, {
        alarmName: `${props.name}-${service.name}-low-healthy-hosts`,
        alarmDescription: `${label}: fewer than ${minHealthyHosts} healthy ${service.name} targets over ${ALARM_PERIODS.healthyHosts} s${note}`,
        ...(hours
          ? { metricQuery: [query("healthy", healthy, ALARM_PERIODS.healthyHosts), ...this.onlyInActiveHours(hours, "healthy", "healthy", minHealthyHosts, "healthy targets")] }
          : { ...healthy, period: ALARM_PERIODS.healthyHosts }),
        comparisonOperator: "LessThanThreshold",
        threshold: minHealthyHosts,
        evaluationPeriods: ALARM_EVALUATION_PERIODS,
        // The ALB reports this every minute while it exists; silence means it or the target group is gone.
        treatMissingData: "breaching",
        topicArn,
      });
    }
    if (service.runningTasksAlarm === false) return;
    this.alarm(`${service.name}-low-running-tasks`, {
      alarmName: `${props.name}-${service.name}-low-running-tasks`,
      alarmDescription: `${label}: ${service.name} ran fewer than ${service.minCapacity} tasks (its minimum capacity) for ${TASK_COUNT_EVALUATION_PERIODS * TASK_COUNT_PERIOD} s${note}`,
      // Container Insights reports nothing for a service scaled to zero: the clock is the target group's.
      ...(hours && healthy
        ? {
            metricQuery: [
              query("healthy", healthy, TASK_COUNT_PERIOD),
              query("running", running, TASK_COUNT_PERIOD),
              ...this.onlyInActiveHours(hours, "healthy", "running", service.minCapacity, "running tasks"),
            ],
          }
        : { ...running, period: TASK_COUNT_PERIOD }),
      comparisonOperator: "LessThanThreshold",
      threshold: service.minCapacity,
      evaluationPeriods: TASK_COUNT_EVALUATION_PERIODS,
      // Container Insights stops reporting a service that has no tasks at all: the worst case.
      treatMissingData: "breaching",
      topicArn,
    });
  }

  /**
   * Metric-math queries whose last (returned) one is `value` inside the active hours and `okValue`
   * outside them, the hour of the week taken from the timestamps of `clock` (metric math's DAY() counts
   * Monday as 1, HOUR() is UTC).
   */
  private onlyInActiveHours(windows: readonly WeekWindow[], clock: string, value: string, okValue: number, label: string): CloudwatchMetricAlarmMetricQuery[] {
    const active = windows.map((w) => `(hourOfWeek >= ${w.fromHour} AND hourOfWeek < ${w.toHour})`).join(" OR ");
    return [
      { id: "hourOfWeek", expression: `(DAY(${clock}) - 1) * 24 + HOUR(${clock})`, label: "hour of the week (UTC)", returnData: false },
      { id: "inActiveHours", expression: `IF(${active}, ${value}, ${okValue})`, label: `${label} (active hours only)`, returnData: true },
    ];
  }

  private hoursNote(props: MonitoringProps): string {
    return props.activeHours ? "; watched only in the services' active hours" : "";
  }

  /** An alarm that notifies its topic both when it fires and when it recovers. */
  private alarm(id: string, spec: AlarmSpec): void {
    const { topicArn, ...config } = spec;
    this.alarms[id] = new CloudwatchMetricAlarm(this, id, { ...config, actionsEnabled: true, alarmActions: [topicArn], okActions: [topicArn] });
    this.alarmNames.push(spec.alarmName);
  }
}
