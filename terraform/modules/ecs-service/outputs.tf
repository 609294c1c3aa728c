# Generated from src/modules/ecs-service by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/ecs-service.ts, not this file.

output "cluster_name" {
  value       = aws_ecs_cluster_capacity_providers.cluster_capacity_providers.cluster_name
  description = "Name of the cluster."
}

output "cluster_arn" {
  value       = aws_ecs_cluster.cluster.arn
  description = "ARN of the cluster."
}

output "service_name" {
  value       = aws_ecs_service.service.name
  description = "Name of the service."
}

output "repository_url" {
  value       = aws_ecr_repository.service_registry_repository.repository_url
  description = "URL of the ECR repository to push images to."
}

output "task_definition_family" {
  value       = aws_ecs_task_definition.service_task_definition.family
  description = "Family of the service's task definitions."
}

output "task_role_arn" {
  value       = aws_iam_role.service_task_role.arn
  description = "ARN of the task role (the application's own permissions)."
}

output "execution_role_arn" {
  value       = aws_iam_role.service_execution_role.arn
  description = "ARN of the execution role (image pull, logs)."
}

output "security_group_id" {
  value       = aws_security_group.service_security_group.id
  description = "The tasks' security group."
}

output "log_group_name" {
  value       = aws_cloudwatch_log_group.service_logs_group.name
  description = "The service's log group."
}
