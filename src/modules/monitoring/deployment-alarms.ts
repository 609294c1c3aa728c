import { Construct } from "constructs";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { check, checkInteger } from "../../core/props";
import { ALB_NAMESPACE, MS_PER_SECOND } from "./monitoring";

export interface DeploymentAlarmsProps {
  /** Prefix of the alarm names (<name>-deployment-error-rate, <name>-deployment-response-time). Required: alarm names are unique per account and region. */
  readonly name: string;
  /** The load balancer's arn_suffix (dimension LoadBalancer). Required. */
  readonly loadBalancerArnSuffix: string;
  /** The service's target group arn_suffix (dimension TargetGroup). Required: these alarms watch one service. */
  readonly targetGroupArnSuffix: string;
  /** The service's 5xx responses, as a percentage of its requests, that fail a deployment. @default 5 */
  readonly errorRatePercent?: number;
  /** The service's p95 response time (ms) that fails a deployment. @default 2000 */
  readonly responseTimeP95Ms?: number;
  /** Topic notified when an alarm fires and recovers. @default none (ECS acts on them; the Monitoring alarms page people) */
  readonly topicArn?: string;
  /** Text every alarm description starts with, e.g. the environment. @default name */
  readonly alarmDescriptionPrefix?: string;
}

/**
 * One-minute periods, two of them breaching: fast enough to stop a bad release inside ECS's bake
 * time, without rolling back on one slow minute.
 */
const PERIOD_SECONDS = 60;
const EVALUATION_PERIODS = 2;

/**
 * The alarms a service's deployments watch (ECS deployment alarms, or CodeDeploy's automatic
 * rollback): its own target group's 5xx rate and p95 response time. They are per target group, not
 * load balancer-wide, so one service's release is judged by its own traffic.
 */
export class DeploymentAlarms extends Construct {
  /** The alarms' names, what ECS's `alarms` block and CodeDeploy's alarm configuration take. */
  readonly alarmNames: string[];
  readonly errorRate: CloudwatchMetricAlarm;
  readonly responseTime: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: DeploymentAlarmsProps) {
    super(scope, id);
    const errorRatePercent = props.errorRatePercent ?? 5;
    const responseTimeP95Ms = props.responseTimeP95Ms ?? 2000;
    check(this, errorRatePercent > 0 && errorRatePercent <= 100, "errorRatePercent", `must be a percentage above 0 and at most 100; got ${errorRatePercent}`, errorRatePercent);
    checkInteger(this, "responseTimeP95Ms", responseTimeP95Ms, 1, 60_000);

    const label = props.alarmDescriptionPrefix ?? props.name;
    const dimensions = { LoadBalancer: props.loadBalancerArnSuffix, TargetGroup: props.targetGroupArnSuffix };
    const actions = props.topicArn ? { actionsEnabled: true, alarmActions: [props.topicArn], okActions: [props.topicArn] } : { actionsEnabled: false };
    const common = {
      ...actions,
      comparisonOperator: "GreaterThanThreshold",
      evaluationPeriods: EVALUATION_PERIODS,
      // No requests during a release means nothing failed: an idle environment must not roll back.
      treatMissingData: "notBreaching",
    };

    this.errorRate = new CloudwatchMetricAlarm(this, "error-rate", {
      ...common,
      alarmName: `${props.name}-deployment-error-rate`,
      alarmDescription: `${label}: more than ${errorRatePercent}% of the service's requests got a 5xx for ${EVALUATION_PERIODS} minutes (rolls a deployment back)`,
      metricQuery: [
        { id: "errors", returnData: false, metric: { namespace: ALB_NAMESPACE, metricName: "HTTPCode_Target_5XX_Count", dimensions, period: PERIOD_SECONDS, stat: "Sum" } },
        { id: "requests", returnData: false, metric: { namespace: ALB_NAMESPACE, metricName: "RequestCount", dimensions, period: PERIOD_SECONDS, stat: "Sum" } },
        // 5xx counts are absent, not 0, in minutes without errors.
        { id: "errorRate", expression: "100 * FILL(errors, 0) / requests", label: "5xx responses (% of requests)", returnData: true },
      ],
      threshold: errorRatePercent,
    });
    this.responseTime = new CloudwatchMetricAlarm(this, "response-time", {
      ...common,
      alarmName: `${props.name}-deployment-response-time`,
      alarmDescription: `${label}: the service's p95 response time above ${responseTimeP95Ms} ms for ${EVALUATION_PERIODS} minutes (rolls a deployment back)`,
      namespace: ALB_NAMESPACE,
      metricName: "TargetResponseTime",
      dimensions,
      extendedStatistic: "p95",
      period: PERIOD_SECONDS,
      threshold: responseTimeP95Ms / MS_PER_SECOND,
    });
    this.alarmNames = [this.errorRate.alarmName, this.responseTime.alarmName];
  }
}
