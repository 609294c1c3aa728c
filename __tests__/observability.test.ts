import { Construct } from "constructs";
import { TerraformOutput, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { policyDocument } from "../src/core/iam";
import { APP_METRICS, APP_NAMESPACES, LOG_METRICS, putAppMetricsStatement } from "../src/recipe-chatbot/app-metrics";
import { PolicyGuard } from "../src/policy/policy-guard";
import {
  ADOT_COLLECTOR_IMAGE,
  otelAppEnvironment,
  otelCollectorSidecar,
  xrayTaskRoleStatement,
} from "../src/modules/ecs-service/otel-collector";
import type { EnvironmentStack } from "../src/stacks/environment-stack";
import { buildEnvironment, dataAt, refTo, resourceAt, resourcesOf, synthStack } from "./support/stacks";
import { ReadableStack } from "../src/core/readable-stack";

/**
 * The real prod stack, where the Recipe Chatbot maps its configuration onto the Monitoring module
 * with its own dashboard (src/recipe-chatbot/dashboard.ts): the guide's alarm thresholds, except p95
 * (2500 ms, to show the ms -> s conversion) and a frontend minimum of 3 tasks (so the two services'
 * LowRunningTasks thresholds differ).
 */
const OVERRIDES = {
  environments: { prod: { monitoring: { responseTimeP95Ms: 2500 }, services: { frontend: { scaling: { minCapacity: 3 } } } } },
};

/** Outputs show what the Monitoring construct's readonly fields resolve to. */
function buildStack(): EnvironmentStack {
  const stack = buildEnvironment("prod", OVERRIDES);
  const { monitoring } = stack.app;
  new TerraformOutput(stack, "exposed", {
    value: { dashboardName: monitoring.dashboardName, filters: monitoring.metricFilterNames, dashboardBody: monitoring.dashboardBody },
  });
  return stack;
}

const stack = buildStack();
const observability = stack.app.monitoring;
const s = synthStack(stack);
const exposed = s.output!.exposed.value;

/** What the chatbot wires in: the ALB, the two topics, the cluster and the two services. */
const LB = refTo(s, "aws_lb", "app/load-balancer/alb", "arn_suffix");
const ALERTS = refTo(s, "aws_sns_topic", "app/alert-topics/alerts", "arn");
const CRITICAL = refTo(s, "aws_sns_topic", "app/alert-topics/critical", "arn");
// The cluster's name as the capacity providers report it (so the metrics follow the cluster's setup).
const CLUSTER = refTo(s, "aws_ecs_cluster_capacity_providers", "app/cluster/capacity-providers", "cluster_name");
const service = (name: "backend" | "frontend", minCapacity: number) => ({
  name,
  serviceName: refTo(s, "aws_ecs_service", `app/${name}/service`, "name"),
  minCapacity,
  targetGroupArnSuffix: refTo(s, "aws_lb_target_group", `app/load-balancer/${name}-target-group`, "arn_suffix"),
});
const BACKEND = service("backend", 2);
const FRONTEND = service("frontend", 3);
const BACKEND_LOG_GROUP = refTo(s, "aws_cloudwatch_log_group", "app/backend/logs/group", "name");

const widgets = exposed.dashboardBody.widgets as any[];
const graphs = widgets.filter((w) => w.type === "metric");
const graph = (title: string) => {
  const found = graphs.find((w) => w.properties.title === title);
  if (!found) throw new Error(`no graph ${title}`);
  return found.properties;
};

/** Every string anywhere inside a value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

describe("metric filters over the backend's structured JSON logs", () => {
  it.each([
    ["errors", "ErrorCount", '{ ($.level = "error") || ($.level = "critical") }'],
    ["llmFailures", "LLMFailures", '{ $.event = "llm_request_failed" }'],
    ["toolFailures", "ToolFailures", '{ ($.event = "tool_call_failed") || ($.event = "tool_timeout") }'],
    ["toolTimeouts", "ToolTimeouts", '{ $.event = "tool_timeout" }'],
  ])("%s: counts %s in RecipeChatbot/Logs with pattern %s, 0 when lines do not match", (key, metricName, pattern) => {
    expect(LOG_METRICS[key as keyof typeof LOG_METRICS]).toMatchObject({ metricName, pattern });
    expect(resourceAt(s, "aws_cloudwatch_log_metric_filter", `app/monitoring/backend-${metricName}`)).toEqual({
      name: `backend-${metricName}`,
      log_group_name: BACKEND_LOG_GROUP,
      pattern,
      metric_transformation: { name: metricName, namespace: "RecipeChatbot/Logs", value: "1", default_value: "0", unit: "Count" },
    });
    expect(resourceAt(s, "aws_cloudwatch_log_group", "app/backend/logs/group").name).toBe("/aws/ecs/recipe-chatbot/backend");
  });

  it("reads only the log group of the service that writes structured logs (not the Next.js frontend)", () => {
    const filters = resourcesOf(s, "aws_cloudwatch_log_metric_filter");
    expect(filters).toHaveLength(4);
    expect(filters.map(([, f]) => f.log_group_name)).toEqual(filters.map(() => BACKEND_LOG_GROUP));
    expect(exposed.filters).toEqual(
      ["ErrorCount", "LLMFailures", "ToolFailures", "ToolTimeouts"].map((metricName) =>
        refTo(s, "aws_cloudwatch_log_metric_filter", `app/monitoring/backend-${metricName}`, "name"),
      ),
    );
  });

  it("feeds every log-derived graph: each RecipeChatbot/Logs metric the dashboard reads is counted by a filter", () => {
    const counted = resourcesOf(s, "aws_cloudwatch_log_metric_filter").map(([, f]) => `${f.metric_transformation.namespace} ${f.metric_transformation.name}`);
    const read = graphs
      .flatMap((w) => w.properties.metrics.filter((row: unknown[]) => row[0] === APP_NAMESPACES.logs))
      .map(([namespace, metricName]: string[]) => `${namespace} ${metricName}`);
    expect(read.length).toBeGreaterThan(0);
    for (const metric of read) expect(counted).toContain(metric);
  });
});

describe("dashboard (guide: Monitoring Dashboard)", () => {
  it("is named recipe-chatbot-<env> and holds a jsonencode() body", () => {
    const dashboard = resourceAt(s, "aws_cloudwatch_dashboard", "app/monitoring/dashboard");
    expect(dashboard.dashboard_name).toBe("recipe-chatbot-prod");
    expect(dashboard.dashboard_body.startsWith("${jsonencode({")).toBe(true);
    expect(dashboard.dashboard_body).toContain('"title" = "ErrorTracking: HTTP error rate (%)"');
    expect(exposed.dashboardName).toBe(refTo(s, "aws_cloudwatch_dashboard", "app/monitoring/dashboard", "dashboard_name"));
  });

  it("has the guide's four widget groups in order, each under a header naming its period", () => {
    expect(widgets.filter((w) => w.type === "text").map((w) => w.properties.markdown)).toEqual([
      "### ServiceHealth: ECS CPU and memory, healthy targets and running tasks per service (period 300 s)",
      "### BusinessMetrics: chat volume, cooking query share and tool usage published by the backend (period 60 s)",
      "### ErrorTracking: HTTP 5xx rate at the load balancer, LLM and tool failures counted from the backend logs (period 60 s)",
      "### Performance: p95 response time, LLM token throughput, concurrent connections and LLM queue depth (period 300 s)",
    ]);
  });

  it("uses period 300 for ServiceHealth and Performance, 60 for BusinessMetrics and ErrorTracking", () => {
    expect(graphs.map((w) => [w.properties.title, w.properties.period])).toEqual([
      ["ServiceHealth: ECS CPU utilization (%)", 300],
      ["ServiceHealth: ECS memory utilization (%)", 300],
      ["ServiceHealth: Healthy targets", 300],
      ["ServiceHealth: Running tasks", 300],
      ["BusinessMetrics: Chat requests per minute", 60],
      ["BusinessMetrics: Cooking query ratio (%)", 60],
      ["BusinessMetrics: Tool usage per minute", 60],
      ["ErrorTracking: HTTP error rate (%)", 60],
      ["ErrorTracking: LLM failure rate", 60],
      ["ErrorTracking: Tool failures and timeouts", 60],
      ["ErrorTracking: Application errors logged", 60],
      ["Performance: Response time p95 (ms)", 300],
      ["Performance: LLM tokens per second", 300],
      ["Performance: Concurrent connections", 300],
      ["Performance: LLM queue depth", 300],
    ]);
  });

  it("lays widgets out on the 24-column grid without overlaps", () => {
    const cells = new Set<string>();
    for (const w of widgets) {
      expect(w.x + w.width).toBeLessThanOrEqual(24);
      for (let x = w.x; x < w.x + w.width; x++) {
        for (let y = w.y; y < w.y + w.height; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it("ServiceHealth: CPU and memory per ECS service, healthy hosts per target group", () => {
    expect(graph("ServiceHealth: ECS CPU utilization (%)")).toMatchObject({
      region: "us-east-1",
      stat: "Average",
      metrics: [
        ["AWS/ECS", "CPUUtilization", "ClusterName", CLUSTER, "ServiceName", BACKEND.serviceName, { label: "backend" }],
        ["AWS/ECS", "CPUUtilization", "ClusterName", CLUSTER, "ServiceName", FRONTEND.serviceName, { label: "frontend" }],
      ],
    });
    expect(graph("ServiceHealth: ECS memory utilization (%)").metrics[0]).toEqual([
      "AWS/ECS", "MemoryUtilization", "ClusterName", CLUSTER, "ServiceName", BACKEND.serviceName, { label: "backend" },
    ]);
    expect(graph("ServiceHealth: Healthy targets")).toMatchObject({
      stat: "Minimum",
      metrics: [
        ["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", BACKEND.targetGroupArnSuffix, "LoadBalancer", LB, { label: "backend" }],
        ["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", FRONTEND.targetGroupArnSuffix, "LoadBalancer", LB, { label: "frontend" }],
      ],
      annotations: { horizontal: [{ label: "LowHealthyHosts", value: 1 }] },
    });
    expect(graph("ServiceHealth: Running tasks").metrics[1]).toEqual([
      "ECS/ContainerInsights", "RunningTaskCount", "ClusterName", CLUSTER, "ServiceName", FRONTEND.serviceName, { label: "frontend" },
    ]);
  });

  it("BusinessMetrics: chat requests summed per minute, cooking ratio, tool usage by Tool", () => {
    expect(graph("BusinessMetrics: Chat requests per minute")).toMatchObject({
      stat: "Sum",
      metrics: [["RecipeChatbot/Business", "chat_requests_total", { label: "chat requests" }]],
    });
    expect(graph("BusinessMetrics: Cooking query ratio (%)").metrics).toEqual([
      ["RecipeChatbot/Business", "cooking_queries_ratio", { label: "cooking queries" }],
    ]);
    expect(graph("BusinessMetrics: Tool usage per minute").metrics).toEqual([
      [{ id: "tools", expression: "SEARCH('{RecipeChatbot/Business,Tool} MetricName=tool_usage_count', 'Sum', 60)" }],
    ]);
  });

  it("ErrorTracking: 5xx rate by metric math over the ALB, LLM failure rate, tool timeouts", () => {
    expect(graph("ErrorTracking: HTTP error rate (%)")).toMatchObject({
      metrics: [
        ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", LB, { id: "target5xx", stat: "Sum", visible: false }],
        ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", LB, { id: "elb5xx", stat: "Sum", visible: false }],
        ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", LB, { id: "requests", stat: "Sum", visible: false }],
        [{ id: "errorRate", expression: "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests", label: "5xx responses (% of requests)" }],
      ],
      annotations: { horizontal: [{ label: "HighErrorRate", value: 5 }] },
    });
    expect(graph("ErrorTracking: LLM failure rate").metrics).toEqual([
      ["RecipeChatbot/Logs", "LLMFailures", { id: "llmFailures", label: "LLM failures" }],
      ["RecipeChatbot/Business", "chat_requests_total", { id: "chatRequests", visible: false }],
      [{ id: "llmFailureRate", expression: "100 * FILL(llmFailures, 0) / chatRequests", label: "LLM failures per 100 chat requests" }],
    ]);
    expect(graph("ErrorTracking: Tool failures and timeouts")).toMatchObject({
      stat: "Sum",
      metrics: [
        ["RecipeChatbot/Logs", "ToolFailures", { label: "tool failures" }],
        ["RecipeChatbot/Logs", "ToolTimeouts", { label: "tool timeouts" }],
      ],
    });
  });

  it("Performance: p95 in ms with the alarm threshold, tokens per second, connections, queue depth", () => {
    expect(graph("Performance: Response time p95 (ms)")).toMatchObject({
      metrics: [
        ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", LB, { id: "latency", stat: "p95", visible: false }],
        [{ id: "latencyMs", expression: "1000 * latency", label: "p95 target response time (ms)" }],
      ],
      annotations: { horizontal: [{ label: "HighResponseTime", value: 2500 }] },
    });
    expect(graph("Performance: LLM tokens per second").metrics).toEqual([
      ["RecipeChatbot/LLM", "llm_token_usage", { id: "tokens", stat: "Sum", visible: false }],
      [{ id: "tokensPerSecond", expression: "tokens / PERIOD(tokens)", label: "tokens per second" }],
    ]);
    expect(graph("Performance: Concurrent connections")).toMatchObject({
      stat: "Sum",
      metrics: [["AWS/ApplicationELB", "ActiveConnectionCount", "LoadBalancer", LB, { label: "active connections" }]],
    });
    expect(graph("Performance: LLM queue depth").metrics).toEqual([
      ["RecipeChatbot/LLM", "QueueDepth", "Service", "Backend", { label: "queued LLM requests" }],
    ]);
  });

  it("reads only metrics AWS publishes or the app contract (APP_METRICS, LOG_METRICS) names", () => {
    const app = Object.values(APP_METRICS).map((m) => `${m.namespace} ${m.metricName}`);
    const logs = Object.values(LOG_METRICS).map((m) => `${APP_NAMESPACES.logs} ${m.metricName}`);
    const read = graphs.flatMap((w) => w.properties.metrics.filter((row: unknown[]) => typeof row[0] === "string"));
    for (const [namespace, metricName] of read) {
      if (namespace.startsWith("RecipeChatbot/")) expect([...app, ...logs]).toContain(`${namespace} ${metricName}`);
      else expect(["AWS/ECS", "AWS/ApplicationELB", "ECS/ContainerInsights"]).toContain(namespace);
    }
  });

  it("keeps double quotes and backslashes out of the jsonencode() argument (cdktf does not escape them)", () => {
    expect(stringsIn(observability.dashboardBody).filter((v) => /["\\]/.test(v))).toEqual([]);
  });
});

describe("alarms (guide: Monitoring Dashboard alarms)", () => {
  const alarm = (id: string) => resourceAt(s, "aws_cloudwatch_metric_alarm", `app/monitoring/${id}`);
  const albMetric = (metricName: string) => ({
    namespace: "AWS/ApplicationELB",
    metric_name: metricName,
    dimensions: { LoadBalancer: LB },
    period: 300,
    stat: "Sum",
  });

  it("HighErrorRate: 100 * (target + ELB 5xx) / requests > errorRatePercent over 300 s -> alerts; no traffic is not an error", () => {
    expect(alarm("high-error-rate")).toEqual({
      alarm_name: "recipe-chatbot-prod-high-error-rate",
      alarm_description: "prod: more than 5% of requests got a 5xx from the ALB or a target over 300 s",
      metric_query: [
        { id: "target5xx", return_data: false, metric: albMetric("HTTPCode_Target_5XX_Count") },
        { id: "elb5xx", return_data: false, metric: albMetric("HTTPCode_ELB_5XX_Count") },
        { id: "requests", return_data: false, metric: albMetric("RequestCount") },
        { id: "errorRate", expression: "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests", label: "5xx responses (% of requests)", return_data: true },
      ],
      comparison_operator: "GreaterThanThreshold",
      threshold: 5,
      evaluation_periods: 1,
      treat_missing_data: "notBreaching",
      actions_enabled: true,
      alarm_actions: [ALERTS],
      ok_actions: [ALERTS],
    });
  });

  it("HighResponseTime: ALB p95 TargetResponseTime > responseTimeP95Ms / 1000 seconds over 300 s -> alerts", () => {
    expect(alarm("high-response-time")).toEqual({
      alarm_name: "recipe-chatbot-prod-high-response-time",
      alarm_description: "prod: p95 target response time above 2500 ms over 300 s",
      namespace: "AWS/ApplicationELB",
      metric_name: "TargetResponseTime",
      dimensions: { LoadBalancer: LB },
      extended_statistic: "p95",
      period: 300,
      comparison_operator: "GreaterThanThreshold",
      threshold: 2.5,
      evaluation_periods: 1,
      treat_missing_data: "notBreaching",
      actions_enabled: true,
      alarm_actions: [ALERTS],
      ok_actions: [ALERTS],
    });
  });

  it.each([BACKEND, FRONTEND])("LowHealthyHosts ($name): HealthyHostCount < minHealthyHosts over 60 s -> critical; silence is breaching", (service) => {
    expect(alarm(`${service.name}-low-healthy-hosts`)).toEqual({
      alarm_name: `recipe-chatbot-prod-${service.name}-low-healthy-hosts`,
      alarm_description: `prod: fewer than 1 healthy ${service.name} targets over 60 s`,
      namespace: "AWS/ApplicationELB",
      metric_name: "HealthyHostCount",
      dimensions: { TargetGroup: service.targetGroupArnSuffix, LoadBalancer: LB },
      statistic: "Minimum",
      period: 60,
      comparison_operator: "LessThanThreshold",
      threshold: 1,
      evaluation_periods: 1,
      treat_missing_data: "breaching",
      actions_enabled: true,
      alarm_actions: [CRITICAL],
      ok_actions: [CRITICAL],
    });
  });

  it.each([BACKEND, FRONTEND])("LowRunningTasks ($name): RunningTaskCount below the service's minCapacity for 3 minutes -> critical", (service) => {
    expect(alarm(`${service.name}-low-running-tasks`)).toEqual({
      alarm_name: `recipe-chatbot-prod-${service.name}-low-running-tasks`,
      alarm_description: `prod: ${service.name} ran fewer than ${service.minCapacity} tasks (its minimum capacity) for 180 s`,
      namespace: "ECS/ContainerInsights",
      metric_name: "RunningTaskCount",
      dimensions: { ClusterName: CLUSTER, ServiceName: service.serviceName },
      statistic: "Minimum",
      period: 60,
      comparison_operator: "LessThanThreshold",
      threshold: service.minCapacity,
      evaluation_periods: 3,
      treat_missing_data: "breaching",
      actions_enabled: true,
      alarm_actions: [CRITICAL],
      ok_actions: [CRITICAL],
    });
  });

  it("pass the policy guard (every alarm notifies someone) with no suppression", () => {
    const evaluation = new PolicyGuard().evaluate(buildStack());
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.appliedSuppressions.filter((x) => x.path.startsWith("recipe-chatbot-prod/app/monitoring/"))).toEqual([]);
  });

  it("creates exactly the guide's six alarms, plus two deployment alarms per service, and exposes their names", () => {
    const alarms = resourcesOf(s, "aws_cloudwatch_metric_alarm").map(([, alarm]) => alarm.alarm_name as string);
    expect(alarms.filter((name) => name.includes("-deployment-")).sort()).toEqual([
      "recipe-chatbot-prod-backend-deployment-error-rate",
      "recipe-chatbot-prod-backend-deployment-response-time",
      "recipe-chatbot-prod-frontend-deployment-error-rate",
      "recipe-chatbot-prod-frontend-deployment-response-time",
    ]);
    expect(alarms.filter((name) => !name.includes("-deployment-")).sort()).toEqual([...observability.alarmNames].sort());
    expect(observability.alarmNames).toEqual([
      "recipe-chatbot-prod-high-error-rate",
      "recipe-chatbot-prod-high-response-time",
      "recipe-chatbot-prod-backend-low-healthy-hosts",
      "recipe-chatbot-prod-backend-low-running-tasks",
      "recipe-chatbot-prod-frontend-low-healthy-hosts",
      "recipe-chatbot-prod-frontend-low-running-tasks",
    ]);
  });
});

describe("app metrics contract and task-role statements", () => {
  const synthStatements = () => {
    const statements = new ReadableStack(Testing.app(), "statements-test");
    new AwsProvider(statements, "aws", { region: "us-east-1" });
    policyDocument(new Construct(statements, "roles"), "task-role", [putAppMetricsStatement(), xrayTaskRoleStatement()]);
    return synthStack(statements);
  };

  it("documents the namespaces RecipeChatbot/Business, /LLM and /Logs, QueueDepth with Service=Backend", () => {
    expect(APP_NAMESPACES).toEqual({ business: "RecipeChatbot/Business", llm: "RecipeChatbot/LLM", logs: "RecipeChatbot/Logs" });
    expect(APP_METRICS.queueDepth).toMatchObject({ namespace: "RecipeChatbot/LLM", metricName: "QueueDepth", dimensions: { Service: "Backend" } });
    expect(APP_METRICS.toolUsage.variableDimension).toEqual({ name: "Tool", knownValues: ["web_search", "cookware_check"] });
  });

  it("PutMetricData is limited to RecipeChatbot/* with StringLike (StringEquals would never match the wildcard)", () => {
    const [metrics] = dataAt(synthStatements(), "aws_iam_policy_document", "roles/task-role").statement;
    expect(metrics).toEqual({
      sid: "PublishAppMetrics",
      effect: "Allow",
      actions: ["cloudwatch:PutMetricData"],
      resources: ["*"],
      condition: [{ test: "StringLike", variable: "cloudwatch:namespace", values: ["RecipeChatbot/*"] }],
    });
  });

  it("X-Ray export: the four star-only actions on Resource *", () => {
    const [, xray] = dataAt(synthStatements(), "aws_iam_policy_document", "roles/task-role").statement;
    expect(xray).toEqual({
      sid: "ExportTracesToXRay",
      effect: "Allow",
      actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
      resources: ["*"],
    });
  });
});

describe("tracing sidecar (guide: OpenTelemetry Integration)", () => {
  it("is a non-essential, read-only, non-root ADOT collector on a pinned tag, logging to the given group under otel/", () => {
    expect(ADOT_COLLECTOR_IMAGE).toMatch(/^public\.ecr\.aws\/aws-observability\/aws-otel-collector:v\d+\.\d+\.\d+$/);
    expect(otelCollectorSidecar({ logGroupName: "/aws/ecs/recipe-chatbot/backend", region: "us-east-1" })).toEqual({
      name: "otel-collector",
      image: ADOT_COLLECTOR_IMAGE,
      command: ["--config=/etc/ecs/ecs-xray.yaml"],
      essential: false,
      user: "10001",
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: 4317, protocol: "tcp" }],
      environment: [{ name: "AWS_REGION", value: "us-east-1" }],
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": "/aws/ecs/recipe-chatbot/backend",
          "awslogs-region": "us-east-1",
          "awslogs-stream-prefix": "otel",
          mode: "non-blocking",
        },
      },
    });
  });

  it("points the application's OTLP exporter at the sidecar on localhost:4317", () => {
    expect(otelAppEnvironment()).toEqual([{ name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://localhost:4317" }]);
  });
});
