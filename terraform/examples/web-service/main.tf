# One web service behind the load balancer, composed from the generated HCL modules: the same
# system as examples/web-service (TypeScript), for teams that write Terraform.

module "networking" {
  source = "../../modules/networking"

  name_prefix          = "shop-dev"
  vpc_cidr             = "10.30.0.0/16"
  availability_zones   = ["${var.region}a", "${var.region}b"]
  public_subnet_cidrs  = ["10.30.0.0/24", "10.30.1.0/24"]
  private_subnet_cidrs = ["10.30.10.0/24", "10.30.11.0/24"]
  service_port         = 8080
}

module "secrets" {
  source = "../../modules/secrets"

  kms_key_alias                  = "shop-dev-secrets"
  secret_name                    = "shop/dev/payments-api-key"
  secret_description             = "Payments provider API key"
  secret_environment_variable    = "PAYMENTS_API_KEY"
  parameter_name                 = "/shop/dev/log-level"
  parameter_value                = "info"
  parameter_description          = "Log level of the web service"
  parameter_environment_variable = "LOG_LEVEL"
  recovery_window_days           = 7
}

module "alb" {
  source = "../../modules/alb"

  name_prefix         = "shop-dev"
  vpc_id              = module.networking.vpc_id
  subnet_ids          = module.networking.public_subnet_ids
  domain_name         = var.domain_name
  hosted_zone_id      = var.hosted_zone_id
  target_port         = 8080
  health_check_path   = "/health"
  deletion_protection = false
}

module "ecs_service" {
  source = "../../modules/ecs-service"

  cluster_name                    = "shop-dev"
  service_name                    = "shop-web"
  vpc_id                          = module.networking.vpc_id
  subnet_ids                      = module.networking.private_subnet_ids
  image_tag                       = var.image_tag
  port                            = 8080
  min_capacity                    = 1
  max_capacity                    = 3
  target_group_arn                = module.alb.target_group_arn
  load_balancer_security_group_id = module.alb.security_group_id

  # A development service: no tasks from midnight to 07:00 Berlin time and at weekends.
  working_hours_enabled  = true
  working_hours_timezone = "Europe/Berlin"
  working_hours_start    = 7
  working_hours_end      = 24
}

module "monitoring" {
  source = "../../modules/monitoring"

  name                     = "shop-dev"
  cluster_name             = module.ecs_service.cluster_name
  service_name             = module.ecs_service.service_name
  min_capacity             = 1
  load_balancer_arn_suffix = module.alb.arn_suffix
  target_group_arn_suffix  = module.alb.target_group_arn_suffix
}
