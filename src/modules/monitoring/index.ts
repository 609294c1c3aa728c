/** Monitoring: alert topics, a dashboard, alarms and log metric filters for ECS services behind a load balancer. */
export * from "./monitoring";
export * from "./alert-topics";
export * from "./dashboard";
export * from "./deployment-alarms";
