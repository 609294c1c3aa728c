# Generated from src/modules/alb by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/alb.ts, not this file.

variable "name_prefix" {
  description = "Prefix of every name (<name_prefix>-alb, <name_prefix>-app)."
  type        = string
  validation {
    error_message = "name_prefix must be at most 28 letters, digits and hyphens (ALB and target group names are at most 32 characters)."
    condition     = length(var.name_prefix) <= 28 && can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", var.name_prefix))
  }
}

variable "vpc_id" {
  description = "VPC of the target group and the security group."
  type        = string
}

variable "subnet_ids" {
  description = "Public subnets in at least two zones."
  type        = list(string)
  validation {
    error_message = "subnet_ids must list at least two subnets (an ALB spans two or more zones)."
    condition     = length(var.subnet_ids) >= 2
  }
}

variable "domain_name" {
  description = "The service's public name: certificate, alias records and health check."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 hosted zone of domain_name."
  type        = string
}

variable "target_port" {
  description = "Port the service's tasks listen on."
  type        = number
  validation {
    error_message = "target_port must be an integer from 1 to 65535."
    condition     = var.target_port == floor(var.target_port) && var.target_port >= 1 && var.target_port <= 65535
  }
}

variable "health_check_path" {
  default     = "/"
  description = "Path the target group's and Route 53's health checks request."
  type        = string
}

variable "deletion_protection" {
  default     = true
  description = "Refuse deletion of the load balancer through the API."
  type        = bool
}

variable "idle_timeout_seconds" {
  default     = 60
  description = "Seconds an idle connection stays open."
  type        = number
  validation {
    error_message = "idle_timeout_seconds must be an integer from 1 to 4000."
    condition     = var.idle_timeout_seconds == floor(var.idle_timeout_seconds) && var.idle_timeout_seconds >= 1 && var.idle_timeout_seconds <= 4000
  }
}

variable "access_log_expiration_days" {
  default     = 90
  description = "Days an access-log object is kept."
  type        = number
  validation {
    error_message = "access_log_expiration_days must be an integer from 1 to 3650."
    condition     = var.access_log_expiration_days == floor(var.access_log_expiration_days) && var.access_log_expiration_days >= 1 && var.access_log_expiration_days <= 3650
  }
}
