variable "region" {
  description = "AWS region of everything the example creates."
  type        = string
  default     = "eu-west-1"
}

variable "domain_name" {
  description = "The service's public name, e.g. shop.example.com."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 hosted zone of domain_name."
  type        = string
}

variable "image_tag" {
  description = "Tag of the image to run (push it to the repository the ecs_service module creates)."
  type        = string
  default     = "v1"
}
