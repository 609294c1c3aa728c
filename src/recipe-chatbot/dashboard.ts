import { expressionRow, metricRow, type DashboardGraph, type DashboardGroup, type StandardDashboard } from "../modules/monitoring";
import { APP_METRICS, APP_NAMESPACES, LOG_METRICS, type AppMetric } from "./app-metrics";

/** Guide "Monitoring Dashboard": BusinessMetrics is graphed per minute. */
const BUSINESS_PERIOD = 60;

function appMetricRow(metric: AppMetric, options: Record<string, unknown> = {}) {
  return metricRow(metric.namespace, metric.metricName, metric.dimensions, options);
}

function logMetricRow(metricName: string, options: Record<string, unknown> = {}) {
  return metricRow(APP_NAMESPACES.logs, metricName, {}, options);
}

const TOOL = APP_METRICS.toolUsage;

const BUSINESS_METRICS: DashboardGroup = {
  title: "BusinessMetrics",
  period: BUSINESS_PERIOD,
  summary: "chat volume, cooking query share and tool usage published by the backend",
  graphs: [
    { title: "Chat requests per minute", stat: "Sum", rows: [appMetricRow(APP_METRICS.chatRequests, { label: "chat requests" })] },
    { title: "Cooking query ratio (%)", rows: [appMetricRow(APP_METRICS.cookingQueryRatio, { label: "cooking queries" })] },
    {
      title: "Tool usage per minute",
      stat: "Sum",
      // SEARCH picks up every Tool value, including tools added after this dashboard. The unquoted
      // MetricName keeps double quotes out of the jsonencode() argument.
      rows: [expressionRow("tools", `SEARCH('{${TOOL.namespace},${TOOL.variableDimension.name}} MetricName=${TOOL.metricName}', 'Sum', ${BUSINESS_PERIOD})`)],
    },
  ],
};

const LLM_AND_TOOL_ERRORS: DashboardGraph[] = [
  {
    title: "LLM failure rate",
    stat: "Sum",
    rows: [
      logMetricRow(LOG_METRICS.llmFailures.metricName, { id: "llmFailures", label: "LLM failures" }),
      appMetricRow(APP_METRICS.chatRequests, { id: "chatRequests", visible: false }),
      expressionRow("llmFailureRate", "100 * FILL(llmFailures, 0) / chatRequests", "LLM failures per 100 chat requests"),
    ],
  },
  {
    title: "Tool failures and timeouts",
    stat: "Sum",
    rows: [
      logMetricRow(LOG_METRICS.toolFailures.metricName, { label: "tool failures" }),
      logMetricRow(LOG_METRICS.toolTimeouts.metricName, { label: "tool timeouts" }),
    ],
  },
  { title: "Application errors logged", stat: "Sum", rows: [logMetricRow(LOG_METRICS.errors.metricName, { label: "error log lines" })] },
];

const TOKENS_PER_SECOND: DashboardGraph = {
  title: "LLM tokens per second",
  rows: [
    appMetricRow(APP_METRICS.llmTokenUsage, { id: "tokens", stat: "Sum", visible: false }),
    expressionRow("tokensPerSecond", "tokens / PERIOD(tokens)", "tokens per second"),
  ],
};

const QUEUE_DEPTH: DashboardGraph = { title: "LLM queue depth", rows: [appMetricRow(APP_METRICS.queueDepth, { label: "queued LLM requests" })] };

/**
 * The guide's "Monitoring Dashboard": the module's ServiceHealth, ErrorTracking and Performance
 * groups, with the backend's business metrics, LLM and tool failures, token throughput and queue depth.
 */
export function chatbotDashboard(standard: StandardDashboard): DashboardGroup[] {
  const [responseTime, connections] = standard.performance.graphs;
  return [
    standard.serviceHealth,
    BUSINESS_METRICS,
    {
      ...standard.errorTracking,
      summary: "HTTP 5xx rate at the load balancer, LLM and tool failures counted from the backend logs",
      graphs: [...standard.errorTracking.graphs, ...LLM_AND_TOOL_ERRORS],
    },
    {
      ...standard.performance,
      summary: "p95 response time, LLM token throughput, concurrent connections and LLM queue depth",
      graphs: [responseTime, TOKENS_PER_SECOND, connections, QUEUE_DEPTH],
    },
  ];
}
