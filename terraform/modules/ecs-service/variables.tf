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

variable "cpu_architecture" {
  default     = "X86_64"
  description = "CPU architecture of the tasks. ARM64 (Graviton) costs about 20% less; the image must be built for arm64 or be multi-arch."
  type        = string
  validation {
    error_message = "cpu_architecture must be one of X86_64, ARM64."
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
  }
  validation {
    error_message = "cpu_architecture ARM64 cannot run on Fargate Spot (X86_64 only): set spot_weight to 0, or use X86_64."
    condition     = var.cpu_architecture != "ARM64" || var.spot_weight == 0
  }
}

variable "on_demand_base" {
  description = "Tasks that always run on on-demand FARGATE before the weights apply."
  type        = number
  validation {
    error_message = "on_demand_base must be an integer from 0 to 100000."
    condition     = var.on_demand_base == floor(var.on_demand_base) && var.on_demand_base >= 0 && var.on_demand_base <= 100000
  }
  default = 0
}

variable "on_demand_weight" {
  default     = 1
  description = "Relative share of on-demand FARGATE beyond on_demand_base."
  type        = number
  validation {
    error_message = "on_demand_weight must be an integer from 0 to 1000."
    condition     = var.on_demand_weight == floor(var.on_demand_weight) && var.on_demand_weight >= 0 && var.on_demand_weight <= 1000
  }
}

variable "spot_weight" {
  description = "Relative share of FARGATE_SPOT beyond on_demand_base (interruptible, about 70% cheaper; X86_64 tasks only)."
  type        = number
  validation {
    error_message = "spot_weight must be an integer from 0 to 1000."
    condition     = var.spot_weight == floor(var.spot_weight) && var.spot_weight >= 0 && var.spot_weight <= 1000
  }
  validation {
    error_message = "on_demand_weight and spot_weight must not both be 0."
    condition     = var.on_demand_weight + var.spot_weight > 0
  }
  default = 0
}

variable "working_hours_enabled" {
  description = "Run no tasks outside working hours: at working_hours_end both bounds go to 0, at working_hours_start back to min_capacity and max_capacity (two application-autoscaling scheduled actions). The scaling target ignores changes to its bounds either way: with the schedule the next morning's action sets them, without it a change of min_capacity or max_capacity replaces the target and its policies."
  type        = bool
  default     = false
}

variable "working_hours_timezone" {
  default     = "UTC"
  description = "IANA time zone the working hours are read in (daylight saving time included), e.g. Europe/Berlin."
  type        = string
  validation {
    error_message = "working_hours_timezone must be an IANA time zone name such as Europe/Berlin or UTC."
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$", var.working_hours_timezone))
  }
}

variable "working_days" {
  default     = "MON-FRI"
  description = "The days with working hours; the other days have no tasks."
  type        = string
  validation {
    error_message = "working_days must be one of MON-FRI, MON-SAT, MON-SUN."
    condition     = contains(["MON-FRI", "MON-SAT", "MON-SUN"], var.working_days)
  }
}

variable "working_hours_start" {
  default     = 8
  description = "Hour of the day the tasks start (0-23)."
  type        = number
  validation {
    error_message = "working_hours_start must be an integer from 0 to 23."
    condition     = var.working_hours_start == floor(var.working_hours_start) && var.working_hours_start >= 0 && var.working_hours_start <= 23
  }
}

variable "working_hours_end" {
  default     = 19
  description = "Hour of the day the tasks stop (24: midnight)."
  type        = number
  validation {
    error_message = "working_hours_end must be an integer from 1 to 24."
    condition     = var.working_hours_end == floor(var.working_hours_end) && var.working_hours_end >= 1 && var.working_hours_end <= 24
  }
  validation {
    error_message = "working_hours_end must be after working_hours_start."
    condition     = var.working_hours_end > var.working_hours_start
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
