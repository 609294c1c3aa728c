# Generated from src/modules/networking by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/networking.ts, not this file.

data "aws_region" "networking_region" {
}

data "aws_caller_identity" "networking_caller_identity" {
}

data "aws_partition" "networking_partition" {
}

resource "aws_vpc" "networking_tiers_vpc" {
  assign_generated_ipv6_cidr_block = true
  cidr_block                       = var.vpc_cidr
  enable_dns_hostnames             = true
  enable_dns_support               = true
  tags = {
    Name = "${var.name_prefix}-vpc"
  }
}

resource "aws_default_security_group" "networking_tiers_default_security_group" {
  tags = {
    Name = "${var.name_prefix}-default-deny"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_internet_gateway" "networking_tiers_internet_gateway" {
  tags = {
    Name = "${var.name_prefix}-igw"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_route_table" "networking_tiers_public_route_table" {
  tags = {
    Name = "${var.name_prefix}-public"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_route" "networking_tiers_public_default_route" {
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.networking_tiers_internet_gateway.id
  route_table_id         = aws_route_table.networking_tiers_public_route_table.id
}

resource "aws_route" "networking_tiers_public_default_route_ipv6" {
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.networking_tiers_internet_gateway.id
  route_table_id              = aws_route_table.networking_tiers_public_route_table.id
}

resource "aws_subnet" "networking_tiers_public_zone_0" {
  assign_ipv6_address_on_creation = false
  availability_zone               = element(var.availability_zones, 0)
  cidr_block                      = element(var.public_subnet_cidrs, 0)
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.networking_tiers_vpc.ipv6_cidr_block, 8, 0)
  map_public_ip_on_launch         = false
  tags = {
    Name = "${var.name_prefix}-public-zone-0"
    Tier = "public"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_route_table_association" "networking_tiers_public_zone_0_routes" {
  route_table_id = aws_route_table.networking_tiers_public_route_table.id
  subnet_id      = aws_subnet.networking_tiers_public_zone_0.id
}

resource "aws_subnet" "networking_tiers_public_zone_1" {
  assign_ipv6_address_on_creation = false
  availability_zone               = element(var.availability_zones, 1)
  cidr_block                      = element(var.public_subnet_cidrs, 1)
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.networking_tiers_vpc.ipv6_cidr_block, 8, 1)
  map_public_ip_on_launch         = false
  tags = {
    Name = "${var.name_prefix}-public-zone-1"
    Tier = "public"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_route_table_association" "networking_tiers_public_zone_1_routes" {
  route_table_id = aws_route_table.networking_tiers_public_route_table.id
  subnet_id      = aws_subnet.networking_tiers_public_zone_1.id
}

resource "aws_eip" "networking_tiers_nat_eip_zone_0" {
  domain = "vpc"
  tags = {
    Name = "${var.name_prefix}-nat-zone-0"
  }
}

resource "aws_nat_gateway" "networking_tiers_nat_zone_0" {
  allocation_id = aws_eip.networking_tiers_nat_eip_zone_0.allocation_id
  subnet_id     = aws_subnet.networking_tiers_public_zone_0.id
  tags = {
    Name = "${var.name_prefix}-nat-zone-0"
  }
  depends_on = [
    aws_internet_gateway.networking_tiers_internet_gateway,
  ]
}

resource "aws_eip" "networking_tiers_nat_eip_zone_1" {
  domain = "vpc"
  tags = {
    Name = "${var.name_prefix}-nat-zone-1"
  }
}

resource "aws_nat_gateway" "networking_tiers_nat_zone_1" {
  allocation_id = aws_eip.networking_tiers_nat_eip_zone_1.allocation_id
  subnet_id     = aws_subnet.networking_tiers_public_zone_1.id
  tags = {
    Name = "${var.name_prefix}-nat-zone-1"
  }
  depends_on = [
    aws_internet_gateway.networking_tiers_internet_gateway,
  ]
}

resource "aws_subnet" "networking_tiers_private_zone_0" {
  availability_zone       = element(var.availability_zones, 0)
  cidr_block              = element(var.private_subnet_cidrs, 0)
  map_public_ip_on_launch = false
  tags = {
    Name = "${var.name_prefix}-private-zone-0"
    Tier = "private"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_route_table" "networking_tiers_private_zone_0_route_table" {
  tags = {
    Name = "${var.name_prefix}-private-zone-0"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_route_table_association" "networking_tiers_private_zone_0_routes" {
  route_table_id = aws_route_table.networking_tiers_private_zone_0_route_table.id
  subnet_id      = aws_subnet.networking_tiers_private_zone_0.id
}

resource "aws_route" "networking_tiers_private_zone_0_default_route" {
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.networking_tiers_nat_zone_0.id
  route_table_id         = aws_route_table.networking_tiers_private_zone_0_route_table.id
}

resource "aws_subnet" "networking_tiers_private_zone_1" {
  availability_zone       = element(var.availability_zones, 1)
  cidr_block              = element(var.private_subnet_cidrs, 1)
  map_public_ip_on_launch = false
  tags = {
    Name = "${var.name_prefix}-private-zone-1"
    Tier = "private"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_route_table" "networking_tiers_private_zone_1_route_table" {
  tags = {
    Name = "${var.name_prefix}-private-zone-1"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_route_table_association" "networking_tiers_private_zone_1_routes" {
  route_table_id = aws_route_table.networking_tiers_private_zone_1_route_table.id
  subnet_id      = aws_subnet.networking_tiers_private_zone_1.id
}

resource "aws_route" "networking_tiers_private_zone_1_default_route" {
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.networking_tiers_nat_zone_1.id
  route_table_id         = aws_route_table.networking_tiers_private_zone_1_route_table.id
}

resource "aws_network_acl" "networking_acls_public" {
  subnet_ids = [
    "${aws_subnet.networking_tiers_public_zone_0.id}",
    "${aws_subnet.networking_tiers_public_zone_1.id}"
  ]
  tags = {
    Name = "${var.name_prefix}-public"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_network_acl_rule" "networking_acls_public_ingress_100" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 443
  network_acl_id = aws_network_acl.networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 100
  to_port        = 443
}

resource "aws_network_acl_rule" "networking_acls_public_ingress_110" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 80
  network_acl_id = aws_network_acl.networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 110
  to_port        = 80
}

resource "aws_network_acl_rule" "networking_acls_public_ingress_120" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 1024
  network_acl_id = aws_network_acl.networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 120
  to_port        = 3388
}

resource "aws_network_acl_rule" "networking_acls_public_ingress_130" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 3390
  network_acl_id = aws_network_acl.networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 130
  to_port        = 65535
}

resource "aws_network_acl_rule" "networking_acls_public_ingress_140" {
  egress          = false
  from_port       = 443
  ipv6_cidr_block = "::/0"
  network_acl_id  = aws_network_acl.networking_acls_public.id
  protocol        = "tcp"
  rule_action     = "allow"
  rule_number     = 140
  to_port         = 443
}

resource "aws_network_acl_rule" "networking_acls_public_ingress_150" {
  egress          = false
  from_port       = 80
  ipv6_cidr_block = "::/0"
  network_acl_id  = aws_network_acl.networking_acls_public.id
  protocol        = "tcp"
  rule_action     = "allow"
  rule_number     = 150
  to_port         = 80
}

resource "aws_network_acl_rule" "networking_acls_public_egress_100" {
  cidr_block     = "0.0.0.0/0"
  egress         = true
  from_port      = 443
  network_acl_id = aws_network_acl.networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 100
  to_port        = 443
}

resource "aws_network_acl_rule" "networking_acls_public_egress_110" {
  cidr_block     = "0.0.0.0/0"
  egress         = true
  from_port      = 1024
  network_acl_id = aws_network_acl.networking_acls_public.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 110
  to_port        = 65535
}

resource "aws_network_acl_rule" "networking_acls_public_egress_120" {
  egress          = true
  from_port       = 1024
  ipv6_cidr_block = "::/0"
  network_acl_id  = aws_network_acl.networking_acls_public.id
  protocol        = "tcp"
  rule_action     = "allow"
  rule_number     = 120
  to_port         = 65535
}

resource "aws_network_acl" "networking_acls_private" {
  subnet_ids = [
    "${aws_subnet.networking_tiers_private_zone_0.id}",
    "${aws_subnet.networking_tiers_private_zone_1.id}"
  ]
  tags = {
    Name = "${var.name_prefix}-private"
  }
  vpc_id = aws_vpc.networking_tiers_vpc.id
}

resource "aws_network_acl_rule" "networking_acls_private_ingress_100" {
  cidr_block     = var.vpc_cidr
  egress         = false
  from_port      = var.service_port
  network_acl_id = aws_network_acl.networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 100
  to_port        = var.service_port
}

resource "aws_network_acl_rule" "networking_acls_private_ingress_110" {
  cidr_block     = var.vpc_cidr
  egress         = false
  from_port      = 443
  network_acl_id = aws_network_acl.networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 110
  to_port        = 443
}

resource "aws_network_acl_rule" "networking_acls_private_ingress_120" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 1024
  network_acl_id = aws_network_acl.networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 120
  to_port        = 3388
}

resource "aws_network_acl_rule" "networking_acls_private_ingress_130" {
  cidr_block     = "0.0.0.0/0"
  egress         = false
  from_port      = 3390
  network_acl_id = aws_network_acl.networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 130
  to_port        = 65535
}

resource "aws_network_acl_rule" "networking_acls_private_egress_100" {
  cidr_block     = "0.0.0.0/0"
  egress         = true
  from_port      = 443
  network_acl_id = aws_network_acl.networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 100
  to_port        = 443
}

resource "aws_network_acl_rule" "networking_acls_private_egress_110" {
  cidr_block     = var.vpc_cidr
  egress         = true
  from_port      = 1024
  network_acl_id = aws_network_acl.networking_acls_private.id
  protocol       = "tcp"
  rule_action    = "allow"
  rule_number    = 110
  to_port        = 65535
}

data "aws_iam_policy_document" "networking_flow_logs_log_group_key_policy" {
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
        "arn:${data.aws_partition.networking_partition.partition}:iam::${data.aws_caller_identity.networking_caller_identity.account_id}:root"
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
        "arn:${data.aws_partition.networking_partition.partition}:logs:${data.aws_region.networking_region.name}:${data.aws_caller_identity.networking_caller_identity.account_id}:log-group:*"
      ]
      variable = "kms:EncryptionContext:aws:logs:arn"
    }
    principals {
      identifiers = [
        "logs.${data.aws_region.networking_region.name}.amazonaws.com"
      ]
      type = "Service"
    }
  }
}

resource "aws_kms_key" "networking_flow_logs_log_group_key" {
  deletion_window_in_days = 30
  description             = "CloudWatch Logs encryption for /aws/vpc/${var.name_prefix}/flow-logs"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.networking_flow_logs_log_group_key_policy.json
}

resource "aws_kms_alias" "networking_flow_logs_log_group_key_alias" {
  name          = "alias/logs/aws/vpc/${var.name_prefix}/flow-logs"
  target_key_id = aws_kms_key.networking_flow_logs_log_group_key.key_id
}

resource "aws_cloudwatch_log_group" "networking_flow_logs_log_group_group" {
  kms_key_id        = aws_kms_key.networking_flow_logs_log_group_key.arn
  name              = "/aws/vpc/${var.name_prefix}/flow-logs"
  retention_in_days = var.flow_log_retention_days
}

data "aws_iam_policy_document" "networking_flow_logs_trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.networking_caller_identity.account_id}"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.networking_partition.partition}:ec2:${data.aws_region.networking_region.name}:${data.aws_caller_identity.networking_caller_identity.account_id}:vpc-flow-log/*"
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

resource "aws_iam_role" "networking_flow_logs_role" {
  assume_role_policy   = data.aws_iam_policy_document.networking_flow_logs_trust.json
  name                 = "${var.name_prefix}-flow-logs"
  permissions_boundary = var.permissions_boundary_arn
}

data "aws_iam_policy_document" "networking_flow_logs_write" {
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogStreams"
    ]
    effect = "Allow"
    resources = [
      "${aws_cloudwatch_log_group.networking_flow_logs_log_group_group.arn}",
      "${aws_cloudwatch_log_group.networking_flow_logs_log_group_group.arn}:log-stream:*"
    ]
  }
}

resource "aws_iam_role_policy" "networking_flow_logs_write_policy" {
  name   = "write-flow-logs"
  policy = data.aws_iam_policy_document.networking_flow_logs_write.json
  role   = aws_iam_role.networking_flow_logs_role.id
}

resource "aws_flow_log" "networking_flow_logs_flow_log" {
  iam_role_arn             = aws_iam_role.networking_flow_logs_role.arn
  log_destination          = aws_cloudwatch_log_group.networking_flow_logs_log_group_group.arn
  log_destination_type     = "cloud-watch-logs"
  max_aggregation_interval = 60
  traffic_type             = "ALL"
  vpc_id                   = aws_vpc.networking_tiers_vpc.id
}

resource "aws_vpc_endpoint" "networking_endpoints_s3" {
  route_table_ids = [
    "${aws_route_table.networking_tiers_private_zone_0_route_table.id}",
    "${aws_route_table.networking_tiers_private_zone_1_route_table.id}"
  ]
  service_name = "com.amazonaws.${data.aws_region.networking_region.name}.s3"
  tags = {
    Name = "${var.name_prefix}-s3"
  }
  vpc_endpoint_type = "Gateway"
  vpc_id            = aws_vpc.networking_tiers_vpc.id
}
