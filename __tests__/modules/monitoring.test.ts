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
