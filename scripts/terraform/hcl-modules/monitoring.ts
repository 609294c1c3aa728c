import { Monitoring } from "../../../src/modules/monitoring";
import { condition, type HclModuleSpec } from "./hcl-module";

/** The watched service's name in alarm names: <name>-app-low-running-tasks. */
const SERVICE = "app";

export const monitoringModule: HclModuleSpec = {
  name: "monitoring",
  summary:
    "CloudWatch monitoring of a service behind a load balancer: a dashboard (service health, errors, performance), alarms " +
    "on the load balancer's 5xx rate and p95 response time (to the warning topic) and on the service's running tasks and " +
    "healthy hosts (to the critical topic), and the two topics, KMS-encrypted, without subscriptions.",
  shape: [`one service, named \`${SERVICE}\` in alarm names, behind one load balancer`, "two new alert topics, <name>-alerts and <name>-critical"],
  usage: `  name                     = "shop-prod"
  cluster_name             = module.ecs_service.cluster_name
  service_name             = module.ecs_service.service_name
  load_balancer_arn_suffix = module.alb.arn_suffix
  target_group_arn_suffix  = module.alb.target_group_arn_suffix`,
  define(scope, io) {
    const name = io.input({
      name: "name",
      type: "string",
      description: "Dashboard name and the prefix of every alarm and topic name.",
      validation: [{ condition: condition.name("var.name", 200), errorMessage: "name must be at most 200 letters, digits and hyphens." }],
    }).stringValue;
    const text = (input: string, description: string) => io.input({ name: input, type: "string", description }).stringValue;
    const clusterName = text("cluster_name", "Cluster of the watched service.");
    const serviceName = text("service_name", "The watched ECS service.");
    const loadBalancerArnSuffix = text("load_balancer_arn_suffix", "The load balancer's ARN suffix (CloudWatch's LoadBalancer dimension).");
    const targetGroupArnSuffix = text("target_group_arn_suffix", "The service's target group ARN suffix (CloudWatch's TargetGroup dimension).");
    const minCapacity = io.integer({
      name: "min_capacity",
      description: "Tasks the service always runs: fewer running raises the critical alarm.",
      default: 1,
      range: [0, 5000],
    });
    const errorRatePercent = io.input({
      name: "error_rate_percent",
      type: "number",
      description: "5xx responses (% of requests) that raise the high-error-rate alarm.",
      default: 5,
      validation: [{ condition: "var.error_rate_percent > 0 && var.error_rate_percent <= 100", errorMessage: "error_rate_percent must be above 0 and at most 100." }],
    }).numberValue;
    const responseTimeP95Ms = io.integer({
      name: "response_time_p95_ms",
      description: "p95 target response time (ms) that raises the high-response-time alarm.",
      default: 2000,
      range: [1, 60000],
    });

    const monitoring = new Monitoring(scope, "monitoring", {
      name,
      loadBalancer: { arnSuffix: loadBalancerArnSuffix, errorRatePercent, responseTimeP95Ms },
      services: [{ name: SERVICE, clusterName, serviceName, minCapacity, targetGroupArnSuffix }],
    });

    io.output("dashboard_name", "Name of the CloudWatch dashboard.", monitoring.dashboardName);
    io.output("warning_topic_arn", "Topic of degradation alarms (error rate, response time): subscribe to it.", monitoring.alertTopics!.topicArns.alerts);
    io.output("critical_topic_arn", "Topic of outage alarms (running tasks, healthy hosts): subscribe to it.", monitoring.alertTopics!.topicArns.critical);
    io.output("alarm_names", "Names of the alarms.", monitoring.alarmNames);
  },
};
