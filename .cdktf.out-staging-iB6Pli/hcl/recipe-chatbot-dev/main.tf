terraform {
  required_providers {
    aws = {
      version = ">= 5.100.0, < 6.0.0"
      source  = "hashicorp/aws"
    }
  }
  backend "local" {
    path = "terraform.recipe-chatbot-dev.tfstate"
  }
}

provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = {
      Project     = "RecipeChatbot"
      Environment = "Development"
      Owner       = "AI-Team"
      CostCenter  = "R&D"
      ManagedBy   = "cdktf"
    }
  }
}
data "aws_caller_identity" "caller_identity" {
}
data "aws_partition" "partition" {
}

variable "domain_name" {
  description = "Public DNS name of the chatbot, e.g. chat.example.com (a name inside hosted_zone_id's zone)"
  type        = string
  validation {
    error_message = "domain_name must be a lowercase DNS name such as chat.example.com."
    condition     = length(var.domain_name) <= 253 && can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.domain_name))
  }
}

variable "hosted_zone_id" {
  description = "Route 53 hosted zone (public) that holds domain_name, e.g. Z0123456789ABCDEFGHIJ"
  type        = string
  validation {
    error_message = "hosted_zone_id must be a Route 53 zone id (upper-case letters and digits) such as Z0123456789ABCDEFGHIJ, without /hostedzone/."
    condition     = can(regex("^[A-Z0-9]{1,32}$", var.hosted_zone_id))
  }
}

variable "alert_emails" {
  default = [
  ]
  description = "E-mail addresses subscribed to recipe-chatbot-alerts (confirm the subscription mail)"
  type        = list(string)
  validation {
    error_message = "alert_emails must be a list of e-mail addresses."
    condition     = alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
  }
}

variable "critical_emails" {
  default = [
  ]
  description = "E-mail addresses subscribed to recipe-chatbot-critical (confirm the subscription mail)"
  type        = list(string)
  validation {
    error_message = "critical_emails must be a list of e-mail addresses."
    condition     = alltrue([for e in var.critical_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
  }
}

variable "backend_image_tag" {
  default     = "bootstrap"
  description = "Tag of recipe-chatbot-backend the service starts with; later releases come from the delivery pipeline (README \"Delivery\")"
  type        = string
  validation {
    error_message = "backend_image_tag must be an image tag: 1-128 letters, digits, '_', '.', '-', not starting with '.' or '-'."
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.backend_image_tag))
  }
}

variable "frontend_image_tag" {
  default     = "bootstrap"
  description = "Tag of recipe-chatbot-frontend the service starts with; later releases come from the delivery pipeline (README \"Delivery\")"
  type        = string
  validation {
    error_message = "frontend_image_tag must be an image tag: 1-128 letters, digits, '_', '.', '-', not starting with '.' or '-'."
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.frontend_image_tag))
  }
}
data "aws_iam_policy_document" "app_logs_key_policy" {
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
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:root"
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
        "arn:${data.aws_partition.partition.partition}:logs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:log-group:*"
      ]
      variable = "kms:EncryptionContext:aws:logs:arn"
    }
    principals {
      identifiers = [
        "logs.us-east-1.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_kms_key" "app_logs_key_key" {
  deletion_window_in_days = 30
  description             = "CloudWatch Logs encryption for recipe-chatbot-dev"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.app_logs_key_policy.json
}
resource "aws_kms_alias" "app_logs_key_alias" {
  name          = "alias/recipe-chatbot-dev-logs"
  target_key_id = aws_kms_key.app_logs_key_key.key_id
}
data "aws_iam_policy_document" "app_alert_topics_key_policy" {
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
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:root"
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
resource "aws_kms_key" "app_alert_topics_key" {
  deletion_window_in_days = 30
  description             = "SNS alert topic encryption for recipe-chatbot-dev"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.app_alert_topics_key_policy.json
}
resource "aws_kms_alias" "app_alert_topics_key_alias" {
  name          = "alias/recipe-chatbot-dev-alerts"
  target_key_id = aws_kms_key.app_alert_topics_key.key_id
}
resource "aws_sns_topic" "app_alert_topics_alerts" {
  kms_master_key_id = aws_kms_key.app_alert_topics_key.arn
  name              = "recipe-chatbot-alerts"
}
data "aws_iam_policy_document" "app_alert_topics_alerts_policy_document" {
  statement {
    actions = [
      "sns:Publish"
    ]
    effect = "Allow"
    resources = [
      "${aws_sns_topic.app_alert_topics_alerts.arn}"
    ]
    sid = "CloudWatchAlarmsPublish"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:*"
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
      "${aws_sns_topic.app_alert_topics_alerts.arn}"
    ]
    sid = "EventBridgeRulesPublish"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:events:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:rule/*"
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
      "${aws_sns_topic.app_alert_topics_alerts.arn}"
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
resource "aws_sns_topic_policy" "app_alert_topics_alerts_policy" {
  arn    = aws_sns_topic.app_alert_topics_alerts.arn
  policy = data.aws_iam_policy_document.app_alert_topics_alerts_policy_document.json
}
resource "aws_sns_topic_subscription" "app_alert_topics_alerts_email" {
  endpoint  = each.value
  protocol  = "email"
  topic_arn = aws_sns_topic.app_alert_topics_alerts.arn
  for_each  = toset(var.alert_emails)
}
resource "aws_sns_topic" "app_alert_topics_critical" {
  kms_master_key_id = aws_kms_key.app_alert_topics_key.arn
  name              = "recipe-chatbot-critical"
}
data "aws_iam_policy_document" "app_alert_topics_critical_policy_document" {
  statement {
    actions = [
      "sns:Publish"
    ]
    effect = "Allow"
    resources = [
      "${aws_sns_topic.app_alert_topics_critical.arn}"
    ]
    sid = "CloudWatchAlarmsPublish"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:*"
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
      "${aws_sns_topic.app_alert_topics_critical.arn}"
    ]
    sid = "EventBridgeRulesPublish"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:events:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:rule/*"
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
      "${aws_sns_topic.app_alert_topics_critical.arn}"
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
resource "aws_sns_topic_policy" "app_alert_topics_critical_policy" {
  arn    = aws_sns_topic.app_alert_topics_critical.arn
  policy = data.aws_iam_policy_document.app_alert_topics_critical_policy_document.json
}
resource "aws_sns_topic_subscription" "app_alert_topics_critical_email" {
  endpoint  = each.value
  protocol  = "email"
  topic_arn = aws_sns_topic.app_alert_topics_critical.arn
  for_each  = toset(var.critical_emails)
}
resource "aws_guardduty_detector" "app_account_guardduty_detector" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
resource "aws_guardduty_detector_feature" "app_account_guardduty_runtime_monitoring" {
  detector_id = aws_guardduty_detector.app_account_guardduty_detector.id
  name        = "RUNTIME_MONITORING"
  status      = "ENABLED"
  additional_configuration {
    name   = "ECS_FARGATE_AGENT_MANAGEMENT"
    status = "ENABLED"
  }
}
resource "aws_cloudwatch_event_rule" "app_account_guardduty_findings" {
  description   = "GuardDuty findings of severity 7 or more (High and Critical)"
  event_pattern = jsonencode({ "source" = ["aws.guardduty"], "detail-type" = ["GuardDuty Finding"], "detail" = { "severity" = [{ "numeric" = [">=", 7] }] } })
  name          = "recipe-chatbot-dev-guardduty-high-severity"
}
resource "aws_cloudwatch_event_target" "app_account_guardduty_findings_target" {
  arn  = aws_sns_topic.app_alert_topics_critical.arn
  rule = aws_cloudwatch_event_rule.app_account_guardduty_findings.name
}
resource "aws_vpc" "app_networking_tiers_vpc" {
  assign_generated_ipv6_cidr_block = true
  cidr_block                       = "10.0.0.0/16"
  enable_dns_hostnames             = true
  enable_dns_support               = true
  tags = {
    Name = "recipe-chatbot-dev-vpc"
  }
}
resource "aws_default_security_group" "app_networking_tiers_default_security_group" {
  tags = {
    Name = "recipe-chatbot-dev-default-deny"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_internet_gateway" "app_networking_tiers_internet_gateway" {
  tags = {
    Name = "recipe-chatbot-dev-igw"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_route_table" "app_networking_tiers_public_route_table" {
  tags = {
    Name = "recipe-chatbot-dev-public"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_route" "app_networking_tiers_public_default_route" {
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.app_networking_tiers_internet_gateway.id
  route_table_id         = aws_route_table.app_networking_tiers_public_route_table.id
}
resource "aws_route" "app_networking_tiers_public_default_route_ipv6" {
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.app_networking_tiers_internet_gateway.id
  route_table_id              = aws_route_table.app_networking_tiers_public_route_table.id
}
resource "aws_subnet" "app_networking_tiers_public_us_east_1a" {
  assign_ipv6_address_on_creation = false
  availability_zone               = "us-east-1a"
  cidr_block                      = "10.0.1.0/24"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.app_networking_tiers_vpc.ipv6_cidr_block, 8, 0)
  map_public_ip_on_launch         = false
  tags = {
    Name = "recipe-chatbot-dev-public-us-east-1a"
    Tier = "public"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_route_table_association" "app_networking_tiers_public_us_east_1a_routes" {
  route_table_id = aws_route_table.app_networking_tiers_public_route_table.id
  subnet_id      = aws_subnet.app_networking_tiers_public_us_east_1a.id
}
resource "aws_subnet" "app_networking_tiers_public_us_east_1b" {
  assign_ipv6_address_on_creation = false
  availability_zone               = "us-east-1b"
  cidr_block                      = "10.0.2.0/24"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.app_networking_tiers_vpc.ipv6_cidr_block, 8, 1)
  map_public_ip_on_launch         = false
  tags = {
    Name = "recipe-chatbot-dev-public-us-east-1b"
    Tier = "public"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_route_table_association" "app_networking_tiers_public_us_east_1b_routes" {
  route_table_id = aws_route_table.app_networking_tiers_public_route_table.id
  subnet_id      = aws_subnet.app_networking_tiers_public_us_east_1b.id
}
resource "aws_subnet" "app_networking_tiers_private_us_east_1a" {
  availability_zone       = "us-east-1a"
  cidr_block              = "10.0.3.0/24"
  map_public_ip_on_launch = false
  tags = {
    Name = "recipe-chatbot-dev-private-us-east-1a"
    Tier = "private"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_route_table" "app_networking_tiers_private_us_east_1a_route_table" {
  tags = {
    Name = "recipe-chatbot-dev-private-us-east-1a"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_route_table_association" "app_networking_tiers_private_us_east_1a_routes" {
  route_table_id = aws_route_table.app_networking_tiers_private_us_east_1a_route_table.id
  subnet_id      = aws_subnet.app_networking_tiers_private_us_east_1a.id
}
resource "aws_subnet" "app_networking_tiers_private_us_east_1b" {
  availability_zone       = "us-east-1b"
  cidr_block              = "10.0.4.0/24"
  map_public_ip_on_launch = false
  tags = {
    Name = "recipe-chatbot-dev-private-us-east-1b"
    Tier = "private"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_route_table" "app_networking_tiers_private_us_east_1b_route_table" {
  tags = {
    Name = "recipe-chatbot-dev-private-us-east-1b"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_route_table_association" "app_networking_tiers_private_us_east_1b_routes" {
  route_table_id = aws_route_table.app_networking_tiers_private_us_east_1b_route_table.id
  subnet_id      = aws_subnet.app_networking_tiers_private_us_east_1b.id
}
resource "aws_network_acl" "app_networking_acls_public" {
  subnet_ids = [
    "${aws_subnet.app_networking_tiers_public_us_east_1a.id}",
    "${aws_subnet.app_networking_tiers_public_us_east_1b.id}"
  ]
  tags = {
    Name = "recipe-chatbot-dev-public"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_network_acl_rule" "app_networking_acls_public_ingress_100" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 443
  network_acl_id = aws_network_acl.app_networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 100
  to_port        = 443
}
resource "aws_network_acl_rule" "app_networking_acls_public_ingress_110" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 80
  network_acl_id = aws_network_acl.app_networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 110
  to_port        = 80
}
resource "aws_network_acl_rule" "app_networking_acls_public_ingress_120" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 1024
  network_acl_id = aws_network_acl.app_networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 120
  to_port        = 3388
}
resource "aws_network_acl_rule" "app_networking_acls_public_ingress_130" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 3390
  network_acl_id = aws_network_acl.app_networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 130
  to_port        = 65535
}
resource "aws_network_acl_rule" "app_networking_acls_public_ingress_140" {
  egress          = false
  from_port       = 443
  ipv6_cidr_block = "::/0"
  network_acl_id  = aws_network_acl.app_networking_acls_public.id
  protocol        = "tcp"
  rule_action     = "allow"
  rule_number     = 140
  to_port         = 443
}
resource "aws_network_acl_rule" "app_networking_acls_public_ingress_150" {
  egress          = false
  from_port       = 80
  ipv6_cidr_block = "::/0"
  network_acl_id  = aws_network_acl.app_networking_acls_public.id
  protocol        = "tcp"
  rule_action     = "allow"
  rule_number     = 150
  to_port         = 80
}
resource "aws_network_acl_rule" "app_networking_acls_public_egress_100" {
  cidr_block     = "0.0.0.0/0"
  egress         = true
  from_port      = 443
  network_acl_id = aws_network_acl.app_networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 100
  to_port        = 443
}
resource "aws_network_acl_rule" "app_networking_acls_public_egress_110" {
  cidr_block     = "0.0.0.0/0"
  egress         = true
  from_port      = 1024
  network_acl_id = aws_network_acl.app_networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 110
  to_port        = 65535
}
resource "aws_network_acl_rule" "app_networking_acls_public_egress_120" {
  egress          = true
  from_port       = 1024
  ipv6_cidr_block = "::/0"
  network_acl_id  = aws_network_acl.app_networking_acls_public.id
  protocol        = "tcp"
  rule_action     = "allow"
  rule_number     = 120
  to_port         = 65535
}
resource "aws_network_acl" "app_networking_acls_private" {
  subnet_ids = [
    "${aws_subnet.app_networking_tiers_private_us_east_1a.id}",
    "${aws_subnet.app_networking_tiers_private_us_east_1b.id}"
  ]
  tags = {
    Name = "recipe-chatbot-dev-private"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_network_acl_rule" "app_networking_acls_private_ingress_100" {
  cidr_block     = "10.0.0.0/16"
  egress         = false
  from_port      = 8000
  network_acl_id = aws_network_acl.app_networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 100
  to_port        = 8000
}
resource "aws_network_acl_rule" "app_networking_acls_private_ingress_110" {
  cidr_block     = "10.0.0.0/16"
  egress         = false
  from_port      = 3000
  network_acl_id = aws_network_acl.app_networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 110
  to_port        = 3000
}
resource "aws_network_acl_rule" "app_networking_acls_private_ingress_120" {
  cidr_block     = "10.0.0.0/16"
  egress         = false
  from_port      = 443
  network_acl_id = aws_network_acl.app_networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 120
  to_port        = 443
}
resource "aws_network_acl_rule" "app_networking_acls_private_ingress_130" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 1024
  network_acl_id = aws_network_acl.app_networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 130
  to_port        = 3388
}
resource "aws_network_acl_rule" "app_networking_acls_private_ingress_140" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 3390
  network_acl_id = aws_network_acl.app_networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 140
  to_port        = 65535
}
resource "aws_network_acl_rule" "app_networking_acls_private_egress_100" {
  cidr_block     = "0.0.0.0/0"
  egress         = true
  from_port      = 443
  network_acl_id = aws_network_acl.app_networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 100
  to_port        = 443
}
resource "aws_network_acl_rule" "app_networking_acls_private_egress_110" {
  cidr_block     = "10.0.0.0/16"
  egress         = true
  from_port      = 1024
  network_acl_id = aws_network_acl.app_networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 110
  to_port        = 65535
}
resource "aws_cloudwatch_log_group" "app_networking_flow_logs_log_group_group" {
  kms_key_id        = aws_kms_key.app_logs_key_key.arn
  name              = "/aws/vpc/recipe-chatbot-dev/flow-logs"
  retention_in_days = 30
}
data "aws_iam_policy_document" "app_networking_flow_logs_trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:ec2:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:vpc-flow-log/*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "vpc-flow-logs.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_iam_role" "app_networking_flow_logs_role" {
  assume_role_policy   = data.aws_iam_policy_document.app_networking_flow_logs_trust.json
  name                 = "recipe-chatbot-dev-flow-logs"
  permissions_boundary = "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
}
data "aws_iam_policy_document" "app_networking_flow_logs_write" {
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogStreams"
    ]
    effect = "Allow"
    resources = [
      "${aws_cloudwatch_log_group.app_networking_flow_logs_log_group_group.arn}",
      "${aws_cloudwatch_log_group.app_networking_flow_logs_log_group_group.arn}:log-stream:*"
    ]
  }
}
resource "aws_iam_role_policy" "app_networking_flow_logs_write_policy" {
  name   = "write-flow-logs"
  policy = data.aws_iam_policy_document.app_networking_flow_logs_write.json
  role   = aws_iam_role.app_networking_flow_logs_role.id
}
resource "aws_flow_log" "app_networking_flow_logs_flow_log" {
  iam_role_arn             = aws_iam_role.app_networking_flow_logs_role.arn
  log_destination          = aws_cloudwatch_log_group.app_networking_flow_logs_log_group_group.arn
  log_destination_type     = "cloud-watch-logs"
  max_aggregation_interval = 60
  traffic_type             = "ALL"
  vpc_id                   = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_vpc_endpoint" "app_networking_endpoints_s3" {
  route_table_ids = [
    "${aws_route_table.app_networking_tiers_private_us_east_1a_route_table.id}",
    "${aws_route_table.app_networking_tiers_private_us_east_1b_route_table.id}"
  ]
  service_name = "com.amazonaws.us-east-1.s3"
  tags = {
    Name = "recipe-chatbot-dev-s3"
  }
  vpc_endpoint_type = "Gateway"
  vpc_id            = aws_vpc.app_networking_tiers_vpc.id
}
data "aws_iam_policy_document" "app_secrets_key_policy" {
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
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:root"
      ]
      type = "AWS"
    }
  }
  statement {
    actions = [
      "kms:Decrypt",
      "kms:GenerateDataKey*",
      "kms:DescribeKey"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "SecretsManagerUseKey"
    condition {
      test = "StringEquals"
      values = [
        "secretsmanager.us-east-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "kms:CallerAccount"
    }
    principals {
      identifiers = [
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:root"
      ]
      type = "AWS"
    }
  }
}
resource "aws_kms_key" "app_secrets_key" {
  deletion_window_in_days = 30
  description             = "Secrets Manager encryption for recipe-chatbot-dev"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.app_secrets_key_policy.json
}
resource "aws_kms_alias" "app_secrets_key_alias" {
  name          = "alias/recipe-chatbot-dev-secrets"
  target_key_id = aws_kms_key.app_secrets_key.key_id
}
resource "aws_secretsmanager_secret" "app_secrets_openai_key" {
  description             = "OpenAI API key for LLM operations"
  kms_key_id              = aws_kms_key.app_secrets_key.arn
  name                    = "recipe-chatbot/dev/openai-key"
  recovery_window_in_days = 7
}
resource "aws_secretsmanager_secret" "app_secrets_serp_key" {
  description             = "SERP API key for web search functionality"
  kms_key_id              = aws_kms_key.app_secrets_key.arn
  name                    = "recipe-chatbot/dev/serp-key"
  recovery_window_in_days = 7
}
resource "aws_ssm_parameter" "app_secrets_environment" {
  description = "Environment name the application reports"
  name        = "/recipe-chatbot/dev/environment"
  type        = "String"
  value       = "development"
}
resource "aws_ssm_parameter" "app_secrets_log_level" {
  description = "Application log level"
  name        = "/recipe-chatbot/dev/log-level"
  type        = "String"
  value       = "DEBUG"
}
resource "aws_ssm_parameter" "app_secrets_cors_origins" {
  description = "Comma-separated browser origins the backend accepts"
  name        = "/recipe-chatbot/dev/cors-origins"
  type        = "String"
  value       = "https://recipe-chatbot.example.com"
}
resource "aws_cloudwatch_event_rule" "app_secrets_rotation_reminder" {
  description         = "Reminds the alerts topic every 90 days to rotate the recipe-chatbot-dev API keys"
  name                = "recipe-chatbot-dev-secret-rotation-reminder"
  schedule_expression = "rate(90 days)"
}
resource "aws_cloudwatch_event_target" "app_secrets_rotation_reminder_target" {
  arn       = aws_sns_topic.app_alert_topics_alerts.arn
  input     = jsonencode({ "subject" = "recipe-chatbot-dev: rotate the application API keys", "environment" = "dev", "secrets" = [aws_secretsmanager_secret.app_secrets_openai_key.name, aws_secretsmanager_secret.app_secrets_serp_key.name], "action" = "Create a new key with each provider, put it with aws secretsmanager put-secret-value as a JSON object under the key api_key, force a new deployment of both ECS services, then revoke the old key.", "everyDays" = 90 })
  rule      = aws_cloudwatch_event_rule.app_secrets_rotation_reminder.name
  target_id = "alerts-topic"
}
resource "aws_cloudwatch_event_rule" "app_secrets_secret_change" {
  description   = "Announces changes to the recipe-chatbot-dev API key secrets on the alerts topic"
  event_pattern = jsonencode({ "source" = ["aws.secretsmanager"], "detail-type" = ["AWS API Call via CloudTrail"], "detail" = { "eventSource" = ["secretsmanager.amazonaws.com"], "eventName" = ["PutSecretValue", "UpdateSecret", "UpdateSecretVersionStage", "DeleteSecret", "RestoreSecret"], "responseElements" = { "arn" = [aws_secretsmanager_secret.app_secrets_openai_key.arn, aws_secretsmanager_secret.app_secrets_serp_key.arn] } } })
  name          = "recipe-chatbot-dev-secret-changed"
}
resource "aws_cloudwatch_event_target" "app_secrets_secret_change_target" {
  arn       = aws_sns_topic.app_alert_topics_alerts.arn
  rule      = aws_cloudwatch_event_rule.app_secrets_secret_change.name
  target_id = "alerts-topic"
}
resource "aws_security_group" "app_load_balancer_security_group" {
  description = "Recipe Chatbot ALB: HTTPS and HTTP from the internet"
  name        = "alb-sg"
  tags = {
    Name = "alb-sg"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_vpc_security_group_ingress_rule" "app_load_balancer_https_in" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTPS from the internet"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.app_load_balancer_security_group.id
  to_port           = 443
}
resource "aws_vpc_security_group_ingress_rule" "app_load_balancer_http_in" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTP from the internet, redirected to HTTPS"
  from_port         = 80
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.app_load_balancer_security_group.id
  to_port           = 80
}
resource "aws_vpc_security_group_ingress_rule" "app_load_balancer_https_in_ipv6" {
  cidr_ipv6         = "::/0"
  description       = "HTTPS from the internet over IPv6 (dual-stack ALB)"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.app_load_balancer_security_group.id
  to_port           = 443
}
resource "aws_vpc_security_group_ingress_rule" "app_load_balancer_http_in_ipv6" {
  cidr_ipv6         = "::/0"
  description       = "HTTP from the internet over IPv6, redirected to HTTPS"
  from_port         = 80
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.app_load_balancer_security_group.id
  to_port           = 80
}
data "aws_elb_service_account" "app_load_balancer_access_logs_elb_account" {
}
resource "aws_s3_bucket" "app_load_balancer_access_logs_bucket" {
  bucket        = "recipe-chatbot-dev-alb-logs-${data.aws_caller_identity.caller_identity.account_id}"
  force_destroy = false
}
resource "aws_s3_bucket_public_access_block" "app_load_balancer_access_logs_bucket_public_access_block" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.app_load_balancer_access_logs_bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_ownership_controls" "app_load_balancer_access_logs_bucket_ownership" {
  bucket = aws_s3_bucket.app_load_balancer_access_logs_bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
data "aws_iam_policy_document" "app_load_balancer_access_logs_bucket_policy" {
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.app_load_balancer_access_logs_bucket.arn}/alb/AWSLogs/${data.aws_caller_identity.caller_identity.account_id}/*"
    ]
    sid = "AllowAlbLogDelivery"
    principals {
      identifiers = [
        "${data.aws_elb_service_account.app_load_balancer_access_logs_elb_account.arn}"
      ]
      type = "AWS"
    }
  }
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.app_load_balancer_access_logs_bucket.arn}",
      "${aws_s3_bucket.app_load_balancer_access_logs_bucket.arn}/*"
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
      type = "*"
    }
  }
}
resource "aws_s3_bucket_policy" "app_load_balancer_access_logs_bucket_bucket_policy" {
  bucket = aws_s3_bucket.app_load_balancer_access_logs_bucket.id
  policy = data.aws_iam_policy_document.app_load_balancer_access_logs_bucket_policy.json
}
resource "aws_s3_bucket_server_side_encryption_configuration" "app_load_balancer_access_logs_encryption" {
  bucket = aws_s3_bucket.app_load_balancer_access_logs_bucket.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
resource "aws_s3_bucket_lifecycle_configuration" "app_load_balancer_access_logs_lifecycle" {
  bucket = aws_s3_bucket.app_load_balancer_access_logs_bucket.id
  rule {
    id     = "expire-access-logs"
    status = "Enabled"
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
    expiration {
      days = 30
    }
    filter {
      prefix = ""
    }
  }
}
resource "aws_lb" "app_load_balancer_alb" {
  desync_mitigation_mode     = "defensive"
  drop_invalid_header_fields = true
  enable_deletion_protection = false
  idle_timeout               = 120
  internal                   = false
  ip_address_type            = "dualstack"
  load_balancer_type         = "application"
  name                       = "recipe-chatbot-dev-alb"
  security_groups = [
    "${aws_security_group.app_load_balancer_security_group.id}"
  ]
  subnets = [
    "${aws_subnet.app_networking_tiers_public_us_east_1a.id}",
    "${aws_subnet.app_networking_tiers_public_us_east_1b.id}"
  ]
  access_logs {
    bucket  = aws_s3_bucket_policy.app_load_balancer_access_logs_bucket_bucket_policy.bucket
    enabled = true
    prefix  = "alb"
  }
}
resource "aws_acm_certificate" "app_load_balancer_certificate" {
  domain_name       = var.domain_name
  validation_method = "DNS"
  options {
    certificate_transparency_logging_preference = "ENABLED"
  }
  lifecycle {
    create_before_destroy = true
  }
}
resource "aws_route53_record" "app_load_balancer_certificate_validation_record" {
  allow_overwrite = true
  name            = each.value.resource_record_name
  records = [
    "${each.value.resource_record_value}"
  ]
  ttl      = 60
  type     = each.value.resource_record_type
  zone_id  = var.hosted_zone_id
  for_each = { for key, val in tolist(aws_acm_certificate.app_load_balancer_certificate.domain_validation_options) : val.domain_name => val }
}
resource "aws_acm_certificate_validation" "app_load_balancer_certificate_validation" {
  certificate_arn         = aws_acm_certificate.app_load_balancer_certificate.arn
  validation_record_fqdns = [for key, val in aws_route53_record.app_load_balancer_certificate_validation_record : val.fqdn]
}
resource "aws_lb_target_group" "app_load_balancer_frontend_target_group" {
  deregistration_delay = "30"
  name                 = "recipe-chatbot-dev-frontend"
  port                 = 3000
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.app_networking_tiers_vpc.id
  health_check {
    enabled             = true
    healthy_threshold   = 2
    interval            = 30
    matcher             = "200-399"
    path                = "/"
    port                = "traffic-port"
    protocol            = "HTTP"
    timeout             = 5
    unhealthy_threshold = 3
  }
}
resource "aws_lb_target_group" "app_load_balancer_backend_target_group" {
  deregistration_delay = "30"
  name                 = "recipe-chatbot-dev-backend"
  port                 = 8000
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.app_networking_tiers_vpc.id
  health_check {
    enabled             = true
    healthy_threshold   = 2
    interval            = 30
    matcher             = "200"
    path                = "/health"
    port                = "traffic-port"
    protocol            = "HTTP"
    timeout             = 5
    unhealthy_threshold = 3
  }
}
resource "aws_lb_listener" "app_load_balancer_https" {
  certificate_arn                                              = aws_acm_certificate_validation.app_load_balancer_certificate_validation.certificate_arn
  load_balancer_arn                                            = aws_lb.app_load_balancer_alb.arn
  port                                                         = 443
  protocol                                                     = "HTTPS"
  routing_http_response_strict_transport_security_header_value = "max-age=31536000"
  ssl_policy                                                   = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"
  default_action {
    target_group_arn = aws_lb_target_group.app_load_balancer_frontend_target_group.arn
    type             = "forward"
  }
}
resource "aws_lb_listener" "app_load_balancer_http" {
  load_balancer_arn = aws_lb.app_load_balancer_alb.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
resource "aws_lb_listener_rule" "app_load_balancer_backend_rule" {
  listener_arn = aws_lb_listener.app_load_balancer_https.arn
  priority     = 100
  action {
    target_group_arn = aws_lb_target_group.app_load_balancer_backend_target_group.arn
    type             = "forward"
  }
  condition {
    path_pattern {
      values = [
        "/api/*",
        "/health",
        "/docs",
        "/openapi.json"
      ]
    }
  }
}
resource "aws_route53_record" "app_load_balancer_dns_alias_a" {
  name    = var.domain_name
  type    = "A"
  zone_id = var.hosted_zone_id
  alias {
    evaluate_target_health = true
    name                   = aws_lb.app_load_balancer_alb.dns_name
    zone_id                = aws_lb.app_load_balancer_alb.zone_id
  }
}
resource "aws_route53_record" "app_load_balancer_dns_alias_aaaa" {
  name    = var.domain_name
  type    = "AAAA"
  zone_id = var.hosted_zone_id
  alias {
    evaluate_target_health = true
    name                   = aws_lb.app_load_balancer_alb.dns_name
    zone_id                = aws_lb.app_load_balancer_alb.zone_id
  }
}
resource "aws_route53_health_check" "app_load_balancer_dns_health_check" {
  enable_sni        = true
  failure_threshold = 3
  fqdn              = var.domain_name
  port              = 443
  request_interval  = 30
  resource_path     = "/health"
  tags = {
    Name = "recipe-chatbot-dev-health"
  }
  type = "HTTPS"
}
resource "aws_wafv2_web_acl" "app_load_balancer_waf_web_acl" {
  description = "Managed rule groups and a per-IP rate limit in front of the recipe-chatbot-dev load balancer"
  name        = "recipe-chatbot-dev-web-acl"
  scope       = "REGIONAL"
  default_action {
    allow {
    }
  }
  rule {
    name     = "rate-limit-per-ip"
    priority = 0
    action {
      count {
      }
    }

    # Warning: The following attribute is of an unexpected type. Either there's a problem with the provider
    # or CDKTF has chosen to skip generating a detailed type for this because it increases the size of the provider library significantly. 
    # Please check if this resource is included in our skip list: 
    # https://github.com/hashicorp/terraform-cdk/blob/1fb8588095a55d475dc4be28882ec4f42006ec8d/packages/%40cdktf/provider-generator/lib/get/generator/skipped-attributes.ts
    # and if not, please check with the provider authors to see if the provider schema is accurate.
    # 
    # We understand this is not ideal, so we suggest using JSON synthesis instead of HCL synthesis for this particular case.

    statement {
      rate_based_statement {
        aggregate_key_type    = "IP"
        limit                 = 2000
        evaluation_window_sec = 300
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "recipe-chatbot-dev-rate-limit-per-ip"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "AWSManagedRulesAmazonIpReputationList"
    priority = 10
    override_action {
      count {
      }
    }

    # Warning: The following attribute is of an unexpected type. Either there's a problem with the provider
    # or CDKTF has chosen to skip generating a detailed type for this because it increases the size of the provider library significantly. 
    # Please check if this resource is included in our skip list: 
    # https://github.com/hashicorp/terraform-cdk/blob/1fb8588095a55d475dc4be28882ec4f42006ec8d/packages/%40cdktf/provider-generator/lib/get/generator/skipped-attributes.ts
    # and if not, please check with the provider authors to see if the provider schema is accurate.
    # 
    # We understand this is not ideal, so we suggest using JSON synthesis instead of HCL synthesis for this particular case.

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesAmazonIpReputationList"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "recipe-chatbot-dev-ip-reputation"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "AWSManagedRulesKnownBadInputsRuleSet"
    priority = 20
    override_action {
      count {
      }
    }

    # Warning: The following attribute is of an unexpected type. Either there's a problem with the provider
    # or CDKTF has chosen to skip generating a detailed type for this because it increases the size of the provider library significantly. 
    # Please check if this resource is included in our skip list: 
    # https://github.com/hashicorp/terraform-cdk/blob/1fb8588095a55d475dc4be28882ec4f42006ec8d/packages/%40cdktf/provider-generator/lib/get/generator/skipped-attributes.ts
    # and if not, please check with the provider authors to see if the provider schema is accurate.
    # 
    # We understand this is not ideal, so we suggest using JSON synthesis instead of HCL synthesis for this particular case.

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "recipe-chatbot-dev-known-bad-inputs"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "AWSManagedRulesCommonRuleSet"
    priority = 30
    override_action {
      count {
      }
    }

    # Warning: The following attribute is of an unexpected type. Either there's a problem with the provider
    # or CDKTF has chosen to skip generating a detailed type for this because it increases the size of the provider library significantly. 
    # Please check if this resource is included in our skip list: 
    # https://github.com/hashicorp/terraform-cdk/blob/1fb8588095a55d475dc4be28882ec4f42006ec8d/packages/%40cdktf/provider-generator/lib/get/generator/skipped-attributes.ts
    # and if not, please check with the provider authors to see if the provider schema is accurate.
    # 
    # We understand this is not ideal, so we suggest using JSON synthesis instead of HCL synthesis for this particular case.

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
        rule_action_override {
          name = "SizeRestrictions_BODY"
          action_to_use {
            count {
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "recipe-chatbot-dev-common-rule-set"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "oversized-body-outside-large-body-paths"
    priority = 35
    action {
      count {
      }
    }

    # Warning: The following attribute is of an unexpected type. Either there's a problem with the provider
    # or CDKTF has chosen to skip generating a detailed type for this because it increases the size of the provider library significantly. 
    # Please check if this resource is included in our skip list: 
    # https://github.com/hashicorp/terraform-cdk/blob/1fb8588095a55d475dc4be28882ec4f42006ec8d/packages/%40cdktf/provider-generator/lib/get/generator/skipped-attributes.ts
    # and if not, please check with the provider authors to see if the provider schema is accurate.
    # 
    # We understand this is not ideal, so we suggest using JSON synthesis instead of HCL synthesis for this particular case.

    statement {
      and_statement {
        statement {
          label_match_statement {
            scope = "LABEL"
            key   = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body"
          }
        }
        statement {
          not_statement {
            statement {
              byte_match_statement {
                search_string = "/api/"
                field_to_match {
                  uri_path {
                  }
                }
                positional_constraint = "STARTS_WITH"
                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "recipe-chatbot-dev-oversized-body"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "AWSManagedRulesSQLiRuleSet"
    priority = 40
    override_action {
      count {
      }
    }

    # Warning: The following attribute is of an unexpected type. Either there's a problem with the provider
    # or CDKTF has chosen to skip generating a detailed type for this because it increases the size of the provider library significantly. 
    # Please check if this resource is included in our skip list: 
    # https://github.com/hashicorp/terraform-cdk/blob/1fb8588095a55d475dc4be28882ec4f42006ec8d/packages/%40cdktf/provider-generator/lib/get/generator/skipped-attributes.ts
    # and if not, please check with the provider authors to see if the provider schema is accurate.
    # 
    # We understand this is not ideal, so we suggest using JSON synthesis instead of HCL synthesis for this particular case.

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesSQLiRuleSet"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "recipe-chatbot-dev-sqli-rule-set"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "recipe-chatbot-dev-web-acl"
    sampled_requests_enabled   = true
  }
}
resource "aws_wafv2_web_acl_association" "app_load_balancer_waf_association" {
  resource_arn = aws_lb.app_load_balancer_alb.arn
  web_acl_arn  = aws_wafv2_web_acl.app_load_balancer_waf_web_acl.arn
}
resource "aws_cloudwatch_log_group" "app_load_balancer_waf_waf_log_group_group" {
  kms_key_id        = aws_kms_key.app_logs_key_key.arn
  name              = "aws-waf-logs-recipe-chatbot-dev"
  retention_in_days = 30
}
data "aws_iam_policy_document" "app_load_balancer_waf_waf_log_delivery" {
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents"
    ]
    effect = "Allow"
    resources = [
      "${aws_cloudwatch_log_group.app_load_balancer_waf_waf_log_group_group.arn}:log-stream:*"
    ]
    sid = "WafLogDelivery"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:logs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "delivery.logs.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_cloudwatch_log_resource_policy" "app_load_balancer_waf_waf_log_delivery_policy" {
  policy_document = data.aws_iam_policy_document.app_load_balancer_waf_waf_log_delivery.json
  policy_name     = "recipe-chatbot-dev-waf-log-delivery"
}
resource "aws_wafv2_web_acl_logging_configuration" "app_load_balancer_waf_logging" {
  log_destination_configs = [
    "${aws_cloudwatch_log_group.app_load_balancer_waf_waf_log_group_group.arn}"
  ]
  resource_arn = aws_wafv2_web_acl.app_load_balancer_waf_web_acl.arn
  redacted_fields {
    single_header {
      name = "authorization"
    }
  }
  redacted_fields {
    single_header {
      name = "cookie"
    }
  }
  depends_on = [
    aws_cloudwatch_log_resource_policy.app_load_balancer_waf_waf_log_delivery_policy,
  ]
}
resource "aws_ecs_cluster" "app_cluster" {
  name = "recipe-chatbot-cluster"
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}
resource "aws_ecs_cluster_capacity_providers" "app_cluster_capacity_providers" {
  capacity_providers = [
    "FARGATE",
    "FARGATE_SPOT"
  ]
  cluster_name = aws_ecs_cluster.app_cluster.name
  default_capacity_provider_strategy {
    base              = 0
    capacity_provider = "FARGATE"
    weight            = 0
  }
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}
resource "aws_service_discovery_private_dns_namespace" "app_cluster_namespace" {
  description = "Service discovery for the Recipe Chatbot services"
  name        = "recipe-chatbot.internal"
  vpc         = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_cloudwatch_metric_alarm" "app_backend_deployment_alarms_error_rate" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  alarm_description   = "dev: more than 5% of the service's requests got a 5xx for 2 minutes (rolls a deployment back)"
  alarm_name          = "recipe-chatbot-dev-backend-deployment-error-rate"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  ok_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  threshold          = 5
  treat_missing_data = "notBreaching"
  metric_query {
    id          = "errors"
    return_data = false
    metric {
      dimensions = {
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
        TargetGroup  = "${aws_lb_target_group.app_load_balancer_backend_target_group.arn_suffix}"
      }
      metric_name = "HTTPCode_Target_5XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    id          = "requests"
    return_data = false
    metric {
      dimensions = {
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
        TargetGroup  = "${aws_lb_target_group.app_load_balancer_backend_target_group.arn_suffix}"
      }
      metric_name = "RequestCount"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    expression  = "100 * FILL(errors, 0) / requests"
    id          = "errorRate"
    label       = "5xx responses (% of requests)"
    return_data = true
  }
}
resource "aws_cloudwatch_metric_alarm" "app_backend_deployment_alarms_response_time" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  alarm_description   = "dev: the service's p95 response time above 5000 ms for 2 minutes (rolls a deployment back)"
  alarm_name          = "recipe-chatbot-dev-backend-deployment-response-time"
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
    TargetGroup  = "${aws_lb_target_group.app_load_balancer_backend_target_group.arn_suffix}"
  }
  evaluation_periods = 2
  extended_statistic = "p95"
  metric_name        = "TargetResponseTime"
  namespace          = "AWS/ApplicationELB"
  ok_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  period             = 60
  threshold          = 5
  treat_missing_data = "notBreaching"
}
resource "aws_cloudwatch_log_group" "app_backend_logs_group" {
  kms_key_id        = aws_kms_key.app_logs_key_key.arn
  name              = "/aws/ecs/recipe-chatbot/backend"
  retention_in_days = 30
}
resource "aws_ecr_repository" "app_backend_registry_repository" {
  image_tag_mutability = "IMMUTABLE"
  name                 = "recipe-chatbot-backend"
  encryption_configuration {
    encryption_type = "KMS"
  }
  image_scanning_configuration {
    scan_on_push = true
  }
}
resource "aws_ecr_lifecycle_policy" "app_backend_registry_lifecycle" {
  policy     = "{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire untagged images after 7 days\",\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":2,\"description\":\"Keep the newest 10 images\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":10},\"action\":{\"type\":\"expire\"}}]}"
  repository = aws_ecr_repository.app_backend_registry_repository.name
}
resource "aws_ssm_parameter" "app_backend_image_tag" {
  description    = "Image tag of recipe-chatbot-backend that recipe-chatbot-dev-backend runs; written by the delivery pipeline"
  insecure_value = var.backend_image_tag
  name           = "/recipe-chatbot/dev/deploy/backend-image-tag"
  type           = "String"
  lifecycle {
    ignore_changes = [
      insecure_value,
    ]
  }
}
data "aws_iam_policy_document" "app_backend_execution_role_trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:*"
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
resource "aws_iam_role" "app_backend_execution_role" {
  assume_role_policy   = data.aws_iam_policy_document.app_backend_execution_role_trust.json
  name                 = "recipe-chatbot-dev-backend-execution"
  permissions_boundary = "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
}
data "aws_iam_policy_document" "app_backend_execution_role_policy_document" {
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
      "${aws_ecr_repository.app_backend_registry_repository.arn}"
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
      "${aws_cloudwatch_log_group.app_backend_logs_group.arn}:log-stream:*"
    ]
    sid = "WriteOwnLogs"
  }
  statement {
    actions = [
      "secretsmanager:GetSecretValue"
    ]
    effect = "Allow"
    resources = [
      "${aws_secretsmanager_secret.app_secrets_openai_key.arn}",
      "${aws_secretsmanager_secret.app_secrets_serp_key.arn}"
    ]
    sid = "ReadAppSecrets"
  }
  statement {
    actions = [
      "ssm:GetParameters"
    ]
    effect = "Allow"
    resources = [
      "${aws_ssm_parameter.app_secrets_log_level.arn}",
      "${aws_ssm_parameter.app_secrets_cors_origins.arn}"
    ]
    sid = "ReadAppParameters"
  }
  statement {
    actions = [
      "kms:Decrypt"
    ]
    effect = "Allow"
    resources = [
      "${aws_kms_key.app_secrets_key.arn}"
    ]
    sid = "DecryptAppSecrets"
    condition {
      test = "StringEquals"
      values = [
        "secretsmanager.us-east-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
  }
}
resource "aws_iam_role_policy" "app_backend_execution_role_policy" {
  name   = "recipe-chatbot-dev-backend-execution"
  policy = data.aws_iam_policy_document.app_backend_execution_role_policy_document.json
  role   = aws_iam_role.app_backend_execution_role.id
}
data "aws_iam_policy_document" "app_backend_task_role_trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:*"
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
resource "aws_iam_role" "app_backend_task_role" {
  assume_role_policy   = data.aws_iam_policy_document.app_backend_task_role_trust.json
  name                 = "recipe-chatbot-dev-backend-task"
  permissions_boundary = "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
}
data "aws_iam_policy_document" "app_backend_task_role_policy_document" {
  statement {
    actions = [
      "cloudwatch:PutMetricData"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "PublishAppMetrics"
    condition {
      test = "StringLike"
      values = [
        "RecipeChatbot/*"
      ]
      variable = "cloudwatch:namespace"
    }
  }
}
resource "aws_iam_role_policy" "app_backend_task_role_policy" {
  name   = "recipe-chatbot-dev-backend-task"
  policy = data.aws_iam_policy_document.app_backend_task_role_policy_document.json
  role   = aws_iam_role.app_backend_task_role.id
}
resource "aws_ecs_task_definition" "app_backend_task_definition" {
  container_definitions = jsonencode([{ "name" = "backend", "image" = "${aws_ecr_repository.app_backend_registry_repository.repository_url}:${aws_ssm_parameter.app_backend_image_tag.insecure_value}", "essential" = true, "user" = "1000:1000", "readonlyRootFilesystem" = true, "privileged" = false, "portMappings" = [{ "containerPort" = 8000, "protocol" = "tcp" }], "environment" = [{ "name" = "ENVIRONMENT", "value" = "development" }], "secrets" = [{ "name" = "OPENAI_API_KEY", "valueFrom" = "${aws_secretsmanager_secret.app_secrets_openai_key.arn}:api_key::" }, { "name" = "SERP_API_KEY", "valueFrom" = "${aws_secretsmanager_secret.app_secrets_serp_key.arn}:api_key::" }, { "name" = "LOG_LEVEL", "valueFrom" = aws_ssm_parameter.app_secrets_log_level.arn }, { "name" = "CORS_ORIGINS", "valueFrom" = aws_ssm_parameter.app_secrets_cors_origins.arn }], "mountPoints" = [{ "sourceVolume" = "tmp", "containerPath" = "/tmp", "readOnly" = false }], "healthCheck" = { "command" = ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=4)"], "interval" = 30, "timeout" = 5, "retries" = 3, "startPeriod" = 60 }, "logConfiguration" = { "logDriver" = "awslogs", "options" = { "awslogs-group" = aws_cloudwatch_log_group.app_backend_logs_group.name, "awslogs-region" = "us-east-1", "awslogs-stream-prefix" = "backend" } } }])
  cpu                   = "512"
  execution_role_arn    = aws_iam_role.app_backend_execution_role.arn
  family                = "recipe-chatbot-dev-backend"
  memory                = "1024"
  network_mode          = "awsvpc"
  requires_compatibilities = [
    "FARGATE"
  ]
  task_role_arn = aws_iam_role.app_backend_task_role.arn
  track_latest  = true
  runtime_platform {
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }
  volume {
    name = "tmp"
  }
}
resource "aws_security_group" "app_backend_security_group" {
  description = "Recipe Chatbot backend tasks (FastAPI)"
  name        = "ecs-backend-sg"
  tags = {
    Name = "ecs-backend-sg"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_vpc_security_group_egress_rule" "app_backend_https_out" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTPS to OpenAI, SerpAPI and AWS APIs"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.app_backend_security_group.id
  to_port           = 443
}
resource "aws_vpc_security_group_ingress_rule" "app_backend_load_balancer_in" {
  description                  = "Backend from the ALB"
  from_port                    = 8000
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.app_load_balancer_security_group.id
  security_group_id            = aws_security_group.app_backend_security_group.id
  to_port                      = 8000
}
resource "aws_vpc_security_group_egress_rule" "app_backend_load_balancer_out" {
  description                  = "ALB to backend tasks"
  from_port                    = 8000
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.app_backend_security_group.id
  security_group_id            = aws_security_group.app_load_balancer_security_group.id
  to_port                      = 8000
}
resource "aws_service_discovery_service" "app_backend_discovery" {
  name = "backend"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.app_cluster_namespace.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}
resource "aws_ecs_service" "app_backend_service" {
  cluster                            = aws_ecs_cluster.app_cluster.arn
  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100
  desired_count                      = 1
  enable_execute_command             = false
  health_check_grace_period_seconds  = 60
  name                               = "recipe-chatbot-backend"
  platform_version                   = "LATEST"
  propagate_tags                     = "SERVICE"
  task_definition                    = aws_ecs_task_definition.app_backend_task_definition.arn
  alarms {
    alarm_names = [
      "${aws_cloudwatch_metric_alarm.app_backend_deployment_alarms_error_rate.alarm_name}",
      "${aws_cloudwatch_metric_alarm.app_backend_deployment_alarms_response_time.alarm_name}"
    ]
    enable   = true
    rollback = true
  }
  capacity_provider_strategy {
    base              = 0
    capacity_provider = "FARGATE"
    weight            = 0
  }
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  load_balancer {
    container_name   = "backend"
    container_port   = 8000
    target_group_arn = aws_lb_target_group.app_load_balancer_backend_target_group.arn
  }
  network_configuration {
    assign_public_ip = true
    security_groups = [
      "${aws_security_group.app_backend_security_group.id}"
    ]
    subnets = [
      "${aws_subnet.app_networking_tiers_public_us_east_1a.id}",
      "${aws_subnet.app_networking_tiers_public_us_east_1b.id}"
    ]
  }
  service_registries {
    registry_arn = aws_service_discovery_service.app_backend_discovery.arn
  }
  depends_on = [
    aws_lb_listener.app_load_balancer_https,
  ]
  lifecycle {
    ignore_changes = [
      desired_count,
    ]
  }
}
resource "aws_appautoscaling_target" "app_backend_scaling_target" {
  max_capacity       = 4
  min_capacity       = 1
  resource_id        = "service/${aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name}/${aws_ecs_service.app_backend_service.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
  lifecycle {
    ignore_changes = [
      min_capacity,
      max_capacity,
    ]
  }
}
resource "aws_appautoscaling_scheduled_action" "app_backend_schedule_scale_in" {
  name               = "recipe-chatbot-dev-backend-scale-in"
  resource_id        = aws_appautoscaling_target.app_backend_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.app_backend_scaling_target.scalable_dimension
  schedule           = "cron(0 19 ? * MON-FRI *)"
  service_namespace  = aws_appautoscaling_target.app_backend_scaling_target.service_namespace
  timezone           = "UTC"
  scalable_target_action {
    max_capacity = "0"
    min_capacity = "0"
  }
  depends_on = [
    aws_appautoscaling_target.app_backend_scaling_target,
  ]
}
resource "aws_appautoscaling_scheduled_action" "app_backend_schedule_scale_out" {
  name               = "recipe-chatbot-dev-backend-scale-out"
  resource_id        = aws_appautoscaling_target.app_backend_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.app_backend_scaling_target.scalable_dimension
  schedule           = "cron(0 8 ? * MON-FRI *)"
  service_namespace  = aws_appautoscaling_target.app_backend_scaling_target.service_namespace
  timezone           = "UTC"
  scalable_target_action {
    max_capacity = "4"
    min_capacity = "1"
  }
  depends_on = [
    aws_appautoscaling_scheduled_action.app_backend_schedule_scale_in,
  ]
}
resource "aws_appautoscaling_policy" "app_backend_scale_on_cpu" {
  name               = "recipe-chatbot-dev-backend-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.app_backend_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.app_backend_scaling_target.scalable_dimension
  service_namespace  = aws_appautoscaling_target.app_backend_scaling_target.service_namespace
  target_tracking_scaling_policy_configuration {
    scale_in_cooldown  = 300
    scale_out_cooldown = 300
    target_value       = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
resource "aws_appautoscaling_policy" "app_backend_scale_on_memory" {
  name               = "recipe-chatbot-dev-backend-memory"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.app_backend_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.app_backend_scaling_target.scalable_dimension
  service_namespace  = aws_appautoscaling_target.app_backend_scaling_target.service_namespace
  target_tracking_scaling_policy_configuration {
    scale_in_cooldown  = 300
    scale_out_cooldown = 300
    target_value       = 80
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}
resource "aws_appautoscaling_policy" "app_backend_scale_on_queue_depth" {
  name               = "recipe-chatbot-dev-backend-queue-depth"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.app_backend_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.app_backend_scaling_target.scalable_dimension
  service_namespace  = aws_appautoscaling_target.app_backend_scaling_target.service_namespace
  target_tracking_scaling_policy_configuration {
    scale_in_cooldown  = 300
    scale_out_cooldown = 300
    target_value       = 5
    customized_metric_specification {
      metric_name = "QueueDepth"
      namespace   = "RecipeChatbot/LLM"
      statistic   = "Average"
      dimensions {
        name  = "Service"
        value = "Backend"
      }
    }
  }
}
resource "aws_vpc_security_group_ingress_rule" "app_backend_frontend_in" {
  description                  = "Backend from the frontend (server-side calls)"
  from_port                    = 8000
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.app_frontend_security_group.id
  security_group_id            = aws_security_group.app_backend_security_group.id
  to_port                      = 8000
}
resource "aws_vpc_security_group_egress_rule" "app_backend_frontend_out" {
  description                  = "Frontend to the backend API"
  from_port                    = 8000
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.app_backend_security_group.id
  security_group_id            = aws_security_group.app_frontend_security_group.id
  to_port                      = 8000
}
resource "aws_cloudwatch_metric_alarm" "app_frontend_deployment_alarms_error_rate" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  alarm_description   = "dev: more than 5% of the service's requests got a 5xx for 2 minutes (rolls a deployment back)"
  alarm_name          = "recipe-chatbot-dev-frontend-deployment-error-rate"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  ok_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  threshold          = 5
  treat_missing_data = "notBreaching"
  metric_query {
    id          = "errors"
    return_data = false
    metric {
      dimensions = {
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
        TargetGroup  = "${aws_lb_target_group.app_load_balancer_frontend_target_group.arn_suffix}"
      }
      metric_name = "HTTPCode_Target_5XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    id          = "requests"
    return_data = false
    metric {
      dimensions = {
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
        TargetGroup  = "${aws_lb_target_group.app_load_balancer_frontend_target_group.arn_suffix}"
      }
      metric_name = "RequestCount"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Sum"
    }
  }
  metric_query {
    expression  = "100 * FILL(errors, 0) / requests"
    id          = "errorRate"
    label       = "5xx responses (% of requests)"
    return_data = true
  }
}
resource "aws_cloudwatch_metric_alarm" "app_frontend_deployment_alarms_response_time" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  alarm_description   = "dev: the service's p95 response time above 5000 ms for 2 minutes (rolls a deployment back)"
  alarm_name          = "recipe-chatbot-dev-frontend-deployment-response-time"
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
    TargetGroup  = "${aws_lb_target_group.app_load_balancer_frontend_target_group.arn_suffix}"
  }
  evaluation_periods = 2
  extended_statistic = "p95"
  metric_name        = "TargetResponseTime"
  namespace          = "AWS/ApplicationELB"
  ok_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  period             = 60
  threshold          = 5
  treat_missing_data = "notBreaching"
}
resource "aws_cloudwatch_log_group" "app_frontend_logs_group" {
  kms_key_id        = aws_kms_key.app_logs_key_key.arn
  name              = "/aws/ecs/recipe-chatbot/frontend"
  retention_in_days = 30
}
resource "aws_ecr_repository" "app_frontend_registry_repository" {
  image_tag_mutability = "IMMUTABLE"
  name                 = "recipe-chatbot-frontend"
  encryption_configuration {
    encryption_type = "KMS"
  }
  image_scanning_configuration {
    scan_on_push = true
  }
}
resource "aws_ecr_lifecycle_policy" "app_frontend_registry_lifecycle" {
  policy     = "{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire untagged images after 7 days\",\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":2,\"description\":\"Keep the newest 10 images\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":10},\"action\":{\"type\":\"expire\"}}]}"
  repository = aws_ecr_repository.app_frontend_registry_repository.name
}
resource "aws_ssm_parameter" "app_frontend_image_tag" {
  description    = "Image tag of recipe-chatbot-frontend that recipe-chatbot-dev-frontend runs; written by the delivery pipeline"
  insecure_value = var.frontend_image_tag
  name           = "/recipe-chatbot/dev/deploy/frontend-image-tag"
  type           = "String"
  lifecycle {
    ignore_changes = [
      insecure_value,
    ]
  }
}
data "aws_iam_policy_document" "app_frontend_execution_role_trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:*"
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
resource "aws_iam_role" "app_frontend_execution_role" {
  assume_role_policy   = data.aws_iam_policy_document.app_frontend_execution_role_trust.json
  name                 = "recipe-chatbot-dev-frontend-execution"
  permissions_boundary = "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
}
data "aws_iam_policy_document" "app_frontend_execution_role_policy_document" {
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
      "${aws_ecr_repository.app_frontend_registry_repository.arn}"
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
      "${aws_cloudwatch_log_group.app_frontend_logs_group.arn}:log-stream:*"
    ]
    sid = "WriteOwnLogs"
  }
  statement {
    actions = [
      "ssm:GetParameters"
    ]
    effect = "Allow"
    resources = [
      "${aws_ssm_parameter.app_secrets_log_level.arn}",
      "${aws_ssm_parameter.app_secrets_cors_origins.arn}"
    ]
    sid = "ReadAppParameters"
  }
}
resource "aws_iam_role_policy" "app_frontend_execution_role_policy" {
  name   = "recipe-chatbot-dev-frontend-execution"
  policy = data.aws_iam_policy_document.app_frontend_execution_role_policy_document.json
  role   = aws_iam_role.app_frontend_execution_role.id
}
data "aws_iam_policy_document" "app_frontend_task_role_trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:*"
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
resource "aws_iam_role" "app_frontend_task_role" {
  assume_role_policy   = data.aws_iam_policy_document.app_frontend_task_role_trust.json
  name                 = "recipe-chatbot-dev-frontend-task"
  permissions_boundary = "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
}
data "aws_iam_policy_document" "app_frontend_task_role_policy_document" {
  statement {
    actions = [
      "cloudwatch:PutMetricData"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "PublishAppMetrics"
    condition {
      test = "StringLike"
      values = [
        "RecipeChatbot/*"
      ]
      variable = "cloudwatch:namespace"
    }
  }
}
resource "aws_iam_role_policy" "app_frontend_task_role_policy" {
  name   = "recipe-chatbot-dev-frontend-task"
  policy = data.aws_iam_policy_document.app_frontend_task_role_policy_document.json
  role   = aws_iam_role.app_frontend_task_role.id
}
resource "aws_ecs_task_definition" "app_frontend_task_definition" {
  container_definitions = jsonencode([{ "name" = "frontend", "image" = "${aws_ecr_repository.app_frontend_registry_repository.repository_url}:${aws_ssm_parameter.app_frontend_image_tag.insecure_value}", "essential" = true, "user" = "1001:1001", "readonlyRootFilesystem" = true, "privileged" = false, "portMappings" = [{ "containerPort" = 3000, "protocol" = "tcp" }], "environment" = [{ "name" = "ENVIRONMENT", "value" = "development" }, { "name" = "BACKEND_URL", "value" = "http://backend.${aws_service_discovery_private_dns_namespace.app_cluster_namespace.name}:8000" }], "secrets" = [{ "name" = "LOG_LEVEL", "valueFrom" = aws_ssm_parameter.app_secrets_log_level.arn }, { "name" = "CORS_ORIGINS", "valueFrom" = aws_ssm_parameter.app_secrets_cors_origins.arn }], "mountPoints" = [{ "sourceVolume" = "tmp", "containerPath" = "/tmp", "readOnly" = false }], "healthCheck" = { "command" = ["CMD", "node", "-e", "require('http').get('http://localhost:3000/', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"], "interval" = 30, "timeout" = 5, "retries" = 3, "startPeriod" = 60 }, "logConfiguration" = { "logDriver" = "awslogs", "options" = { "awslogs-group" = aws_cloudwatch_log_group.app_frontend_logs_group.name, "awslogs-region" = "us-east-1", "awslogs-stream-prefix" = "frontend" } } }])
  cpu                   = "256"
  execution_role_arn    = aws_iam_role.app_frontend_execution_role.arn
  family                = "recipe-chatbot-dev-frontend"
  memory                = "512"
  network_mode          = "awsvpc"
  requires_compatibilities = [
    "FARGATE"
  ]
  task_role_arn = aws_iam_role.app_frontend_task_role.arn
  track_latest  = true
  runtime_platform {
    cpu_architecture        = "X86_64"
    operating_system_family = "LINUX"
  }
  volume {
    name = "tmp"
  }
}
resource "aws_security_group" "app_frontend_security_group" {
  description = "Recipe Chatbot frontend tasks (Next.js)"
  name        = "ecs-frontend-sg"
  tags = {
    Name = "ecs-frontend-sg"
  }
  vpc_id = aws_vpc.app_networking_tiers_vpc.id
}
resource "aws_vpc_security_group_egress_rule" "app_frontend_https_out" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTPS to AWS APIs"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.app_frontend_security_group.id
  to_port           = 443
}
resource "aws_vpc_security_group_ingress_rule" "app_frontend_load_balancer_in" {
  description                  = "Frontend from the ALB"
  from_port                    = 3000
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.app_load_balancer_security_group.id
  security_group_id            = aws_security_group.app_frontend_security_group.id
  to_port                      = 3000
}
resource "aws_vpc_security_group_egress_rule" "app_frontend_load_balancer_out" {
  description                  = "ALB to frontend tasks"
  from_port                    = 3000
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.app_frontend_security_group.id
  security_group_id            = aws_security_group.app_load_balancer_security_group.id
  to_port                      = 3000
}
resource "aws_service_discovery_service" "app_frontend_discovery" {
  name = "frontend"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.app_cluster_namespace.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}
resource "aws_ecs_service" "app_frontend_service" {
  cluster                            = aws_ecs_cluster.app_cluster.arn
  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100
  desired_count                      = 1
  enable_execute_command             = false
  health_check_grace_period_seconds  = 60
  name                               = "recipe-chatbot-frontend"
  platform_version                   = "LATEST"
  propagate_tags                     = "SERVICE"
  task_definition                    = aws_ecs_task_definition.app_frontend_task_definition.arn
  alarms {
    alarm_names = [
      "${aws_cloudwatch_metric_alarm.app_frontend_deployment_alarms_error_rate.alarm_name}",
      "${aws_cloudwatch_metric_alarm.app_frontend_deployment_alarms_response_time.alarm_name}"
    ]
    enable   = true
    rollback = true
  }
  capacity_provider_strategy {
    base              = 0
    capacity_provider = "FARGATE"
    weight            = 0
  }
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  load_balancer {
    container_name   = "frontend"
    container_port   = 3000
    target_group_arn = aws_lb_target_group.app_load_balancer_frontend_target_group.arn
  }
  network_configuration {
    assign_public_ip = true
    security_groups = [
      "${aws_security_group.app_frontend_security_group.id}"
    ]
    subnets = [
      "${aws_subnet.app_networking_tiers_public_us_east_1a.id}",
      "${aws_subnet.app_networking_tiers_public_us_east_1b.id}"
    ]
  }
  service_registries {
    registry_arn = aws_service_discovery_service.app_frontend_discovery.arn
  }
  depends_on = [
    aws_lb_listener.app_load_balancer_https,
  ]
  lifecycle {
    ignore_changes = [
      desired_count,
    ]
  }
}
resource "aws_appautoscaling_target" "app_frontend_scaling_target" {
  max_capacity       = 2
  min_capacity       = 1
  resource_id        = "service/${aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name}/${aws_ecs_service.app_frontend_service.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
  lifecycle {
    ignore_changes = [
      min_capacity,
      max_capacity,
    ]
  }
}
resource "aws_appautoscaling_scheduled_action" "app_frontend_schedule_scale_in" {
  name               = "recipe-chatbot-dev-frontend-scale-in"
  resource_id        = aws_appautoscaling_target.app_frontend_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.app_frontend_scaling_target.scalable_dimension
  schedule           = "cron(0 19 ? * MON-FRI *)"
  service_namespace  = aws_appautoscaling_target.app_frontend_scaling_target.service_namespace
  timezone           = "UTC"
  scalable_target_action {
    max_capacity = "0"
    min_capacity = "0"
  }
  depends_on = [
    aws_appautoscaling_target.app_frontend_scaling_target,
  ]
}
resource "aws_appautoscaling_scheduled_action" "app_frontend_schedule_scale_out" {
  name               = "recipe-chatbot-dev-frontend-scale-out"
  resource_id        = aws_appautoscaling_target.app_frontend_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.app_frontend_scaling_target.scalable_dimension
  schedule           = "cron(0 8 ? * MON-FRI *)"
  service_namespace  = aws_appautoscaling_target.app_frontend_scaling_target.service_namespace
  timezone           = "UTC"
  scalable_target_action {
    max_capacity = "2"
    min_capacity = "1"
  }
  depends_on = [
    aws_appautoscaling_scheduled_action.app_frontend_schedule_scale_in,
  ]
}
resource "aws_appautoscaling_policy" "app_frontend_scale_on_cpu" {
  name               = "recipe-chatbot-dev-frontend-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.app_frontend_scaling_target.resource_id
  scalable_dimension = aws_appautoscaling_target.app_frontend_scaling_target.scalable_dimension
  service_namespace  = aws_appautoscaling_target.app_frontend_scaling_target.service_namespace
  target_tracking_scaling_policy_configuration {
    scale_in_cooldown  = 300
    scale_out_cooldown = 300
    target_value       = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
resource "aws_cloudwatch_log_metric_filter" "app_monitoring_backend_ErrorCount" {
  log_group_name = aws_cloudwatch_log_group.app_backend_logs_group.name
  name           = "backend-ErrorCount"
  pattern        = "{ ($.level = \"error\") || ($.level = \"critical\") }"
  metric_transformation {
    default_value = "0"
    name          = "ErrorCount"
    namespace     = "RecipeChatbot/Logs"
    unit          = "Count"
    value         = "1"
  }
}
resource "aws_cloudwatch_log_metric_filter" "app_monitoring_backend_LLMFailures" {
  log_group_name = aws_cloudwatch_log_group.app_backend_logs_group.name
  name           = "backend-LLMFailures"
  pattern        = "{ $.event = \"llm_request_failed\" }"
  metric_transformation {
    default_value = "0"
    name          = "LLMFailures"
    namespace     = "RecipeChatbot/Logs"
    unit          = "Count"
    value         = "1"
  }
}
resource "aws_cloudwatch_log_metric_filter" "app_monitoring_backend_ToolFailures" {
  log_group_name = aws_cloudwatch_log_group.app_backend_logs_group.name
  name           = "backend-ToolFailures"
  pattern        = "{ ($.event = \"tool_call_failed\") || ($.event = \"tool_timeout\") }"
  metric_transformation {
    default_value = "0"
    name          = "ToolFailures"
    namespace     = "RecipeChatbot/Logs"
    unit          = "Count"
    value         = "1"
  }
}
resource "aws_cloudwatch_log_metric_filter" "app_monitoring_backend_ToolTimeouts" {
  log_group_name = aws_cloudwatch_log_group.app_backend_logs_group.name
  name           = "backend-ToolTimeouts"
  pattern        = "{ $.event = \"tool_timeout\" }"
  metric_transformation {
    default_value = "0"
    name          = "ToolTimeouts"
    namespace     = "RecipeChatbot/Logs"
    unit          = "Count"
    value         = "1"
  }
}
resource "aws_cloudwatch_dashboard" "app_monitoring_dashboard" {
  dashboard_body = jsonencode({ "widgets" = [{ "type" = "text", "x" = 0, "y" = 0, "width" = 24, "height" = 1, "properties" = { "markdown" = "### ServiceHealth: ECS CPU and memory, healthy targets and running tasks per service (period 300 s)" } }, { "type" = "metric", "x" = 0, "y" = 1, "width" = 12, "height" = 6, "properties" = { "title" = "ServiceHealth: ECS CPU utilization (%)", "view" = "timeSeries", "region" = "us-east-1", "period" = 300, "stat" = "Average", "metrics" = [["AWS/ECS", "CPUUtilization", "ClusterName", aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name, "ServiceName", aws_ecs_service.app_backend_service.name, { "label" = "backend" }], ["AWS/ECS", "CPUUtilization", "ClusterName", aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name, "ServiceName", aws_ecs_service.app_frontend_service.name, { "label" = "frontend" }]] } }, { "type" = "metric", "x" = 12, "y" = 1, "width" = 12, "height" = 6, "properties" = { "title" = "ServiceHealth: ECS memory utilization (%)", "view" = "timeSeries", "region" = "us-east-1", "period" = 300, "stat" = "Average", "metrics" = [["AWS/ECS", "MemoryUtilization", "ClusterName", aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name, "ServiceName", aws_ecs_service.app_backend_service.name, { "label" = "backend" }], ["AWS/ECS", "MemoryUtilization", "ClusterName", aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name, "ServiceName", aws_ecs_service.app_frontend_service.name, { "label" = "frontend" }]] } }, { "type" = "metric", "x" = 0, "y" = 7, "width" = 12, "height" = 6, "properties" = { "title" = "ServiceHealth: Healthy targets", "view" = "timeSeries", "region" = "us-east-1", "period" = 300, "stat" = "Minimum", "metrics" = [["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", aws_lb_target_group.app_load_balancer_backend_target_group.arn_suffix, "LoadBalancer", aws_lb.app_load_balancer_alb.arn_suffix, { "label" = "backend" }], ["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", aws_lb_target_group.app_load_balancer_frontend_target_group.arn_suffix, "LoadBalancer", aws_lb.app_load_balancer_alb.arn_suffix, { "label" = "frontend" }]], "annotations" = { "horizontal" = [{ "label" = "LowHealthyHosts", "value" = 1 }] } } }, { "type" = "metric", "x" = 12, "y" = 7, "width" = 12, "height" = 6, "properties" = { "title" = "ServiceHealth: Running tasks", "view" = "timeSeries", "region" = "us-east-1", "period" = 300, "stat" = "Minimum", "metrics" = [["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name, "ServiceName", aws_ecs_service.app_backend_service.name, { "label" = "backend" }], ["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name, "ServiceName", aws_ecs_service.app_frontend_service.name, { "label" = "frontend" }]] } }, { "type" = "text", "x" = 0, "y" = 13, "width" = 24, "height" = 1, "properties" = { "markdown" = "### BusinessMetrics: chat volume, cooking query share and tool usage published by the backend (period 60 s)" } }, { "type" = "metric", "x" = 0, "y" = 14, "width" = 12, "height" = 6, "properties" = { "title" = "BusinessMetrics: Chat requests per minute", "view" = "timeSeries", "region" = "us-east-1", "period" = 60, "stat" = "Sum", "metrics" = [["RecipeChatbot/Business", "chat_requests_total", { "label" = "chat requests" }]] } }, { "type" = "metric", "x" = 12, "y" = 14, "width" = 12, "height" = 6, "properties" = { "title" = "BusinessMetrics: Cooking query ratio (%)", "view" = "timeSeries", "region" = "us-east-1", "period" = 60, "stat" = "Average", "metrics" = [["RecipeChatbot/Business", "cooking_queries_ratio", { "label" = "cooking queries" }]] } }, { "type" = "metric", "x" = 0, "y" = 20, "width" = 12, "height" = 6, "properties" = { "title" = "BusinessMetrics: Tool usage per minute", "view" = "timeSeries", "region" = "us-east-1", "period" = 60, "stat" = "Sum", "metrics" = [[{ "id" = "tools", "expression" = "SEARCH('{RecipeChatbot/Business,Tool} MetricName=tool_usage_count', 'Sum', 60)" }]] } }, { "type" = "text", "x" = 0, "y" = 26, "width" = 24, "height" = 1, "properties" = { "markdown" = "### ErrorTracking: HTTP 5xx rate at the load balancer, LLM and tool failures counted from the backend logs (period 60 s)" } }, { "type" = "metric", "x" = 0, "y" = 27, "width" = 12, "height" = 6, "properties" = { "title" = "ErrorTracking: HTTP error rate (%)", "view" = "timeSeries", "region" = "us-east-1", "period" = 60, "stat" = "Average", "metrics" = [["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", aws_lb.app_load_balancer_alb.arn_suffix, { "id" = "target5xx", "stat" = "Sum", "visible" = false }], ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", aws_lb.app_load_balancer_alb.arn_suffix, { "id" = "elb5xx", "stat" = "Sum", "visible" = false }], ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", aws_lb.app_load_balancer_alb.arn_suffix, { "id" = "requests", "stat" = "Sum", "visible" = false }], [{ "id" = "errorRate", "expression" = "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests", "label" = "5xx responses (% of requests)" }]], "annotations" = { "horizontal" = [{ "label" = "HighErrorRate", "value" = 5 }] } } }, { "type" = "metric", "x" = 12, "y" = 27, "width" = 12, "height" = 6, "properties" = { "title" = "ErrorTracking: LLM failure rate", "view" = "timeSeries", "region" = "us-east-1", "period" = 60, "stat" = "Sum", "metrics" = [["RecipeChatbot/Logs", "LLMFailures", { "id" = "llmFailures", "label" = "LLM failures" }], ["RecipeChatbot/Business", "chat_requests_total", { "id" = "chatRequests", "visible" = false }], [{ "id" = "llmFailureRate", "expression" = "100 * FILL(llmFailures, 0) / chatRequests", "label" = "LLM failures per 100 chat requests" }]] } }, { "type" = "metric", "x" = 0, "y" = 33, "width" = 12, "height" = 6, "properties" = { "title" = "ErrorTracking: Tool failures and timeouts", "view" = "timeSeries", "region" = "us-east-1", "period" = 60, "stat" = "Sum", "metrics" = [["RecipeChatbot/Logs", "ToolFailures", { "label" = "tool failures" }], ["RecipeChatbot/Logs", "ToolTimeouts", { "label" = "tool timeouts" }]] } }, { "type" = "metric", "x" = 12, "y" = 33, "width" = 12, "height" = 6, "properties" = { "title" = "ErrorTracking: Application errors logged", "view" = "timeSeries", "region" = "us-east-1", "period" = 60, "stat" = "Sum", "metrics" = [["RecipeChatbot/Logs", "ErrorCount", { "label" = "error log lines" }]] } }, { "type" = "text", "x" = 0, "y" = 39, "width" = 24, "height" = 1, "properties" = { "markdown" = "### Performance: p95 response time, LLM token throughput, concurrent connections and LLM queue depth (period 300 s)" } }, { "type" = "metric", "x" = 0, "y" = 40, "width" = 12, "height" = 6, "properties" = { "title" = "Performance: Response time p95 (ms)", "view" = "timeSeries", "region" = "us-east-1", "period" = 300, "stat" = "Average", "metrics" = [["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", aws_lb.app_load_balancer_alb.arn_suffix, { "id" = "latency", "stat" = "p95", "visible" = false }], [{ "id" = "latencyMs", "expression" = "1000 * latency", "label" = "p95 target response time (ms)" }]], "annotations" = { "horizontal" = [{ "label" = "HighResponseTime", "value" = 5000 }] } } }, { "type" = "metric", "x" = 12, "y" = 40, "width" = 12, "height" = 6, "properties" = { "title" = "Performance: LLM tokens per second", "view" = "timeSeries", "region" = "us-east-1", "period" = 300, "stat" = "Average", "metrics" = [["RecipeChatbot/LLM", "llm_token_usage", { "id" = "tokens", "stat" = "Sum", "visible" = false }], [{ "id" = "tokensPerSecond", "expression" = "tokens / PERIOD(tokens)", "label" = "tokens per second" }]] } }, { "type" = "metric", "x" = 0, "y" = 46, "width" = 12, "height" = 6, "properties" = { "title" = "Performance: Concurrent connections", "view" = "timeSeries", "region" = "us-east-1", "period" = 300, "stat" = "Sum", "metrics" = [["AWS/ApplicationELB", "ActiveConnectionCount", "LoadBalancer", aws_lb.app_load_balancer_alb.arn_suffix, { "label" = "active connections" }]] } }, { "type" = "metric", "x" = 12, "y" = 46, "width" = 12, "height" = 6, "properties" = { "title" = "Performance: LLM queue depth", "view" = "timeSeries", "region" = "us-east-1", "period" = 300, "stat" = "Average", "metrics" = [["RecipeChatbot/LLM", "QueueDepth", "Service", "Backend", { "label" = "queued LLM requests" }]] } }] })
  dashboard_name = "recipe-chatbot-dev"
}
resource "aws_cloudwatch_metric_alarm" "app_monitoring_high_error_rate" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  alarm_description   = "dev: more than 5% of requests got a 5xx from the ALB or a target over 300 s; watched only in the services' active hours"
  alarm_name          = "recipe-chatbot-dev-high-error-rate"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  ok_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  threshold          = 5
  treat_missing_data = "notBreaching"
  metric_query {
    id          = "target5xx"
    return_data = false
    metric {
      dimensions = {
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
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
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
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
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
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
    return_data = false
  }
  metric_query {
    expression  = "(DAY(requests) - 1) * 24 + HOUR(requests)"
    id          = "hourOfWeek"
    label       = "hour of the week (UTC)"
    return_data = false
  }
  metric_query {
    expression  = "IF((hourOfWeek >= 9 AND hourOfWeek < 19) OR (hourOfWeek >= 33 AND hourOfWeek < 43) OR (hourOfWeek >= 57 AND hourOfWeek < 67) OR (hourOfWeek >= 81 AND hourOfWeek < 91) OR (hourOfWeek >= 105 AND hourOfWeek < 115), errorRate, 0)"
    id          = "inActiveHours"
    label       = "5xx responses (% of requests) (active hours only)"
    return_data = true
  }
}
resource "aws_cloudwatch_metric_alarm" "app_monitoring_high_response_time" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  alarm_description   = "dev: p95 target response time above 5000 ms over 300 s"
  alarm_name          = "recipe-chatbot-dev-high-response-time"
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
  }
  evaluation_periods = 1
  extended_statistic = "p95"
  metric_name        = "TargetResponseTime"
  namespace          = "AWS/ApplicationELB"
  ok_actions = [
    "${aws_sns_topic.app_alert_topics_alerts.arn}"
  ]
  period             = 300
  threshold          = 5
  treat_missing_data = "notBreaching"
}
resource "aws_cloudwatch_metric_alarm" "app_monitoring_backend_low_healthy_hosts" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.app_alert_topics_critical.arn}"
  ]
  alarm_description   = "dev: fewer than 1 healthy backend targets over 60 s; watched only in the services' active hours"
  alarm_name          = "recipe-chatbot-dev-backend-low-healthy-hosts"
  comparison_operator = "LessThanThreshold"
  evaluation_periods  = 1
  ok_actions = [
    "${aws_sns_topic.app_alert_topics_critical.arn}"
  ]
  threshold          = 1
  treat_missing_data = "breaching"
  metric_query {
    id          = "healthy"
    return_data = false
    metric {
      dimensions = {
        TargetGroup  = "${aws_lb_target_group.app_load_balancer_backend_target_group.arn_suffix}"
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
      }
      metric_name = "HealthyHostCount"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Minimum"
    }
  }
  metric_query {
    expression  = "(DAY(healthy) - 1) * 24 + HOUR(healthy)"
    id          = "hourOfWeek"
    label       = "hour of the week (UTC)"
    return_data = false
  }
  metric_query {
    expression  = "IF((hourOfWeek >= 9 AND hourOfWeek < 19) OR (hourOfWeek >= 33 AND hourOfWeek < 43) OR (hourOfWeek >= 57 AND hourOfWeek < 67) OR (hourOfWeek >= 81 AND hourOfWeek < 91) OR (hourOfWeek >= 105 AND hourOfWeek < 115), healthy, 1)"
    id          = "inActiveHours"
    label       = "healthy targets (active hours only)"
    return_data = true
  }
}
resource "aws_cloudwatch_metric_alarm" "app_monitoring_frontend_low_healthy_hosts" {
  actions_enabled = true
  alarm_actions = [
    "${aws_sns_topic.app_alert_topics_critical.arn}"
  ]
  alarm_description   = "dev: fewer than 1 healthy frontend targets over 60 s; watched only in the services' active hours"
  alarm_name          = "recipe-chatbot-dev-frontend-low-healthy-hosts"
  comparison_operator = "LessThanThreshold"
  evaluation_periods  = 1
  ok_actions = [
    "${aws_sns_topic.app_alert_topics_critical.arn}"
  ]
  threshold          = 1
  treat_missing_data = "breaching"
  metric_query {
    id          = "healthy"
    return_data = false
    metric {
      dimensions = {
        TargetGroup  = "${aws_lb_target_group.app_load_balancer_frontend_target_group.arn_suffix}"
        LoadBalancer = "${aws_lb.app_load_balancer_alb.arn_suffix}"
      }
      metric_name = "HealthyHostCount"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Minimum"
    }
  }
  metric_query {
    expression  = "(DAY(healthy) - 1) * 24 + HOUR(healthy)"
    id          = "hourOfWeek"
    label       = "hour of the week (UTC)"
    return_data = false
  }
  metric_query {
    expression  = "IF((hourOfWeek >= 9 AND hourOfWeek < 19) OR (hourOfWeek >= 33 AND hourOfWeek < 43) OR (hourOfWeek >= 57 AND hourOfWeek < 67) OR (hourOfWeek >= 81 AND hourOfWeek < 91) OR (hourOfWeek >= 105 AND hourOfWeek < 115), healthy, 1)"
    id          = "inActiveHours"
    label       = "healthy targets (active hours only)"
    return_data = true
  }
}

output "url" {
  value       = "https://${var.domain_name}"
  description = "Where the chatbot answers (https://<domain_name>)"
}

output "alb_dns_name" {
  value       = aws_lb.app_load_balancer_alb.dns_name
  description = "The load balancer's DNS name (the alias records point at it)"
}

output "alb_zone_id" {
  value       = aws_lb.app_load_balancer_alb.zone_id
  description = "The load balancer's Route 53 zone id, for alias records elsewhere"
}

output "cluster_name" {
  value       = aws_ecs_cluster_capacity_providers.app_cluster_capacity_providers.cluster_name
  description = "ECS cluster of the services"
}

output "service_names" {
  value = {
    backend  = "${aws_ecs_service.app_backend_service.name}"
    frontend = "${aws_ecs_service.app_frontend_service.name}"
  }
  description = "ECS service name by service"
}

output "ecr_repository_urls" {
  value = {
    backend  = "${aws_ecr_repository.app_backend_registry_repository.repository_url}"
    frontend = "${aws_ecr_repository.app_frontend_registry_repository.repository_url}"
  }
  description = "ECR repository URL by service: the delivery pipeline pushes here"
}

output "log_group_names" {
  value = {
    backend   = "${aws_cloudwatch_log_group.app_backend_logs_group.name}"
    frontend  = "${aws_cloudwatch_log_group.app_frontend_logs_group.name}"
    flow_logs = "${aws_cloudwatch_log_group.app_networking_flow_logs_log_group_group.name}"
    waf       = "${aws_cloudwatch_log_group.app_load_balancer_waf_waf_log_group_group.name}"
  }
  description = "CloudWatch log group by service, plus the VPC flow logs and the WAF logs"
}

output "dashboard_name" {
  value       = aws_cloudwatch_dashboard.app_monitoring_dashboard.dashboard_name
  description = "CloudWatch dashboard of the environment"
}

output "dashboard_url" {
  value       = "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards/dashboard/${aws_cloudwatch_dashboard.app_monitoring_dashboard.dashboard_name}"
  description = "The dashboard in the AWS console"
}

output "alert_topic_arns" {
  value = {
    alerts   = "${aws_sns_topic.app_alert_topics_alerts.arn}"
    critical = "${aws_sns_topic.app_alert_topics_critical.arn}"
  }
  description = "SNS topics: alerts (degradation, audit) and critical (outage)"
}

output "web_acl_arn" {
  value       = aws_wafv2_web_acl.app_load_balancer_waf_web_acl.arn
  description = "WAF web ACL in front of the load balancer"
}

output "vpc_id" {
  value       = aws_vpc.app_networking_tiers_vpc.id
  description = "The environment's VPC"
}

output "public_subnet_ids" {
  value = [
    "${aws_subnet.app_networking_tiers_public_us_east_1a.id}",
    "${aws_subnet.app_networking_tiers_public_us_east_1b.id}",
  ]
  description = "Public subnets (load balancer, NAT gateways)"
}

output "private_subnet_ids" {
  value = [
    "${aws_subnet.app_networking_tiers_private_us_east_1a.id}",
    "${aws_subnet.app_networking_tiers_private_us_east_1b.id}",
  ]
  description = "Private subnets (tasks, interface endpoints)"
}