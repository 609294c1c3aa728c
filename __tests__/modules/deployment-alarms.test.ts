import { DeploymentAlarms } from "../../src/modules/monitoring";
import { all, expectPropError, synthModule } from "./module-stack";

const props = { name: "shop-orders", loadBalancerArnSuffix: "app/shop/1", targetGroupArnSuffix: "targetgroup/orders/2" };

describe("DeploymentAlarms, alone", () => {
  it("watches one target group's 5xx rate and p95 latency over two one-minute periods, quiet without traffic", () => {
    let alarms: DeploymentAlarms | undefined;
    const stack = synthModule((scope) => (alarms = new DeploymentAlarms(scope, "alarms", { ...props, errorRatePercent: 2, responseTimeP95Ms: 1500, topicArn: "arn:aws:sns:eu-west-1:123456789012:alerts" })));
    const [errorRate, latency] = all(stack, "aws_cloudwatch_metric_alarm").sort((a, b) => a.alarm_name.localeCompare(b.alarm_name));
    const dimensions = { LoadBalancer: "app/shop/1", TargetGroup: "targetgroup/orders/2" };
    expect(errorRate).toMatchObject({
      alarm_name: "shop-orders-deployment-error-rate",
      threshold: 2,
      evaluation_periods: 2,
      treat_missing_data: "notBreaching",
      comparison_operator: "GreaterThanThreshold",
      alarm_actions: ["arn:aws:sns:eu-west-1:123456789012:alerts"],
    });
    expect(errorRate.metric_query.map((q: any) => q.metric?.dimensions ?? q.expression)).toEqual([dimensions, dimensions, "100 * FILL(errors, 0) / requests"]);
    expect(latency).toMatchObject({ alarm_name: "shop-orders-deployment-response-time", metric_name: "TargetResponseTime", extended_statistic: "p95", period: 60, threshold: 1.5, dimensions });
    expect(alarms!.alarmNames).toHaveLength(2);
  });

  it("defaults to 5% and 2000 ms, notifying no one (ECS acts on them)", () => {
    const stack = synthModule((scope) => new DeploymentAlarms(scope, "alarms", props));
    const thresholds = all(stack, "aws_cloudwatch_metric_alarm").map((a) => [a.alarm_name, a.threshold, a.actions_enabled]);
    expect(thresholds.sort()).toEqual([
      ["shop-orders-deployment-error-rate", 5, false],
      ["shop-orders-deployment-response-time", 2, false],
    ]);
  });

  it("rejects bad thresholds", () => {
    expectPropError((scope) => new DeploymentAlarms(scope, "a", { ...props, errorRatePercent: 0 }), "errorRatePercent", "above 0 and at most 100");
    expectPropError((scope) => new DeploymentAlarms(scope, "a", { ...props, responseTimeP95Ms: 0 }), "responseTimeP95Ms", "from 1 to 60000");
  });
});
