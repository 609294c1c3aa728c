import type { Construct } from "constructs";
import { AlertTopics, Monitoring, type MonitoringProps } from "../../src/modules/monitoring";
import { AWS, all, expectPropError, only, synthModule } from "./module-stack";

const SERVICES: MonitoringProps["services"] = [
  { name: "api", clusterName: "shop", serviceName: "shop-api", minCapacity: 2, targetGroupArnSuffix: "targetgroup/api/1" },
  { name: "worker", clusterName: "shop", serviceName: "shop-worker", minCapacity: 1 },
];

describe("Monitoring module, alone", () => {
  it("a worker without a load balancer: LowRunningTasks only, its own topics, ServiceHealth on the dashboard", () => {
    let monitoring: Monitoring | undefined;
    const stack = synthModule((scope) => {
      monitoring = new Monitoring(scope, "monitoring", { aws: AWS, name: "shop-prod", services: [SERVICES[1]] });
    });
    expect(all(stack, "aws_sns_topic").map((t) => t.name).sort()).toEqual(["shop-prod-alerts", "shop-prod-critical"]);
    expect(monitoring!.alarmNames).toEqual(["shop-prod-worker-low-running-tasks"]);
    expect(only(stack, "aws_cloudwatch_metric_alarm")).toMatchObject({ threshold: 1, evaluation_periods: 3, treat_missing_data: "breaching" });
    const titles = monitoring!.dashboardBody.widgets.map((w: any) => w.properties.title ?? w.properties.markdown);
    expect(titles[0]).toMatch(/^### ServiceHealth/);
    expect(titles.some((t: string) => /ErrorTracking|Performance|Healthy targets/.test(t))).toBe(false);
  });

  it("behind a load balancer: error rate and p95 alarms to the warning topic, healthy hosts to the critical one, metric filters", () => {
    let monitoring: Monitoring | undefined;
    const stack = synthModule((scope) => {
      monitoring = new Monitoring(scope, "monitoring", {
        aws: AWS,
        name: "shop-prod",
        alarmDescriptionPrefix: "prod",
        topics: { warningTopicArn: "arn:warn", criticalTopicArn: "arn:crit" },
        loadBalancer: { arnSuffix: "app/shop/1", errorRatePercent: 2, responseTimeP95Ms: 1500, minHealthyHosts: 2 },
        services: SERVICES,
        metricFilters: [{ name: "api-errors", logGroupName: "/aws/ecs/api", pattern: '{ $.level = "error" }', namespace: "Shop/Logs", metricName: "Errors" }],
      });
    });
    expect(stack.resource.aws_sns_topic).toBeUndefined();
    const alarms = Object.fromEntries(all(stack, "aws_cloudwatch_metric_alarm").map((a) => [a.alarm_name, a]));
    expect(Object.keys(alarms).sort()).toEqual([
      "shop-prod-api-low-healthy-hosts",
      "shop-prod-api-low-running-tasks",
      "shop-prod-high-error-rate",
      "shop-prod-high-response-time",
      "shop-prod-worker-low-running-tasks",
    ]);
    expect(alarms["shop-prod-high-error-rate"]).toMatchObject({ threshold: 2, alarm_actions: ["arn:warn"], ok_actions: ["arn:warn"] });
    expect(alarms["shop-prod-high-error-rate"].alarm_description).toMatch(/^prod: more than 2%/);
    expect(alarms["shop-prod-high-response-time"]).toMatchObject({ threshold: 1.5, extended_statistic: "p95" });
    expect(alarms["shop-prod-api-low-healthy-hosts"]).toMatchObject({ threshold: 2, alarm_actions: ["arn:crit"], dimensions: { TargetGroup: "targetgroup/api/1", LoadBalancer: "app/shop/1" } });
    expect(only(stack, "aws_cloudwatch_log_metric_filter")).toMatchObject({ name: "api-errors", metric_transformation: { namespace: "Shop/Logs", name: "Errors", default_value: "0" } });
    expect(monitoring!.metricFilterNames).toHaveLength(1);
  });

  it("a consumer rearranges and extends the standard dashboard groups", () => {
    let monitoring: Monitoring | undefined;
    synthModule((scope) => {
      monitoring = new Monitoring(scope, "monitoring", {
        aws: AWS,
        name: "shop-prod",
        topics: { warningTopicArn: "arn:warn", criticalTopicArn: "arn:crit" },
        loadBalancer: { arnSuffix: "app/shop/1" },
        services: SERVICES.slice(0, 1),
        dashboard: (standard) => [
          { title: "Orders", period: 60, summary: "orders per minute", graphs: [{ title: "Orders", stat: "Sum", rows: [["Shop", "orders"]] }] },
          standard.performance,
        ],
      });
    });
    const widgets = monitoring!.dashboardBody.widgets as any[];
    expect(widgets.filter((w) => w.type === "text").map((w) => w.properties.markdown)).toEqual([
      "### Orders: orders per minute (period 60 s)",
      "### Performance: p95 response time and concurrent connections (period 300 s)",
    ]);
    expect(widgets.filter((w) => w.type === "metric").map((w) => [w.properties.title, w.x, w.y])).toEqual([
      ["Orders: Orders", 0, 1],
      ["Performance: Response time p95 (ms)", 0, 8],
      ["Performance: Concurrent connections", 12, 8],
    ]);
  });

  it("rejects bad props", () => {
    const build = (extra: Partial<MonitoringProps>) => (scope: Construct) => new Monitoring(scope, "m", { aws: AWS, name: "x", services: SERVICES.slice(1), ...extra });
    expectPropError(build({ loadBalancer: { arnSuffix: "a", errorRatePercent: 0 } }), "loadBalancer.errorRatePercent", "above 0 and at most 100");
    expectPropError(build({ loadBalancer: { arnSuffix: "a", responseTimeP95Ms: 0 } }), "loadBalancer.responseTimeP95Ms", "from 1 to 60000");
    expectPropError(build({ services: SERVICES }), "services[0].targetGroupArnSuffix", "needs `loadBalancer`");
    expectPropError(build({ services: [SERVICES[1], SERVICES[1]] }), "services", "distinct names");
    const lb = { arnSuffix: "app/shop/1" };
    expectPropError(build({ loadBalancer: lb, activeHours: [{ fromHour: 8, toHour: 18 }] }), "services[0].targetGroupArnSuffix", "is needed with `activeHours`");
    expectPropError(build({ loadBalancer: lb, services: [SERVICES[0]], activeHours: [{ fromHour: 18, toHour: 8 }] }), "activeHours[0].toHour", "from 19 to 168");
  });
});

describe("Monitoring of services scaled to zero outside working hours (activeHours)", () => {
  const synth = (runningTasksAlarm?: boolean) =>
    synthModule((scope) => {
      new Monitoring(scope, "monitoring", {
        aws: AWS,
        name: "shop-dev",
        loadBalancer: { arnSuffix: "app/shop/1" },
        services: [{ ...SERVICES[0], runningTasksAlarm }],
        activeHours: [{ fromHour: 9, toHour: 19 }, { fromHour: 33, toHour: 43 }],
      });
    });
  const alarms = (stack: ReturnType<typeof synth>) => Object.fromEntries(all(stack, "aws_cloudwatch_metric_alarm").map((a) => [a.alarm_name, a]));
  const ACTIVE = "(hourOfWeek >= 9 AND hourOfWeek < 19) OR (hourOfWeek >= 33 AND hourOfWeek < 43)";
  const returned = (alarm: any) => alarm.metric_query.filter((q: any) => q.return_data);

  it("reads LowHealthyHosts and LowRunningTasks as OK outside the active hours, the hour of the week taken from HealthyHostCount", () => {
    const byName = alarms(synth());
    const healthy = byName["shop-dev-api-low-healthy-hosts"];
    expect(healthy).toMatchObject({ threshold: 1, comparison_operator: "LessThanThreshold", treat_missing_data: "breaching" });
    expect(healthy.metric_name).toBeUndefined();
    expect(healthy.metric_query.map((q: any) => [q.id, q.metric?.metric_name ?? q.expression])).toEqual([
      ["healthy", "HealthyHostCount"],
      ["hourOfWeek", "(DAY(healthy) - 1) * 24 + HOUR(healthy)"],
      ["inActiveHours", `IF(${ACTIVE}, healthy, 1)`],
    ]);
    const running = byName["shop-dev-api-low-running-tasks"];
    expect(running).toMatchObject({ threshold: 2, treat_missing_data: "breaching" });
    expect(running.metric_query.map((q: any) => q.id)).toEqual(["healthy", "running", "hourOfWeek", "inActiveHours"]);
    expect(returned(running).map((q: any) => q.expression)).toEqual([`IF(${ACTIVE}, running, 2)`]);
    expect(running.alarm_description).toMatch(/watched only in the services' active hours$/);
  });

  it("reads HighErrorRate as 0 outside them (the ALB answers health checks with 503s then), the hour taken from RequestCount", () => {
    const errorRate = alarms(synth())["shop-dev-high-error-rate"];
    expect(errorRate.metric_query.map((q: any) => [q.id, q.return_data])).toEqual([
      ["target5xx", false], ["elb5xx", false], ["requests", false], ["errorRate", false], ["hourOfWeek", false], ["inActiveHours", true],
    ]);
    expect(returned(errorRate)[0].expression).toBe(`IF(${ACTIVE}, errorRate, 0)`);
  });

  it("leaves LowRunningTasks out for a cluster without Container Insights", () => {
    expect(Object.keys(alarms(synth(false))).sort()).toEqual(["shop-dev-api-low-healthy-hosts", "shop-dev-high-error-rate", "shop-dev-high-response-time"]);
  });
});

describe("AlertTopics, alone", () => {
  it("encrypted topics only this account's alarms and rules may publish to, TLS only, e-mail subscriptions per address", () => {
    const stack = synthModule(
      (scope) => new AlertTopics(scope, "topics", { aws: AWS, topics: [{ id: "ops", name: "shop-ops", emails: ["ops@example.com"] }] }),
    );
    expect(only(stack, "aws_sns_topic")).toMatchObject({ name: "shop-ops" });
    expect(only(stack, "aws_sns_topic").kms_master_key_id).toMatch(/aws_kms_key/);
    expect(only(stack, "aws_kms_alias").name).toBe("alias/shop-ops");
    expect(only(stack, "aws_sns_topic_subscription")).toMatchObject({ protocol: "email" });
    const policy = Object.values(stack.data!.aws_iam_policy_document).find((d: any) => d.statement.some((s: any) => s.sid === "DenyInsecureTransport")) as any;
    expect(policy.statement.map((s: any) => s.sid)).toEqual(["CloudWatchAlarmsPublish", "EventBridgeRulesPublish", "DenyInsecureTransport"]);
  });

  it("uses an existing key and rejects bad props", () => {
    const stack = synthModule(
      (scope) => new AlertTopics(scope, "topics", { aws: AWS, kms: { existingKeyArn: "arn:key" }, topics: [{ id: "ops", name: "shop-ops" }] }),
    );
    expect(stack.resource.aws_kms_key).toBeUndefined();
    expect(only(stack, "aws_sns_topic").kms_master_key_id).toBe("arn:key");
    expectPropError((scope) => new AlertTopics(scope, "t", { aws: AWS, topics: [] }), "topics", "at least one topic");
    expectPropError((scope) => new AlertTopics(scope, "t", { aws: AWS, topics: [{ id: "a", name: "x" }, { id: "a", name: "y" }] }), "topics", "distinct ids");
  });
});
