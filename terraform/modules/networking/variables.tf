# Generated from src/modules/networking by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/networking.ts, not this file.

variable "name_prefix" {
  description = "Prefix of every name and Name tag, e.g. shop-prod."
  type        = string
  validation {
    error_message = "name_prefix must be at most 40 letters, digits and hyphens, starting and ending with a letter or digit."
    condition     = length(var.name_prefix) <= 40 && can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", var.name_prefix))
  }
}

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC; it must not overlap networks the VPC is ever peered or routed with."
  type        = string
  validation {
    error_message = "vpc_cidr must be an IPv4 network in CIDR notation such as 10.0.0.0/16."
    condition     = can(cidrnetmask(var.vpc_cidr))
  }
}

variable "availability_zones" {
  description = "The 2 availability zones, e.g. [\"us-east-1a\", \"us-east-1b\"]."
  type        = list(string)
  validation {
    error_message = "availability_zones must list 2 distinct zones."
    condition     = length(var.availability_zones) == 2 && length(distinct(var.availability_zones)) == 2
  }
}

variable "public_subnet_cidrs" {
  description = "IPv4 CIDRs of the public subnets (load balancer, NAT gateways), one per zone in the order of availability_zones; inside vpc_cidr."
  type        = list(string)
  validation {
    error_message = "public_subnet_cidrs must list 2 IPv4 networks inside vpc_cidr."
    condition     = length(var.public_subnet_cidrs) == 2 && alltrue([for cidr in var.public_subnet_cidrs : can(cidrnetmask(cidr)) && tonumber(split("/", cidr)[1]) >= tonumber(split("/", var.vpc_cidr)[1]) && cidrhost(format("%s/%s", cidrhost(cidr, 0), split("/", var.vpc_cidr)[1]), 0) == cidrhost(var.vpc_cidr, 0)])
  }
}

variable "private_subnet_cidrs" {
  description = "IPv4 CIDRs of the private subnets (tasks), one per zone in the order of availability_zones; inside vpc_cidr."
  type        = list(string)
  validation {
    error_message = "private_subnet_cidrs must list 2 IPv4 networks inside vpc_cidr."
    condition     = length(var.private_subnet_cidrs) == 2 && alltrue([for cidr in var.private_subnet_cidrs : can(cidrnetmask(cidr)) && tonumber(split("/", cidr)[1]) >= tonumber(split("/", var.vpc_cidr)[1]) && cidrhost(format("%s/%s", cidrhost(cidr, 0), split("/", var.vpc_cidr)[1]), 0) == cidrhost(var.vpc_cidr, 0)])
  }
}

variable "service_port" {
  description = "Port the private tier serves inside the VPC, opened in its network ACL."
  type        = number
  validation {
    error_message = "service_port must be an integer from 1 to 65535."
    condition     = var.service_port == floor(var.service_port) && var.service_port >= 1 && var.service_port <= 65535
  }
}

variable "flow_log_retention_days" {
  default     = 30
  description = "Days the VPC flow logs are kept."
  type        = number
  validation {
    error_message = "flow_log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
  }
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the flow-log delivery role; empty for none."
  type        = string
  default     = ""
}
