import { Construct } from "constructs";
import { Fn } from "cdktf";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import {
  CloudwatchMetricAlarm,
  type CloudwatchMetricAlarmConfig,
  type CloudwatchMetricAlarmMetricQuery,
} from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { AwsContext } from "../core/aws-context";
import type { EnvironmentConfig } from "../config/schema";
import { APP_METRICS, APP_NAMESPACES, LOG_METRICS, type AppMetric } from "./app-metrics";

/** One ECS service behind the load balancer, as the monitoring sees it. */
export interface ObservedService {
  /** Short name (backend, frontend): part of alarm names and widget labels. */
  readonly name: string;
  /** ECS service name (dimension ServiceName). */
  readonly serviceName: string;
  /** ECS cluster name (dimension ClusterName). */
  readonly clusterName: string;
  /** Tasks the service must always run (its scaling.minCapacity). */
  readonly minCapacity: number;
  /** The target group's arn_suffix (dimension TargetGroup). */
  readonly targetGroupArnSuffix: string;
  /** The service's log group name; pass the log group resource's `name` so Terraform creates it first. */
  readonly logGroupName: string;
  /** The service writes structlog JSON lines (the backend): the LOG_METRICS filters read its log group. */
  readonly structuredLogs?: boolean;
}

export interface ObservabilityProps {
  readonly aws: AwsContext;
  /** recipe-chatbot-<env>: the dashboard's name and the prefix of every alarm name. */
  readonly namePrefix: string;
  readonly environment: string;
  readonly monitoring: EnvironmentConfig["monitoring"];
  readonly services: readonly ObservedService[];
  /** The ALB's arn_suffix (dimension LoadBalancer). */
  readonly loadBalancerArnSuffix: string;
  /** Degradation: high error rate, slow responses. */
  readonly alertsTopicArn: string;
  /** Outage: no healthy targets, too few running tasks. */
  readonly criticalTopicArn: string;
}

/** Guide "Monitoring Dashboard": the period of each widget group, in seconds. */
const GROUP_PERIODS = { serviceHealth: 300, businessMetrics: 60, errorTracking: 60, performance: 300 } as const;

/** Guide "Monitoring Dashboard" alarms: HighErrorRate and HighResponseTime over 300 s, LowHealthyHosts over 60 s. */
const ALARM_PERIODS = { loadBalancer: 300, healthyHosts: 60 } as const;

/** The guide's alarm periods are whole windows: one period decides. */
const ALARM_EVALUATION_PERIODS = 1;

/** Container Insights publishes RunningTaskCount once a minute. */
const TASK_COUNT_PERIOD = 60;
/**
 * ECS replaces a stopped task (Spot interruption, failed health check) within about two minutes;
 * three consecutive minutes below the minimum means it cannot place tasks, which is worth a page.
 */
const TASK_COUNT_EVALUATION_PERIODS = 3;

/** ALB TargetResponseTime is reported in seconds; the configuration speaks milliseconds. */
const MS_PER_SECOND = 1000;

/** CloudWatch dashboards are a 24-column grid; two graphs per row keeps them readable on a laptop. */
const GRID_COLUMNS = 24;
const GRAPH_SIZE = { width: 12, height: 6 } as const;
const HEADER_HEIGHT = 1;

const ALB_NAMESPACE = "AWS/ApplicationELB";

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

type Dimensions = Readonly<Record<string, string>>;
/** A row of a metric widget's `metrics`: [namespace, name, dim, value, ..., options] or [{ expression }]. */
type MetricRow = readonly unknown[];

interface Graph {
  readonly title: string;
  readonly rows: MetricRow[];
  readonly stat?: string;
  readonly yLabel?: string;
  /** A horizontal line at the alarm threshold the graph is about. */
  readonly threshold?: { readonly label: string; readonly value: number };
}

interface WidgetGroup {
  /** The guide's group name; every graph title starts with it. */
  readonly title: string;
  readonly period: number;
  readonly summary: string;
  readonly graphs: Graph[];
}

function metricRow(namespace: string, metricName: string, dimensions: Dimensions, options: Record<string, unknown> = {}): MetricRow {
  const dims = Object.entries(dimensions).flat();
  return Object.keys(options).length > 0 ? [namespace, metricName, ...dims, options] : [namespace, metricName, ...dims];
}

function appMetricRow(metric: AppMetric, options: Record<string, unknown> = {}): MetricRow {
  return metricRow(metric.namespace, metric.metricName, metric.dimensions, options);
}

function expressionRow(id: string, expression: string, label?: string): MetricRow {
  return [label === undefined ? { id, expression } : { id, expression, label }];
}

/** Header text widget, then graphs two per row, group after group. */
function layOut(groups: readonly WidgetGroup[], region: string): Record<string, unknown>[] {
  const widgets: Record<string, unknown>[] = [];
  let y = 0;
  for (const group of groups) {
    widgets.push({
      type: "text",
      x: 0,
      y,
      width: GRID_COLUMNS,
      height: HEADER_HEIGHT,
      properties: { markdown: `### ${group.title}: ${group.summary} (period ${group.period} s)` },
    });
    y += HEADER_HEIGHT;
    const perRow = GRID_COLUMNS / GRAPH_SIZE.width;
    group.graphs.forEach((graph, i) => {
      widgets.push({
        type: "metric",
        x: (i % perRow) * GRAPH_SIZE.width,
        y: y + Math.floor(i / perRow) * GRAPH_SIZE.height,
        width: GRAPH_SIZE.width,
        height: GRAPH_SIZE.height,
        properties: {
          title: `${group.title}: ${graph.title}`,
          view: "timeSeries",
          region,
          period: group.period,
          stat: graph.stat ?? "Average",
          metrics: graph.rows,
          ...(graph.yLabel ? { yAxis: { left: { label: graph.yLabel, showUnits: false } } } : {}),
          ...(graph.threshold ? { annotations: { horizontal: [graph.threshold] } } : {}),
        },
      });
    });
    y += Math.ceil(group.graphs.length / perRow) * GRAPH_SIZE.height;
  }
  return widgets;
}

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
 * The guide's "Monitoring Dashboard" for one environment: metric filters turning the backend's
 * structured logs into metrics, the dashboard (ServiceHealth, BusinessMetrics, ErrorTracking,
 * Performance) and the alarms, which notify the alerts or critical topic on ALARM and on OK.
 */
export class Observability extends Construct {
  readonly dashboardName: string;
  /** The dashboard body as an object (the resource holds it as jsonencode(...)), for tests and docs. */
  readonly dashboardBody: Readonly<{ widgets: Record<string, unknown>[] }>;
  /** Every alarm's name. */
  readonly alarmNames: string[] = [];
  /** Service name -> names of the metric filters on its log group. */
  readonly metricFilterNames: Readonly<Record<string, string[]>>;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const structured = props.services.filter((s) => s.structuredLogs);
    if (structured.length === 0) {
      throw new Error("Observability: no service has structuredLogs; the log metrics and their graphs would have no source");
    }
    this.metricFilterNames = Object.fromEntries(structured.map((service) => [service.name, this.logMetricFilters(service)]));

    this.dashboardBody = { widgets: layOut(this.widgetGroups(props), props.aws.region) };
    const dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.namePrefix,
      dashboardBody: Fn.jsonencode(this.dashboardBody),
    });
    this.dashboardName = dashboard.dashboardName;

    this.loadBalancerAlarms(props);
    for (const service of props.services) this.serviceAlarms(props, service);
  }

  /** One metric filter per LOG_METRICS entry on the service's log group; returns the filter names. */
  private logMetricFilters(service: ObservedService): string[] {
    return Object.entries(LOG_METRICS).map(([key, metric]) => {
      const filter = new CloudwatchLogMetricFilter(this, `${service.name}-${key}`, {
        name: `${service.name}-${metric.metricName}`,
        logGroupName: service.logGroupName,
        pattern: metric.pattern,
        metricTransformation: {
          name: metric.metricName,
          namespace: APP_NAMESPACES.logs,
          value: "1",
          // 0 for every non-matching line, so quiet periods graph as 0 instead of a gap.
          defaultValue: "0",
          unit: "Count",
        },
      });
      return filter.name;
    });
  }

  private widgetGroups(props: ObservabilityProps): WidgetGroup[] {
    const { monitoring, services } = props;
    const loadBalancer = { LoadBalancer: props.loadBalancerArnSuffix };
    const ecs = (s: ObservedService) => ({ ClusterName: s.clusterName, ServiceName: s.serviceName });
    const perService = (namespace: string, metricName: string) =>
      services.map((s) => metricRow(namespace, metricName, ecs(s), { label: s.name }));
    const logMetric = (metricName: string, options: Record<string, unknown> = {}) =>
      metricRow(APP_NAMESPACES.logs, metricName, {}, options);
    const tool = APP_METRICS.toolUsage;

    return [
      {
        title: "ServiceHealth",
        period: GROUP_PERIODS.serviceHealth,
        summary: "ECS CPU and memory, healthy targets and running tasks per service",
        graphs: [
          { title: "ECS CPU utilization (%)", rows: perService("AWS/ECS", "CPUUtilization") },
          { title: "ECS memory utilization (%)", rows: perService("AWS/ECS", "MemoryUtilization") },
          {
            title: "Healthy targets",
            stat: "Minimum",
            rows: services.map((s) =>
              metricRow(ALB_NAMESPACE, "HealthyHostCount", { TargetGroup: s.targetGroupArnSuffix, ...loadBalancer }, { label: s.name }),
            ),
            threshold: { label: "LowHealthyHosts", value: monitoring.minHealthyHosts },
          },
          // Container Insights is always on (the configuration allows only enabled or enhanced).
          { title: "Running tasks", stat: "Minimum", rows: perService("ECS/ContainerInsights", "RunningTaskCount") },
        ],
      },
      {
        title: "BusinessMetrics",
        period: GROUP_PERIODS.businessMetrics,
        summary: "chat volume, cooking query share and tool usage published by the backend",
        graphs: [
          { title: "Chat requests per minute", stat: "Sum", rows: [appMetricRow(APP_METRICS.chatRequests, { label: "chat requests" })] },
          { title: "Cooking query ratio (%)", rows: [appMetricRow(APP_METRICS.cookingQueryRatio, { label: "cooking queries" })] },
          {
            title: "Tool usage per minute",
            stat: "Sum",
            // SEARCH picks up every Tool value, including tools added after this dashboard. The
            // unquoted MetricName keeps double quotes out of the jsonencode() argument.
            rows: [
              expressionRow(
                "tools",
                `SEARCH('{${tool.namespace},${tool.variableDimension.name}} MetricName=${tool.metricName}', 'Sum', ${GROUP_PERIODS.businessMetrics})`,
              ),
            ],
          },
        ],
      },
      {
        title: "ErrorTracking",
        period: GROUP_PERIODS.errorTracking,
        summary: "HTTP 5xx rate at the load balancer, LLM and tool failures counted from the backend logs",
        graphs: [
          {
            title: "HTTP error rate (%)",
            rows: [
              ...ERROR_RATE.inputs.map((input) =>
                metricRow(ALB_NAMESPACE, input.metricName, loadBalancer, { id: input.id, stat: ERROR_RATE.statistic, visible: false }),
              ),
              expressionRow("errorRate", ERROR_RATE.expression, ERROR_RATE.label),
            ],
            threshold: { label: "HighErrorRate", value: monitoring.errorRatePercent },
          },
          {
            title: "LLM failure rate",
            stat: "Sum",
            rows: [
              logMetric(LOG_METRICS.llmFailures.metricName, { id: "llmFailures", label: "LLM failures" }),
              appMetricRow(APP_METRICS.chatRequests, { id: "chatRequests", visible: false }),
              expressionRow("llmFailureRate", "100 * FILL(llmFailures, 0) / chatRequests", "LLM failures per 100 chat requests"),
            ],
          },
          {
            title: "Tool failures and timeouts",
            stat: "Sum",
            rows: [
              logMetric(LOG_METRICS.toolFailures.metricName, { label: "tool failures" }),
              logMetric(LOG_METRICS.toolTimeouts.metricName, { label: "tool timeouts" }),
            ],
          },
          { title: "Application errors logged", stat: "Sum", rows: [logMetric(LOG_METRICS.errors.metricName, { label: "error log lines" })] },
        ],
      },
      {
        title: "Performance",
        period: GROUP_PERIODS.performance,
        summary: "p95 response time, LLM token throughput, concurrent connections and LLM queue depth",
        graphs: [
          {
            title: "Response time p95 (ms)",
            rows: [
              metricRow(ALB_NAMESPACE, "TargetResponseTime", loadBalancer, { id: "latency", stat: "p95", visible: false }),
              expressionRow("latencyMs", `${MS_PER_SECOND} * latency`, "p95 target response time (ms)"),
            ],
            threshold: { label: "HighResponseTime", value: monitoring.responseTimeP95Ms },
          },
          {
            title: "LLM tokens per second",
            rows: [
              appMetricRow(APP_METRICS.llmTokenUsage, { id: "tokens", stat: "Sum", visible: false }),
              expressionRow("tokensPerSecond", "tokens / PERIOD(tokens)", "tokens per second"),
            ],
          },
          {
            title: "Concurrent connections",
            // ActiveConnectionCount counts per load balancer node; Sum is the ALB-wide total.
            stat: "Sum",
            rows: [metricRow(ALB_NAMESPACE, "ActiveConnectionCount", loadBalancer, { label: "active connections" })],
          },
          { title: "LLM queue depth", rows: [appMetricRow(APP_METRICS.queueDepth, { label: "queued LLM requests" })] },
        ],
      },
    ];
  }

  /** HighErrorRate and HighResponseTime over the whole load balancer, to the alerts topic. */
  private loadBalancerAlarms(props: ObservabilityProps): void {
    const { monitoring, namePrefix } = props;
    const dimensions = { LoadBalancer: props.loadBalancerArnSuffix };
    const inputs: CloudwatchMetricAlarmMetricQuery[] = ERROR_RATE.inputs.map((input) => ({
      id: input.id,
      returnData: false,
      metric: {
        namespace: ALB_NAMESPACE,
        metricName: input.metricName,
        dimensions,
        period: ALARM_PERIODS.loadBalancer,
        stat: ERROR_RATE.statistic,
      },
    }));
    this.alarm("high-error-rate", {
      alarmName: `${namePrefix}-high-error-rate`,
      alarmDescription: `${props.environment}: more than ${monitoring.errorRatePercent}% of requests got a 5xx from the ALB or a target over ${ALARM_PERIODS.loadBalancer} s`,
      metricQuery: [...inputs, { id: "errorRate", expression: ERROR_RATE.expression, label: ERROR_RATE.label, returnData: true }],
      comparisonOperator: "GreaterThanThreshold",
      threshold: monitoring.errorRatePercent,
      evaluationPeriods: ALARM_EVALUATION_PERIODS,
      // No requests means no errors: an idle environment (dev at night) must stay OK.
      treatMissingData: "notBreaching",
      topicArn: props.alertsTopicArn,
    });
    this.alarm("high-response-time", {
      alarmName: `${namePrefix}-high-response-time`,
      alarmDescription: `${props.environment}: p95 target response time above ${monitoring.responseTimeP95Ms} ms over ${ALARM_PERIODS.loadBalancer} s`,
      namespace: ALB_NAMESPACE,
      metricName: "TargetResponseTime",
      dimensions,
      extendedStatistic: "p95",
      period: ALARM_PERIODS.loadBalancer,
      comparisonOperator: "GreaterThanThreshold",
      threshold: monitoring.responseTimeP95Ms / MS_PER_SECOND,
      evaluationPeriods: ALARM_EVALUATION_PERIODS,
      // No requests means nothing was slow; an outage is reported by LowHealthyHosts instead.
      treatMissingData: "notBreaching",
      topicArn: props.alertsTopicArn,
    });
  }

  /** LowHealthyHosts and LowRunningTasks for one service, to the critical topic. */
  private serviceAlarms(props: ObservabilityProps, service: ObservedService): void {
    const { monitoring, namePrefix } = props;
    this.alarm(`${service.name}-low-healthy-hosts`, {
      alarmName: `${namePrefix}-${service.name}-low-healthy-hosts`,
      alarmDescription: `${props.environment}: fewer than ${monitoring.minHealthyHosts} healthy ${service.name} targets over ${ALARM_PERIODS.healthyHosts} s`,
      namespace: ALB_NAMESPACE,
      metricName: "HealthyHostCount",
      dimensions: { TargetGroup: service.targetGroupArnSuffix, LoadBalancer: props.loadBalancerArnSuffix },
      // The worst view any load balancer node has of the target group.
      statistic: "Minimum",
      period: ALARM_PERIODS.healthyHosts,
      comparisonOperator: "LessThanThreshold",
      threshold: monitoring.minHealthyHosts,
      evaluationPeriods: ALARM_EVALUATION_PERIODS,
      // The ALB reports this every minute while it exists; silence means it or the target group is gone.
      treatMissingData: "breaching",
      topicArn: props.criticalTopicArn,
    });
    this.alarm(`${service.name}-low-running-tasks`, {
      alarmName: `${namePrefix}-${service.name}-low-running-tasks`,
      alarmDescription: `${props.environment}: ${service.name} ran fewer than ${service.minCapacity} tasks (its minimum capacity) for ${TASK_COUNT_EVALUATION_PERIODS * TASK_COUNT_PERIOD} s`,
      namespace: "ECS/ContainerInsights",
      metricName: "RunningTaskCount",
      dimensions: { ClusterName: service.clusterName, ServiceName: service.serviceName },
      statistic: "Minimum",
      period: TASK_COUNT_PERIOD,
      comparisonOperator: "LessThanThreshold",
      threshold: service.minCapacity,
      evaluationPeriods: TASK_COUNT_EVALUATION_PERIODS,
      // Container Insights stops reporting a service that has no tasks at all: the worst case.
      treatMissingData: "breaching",
      topicArn: props.criticalTopicArn,
    });
  }

  /** An alarm that notifies its topic both when it fires and when it recovers. */
  private alarm(id: string, spec: AlarmSpec): void {
    const { topicArn, ...config } = spec;
    new CloudwatchMetricAlarm(this, id, { ...config, actionsEnabled: true, alarmActions: [topicArn], okActions: [topicArn] });
    this.alarmNames.push(spec.alarmName);
  }
}
