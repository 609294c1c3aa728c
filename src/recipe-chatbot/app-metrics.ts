import type { PolicyStatement } from "../core/iam";
import { PROJECT_TAG } from "../core/naming";

/**
 * The contract between the application and the monitoring stack: every metric the dashboard and
 * alarms read that the application (not AWS) produces, and the structured log events the metric
 * filters count. Renaming anything here breaks a widget silently (CloudWatch shows "no data"), so
 * the backend must publish exactly these names, units and dimensions.
 */

/** Parent of the application's namespaces; the task role may publish under it and nowhere else. */
export const APP_NAMESPACE_ROOT = PROJECT_TAG;

export const APP_NAMESPACES = {
  /** Business metrics the backend publishes with PutMetricData (guide "Custom Metrics"). */
  business: `${APP_NAMESPACE_ROOT}/Business`,
  /** LLM usage and queueing, published by the backend (guide "Custom Scaling Metrics"). */
  llm: `${APP_NAMESPACE_ROOT}/LLM`,
  /** Counted by CloudWatch Logs metric filters from the backend's log lines; never published by the app. */
  logs: `${APP_NAMESPACE_ROOT}/Logs`,
} as const;

export interface AppMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly unit: "Count" | "Percent";
  /** Dimensions with a fixed value: a datapoint published without exactly these is a different metric. */
  readonly dimensions: Readonly<Record<string, string>>;
  /** A dimension whose value varies per datapoint (e.g. the tool's name); the dashboard reads it with SEARCH. */
  readonly variableDimension?: { readonly name: string; readonly knownValues: readonly string[] };
  readonly meaning: string;
}

/** Metrics the backend publishes with cloudwatch:PutMetricData. */
export const APP_METRICS = {
  chatRequests: {
    namespace: APP_NAMESPACES.business,
    metricName: "chat_requests_total",
    unit: "Count",
    dimensions: {},
    meaning: "1 per chat request processed (the dashboard sums it per minute)",
  },
  cookingQueryRatio: {
    namespace: APP_NAMESPACES.business,
    metricName: "cooking_queries_ratio",
    unit: "Percent",
    dimensions: {},
    meaning: "share of classified queries that were about cooking, 0-100",
  },
  toolUsage: {
    namespace: APP_NAMESPACES.business,
    metricName: "tool_usage_count",
    unit: "Count",
    dimensions: {},
    variableDimension: { name: "Tool", knownValues: ["web_search", "cookware_check"] },
    meaning: "1 per tool invocation, dimension Tool = the tool's name",
  },
  llmTokenUsage: {
    namespace: APP_NAMESPACES.llm,
    metricName: "llm_token_usage",
    unit: "Count",
    dimensions: {},
    meaning: "OpenAI tokens consumed (prompt + completion) per LLM call",
  },
  queueDepth: {
    namespace: APP_NAMESPACES.llm,
    metricName: "QueueDepth",
    unit: "Count",
    dimensions: { Service: "Backend" },
    meaning: "LLM requests waiting for a worker; also the optional autoscaling target",
  },
} as const satisfies Record<string, AppMetric>;

export interface LogMetric {
  readonly metricName: string;
  /** CloudWatch Logs filter pattern over the backend's structlog JSON lines. */
  readonly pattern: string;
  readonly meaning: string;
}

/**
 * Structured log events the backend writes (structlog JSONRenderer: "level", "event", "logger",
 * "timestamp" keys; add_log_level writes the level in lower case, and logger.exception() logs at
 * "error"). Each metric counts matching lines, 1 per line, in APP_NAMESPACES.logs.
 */
export const LOG_METRICS = {
  errors: {
    metricName: "ErrorCount",
    pattern: '{ ($.level = "error") || ($.level = "critical") }',
    meaning: "log lines at error or critical level",
  },
  llmFailures: {
    metricName: "LLMFailures",
    pattern: '{ $.event = "llm_request_failed" }',
    meaning: "OpenAI calls that failed after the client's retries",
  },
  // A timed-out tool call failed too, so it counts here as well as under ToolTimeouts.
  toolFailures: {
    metricName: "ToolFailures",
    pattern: '{ ($.event = "tool_call_failed") || ($.event = "tool_timeout") }',
    meaning: "tool calls (web_search, cookware_check) that failed or timed out",
  },
  toolTimeouts: {
    metricName: "ToolTimeouts",
    pattern: '{ $.event = "tool_timeout" }',
    meaning: "tool calls that timed out",
  },
} as const satisfies Record<string, LogMetric>;

/**
 * Task-role statement letting the application publish its metrics under RecipeChatbot/* only.
 * PutMetricData has no resource type, so the namespace condition is the only scope there is. The
 * guide writes this condition with StringEquals, which compares literally: "RecipeChatbot/*" would
 * then match only a namespace literally named "RecipeChatbot/*" and every real PutMetricData call
 * would be denied. StringLike is the operator that expands the wildcard.
 */
export function putAppMetricsStatement(): PolicyStatement {
  return {
    sid: "PublishAppMetrics",
    effect: "Allow",
    actions: ["cloudwatch:PutMetricData"],
    resources: ["*"],
    condition: [{ test: "StringLike", variable: "cloudwatch:namespace", values: [`${APP_NAMESPACE_ROOT}/*`] }],
  };
}
