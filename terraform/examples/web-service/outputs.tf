output "url" {
  description = "Where the service answers."
  value       = module.alb.url
}

output "repository_url" {
  description = "Where to push the service's images."
  value       = module.ecs_service.repository_url
}

output "dashboard_name" {
  description = "The CloudWatch dashboard."
  value       = module.monitoring.dashboard_name
}

output "secret_arn" {
  description = "Put the API key's value here (aws secretsmanager put-secret-value)."
  value       = module.secrets.secret_arn
}
