# Generated from src/modules/monitoring by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/monitoring.ts, not this file.

output "dashboard_name" {
  value       = aws_cloudwatch_dashboard.monitoring_dashboard.dashboard_name
  description = "Name of the CloudWatch dashboard."
}

output "warning_topic_arn" {
  value       = aws_sns_topic.monitoring_topics_alerts.arn
  description = "Topic of degradation alarms (error rate, response time): subscribe to it."
}

output "critical_topic_arn" {
  value       = aws_sns_topic.monitoring_topics_critical.arn
  description = "Topic of outage alarms (running tasks, healthy hosts): subscribe to it."
}

output "alarm_names" {
  value = [
    "${var.name}-high-error-rate",
    "${var.name}-high-response-time",
    "${var.name}-app-low-healthy-hosts",
    "${var.name}-app-low-running-tasks",
  ]
  description = "Names of the alarms."
}
