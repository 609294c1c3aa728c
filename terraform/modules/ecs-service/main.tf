# Generated from src/modules/ecs-service by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/ecs-service.ts, not this file.

resource "aws_ecs_cluster" "cluster" {
  name = var.cluster_name
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "cluster_capacity_providers" {
  capacity_providers = [
    "FARGATE",
    "FARGATE_SPOT"
  ]
  cluster_name = aws_ecs_cluster.cluster.name
  default_capacity_provider_strategy {
    base              = var.on_demand_base
    capacity_provider = "FARGATE"
    weight            = var.on_demand_weight
  }
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = var.spot_weight
  }
}

data "aws_region" "service_region" {
}

data "aws_caller_identity" "service_caller_identity" {
}

data "aws_partition" "service_partition" {
}

data "aws_iam_policy_document" "service_logs_key_policy" {
  statement {
    actions = [
      "kms:CancelKeyDeletion",
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:DescribeKey",
      "kms:DisableKey",
      "kms:DisableKeyRotation",
      "kms:EnableKey",
      "kms:EnableKeyRotation",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListAliases",
      "kms:ListGrants",
      "kms:ListResourceTags",
      "kms:PutKeyPolicy",
      "kms:RetireGrant",
      "kms:RevokeGrant",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "AccountAdministersKey"
    principals {
      identifiers = [
        "arn:${data.aws_partition.service_partition.partition}:iam::${data.aws_caller_identity.service_caller_identity.account_id}:root"
      ]
      type = "AWS"
    }
  }
  statement {
    actions = [
      "kms:Encrypt",
      "kms:Decrypt",
      "kms:ReEncrypt*",
      "kms:GenerateDataKey*",
      "kms:DescribeKey"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "CloudWatchLogsUseKey"
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.service_partition.partition}:logs:${data.aws_region.service_region.name}:${data.aws_caller_identity.service_caller_identity.account_id}:log-group:*"
      ]
      variable = "kms:EncryptionContext:aws:logs:arn"
    }
    principals {
      identifiers = [
        "logs.${data.aws_region.service_region.name}.amazonaws.com"
      ]
      type = "Service"
    }
  }
}

resource "aws_kms_key" "service_logs_key" {
  deletion_window_in_days = 30
  description             = "CloudWatch Logs encryption for /aws/ecs/${var.service_name}"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.service_logs_key_policy.json
}

resource "aws_kms_alias" "service_logs_key_alias" {
  name          = "alias/logs/aws/ecs/${var.service_name}"
  target_key_id = aws_kms_key.service_logs_key.key_id
}

resource "aws_cloudwatch_log_group" "service_logs_group" {
  kms_key_id        = aws_kms_key.service_logs_key.arn
  name              = "/aws/ecs/${var.service_name}"
  retention_in_days = 30
}

resource "aws_ecr_repository" "service_registry_repository" {
  image_tag_mutability = "IMMUTABLE"
  name                 = var.service_name
  encryption_configuration {
    encryption_type = "KMS"
  }
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "service_registry_lifecycle" {
  policy     = jsonencode({ "rules" = [{ "rulePriority" = 1, "description" = "Expire untagged images after 7 days", "selection" = { "tagStatus" = "untagged", "countType" = "sinceImagePushed", "countUnit" = "days", "countNumber" = 7 }, "action" = { "type" = "expire" } }, { "rulePriority" = 2, "description" = "Keep the newest var.max_image_count images", "selection" = { "tagStatus" = "any", "countType" = "imageCountMoreThan", "countNumber" = var.max_image_count }, "action" = { "type" = "expire" } }] })
  repository = aws_ecr_repository.service_registry_repository.name
}

data "aws_iam_policy_document" "service_execution_role_trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.service_caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.service_partition.partition}:ecs:${data.aws_region.service_region.name}:${data.aws_caller_identity.service_caller_identity.account_id}:*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "ecs-tasks.amazonaws.com"
      ]
      type = "Service"
    }
  }
}

resource "aws_iam_role" "service_execution_role" {
  assume_role_policy   = data.aws_iam_policy_document.service_execution_role_trust.json
  name                 = "${var.service_name}-execution"
  permissions_boundary = var.permissions_boundary_arn
}

data "aws_iam_policy_document" "service_execution_role_policy_document" {
  statement {
    actions = [
      "ecr:GetAuthorizationToken"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "EcrAuth"
  }
  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:GetDownloadUrlForLayer",
      "ecr:BatchGetImage"
    ]
    effect = "Allow"
    resources = [
      "${aws_ecr_repository.service_registry_repository.arn}"
    ]
    sid = "PullOwnImages"
  }
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents"
    ]
    effect = "Allow"
    resources = [
      "${aws_cloudwatch_log_group.service_logs_group.arn}:log-stream:*"
    ]
    sid = "WriteOwnLogs"
  }
}

resource "aws_iam_role_policy" "service_execution_role_policy" {
  name   = "${var.service_name}-execution"
  policy = data.aws_iam_policy_document.service_execution_role_policy_document.json
  role   = aws_iam_role.service_execution_role.id
}

data "aws_iam_policy_document" "service_task_role_trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.service_caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.service_partition.partition}:ecs:${data.aws_region.service_region.name}:${data.aws_caller_identity.service_caller_identity.account_id}:*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "ecs-tasks.amazonaws.com"
      ]
      type = "Service"
    }
  }
}

resource "aws_iam_role" "service_task_role" {
  assume_role_policy   = data.aws_iam_policy_document.service_task_role_trust.json
  name                 = "${var.service_name}-task"
  permissions_boundary = var.permissions_boundary_arn
}

resource "aws_ecs_task_definition" "service_task_definition" {
  container_definitions = jsonencode([{ "name" = "app", "image" = "${aws_ecr_repository.service_registry_repository.repository_url}:${var.image_tag}", "essential" = true, "readonlyRootFilesystem" = true, "privileged" = false, "portMappings" = [{ "containerPort" = var.port, "protocol" = "tcp" }], "environment" = [], "secrets" = [], "mountPoints" = [{ "sourceVolume" = "tmp", "containerPath" = "/tmp", "readOnly" = false }], "logConfiguration" = { "logDriver" = "awslogs", "options" = { "awslogs-group" = aws_cloudwatch_log_group.service_logs_group.name, "awslogs-region" = data.aws_region.service_region.name, "awslogs-stream-prefix" = "app" } } }])
  cpu                   = var.cpu
  execution_role_arn    = aws_iam_role.service_execution_role.arn
  family                = var.service_name
  memory                = var.memory
  network_mode          = "awsvpc"
  requires_compatibilities = [
    "FARGATE"
  ]
  task_role_arn = aws_iam_role.service_task_role.arn
  track_latest  = true
  runtime_platform {
    cpu_architecture        = var.cpu_architecture
    operating_system_family = "LINUX"
  }
  volume {
    name = "tmp"
  }
}

resource "aws_security_group" "service_security_group" {
  description = "${var.service_name} tasks"
  name        = var.service_name
  tags = {
    Name = "${var.service_name}"
  }
  vpc_id = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "service_https_out" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTPS to AWS APIs and the internet"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.service_security_group.id
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "service_load_balancer_in" {
  description                  = "App from the ALB"
  from_port                    = var.port
  ip_protocol                  = "tcp"
  referenced_security_group_id = var.load_balancer_security_group_id
  security_group_id            = aws_security_group.service_security_group.id
  to_port                      = var.port
}

resource "aws_vpc_security_group_egress_rule" "service_load_balancer_out" {
  description                  = "ALB to app tasks"
  from_port                    = var.port
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.service_security_group.id
  security_group_id            = var.load_balancer_security_group_id
  to_port                      = var.port
}

resource "aws_ecs_service" "service" {
  cluster                            = aws_ecs_cluster.cluster.arn
  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100
  desired_count                      = var.min_capacity
  enable_execute_command             = false
  health_check_grace_period_seconds  = 60
  name                               = var.service_name
  platform_version                   = "LATEST"
  propagate_tags                     = "SERVICE"
  task_definition                    = aws_ecs_task_definition.service_task_definition.arn
  capacity_provider_strategy {
    base              = var.on_demand_base
    capacity_provider = "FARGATE"
    weight            = var.on_demand_weight
  }
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = var.spot_weight
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  load_balancer {
    container_name   = "app"
    container_port   = var.port
    target_group_arn = var.target_group_arn
  }
  network_configuration {
    assign_public_ip = false
    security_groups = [
      "${aws_security_group.service_security_group.id}"
    ]
    subnets = var.subnet_ids
  }
  lifecycle {
    ignore_changes = [
      desired_count,
    ]
  }
}

resource "aws_appautoscaling_target" "service_scaling_target" {
  max_capacity       = var.max_capacity
  min_capacity       = var.min_capacity
  resource_id        = "service/${aws_ecs_cluster_capacity_providers.cluster_capacity_providers.cluster_name}/${aws_ecs_service.service.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
  lifecycle {
    ignore_changes = [
      min_capacity,
      max_capacity,
    ]
    replace_triggered_by = [
      terraform_data.scaling_bounds,
    ]
  }
}

resource "aws_appautoscaling_scheduled_action" "service_schedule_scale_in" {
  name               = "${var.service_name}-scale-in"
  resource_id        = aws_appautoscaling_target.service_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.service_scaling_target.scalable_dimension
  schedule           = "cron(0 ${var.working_hours_end % 24} ? * ${var.working_hours_end == 24 ? lookup({ "MON-FRI" : "TUE-SAT", "MON-SAT" : "TUE-SUN", "MON-SUN" : "*" }, var.working_days) : var.working_days} *)"
  service_namespace  = aws_appautoscaling_target.service_scaling_target.service_namespace
  timezone           = var.working_hours_timezone
  scalable_target_action {
    max_capacity = "0"
    min_capacity = "0"
  }
  depends_on = [
    aws_appautoscaling_target.service_scaling_target,
  ]
  count = var.working_hours_enabled ? 1 : 0
  lifecycle {
    replace_triggered_by = [
      aws_appautoscaling_target.service_scaling_target,
    ]
  }
}

resource "aws_appautoscaling_scheduled_action" "service_schedule_scale_out" {
  name               = "${var.service_name}-scale-out"
  resource_id        = aws_appautoscaling_target.service_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.service_scaling_target.scalable_dimension
  schedule           = "cron(0 ${var.working_hours_start % 24} ? * ${var.working_hours_start == 24 ? lookup({ "MON-FRI" : "TUE-SAT", "MON-SAT" : "TUE-SUN", "MON-SUN" : "*" }, var.working_days) : var.working_days} *)"
  service_namespace  = aws_appautoscaling_target.service_scaling_target.service_namespace
  timezone           = var.working_hours_timezone
  scalable_target_action {
    max_capacity = var.max_capacity
    min_capacity = var.min_capacity
  }
  depends_on = [
    aws_appautoscaling_scheduled_action.service_schedule_scale_in,
  ]
  count = var.working_hours_enabled ? 1 : 0
  lifecycle {
    replace_triggered_by = [
      aws_appautoscaling_target.service_scaling_target,
    ]
  }
}

resource "aws_appautoscaling_policy" "service_scale_on_cpu" {
  name               = "${var.service_name}-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.service_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.service_scaling_target.scalable_dimension
  service_namespace  = aws_appautoscaling_target.service_scaling_target.service_namespace
  target_tracking_scaling_policy_configuration {
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    target_value       = var.cpu_target_percent
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
  lifecycle {
    replace_triggered_by = [
      aws_appautoscaling_target.service_scaling_target,
    ]
  }
}

resource "terraform_data" "scaling_bounds" {
  triggers_replace = {
    bounds = "${var.working_hours_enabled ? "set by the scheduled actions" : format("%d-%d", var.min_capacity, var.max_capacity)}"
  }
}
