# Generated from src/modules/monitoring by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/monitoring.ts, not this file.

data "aws_region" "monitoring_region" {
}

data "aws_caller_identity" "monitoring_caller_identity" {
}

data "aws_partition" "monitoring_partition" {
}

data "aws_iam_policy_document" "monitoring_topics_key_policy" {
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
        "arn:${data.aws_partition.monitoring_partition.partition}:iam::${data.aws_caller_identity.monitoring_caller_identity.account_id}:root"
      ]
      type = "AWS"
    }
  }
  statement {
    actions = [
      "kms:Decrypt",
      "kms:GenerateDataKey*"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "AlarmPublishersUseKey"
    principals {
      identifiers = [
        "cloudwatch.amazonaws.com",
        "events.amazonaws.com"
      ]
      type = "Service"
    }
  }
}

resource "aws_kms_key" "monitoring_topics_key" {
  deletion_window_in_days = 30
  description             = "SNS topic encryption for ${var.name}-alerts"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.monitoring_topics_key_policy.json
}

resource "aws_kms_alias" "monitoring_topics_key_alias" {
  name          = "alias/${var.name}-alerts"
  target_key_id = aws_kms_key.monitoring_topics_key.key_id
}

resource "aws_sns_topic" "monitoring_topics_alerts" {
  kms_master_key_id = aws_kms_key.monitoring_topics_key.arn
  name              = "${var.name}-alerts"
}

data "aws_iam_policy_document" "monitoring_topics_alerts_policy_document" {
  statement {
    actions = [
      "sns:Publish"
    ]
    effect = "Allow"
    resources = [
      "${aws_sns_topic.monitoring_topics_alerts.arn}"
    ]
    sid = "CloudWatchAlarmsPublish"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.monitoring_caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.monitoring_partition.partition}:cloudwatch:${data.aws_region.monitoring_region.name}:${data.aws_caller_identity.monitoring_caller_identity.account_id}:alarm:*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "cloudwatch.amazonaws.com"
      ]
      type = "Service"
    }
  }
  statement {
    actions = [
      "sns:Publish"
    ]
    effect = "Allow"
    resources = [
      "${aws_sns_topic.monitoring_topics_alerts.arn}"
    ]
    sid = "EventBridgeRulesPublish"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.monitoring_caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.monitoring_partition.partition}:events:${data.aws_region.monitoring_region.name}:${data.aws_caller_identity.monitoring_caller_identity.account_id}:rule/*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "events.amazonaws.com"
      ]
      type = "Service"
    }
  }
  statement {
    actions = [
      "sns:Publish"
    ]
    effect = "Deny"
    resources = [
      "${aws_sns_topic.monitoring_topics_alerts.arn}"
    ]
    sid = "DenyInsecureTransport"
    condition {
      test = "Bool"
      values = [
        "false"
      ]
      variable = "aws:SecureTransport"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "AWS"
    }
  }
}

resource "aws_sns_topic_policy" "monitoring_topics_alerts_policy" {
  arn    = aws_sns_topic.monitoring_topics_alerts.arn
  policy = data.aws_iam_policy_document.monitoring_topics_alerts_policy_document.json
}

resource "aws_sns_topic_subscription" "monitoring_topics_alerts_email" {
  endpoint  = each.value
  protocol  = "email"
  topic_arn = aws_sns_topic.monitoring_topics_alerts.arn
  for_each  = toset([])
}

resource "aws_sns_topic" "monitoring_topics_critical" {
  kms_master_key_id = aws_kms_key.monitoring_topics_key.arn
  name              = "${var.name}-critical"
}

data "aws_iam_policy_document" "monitoring_topics_critical_policy_document" {
  statement {
    actions = [
      "sns:Publish"
    ]
    effect = "Allow"
    resources = [
      "${aws_sns_topic.monitoring_topics_critical.arn}"
    ]
    sid = "CloudWatchAlarmsPublish"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.monitoring_caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.monitoring_partition.partition}:cloudwatch:${data.aws_region.monitoring_region.name}:${data.aws_caller_identity.monitoring_caller_identity.account_id}:alarm:*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "cloudwatch.amazonaws.com"
      ]
      type = "Service"
    }
  }
  statement {
    actions = [
      "sns:Publish"
    ]
    effect = "Allow"
    resources = [
      "${aws_sns_topic.monitoring_topics_critical.arn}"
    ]
    sid = "EventBridgeRulesPublish"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.monitoring_caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.monitoring_partition.partition}:events:${data.aws_region.monitoring_region.name}:${data.aws_caller_identity.monitoring_caller_identity.account_id}:rule/*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "events.amazonaws.com"
      ]
      type = "Service"
    }
  }
  statement {
    actions = [
      "sns:Publish"
    ]
    effect = "Deny"
    resources = [
      "${aws_sns_topic.monitoring_topics_critical.arn}"
    ]
    sid = "DenyInsecureTransport"
    condition {
      test = "Bool"
      values = [
        "false"
      ]
      variable = "aws:SecureTransport"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "AWS"
    }
  }
}

resource "aws_sns_topic_policy" "monitoring_topics_critical_policy" {
  arn    = aws_sns_topic.monitoring_topics_critical.arn
  policy = data.aws_iam_policy_document.monitoring_topics_critical_policy_document.json
}

resource "aws_sns_topic_subscription" "monitoring_topics_critical_email" {
  endpoint  = each.value
  protocol  = "email"
  topic_arn = aws_sns_topic.monitoring_topics_critical.arn
  for_each  = toset([])
}

resource "aws_cloudwatch_dashboard" "monitoring_dashboard" {
  dashboard_body = jsonencode({ "widgets" = [{ "type" = "text", "x" = 0, "y" = 0, "width" = 24, "height" = 1, "properties" = { "markdown" = "### ServiceHealth: ECS CPU and memory, healthy targets and running tasks per service (period 300 s)" } }, { "type" = "metric", "x" = 0, "y" = 1, "width" = 12, "height" = 6, "properties" = { "title" = "ServiceHealth: ECS CPU utilization (%)", "view" = "timeSeries", "region" = data.aws_region.monitoring_region.name, "period" = 300, "stat" = "Average", "metrics" = [["AWS/ECS", "CPUUtilization", "ClusterName", var.cluster_name, "ServiceName", var.service_name, { "label" = "app" }]] } }, { "type" = "metric", "x" = 12, "y" = 1, "width" = 12, "height" = 6, "properties" = { "title" = "ServiceHealth: ECS memory utilization (%)", "view" = "timeSeries", "region" = data.aws_region.monitoring_region.name, "period" = 300, "stat" = "Average", "metrics" = [["AWS/ECS", "MemoryUtilization", "ClusterName", var.cluster_name, "ServiceName", var.service_name, { "label" = "app" }]] } }, { "type" = "metric", "x" = 0, "y" = 7, "width" = 12, "height" = 6, "properties" = { "title" = "ServiceHealth: Healthy targets", "view" = "timeSeries", "region" = data.aws_region.monitoring_region.name, "period" = 300, "stat" = "Minimum", "metrics" = [["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", var.target_group_arn_suffix, "LoadBalancer", var.load_balancer_arn_suffix, { "label" = "app" }]], "annotations" = { "horizontal" = [{ "label" = "LowHealthyHosts", "value" = 1 }] } } }, { "type" = "metric", "x" = 12, "y" = 7, "width" = 12, "height" = 6, "properties" = { "title" = "ServiceHealth: Running tasks", "view" = "timeSeries", "region" = data.aws_region.monitoring_region.name, "period" = 300, "stat" = "Minimum", "metrics" = [["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", var.cluster_name, "ServiceName", var.service_name, { "label" = "app" }]] } }, { "type" = "text", "x" = 0, "y" = 13, "width" = 24, "height" = 1, "properties" = { "markdown" = "### ErrorTracking: HTTP 5xx rate at the load balancer (period 60 s)" } }, { "type" = "metric", "x" = 0, "y" = 14, "width" = 12, "height" = 6, "properties" = { "title" = "ErrorTracking: HTTP error rate (%)", "view" = "timeSeries", "region" = data.aws_region.monitoring_region.name, "period" = 60, "stat" = "Average", "metrics" = [["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", var.load_balancer_arn_suffix, { "id" = "target5xx", "stat" = "Sum", "visible" = false }], ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", var.load_balancer_arn_suffix, { "id" = "elb5xx", "stat" = "Sum", "visible" = false }], ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", var.load_balancer_arn_suffix, { "id" = "requests", "stat" = "Sum", "visible" = false }], [{ "id" = "errorRate", "expression" = "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests", "label" = "5xx responses (% of requests)" }]], "annotations" = { "horizontal" = [{ "label" = "HighErrorRate", "value" = var.error_rate_percent }] } } }, { "type" = "text", "x" = 0, "y" = 20, "width" = 24, "height" = 1, "properties" = { "markdown" = "### Performance: p95 response time and concurrent connections (period 300 s)" } }, { "type" = "metric", "x" = 0, "y" = 21, "width" = 12, "height" = 6, "properties" = { "title" = "Performance: Response time p95 (ms)", "view" = "timeSeries", "region" = data.aws_region.monitoring_region.name, "period" = 300, "stat" = "Average", "metrics" = [["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.load_balancer_arn_suffix, { "id" = "latency", "stat" = "p95", "visible" = false }], [{ "id" = "latencyMs", "expression" = "1000 * latency", "label" = "p95 target response time (ms)" }]], "annotations" = { "horizontal" = [{ "label" = "HighResponseTime", "value" = var.response_time_p95_ms }] } } }, { "type" = "metric", "x" = 12, "y" = 21, "width" = 12, "height" = 6, "properties" = { "title" = "Performance: Concurrent connections", "view" = "timeSeries", "region" = data.aws_region.monitoring_region.name, "period" = 300, "stat" = "Sum", "metrics" = [["AWS/ApplicationELB", "ActiveConnectionCount", "LoadBalancer", var.load_balancer_arn_suffix, { "label" = "active connections" }]] } }] })
  dashboard_name = var.name
}

resource "aws_cloudwatch_metric_alarm" "monitoring_high_error_rate" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.monitoring_topics_alerts.arn}"
  ]
  alarm_description   = "${var.name}: more than ${var.error_rate_percent}% of requests got a 5xx from the ALB or a target over 300 s"
  alarm_name          = "${var.name}-high-error-rate"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  ok_actions = [
    "${aws_sns_topic.monitoring_topics_alerts.arn}"
  ]
  threshold          = var.error_rate_percent
  treat_missing_data = "notBreaching"
  metric_query {
    id          = "target5xx"
    return_data = false
    metric {
      dimensions = {
        LoadBalancer = "${var.load_balancer_arn_suffix}"
      }
      metric_name = "HTTPCode_Target_5XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = 300
      stat        = "Sum"
    }
  }
  metric_query {
    id          = "elb5xx"
    return_data = false
    metric {
      dimensions = {
        LoadBalancer = "${var.load_balancer_arn_suffix}"
      }
      metric_name = "HTTPCode_ELB_5XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = 300
      stat        = "Sum"
    }
  }
  metric_query {
    id          = "requests"
    return_data = false
    metric {
      dimensions = {
        LoadBalancer = "${var.load_balancer_arn_suffix}"
      }
      metric_name = "RequestCount"
      namespace   = "AWS/ApplicationELB"
      period      = 300
      stat        = "Sum"
    }
  }
  metric_query {
    expression  = "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests"
    id          = "errorRate"
    label       = "5xx responses (% of requests)"
    return_data = true
  }
}

resource "aws_cloudwatch_metric_alarm" "monitoring_high_response_time" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.monitoring_topics_alerts.arn}"
  ]
  alarm_description   = "${var.name}: p95 target response time above ${var.response_time_p95_ms} ms over 300 s"
  alarm_name          = "${var.name}-high-response-time"
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    LoadBalancer = "${var.load_balancer_arn_suffix}"
  }
  evaluation_periods = 1
  extended_statistic = "p95"
  metric_name        = "TargetResponseTime"
  namespace          = "AWS/ApplicationELB"
  ok_actions = [
    "${aws_sns_topic.monitoring_topics_alerts.arn}"
  ]
  period             = 300
  threshold          = (var.response_time_p95_ms / 1000)
  treat_missing_data = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "monitoring_app_low_healthy_hosts" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.monitoring_topics_critical.arn}"
  ]
  alarm_description   = "${var.name}: fewer than 1 healthy app targets over 60 s"
  alarm_name          = "${var.name}-app-low-healthy-hosts"
  comparison_operator = "LessThanThreshold"
  dimensions = {
    TargetGroup  = "${var.target_group_arn_suffix}"
    LoadBalancer = "${var.load_balancer_arn_suffix}"
  }
  evaluation_periods = 1
  metric_name        = "HealthyHostCount"
  namespace          = "AWS/ApplicationELB"
  ok_actions = [
    "${aws_sns_topic.monitoring_topics_critical.arn}"
  ]
  period             = 60
  statistic          = "Minimum"
  threshold          = 1
  treat_missing_data = "breaching"
}

resource "aws_cloudwatch_metric_alarm" "monitoring_app_low_running_tasks" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.monitoring_topics_critical.arn}"
  ]
  alarm_description   = "${var.name}: app ran fewer than ${var.min_capacity} tasks (its minimum capacity) for 180 s"
  alarm_name          = "${var.name}-app-low-running-tasks"
  comparison_operator = "LessThanThreshold"
  dimensions = {
    ClusterName = "${var.cluster_name}"
    ServiceName = "${var.service_name}"
  }
  evaluation_periods = 3
  metric_name        = "RunningTaskCount"
  namespace          = "ECS/ContainerInsights"
  ok_actions = [
    "${aws_sns_topic.monitoring_topics_critical.arn}"
  ]
  period             = 60
  statistic          = "Minimum"
  threshold          = var.min_capacity
  treat_missing_data = "breaching"
}
