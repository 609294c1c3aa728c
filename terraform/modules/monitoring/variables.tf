# Generated from src/modules/monitoring by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/monitoring.ts, not this file.

variable "name" {
  description = "Dashboard name and the prefix of every alarm and topic name."
  type        = string
  validation {
    error_message = "name must be at most 200 letters, digits and hyphens."
    condition     = length(var.name) <= 200 && can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", var.name))
  }
}

variable "cluster_name" {
  description = "Cluster of the watched service."
  type        = string
}

variable "service_name" {
  description = "The watched ECS service."
  type        = string
}

variable "load_balancer_arn_suffix" {
  description = "The load balancer's ARN suffix (CloudWatch's LoadBalancer dimension)."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "The service's target group ARN suffix (CloudWatch's TargetGroup dimension)."
  type        = string
}

variable "min_capacity" {
  default     = 1
  description = "Tasks the service always runs: fewer running raises the critical alarm."
  type        = number
  validation {
    error_message = "min_capacity must be an integer from 0 to 5000."
    condition     = var.min_capacity == floor(var.min_capacity) && var.min_capacity >= 0 && var.min_capacity <= 5000
  }
}

variable "error_rate_percent" {
  default     = 5
  description = "5xx responses (% of requests) that raise the high-error-rate alarm."
  type        = number
  validation {
    error_message = "error_rate_percent must be above 0 and at most 100."
    condition     = var.error_rate_percent > 0 && var.error_rate_percent <= 100
  }
}

variable "response_time_p95_ms" {
  default     = 2000
  description = "p95 target response time (ms) that raises the high-response-time alarm."
  type        = number
  validation {
    error_message = "response_time_p95_ms must be an integer from 1 to 60000."
    condition     = var.response_time_p95_ms == floor(var.response_time_p95_ms) && var.response_time_p95_ms >= 1 && var.response_time_p95_ms <= 60000
  }
}
