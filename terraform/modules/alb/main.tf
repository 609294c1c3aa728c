# Generated from src/modules/alb by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/alb.ts, not this file.

data "aws_region" "alb_region" {
}

data "aws_caller_identity" "alb_caller_identity" {
}

data "aws_partition" "alb_partition" {
}

resource "aws_security_group" "alb_security_group" {
  description = "${var.name_prefix} load balancer: HTTPS and HTTP from the internet"
  name        = "${var.name_prefix}-alb"
  tags = {
    Name = "${var.name_prefix}-alb"
  }
  vpc_id = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "alb_https_in" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTPS from the internet"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.alb_security_group.id
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "alb_http_in" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTP from the internet, redirected to HTTPS"
  from_port         = 80
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.alb_security_group.id
  to_port           = 80
}

resource "aws_vpc_security_group_ingress_rule" "alb_https_in_ipv6" {
  cidr_ipv6         = "::/0"
  description       = "HTTPS from the internet over IPv6 (dual-stack ALB)"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.alb_security_group.id
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "alb_http_in_ipv6" {
  cidr_ipv6         = "::/0"
  description       = "HTTP from the internet over IPv6, redirected to HTTPS"
  from_port         = 80
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.alb_security_group.id
  to_port           = 80
}

data "aws_elb_service_account" "alb_access_logs_elb_account" {
}

resource "aws_s3_bucket" "alb_access_logs_bucket" {
  bucket        = "${var.name_prefix}-alb-logs-${data.aws_caller_identity.alb_caller_identity.account_id}"
  force_destroy = false
}

resource "aws_s3_bucket_public_access_block" "alb_access_logs_bucket_public_access_block" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.alb_access_logs_bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "alb_access_logs_bucket_ownership" {
  bucket = aws_s3_bucket.alb_access_logs_bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

data "aws_iam_policy_document" "alb_access_logs_bucket_policy" {
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.alb_access_logs_bucket.arn}/alb/AWSLogs/${data.aws_caller_identity.alb_caller_identity.account_id}/*"
    ]
    sid = "AllowAlbLogDelivery"
    principals {
      identifiers = [
        "${data.aws_elb_service_account.alb_access_logs_elb_account.arn}"
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
      "${aws_s3_bucket.alb_access_logs_bucket.arn}",
      "${aws_s3_bucket.alb_access_logs_bucket.arn}/*"
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

resource "aws_s3_bucket_policy" "alb_access_logs_bucket_bucket_policy" {
  bucket = aws_s3_bucket.alb_access_logs_bucket.id
  policy = data.aws_iam_policy_document.alb_access_logs_bucket_policy.json
}

resource "aws_s3_bucket_server_side_encryption_configuration" "alb_access_logs_encryption" {
  bucket = aws_s3_bucket.alb_access_logs_bucket.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "alb_access_logs_lifecycle" {
  bucket = aws_s3_bucket.alb_access_logs_bucket.id
  rule {
    id     = "expire-access-logs"
    status = "Enabled"
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
    expiration {
      days = var.access_log_expiration_days
    }
    filter {
      prefix = ""
    }
  }
}

resource "aws_lb" "alb" {
  desync_mitigation_mode     = "defensive"
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  idle_timeout               = var.idle_timeout_seconds
  internal                   = false
  ip_address_type            = "dualstack"
  load_balancer_type         = "application"
  name                       = "${var.name_prefix}-alb"
  security_groups = [
    "${aws_security_group.alb_security_group.id}"
  ]
  subnets = var.subnet_ids
  access_logs {
    bucket  = aws_s3_bucket_policy.alb_access_logs_bucket_bucket_policy.bucket
    enabled = true
    prefix  = "alb"
  }
}

resource "aws_acm_certificate" "alb_certificate" {
  domain_name       = var.domain_name
  validation_method = "DNS"
  options {
    certificate_transparency_logging_preference = "ENABLED"
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "alb_certificate_validation_record" {
  allow_overwrite = true
  name            = each.value.resource_record_name
  records = [
    "${each.value.resource_record_value}"
  ]
  ttl      = 60
  type     = each.value.resource_record_type
  zone_id  = var.hosted_zone_id
  for_each = { for key, val in tolist(aws_acm_certificate.alb_certificate.domain_validation_options) : val.domain_name => val }
}

resource "aws_acm_certificate_validation" "alb_certificate_validation" {
  certificate_arn         = aws_acm_certificate.alb_certificate.arn
  validation_record_fqdns = [for key, val in aws_route53_record.alb_certificate_validation_record : val.fqdn]
}

resource "aws_lb_target_group" "alb_app_target_group" {
  deregistration_delay = "300"
  name                 = "${var.name_prefix}-app"
  port                 = var.target_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  health_check {
    enabled             = true
    healthy_threshold   = 2
    interval            = 30
    matcher             = "200"
    path                = var.health_check_path
    port                = "traffic-port"
    protocol            = "HTTP"
    timeout             = 5
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "alb_https" {
  certificate_arn                                              = aws_acm_certificate_validation.alb_certificate_validation.certificate_arn
  load_balancer_arn                                            = aws_lb.alb.arn
  port                                                         = 443
  protocol                                                     = "HTTPS"
  routing_http_response_strict_transport_security_header_value = "max-age=31536000"
  ssl_policy                                                   = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  default_action {
    target_group_arn = aws_lb_target_group.alb_app_target_group.arn
    type             = "forward"
  }
}

resource "aws_lb_listener" "alb_http" {
  load_balancer_arn = aws_lb.alb.arn
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

resource "aws_route53_record" "alb_dns_alias_a" {
  name    = var.domain_name
  type    = "A"
  zone_id = var.hosted_zone_id
  alias {
    evaluate_target_health = true
    name                   = aws_lb.alb.dns_name
    zone_id                = aws_lb.alb.zone_id
  }
}

resource "aws_route53_record" "alb_dns_alias_aaaa" {
  name    = var.domain_name
  type    = "AAAA"
  zone_id = var.hosted_zone_id
  alias {
    evaluate_target_health = true
    name                   = aws_lb.alb.dns_name
    zone_id                = aws_lb.alb.zone_id
  }
}

resource "aws_route53_health_check" "alb_dns_health_check" {
  enable_sni        = true
  failure_threshold = 3
  fqdn              = var.domain_name
  port              = 443
  request_interval  = 30
  resource_path     = var.health_check_path
  tags = {
    Name = "${var.name_prefix}-health"
  }
  type = "HTTPS"
}

resource "aws_wafv2_web_acl" "alb_waf_web_acl" {
  description = "Managed rule groups and a per-IP rate limit in front of the ${var.name_prefix} load balancer"
  name        = "${var.name_prefix}-web-acl"
  scope       = "REGIONAL"
  default_action {
    allow {
    }
  }
  rule {
    name     = "rate-limit-per-ip"
    priority = 0
    action {
      block {
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
      metric_name                = "${var.name_prefix}-rate-limit-per-ip"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "AWSManagedRulesAmazonIpReputationList"
    priority = 10
    override_action {
      none {
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
      metric_name                = "${var.name_prefix}-ip-reputation"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "AWSManagedRulesKnownBadInputsRuleSet"
    priority = 20
    override_action {
      none {
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
      metric_name                = "${var.name_prefix}-known-bad-inputs"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "AWSManagedRulesCommonRuleSet"
    priority = 30
    override_action {
      none {
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
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name_prefix}-common-rule-set"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "AWSManagedRulesSQLiRuleSet"
    priority = 40
    override_action {
      none {
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
      metric_name                = "${var.name_prefix}-sqli-rule-set"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name_prefix}-web-acl"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "alb_waf_association" {
  resource_arn = aws_lb.alb.arn
  web_acl_arn  = aws_wafv2_web_acl.alb_waf_web_acl.arn
}

data "aws_iam_policy_document" "alb_waf_waf_log_group_key_policy" {
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
        "arn:${data.aws_partition.alb_partition.partition}:iam::${data.aws_caller_identity.alb_caller_identity.account_id}:root"
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
        "arn:${data.aws_partition.alb_partition.partition}:logs:${data.aws_region.alb_region.name}:${data.aws_caller_identity.alb_caller_identity.account_id}:log-group:*"
      ]
      variable = "kms:EncryptionContext:aws:logs:arn"
    }
    principals {
      identifiers = [
        "logs.${data.aws_region.alb_region.name}.amazonaws.com"
      ]
      type = "Service"
    }
  }
}

resource "aws_kms_key" "alb_waf_waf_log_group_key" {
  deletion_window_in_days = 30
  description             = "CloudWatch Logs encryption for aws-waf-logs-${var.name_prefix}"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.alb_waf_waf_log_group_key_policy.json
}

resource "aws_kms_alias" "alb_waf_waf_log_group_key_alias" {
  name          = "alias/logs/aws-waf-logs-${var.name_prefix}"
  target_key_id = aws_kms_key.alb_waf_waf_log_group_key.key_id
}

resource "aws_cloudwatch_log_group" "alb_waf_waf_log_group_group" {
  kms_key_id        = aws_kms_key.alb_waf_waf_log_group_key.arn
  name              = "aws-waf-logs-${var.name_prefix}"
  retention_in_days = 30
}

data "aws_iam_policy_document" "alb_waf_waf_log_delivery" {
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents"
    ]
    effect = "Allow"
    resources = [
      "${aws_cloudwatch_log_group.alb_waf_waf_log_group_group.arn}:log-stream:*"
    ]
    sid = "WafLogDelivery"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.alb_caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.alb_partition.partition}:logs:${data.aws_region.alb_region.name}:${data.aws_caller_identity.alb_caller_identity.account_id}:*"
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

resource "aws_cloudwatch_log_resource_policy" "alb_waf_waf_log_delivery_policy" {
  policy_document = data.aws_iam_policy_document.alb_waf_waf_log_delivery.json
  policy_name     = "${var.name_prefix}-waf-log-delivery"
}

resource "aws_wafv2_web_acl_logging_configuration" "alb_waf_logging" {
  log_destination_configs = [
    "${aws_cloudwatch_log_group.alb_waf_waf_log_group_group.arn}"
  ]
  resource_arn = aws_wafv2_web_acl.alb_waf_web_acl.arn
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
    aws_cloudwatch_log_resource_policy.alb_waf_waf_log_delivery_policy,
  ]
}
