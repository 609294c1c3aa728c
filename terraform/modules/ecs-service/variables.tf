# Generated from src/modules/ecs-service by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/ecs-service.ts, not this file.

variable "cluster_name" {
  description = "Name of the ECS cluster."
  type        = string
  validation {
    error_message = "cluster_name must be at most 255 letters, digits and hyphens."
    condition     = length(var.cluster_name) <= 255 && can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", var.cluster_name))
  }
}

variable "service_name" {
  description = "Name of the service; also of its ECR repository, task family, roles (<service_name>-task, -execution) and security group."
  type        = string
  validation {
    error_message = "service_name must be at most 50 letters, digits and hyphens."
    condition     = length(var.service_name) <= 50 && can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", var.service_name))
  }
}

variable "vpc_id" {
  description = "VPC of the service's security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets the tasks run in (no public IP)."
  type        = list(string)
}

variable "image_tag" {
  description = "Tag of the image in the service's repository to run."
  type        = string
}

variable "max_image_count" {
  default     = 10
  description = "Images the repository keeps; older ones expire."
  type        = number
  validation {
    error_message = "max_image_count must be an integer from 1 to 10000."
    condition     = var.max_image_count == floor(var.max_image_count) && var.max_image_count >= 1 && var.max_image_count <= 10000
  }
}

variable "port" {
  description = "Port the application listens on."
  type        = number
  validation {
    error_message = "port must be an integer from 1 to 65535."
    condition     = var.port == floor(var.port) && var.port >= 1 && var.port <= 65535
  }
}

variable "cpu" {
  default     = 256
  description = "Fargate CPU units."
  type        = number
  validation {
    error_message = "cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384."
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
  }
}

variable "memory" {
  default     = 512
  description = "Memory in MiB, a size Fargate offers with cpu."
  type        = number
  validation {
    error_message = "memory must be a size Fargate offers with cpu (256: 512-2048; 512: 1024-4096; 1024: 2048-8192 MiB; see the Fargate task size table)."
    condition     = contains(lookup({ "256" : [512, 1024, 2048], "512" : [1024, 2048, 3072, 4096], "1024" : [2048, 3072, 4096, 5120, 6144, 7168, 8192], "2048" : [4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384], "4096" : [8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384, 17408, 18432, 19456, 20480, 21504, 22528, 23552, 24576, 25600, 26624, 27648, 28672, 29696, 30720], "8192" : [16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440], "16384" : [32768, 40960, 49152, 57344, 65536, 73728, 81920, 90112, 98304, 106496, 114688, 122880] }, tostring(var.cpu), []), var.memory)
  }
}

variable "min_capacity" {
  default     = 1
  description = "Tasks the service always runs."
  type        = number
  validation {
    error_message = "min_capacity must be an integer from 0 to 5000."
    condition     = var.min_capacity == floor(var.min_capacity) && var.min_capacity >= 0 && var.min_capacity <= 5000
  }
}

variable "max_capacity" {
  default     = 2
  description = "Tasks autoscaling may run at most."
  type        = number
  validation {
    error_message = "max_capacity must be an integer from 1 to 5000, at least min_capacity."
    condition     = var.max_capacity == floor(var.max_capacity) && var.max_capacity >= 1 && var.max_capacity <= 5000 && var.max_capacity >= var.min_capacity
  }
}

variable "cpu_target_percent" {
  default     = 70
  description = "Average CPU utilization (%) target tracking keeps."
  type        = number
  validation {
    error_message = "cpu_target_percent must be above 0 and at most 100."
    condition     = var.cpu_target_percent > 0 && var.cpu_target_percent <= 100
  }
}

variable "target_group_arn" {
  description = "Target group (type ip) the tasks register in; its listener must exist (the alb module's output waits for it)."
  type        = string
}

variable "load_balancer_security_group_id" {
  description = "The load balancer's security group: let in to port, and let out to it."
  type        = string
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the task and execution roles; empty for none."
  type        = string
  default     = ""
}
