import { CLUSTER_NAME } from "../../config";
import { PROJECT } from "../../core/naming";
import { arn, environmentNames, type ServiceAccess } from "./catalogue";

/** Log groups (ECS, VPC flow logs, WAF), metric filters, log deliveries. */
export const LOGS_ACCESS = {
  sid: "Logs",
  group: "operations",
  read: ["logs:DescribeMetricFilters", "logs:ListTagsForResource"],
  // Every log group keeps its key and its retention: no DisassociateKmsKey, no DeleteRetentionPolicy.
  write: [
    "logs:AssociateKmsKey", "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DeleteMetricFilter", "logs:PutMetricFilter",
    "logs:PutRetentionPolicy", "logs:TagResource", "logs:UntagResource",
  ],
  // Resource policies and log deliveries (WAF logging) are account-level.
  unscopedRead: ["logs:DescribeLogGroups", "logs:DescribeResourcePolicies"],
  unscopedWrite: ["logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DeleteResourcePolicy", "logs:PutResourcePolicy"],
  // Log groups are /aws/ecs/<project>/..., /aws/vpc/<project>-<env>/..., aws-waf-logs-<project>-<env>.
  resources: (s, e) => [arn(s, e, "logs", `log-group:*${PROJECT}*`)],
} satisfies ServiceAccess;

/** Alarms and the dashboard. */
export const METRICS_ACCESS = {
  sid: "Metrics",
  group: "operations",
  read: ["cloudwatch:GetDashboard", "cloudwatch:ListTagsForResource"],
  write: ["cloudwatch:DeleteAlarms", "cloudwatch:DeleteDashboards", "cloudwatch:PutDashboard", "cloudwatch:PutMetricAlarm", "cloudwatch:TagResource", "cloudwatch:UntagResource"],
  unscopedRead: ["cloudwatch:DescribeAlarms"],
  resources: (s, e) => [
    arn(s, e, "cloudwatch", `alarm:${environmentNames(e)}`),
    // Target tracking creates its alarms as the caller of PutScalingPolicy.
    arn(s, e, "cloudwatch", `alarm:TargetTracking-service/${CLUSTER_NAME}/*`),
    `arn:${s.partition}:cloudwatch::${s.accountId}:dashboard/${environmentNames(e)}`,
  ],
} satisfies ServiceAccess;

/** EventBridge rules (ECS events to the alert topics). */
export const EVENTS_ACCESS = {
  sid: "Events",
  group: "operations",
  read: ["events:DescribeRule", "events:ListTagsForResource", "events:ListTargetsByRule"],
  write: ["events:DeleteRule", "events:DisableRule", "events:EnableRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets", "events:TagResource", "events:UntagResource"],
  resources: (s, e) => [arn(s, e, "events", `rule/${environmentNames(e)}`)],
} satisfies ServiceAccess;

/** The alert topics and their subscriptions. */
export const TOPICS_ACCESS = {
  sid: "Topics",
  group: "operations",
  read: ["sns:GetTopicAttributes", "sns:ListTagsForResource"],
  write: ["sns:CreateTopic", "sns:DeleteTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:TagResource", "sns:UntagResource"],
  // Subscriptions have no resource-level permissions.
  unscopedRead: ["sns:GetSubscriptionAttributes"],
  unscopedWrite: ["sns:SetSubscriptionAttributes", "sns:Unsubscribe"],
  // <project>-alerts and -critical carry no environment (one account per environment).
  resources: (s, e) => [arn(s, e, "sns", `${PROJECT}-*`)],
} satisfies ServiceAccess;
