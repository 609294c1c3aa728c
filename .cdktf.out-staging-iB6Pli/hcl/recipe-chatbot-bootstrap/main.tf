terraform {
  required_providers {
    aws = {
      version = ">= 5.100.0, < 6.0.0"
      source  = "hashicorp/aws"
    }
  }
  backend "local" {
    path = "terraform.recipe-chatbot-bootstrap.tfstate"
  }
}

provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = {
      Project     = "RecipeChatbot"
      Environment = "Shared"
      ManagedBy   = "cdktf"
      Component   = "bootstrap"
    }
  }
}
data "aws_caller_identity" "caller_identity" {
}
data "aws_partition" "partition" {
}
data "aws_iam_policy_document" "state_key_policy" {
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
      "kms:CreateGrant",
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "StateServicesUseKey"
    condition {
      test = "StringEquals"
      values = [
        "s3.us-east-1.amazonaws.com",
        "dynamodb.us-east-1.amazonaws.com"
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
resource "aws_kms_key" "state_key" {
  deletion_window_in_days = 30
  description             = "Terraform state (S3 objects and DynamoDB lock table) of recipe-chatbot"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.state_key_policy.json
}
resource "aws_kms_alias" "state_key_alias" {
  name          = "alias/recipe-chatbot-terraform-state"
  target_key_id = aws_kms_key.state_key.key_id
}
resource "aws_s3_bucket" "state_bucket" {
  bucket        = "recipe-chatbot-tfstate-${data.aws_caller_identity.caller_identity.account_id}"
  force_destroy = false
}
resource "aws_s3_bucket_public_access_block" "state_bucket_public_access_block" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.state_bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_ownership_controls" "state_bucket_ownership" {
  bucket = aws_s3_bucket.state_bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
data "aws_iam_policy_document" "state_bucket_policy" {
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}/*"
    ]
    sid = "DenySseS3Uploads"
    condition {
      test = "StringEquals"
      values = [
        "AES256"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
  statement {
    actions = [
      "s3:DeleteObjectVersion"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}/*"
    ]
    sid = "DenyStateVersionDeletion"
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}/*"
    ]
    sid = "DenyForeignKmsKeys"
    condition {
      test = "StringNotEqualsIfExists"
      values = [
        "${aws_kms_key.state_key.arn}",
        "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:${aws_kms_alias.state_key_alias.name}"
      ]
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}",
      "${aws_s3_bucket.state_bucket.arn}/*"
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
resource "aws_s3_bucket_policy" "state_bucket_bucket_policy" {
  bucket = aws_s3_bucket.state_bucket.id
  policy = data.aws_iam_policy_document.state_bucket_policy.json
}
resource "aws_s3_bucket_versioning" "state_versioning" {
  bucket = aws_s3_bucket.state_bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "state_encryption" {
  bucket = aws_s3_bucket.state_bucket.id
  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.state_key.arn
      sse_algorithm     = "aws:kms"
    }
  }
}
resource "aws_s3_bucket_lifecycle_configuration" "state_lifecycle" {
  bucket = aws_s3_bucket.state_bucket.id
  rule {
    id     = "expire-old-state-versions"
    status = "Enabled"
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
    filter {
      prefix = ""
    }
    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}
resource "aws_dynamodb_table" "state_lock_table" {
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"
  name         = "recipe-chatbot-terraform-locks"
  attribute {
    name = "LockID"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.state_key.arn
  }
}
data "aws_iam_policy_document" "workload_boundary_document" {
  statement {
    actions = [
      "ecr:GetAuthorizationToken",
      "cloudwatch:PutMetricData",
      "xray:PutTraceSegments",
      "xray:PutTelemetryRecords",
      "xray:GetSamplingRules",
      "xray:GetSamplingTargets"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "WithoutResourceLevelPermissions"
  }
  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:GetDownloadUrlForLayer",
      "ecr:BatchGetImage"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecr:*:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot*"
    ]
    sid = "PullProjectImages"
  }
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogStreams"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:logs:*:${data.aws_caller_identity.caller_identity.account_id}:log-group:*recipe-chatbot*"
    ]
    sid = "WriteProjectLogs"
  }
  statement {
    actions = [
      "secretsmanager:GetSecretValue"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:secretsmanager:*:${data.aws_caller_identity.caller_identity.account_id}:secret:recipe-chatbot/*"
    ]
    sid = "ReadProjectSecrets"
  }
  statement {
    actions = [
      "ssm:GetParameters"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ssm:*:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/*"
    ]
    sid = "ReadProjectParameters"
  }
  statement {
    actions = [
      "kms:Decrypt"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:*:${data.aws_caller_identity.caller_identity.account_id}:key/*"
    ]
    sid = "DecryptOnlyThroughSecretsAndParameters"
    condition {
      test = "StringLike"
      values = [
        "secretsmanager.*.amazonaws.com",
        "ssm.*.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
  }
}
resource "aws_iam_policy" "workload_boundary_policy" {
  description = "Permissions boundary of every Recipe Chatbot workload role in account ${data.aws_caller_identity.caller_identity.account_id}"
  name        = "recipe-chatbot-workload-boundary"
  policy      = data.aws_iam_policy_document.workload_boundary_document.json
}
resource "aws_iam_openid_connect_provider" "github_oidc_provider" {
  client_id_list = [
    "sts.amazonaws.com"
  ]
  url = "https://token.actions.githubusercontent.com"
}
data "aws_iam_policy_document" "github_oidc_plan_trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    sid    = "GitHubActions"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "token.actions.githubusercontent.com:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "repo:recipe-chatbot/recipe-chatbot-infra:pull_request"
      ]
      variable = "token.actions.githubusercontent.com:sub"
    }
    condition {
      test = "StringEquals"
      values = [
        "0"
      ]
      variable = "token.actions.githubusercontent.com:repository_id"
    }
    principals {
      identifiers = [
        "${aws_iam_openid_connect_provider.github_oidc_provider.arn}"
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "github_oidc_plan_role" {
  assume_role_policy   = data.aws_iam_policy_document.github_oidc_plan_trust.json
  description          = "Pull requests of recipe-chatbot/recipe-chatbot-infra: terraform plan (read-only)"
  max_session_duration = 3600
  name                 = "recipe-chatbot-github-plan"
}
data "aws_iam_policy_document" "github_oidc_plan_edge_document" {
  statement {
    actions = [
      "acm:DescribeCertificate",
      "acm:ListTagsForCertificate"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:acm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:certificate/*"
    ]
    sid = "ReadCertificates"
  }
  statement {
    actions = [
      "route53:GetHealthCheck",
      "route53:GetHostedZone",
      "route53:ListResourceRecordSets",
      "route53:ListTagsForResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:route53:::hostedzone/*",
      "arn:${data.aws_partition.partition.partition}:route53:::healthcheck/*",
      "arn:${data.aws_partition.partition.partition}:route53:::change/*"
    ]
    sid = "ReadDns"
  }
  statement {
    actions = [
      "wafv2:GetLoggingConfiguration",
      "wafv2:GetWebACL",
      "wafv2:GetWebACLForResource",
      "wafv2:ListTagsForResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:wafv2:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:regional/webacl/recipe-chatbot-dev*",
      "arn:${data.aws_partition.partition.partition}:wafv2:us-east-1:*:regional/managedruleset/*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:loadbalancer/app/recipe-chatbot-dev*",
      "arn:${data.aws_partition.partition.partition}:wafv2:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:regional/webacl/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:loadbalancer/app/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:wafv2:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:regional/webacl/recipe-chatbot-prod*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:loadbalancer/app/recipe-chatbot-prod*"
    ]
    sid = "ReadWaf"
  }
  statement {
    actions = [
      "guardduty:GetDetector"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:guardduty:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:detector/*"
    ]
    sid = "ReadGuardDuty"
  }
}
resource "aws_iam_policy" "github_oidc_plan_edge_policy" {
  description = "edge permissions of recipe-chatbot-github-plan"
  name        = "recipe-chatbot-github-plan-edge"
  policy      = data.aws_iam_policy_document.github_oidc_plan_edge_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_plan_edge_attachment" {
  policy_arn = aws_iam_policy.github_oidc_plan_edge_policy.arn
  role       = aws_iam_role.github_oidc_plan_role.name
}
data "aws_iam_policy_document" "github_oidc_plan_compute_document" {
  statement {
    actions = [
      "ecs:DescribeClusters",
      "ecs:DescribeServices"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:cluster/recipe-chatbot-cluster",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/*",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-dev*:*",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-staging*:*",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-prod*:*"
    ]
    sid = "ReadEcs"
  }
  statement {
    actions = [
      "ecr:DescribeRepositories",
      "ecr:GetLifecyclePolicy",
      "ecr:ListTagsForResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-frontend"
    ]
    sid = "ReadRegistry"
  }
  statement {
    actions = [
      "servicediscovery:GetNamespace",
      "servicediscovery:GetService"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:servicediscovery:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:namespace/*",
      "arn:${data.aws_partition.partition.partition}:servicediscovery:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/*"
    ]
    sid = "ReadServiceDiscovery"
  }
  statement {
    actions = [
      "application-autoscaling:ListTagsForResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:application-autoscaling:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:scalable-target/*"
    ]
    sid = "ReadAutoscaling"
  }
  statement {
    actions = [
      "iam:GetRole",
      "iam:GetRolePolicy",
      "iam:ListAttachedRolePolicies",
      "iam:ListRolePolicies"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-dev*",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-prod*"
    ]
    sid = "ReadRoles"
  }
}
resource "aws_iam_policy" "github_oidc_plan_compute_policy" {
  description = "compute permissions of recipe-chatbot-github-plan"
  name        = "recipe-chatbot-github-plan-compute"
  policy      = data.aws_iam_policy_document.github_oidc_plan_compute_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_plan_compute_attachment" {
  policy_arn = aws_iam_policy.github_oidc_plan_compute_policy.arn
  role       = aws_iam_role.github_oidc_plan_role.name
}
data "aws_iam_policy_document" "github_oidc_plan_operations_document" {
  statement {
    actions = [
      "logs:DescribeMetricFilters",
      "logs:ListTagsForResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:logs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:log-group:*recipe-chatbot*"
    ]
    sid = "ReadLogs"
  }
  statement {
    actions = [
      "cloudwatch:GetDashboard",
      "cloudwatch:ListTagsForResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:recipe-chatbot-dev*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:TargetTracking-service/recipe-chatbot-cluster/*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch::${data.aws_caller_identity.caller_identity.account_id}:dashboard/recipe-chatbot-dev*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch::${data.aws_caller_identity.caller_identity.account_id}:dashboard/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:recipe-chatbot-prod*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch::${data.aws_caller_identity.caller_identity.account_id}:dashboard/recipe-chatbot-prod*"
    ]
    sid = "ReadMetrics"
  }
  statement {
    actions = [
      "events:DescribeRule",
      "events:ListTagsForResource",
      "events:ListTargetsByRule"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:events:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:rule/recipe-chatbot-dev*",
      "arn:${data.aws_partition.partition.partition}:events:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:rule/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:events:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:rule/recipe-chatbot-prod*"
    ]
    sid = "ReadEvents"
  }
  statement {
    actions = [
      "sns:GetTopicAttributes",
      "sns:ListTagsForResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:sns:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:recipe-chatbot-*"
    ]
    sid = "ReadTopics"
  }
}
resource "aws_iam_policy" "github_oidc_plan_operations_policy" {
  description = "operations permissions of recipe-chatbot-github-plan"
  name        = "recipe-chatbot-github-plan-operations"
  policy      = data.aws_iam_policy_document.github_oidc_plan_operations_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_plan_operations_attachment" {
  policy_arn = aws_iam_policy.github_oidc_plan_operations_policy.arn
  role       = aws_iam_role.github_oidc_plan_role.name
}
data "aws_iam_policy_document" "github_oidc_plan_data_document" {
  statement {
    actions = [
      "kms:DescribeKey",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListResourceTags"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-dev*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-prod*"
    ]
    sid = "ReadKeys"
  }
  statement {
    actions = [
      "secretsmanager:DescribeSecret",
      "secretsmanager:GetResourcePolicy"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:secretsmanager:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:secret:recipe-chatbot/dev/*",
      "arn:${data.aws_partition.partition.partition}:secretsmanager:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:secret:recipe-chatbot/staging/*",
      "arn:${data.aws_partition.partition.partition}:secretsmanager:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:secret:recipe-chatbot/prod/*"
    ]
    sid = "ReadSecrets"
  }
  statement {
    actions = [
      "ssm:GetParameter",
      "ssm:ListTagsForResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/dev/*",
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/staging/*",
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/prod/*"
    ]
    sid = "ReadParameters"
  }
  statement {
    actions = [
      "s3:GetAccelerateConfiguration",
      "s3:GetBucketAcl",
      "s3:GetBucketCORS",
      "s3:GetBucketLogging",
      "s3:GetBucketObjectLockConfiguration",
      "s3:GetBucketOwnershipControls",
      "s3:GetBucketPolicy",
      "s3:GetBucketPublicAccessBlock",
      "s3:GetBucketRequestPayment",
      "s3:GetBucketTagging",
      "s3:GetBucketVersioning",
      "s3:GetBucketWebsite",
      "s3:GetEncryptionConfiguration",
      "s3:GetLifecycleConfiguration",
      "s3:GetReplicationConfiguration",
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:s3:::recipe-chatbot-dev*",
      "arn:${data.aws_partition.partition.partition}:s3:::recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:s3:::recipe-chatbot-prod*"
    ]
    sid = "ReadBuckets"
  }
}
resource "aws_iam_policy" "github_oidc_plan_data_policy" {
  description = "data permissions of recipe-chatbot-github-plan"
  name        = "recipe-chatbot-github-plan-data"
  policy      = data.aws_iam_policy_document.github_oidc_plan_data_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_plan_data_attachment" {
  policy_arn = aws_iam_policy.github_oidc_plan_data_policy.arn
  role       = aws_iam_role.github_oidc_plan_role.name
}
data "aws_iam_policy_document" "github_oidc_plan_unscoped_document" {
  statement {
    actions = [
      "application-autoscaling:DescribeScalableTargets",
      "application-autoscaling:DescribeScalingPolicies",
      "application-autoscaling:DescribeScheduledActions",
      "cloudwatch:DescribeAlarms",
      "ec2:DescribeAddresses",
      "ec2:DescribeAddressesAttribute",
      "ec2:DescribeFlowLogs",
      "ec2:DescribeInternetGateways",
      "ec2:DescribeNatGateways",
      "ec2:DescribeNetworkAcls",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribePrefixLists",
      "ec2:DescribeRouteTables",
      "ec2:DescribeSecurityGroupRules",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcAttribute",
      "ec2:DescribeVpcEndpoints",
      "ec2:DescribeVpcs",
      "ecs:DescribeTaskDefinition",
      "elasticloadbalancing:DescribeCapacityReservation",
      "elasticloadbalancing:DescribeListenerAttributes",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups",
      "kms:ListAliases",
      "logs:DescribeLogGroups",
      "logs:DescribeResourcePolicies",
      "servicediscovery:ListTagsForResource",
      "sns:GetSubscriptionAttributes",
      "ssm:DescribeParameters"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "ReadWithoutResourceLevelPermissions"
  }
}
resource "aws_iam_policy" "github_oidc_plan_unscoped_policy" {
  description = "unscoped permissions of recipe-chatbot-github-plan"
  name        = "recipe-chatbot-github-plan-unscoped"
  policy      = data.aws_iam_policy_document.github_oidc_plan_unscoped_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_plan_unscoped_attachment" {
  policy_arn = aws_iam_policy.github_oidc_plan_unscoped_policy.arn
  role       = aws_iam_role.github_oidc_plan_role.name
}
data "aws_iam_policy_document" "github_oidc_plan_state_document" {
  statement {
    actions = [
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}"
    ]
    sid = "ListStateKeys"
    condition {
      test = "StringEquals"
      values = [
        "env:/",
        "recipe-chatbot/recipe-chatbot-dev.tfstate",
        "recipe-chatbot/recipe-chatbot-staging.tfstate",
        "recipe-chatbot/recipe-chatbot-prod.tfstate"
      ]
      variable = "s3:prefix"
    }
  }
  statement {
    actions = [
      "s3:GetObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}/recipe-chatbot/recipe-chatbot-dev.tfstate",
      "${aws_s3_bucket.state_bucket.arn}/recipe-chatbot/recipe-chatbot-staging.tfstate",
      "${aws_s3_bucket.state_bucket.arn}/recipe-chatbot/recipe-chatbot-prod.tfstate"
    ]
    sid = "ReadState"
  }
  statement {
    actions = [
      "dynamodb:DescribeTable",
      "dynamodb:GetItem"
    ]
    effect = "Allow"
    resources = [
      "${aws_dynamodb_table.state_lock_table.arn}"
    ]
    sid = "ReadStateDigest"
  }
  statement {
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey"
    ]
    effect = "Allow"
    resources = [
      "${aws_kms_key.state_key.arn}"
    ]
    sid = "StateEncryption"
  }
}
resource "aws_iam_policy" "github_oidc_plan_state_policy" {
  description = "state permissions of recipe-chatbot-github-plan"
  name        = "recipe-chatbot-github-plan-state"
  policy      = data.aws_iam_policy_document.github_oidc_plan_state_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_plan_state_attachment" {
  policy_arn = aws_iam_policy.github_oidc_plan_state_policy.arn
  role       = aws_iam_role.github_oidc_plan_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_staging_trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    sid    = "GitHubActions"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "token.actions.githubusercontent.com:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "repo:recipe-chatbot/recipe-chatbot-infra:environment:staging"
      ]
      variable = "token.actions.githubusercontent.com:sub"
    }
    condition {
      test = "StringEquals"
      values = [
        "0"
      ]
      variable = "token.actions.githubusercontent.com:repository_id"
    }
    condition {
      test = "StringEquals"
      values = [
        "recipe-chatbot/recipe-chatbot-infra/.github/workflows/infra.yml@refs/heads/main"
      ]
      variable = "token.actions.githubusercontent.com:job_workflow_ref"
    }
    principals {
      identifiers = [
        "${aws_iam_openid_connect_provider.github_oidc_provider.arn}"
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "github_oidc_apply_staging_role" {
  assume_role_policy   = data.aws_iam_policy_document.github_oidc_apply_staging_trust.json
  description          = "recipe-chatbot/recipe-chatbot-infra in GitHub environment staging: terraform apply of staging"
  max_session_duration = 3600
  name                 = "recipe-chatbot-github-apply-staging"
}
data "aws_iam_policy_document" "github_oidc_apply_staging_network_document" {
  statement {
    actions = [
      "ec2:AllocateAddress",
      "ec2:AssociateRouteTable",
      "ec2:AttachInternetGateway",
      "ec2:AuthorizeSecurityGroupEgress",
      "ec2:AuthorizeSecurityGroupIngress",
      "ec2:CreateFlowLogs",
      "ec2:CreateInternetGateway",
      "ec2:CreateNatGateway",
      "ec2:CreateNetworkAcl",
      "ec2:CreateNetworkAclEntry",
      "ec2:CreateRoute",
      "ec2:CreateRouteTable",
      "ec2:CreateSecurityGroup",
      "ec2:CreateSubnet",
      "ec2:CreateTags",
      "ec2:CreateVpc",
      "ec2:CreateVpcEndpoint",
      "ec2:DeleteFlowLogs",
      "ec2:DeleteInternetGateway",
      "ec2:DeleteNatGateway",
      "ec2:DeleteNetworkAcl",
      "ec2:DeleteNetworkAclEntry",
      "ec2:DeleteRoute",
      "ec2:DeleteRouteTable",
      "ec2:DeleteSecurityGroup",
      "ec2:DeleteSubnet",
      "ec2:DeleteTags",
      "ec2:DeleteVpc",
      "ec2:DeleteVpcEndpoints",
      "ec2:DetachInternetGateway",
      "ec2:DisassociateAddress",
      "ec2:DisassociateRouteTable",
      "ec2:ModifySecurityGroupRules",
      "ec2:ModifySubnetAttribute",
      "ec2:ModifyVpcAttribute",
      "ec2:ModifyVpcEndpoint",
      "ec2:ReleaseAddress",
      "ec2:ReplaceNetworkAclAssociation",
      "ec2:ReplaceNetworkAclEntry",
      "ec2:ReplaceRoute",
      "ec2:ReplaceRouteTableAssociation",
      "ec2:RevokeSecurityGroupEgress",
      "ec2:RevokeSecurityGroupIngress",
      "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
      "ec2:UpdateSecurityGroupRuleDescriptionsIngress"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ec2:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:*"
    ]
    sid = "ManageEc2"
  }
}
resource "aws_iam_policy" "github_oidc_apply_staging_network_policy" {
  description = "network permissions of recipe-chatbot-github-apply-staging"
  name        = "recipe-chatbot-github-apply-staging-network"
  policy      = data.aws_iam_policy_document.github_oidc_apply_staging_network_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_staging_network_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_staging_network_policy.arn
  role       = aws_iam_role.github_oidc_apply_staging_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_staging_edge_document" {
  statement {
    actions = [
      "elasticloadbalancing:AddTags",
      "elasticloadbalancing:CreateListener",
      "elasticloadbalancing:CreateLoadBalancer",
      "elasticloadbalancing:CreateRule",
      "elasticloadbalancing:CreateTargetGroup",
      "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:DeleteLoadBalancer",
      "elasticloadbalancing:DeleteRule",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:ModifyListenerAttributes",
      "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:ModifyRule",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:RemoveTags",
      "elasticloadbalancing:SetIpAddressType",
      "elasticloadbalancing:SetRulePriorities",
      "elasticloadbalancing:SetSecurityGroups",
      "elasticloadbalancing:SetSubnets"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:loadbalancer/app/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:listener/app/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:listener-rule/app/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:targetgroup/recipe-chatbot-staging*"
    ]
    sid = "ManageLoadBalancing"
  }
  statement {
    actions = [
      "acm:DescribeCertificate",
      "acm:ListTagsForCertificate",
      "acm:AddTagsToCertificate",
      "acm:DeleteCertificate",
      "acm:RemoveTagsFromCertificate",
      "acm:UpdateCertificateOptions"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:acm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:certificate/*"
    ]
    sid = "ManageCertificates"
  }
  statement {
    actions = [
      "route53:GetHealthCheck",
      "route53:GetHostedZone",
      "route53:ListResourceRecordSets",
      "route53:ListTagsForResource",
      "route53:AssociateVPCWithHostedZone",
      "route53:ChangeTagsForResource",
      "route53:GetChange",
      "route53:DeleteHealthCheck",
      "route53:DeleteHostedZone",
      "route53:DisassociateVPCFromHostedZone",
      "route53:UpdateHealthCheck"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:route53:::hostedzone/*",
      "arn:${data.aws_partition.partition.partition}:route53:::healthcheck/*",
      "arn:${data.aws_partition.partition.partition}:route53:::change/*"
    ]
    sid = "ManageDns"
  }
  statement {
    actions = [
      "wafv2:GetLoggingConfiguration",
      "wafv2:GetWebACL",
      "wafv2:GetWebACLForResource",
      "wafv2:ListTagsForResource",
      "wafv2:AssociateWebACL",
      "wafv2:CreateWebACL",
      "wafv2:DeleteLoggingConfiguration",
      "wafv2:DeleteWebACL",
      "wafv2:DisassociateWebACL",
      "wafv2:PutLoggingConfiguration",
      "wafv2:TagResource",
      "wafv2:UntagResource",
      "wafv2:UpdateWebACL"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:wafv2:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:regional/webacl/recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:wafv2:us-east-1:*:regional/managedruleset/*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:loadbalancer/app/recipe-chatbot-staging*"
    ]
    sid = "ManageWaf"
  }
  statement {
    actions = [
      "guardduty:GetDetector",
      "guardduty:DeleteDetector",
      "guardduty:TagResource",
      "guardduty:UntagResource",
      "guardduty:UpdateDetector"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:guardduty:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:detector/*"
    ]
    sid = "ManageGuardDuty"
  }
  statement {
    actions = [
      "route53:ChangeResourceRecordSets"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:route53:::hostedzone/*"
    ]
    sid = "ChangeRecordsstaging"
  }
}
resource "aws_iam_policy" "github_oidc_apply_staging_edge_policy" {
  description = "edge permissions of recipe-chatbot-github-apply-staging"
  name        = "recipe-chatbot-github-apply-staging-edge"
  policy      = data.aws_iam_policy_document.github_oidc_apply_staging_edge_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_staging_edge_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_staging_edge_policy.arn
  role       = aws_iam_role.github_oidc_apply_staging_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_staging_compute_document" {
  statement {
    actions = [
      "ecs:DescribeClusters",
      "ecs:DescribeServices",
      "ecs:CreateService",
      "ecs:DeleteCluster",
      "ecs:DeleteService",
      "ecs:ListTagsForResource",
      "ecs:PutClusterCapacityProviders",
      "ecs:TagResource",
      "ecs:UntagResource",
      "ecs:UpdateCluster",
      "ecs:UpdateClusterSettings",
      "ecs:UpdateService"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:cluster/recipe-chatbot-cluster",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/*",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-staging*:*"
    ]
    sid = "ManageEcs"
  }
  statement {
    actions = [
      "ecr:DescribeRepositories",
      "ecr:GetLifecyclePolicy",
      "ecr:ListTagsForResource",
      "ecr:CreateRepository",
      "ecr:DeleteLifecyclePolicy",
      "ecr:DeleteRepository",
      "ecr:PutImageScanningConfiguration",
      "ecr:PutImageTagMutability",
      "ecr:PutLifecyclePolicy",
      "ecr:TagResource",
      "ecr:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-frontend"
    ]
    sid = "ManageRegistry"
  }
  statement {
    actions = [
      "servicediscovery:GetNamespace",
      "servicediscovery:GetService",
      "servicediscovery:CreateService",
      "servicediscovery:DeleteNamespace",
      "servicediscovery:DeleteService",
      "servicediscovery:UpdatePrivateDnsNamespace",
      "servicediscovery:UpdateService"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:servicediscovery:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:namespace/*",
      "arn:${data.aws_partition.partition.partition}:servicediscovery:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/*"
    ]
    sid = "ManageServiceDiscovery"
  }
  statement {
    actions = [
      "application-autoscaling:ListTagsForResource",
      "application-autoscaling:DeleteScalingPolicy",
      "application-autoscaling:DeregisterScalableTarget",
      "application-autoscaling:PutScalingPolicy",
      "application-autoscaling:RegisterScalableTarget",
      "application-autoscaling:PutScheduledAction",
      "application-autoscaling:DeleteScheduledAction",
      "application-autoscaling:TagResource",
      "application-autoscaling:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:application-autoscaling:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:scalable-target/*"
    ]
    sid = "ManageAutoscaling"
  }
  statement {
    actions = [
      "iam:GetRole",
      "iam:GetRolePolicy",
      "iam:ListAttachedRolePolicies",
      "iam:ListRolePolicies",
      "iam:DeleteRole",
      "iam:DeleteRolePolicy",
      "iam:ListInstanceProfilesForRole",
      "iam:PutRolePolicy",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateRole"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-staging*"
    ]
    sid = "ManageRoles"
  }
  statement {
    actions = [
      "iam:PassRole"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-staging*"
    ]
    sid = "PassEnvironmentRoles"
    condition {
      test = "StringEquals"
      values = [
        "ecs-tasks.amazonaws.com",
        "vpc-flow-logs.amazonaws.com"
      ]
      variable = "iam:PassedToService"
    }
  }
  statement {
    actions = [
      "iam:CreateServiceLinkedRole"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/aws-service-role/*"
    ]
    sid = "CreateServiceLinkedRoles"
    condition {
      test = "StringEquals"
      values = [
        "ecs.amazonaws.com",
        "elasticloadbalancing.amazonaws.com",
        "ecs.application-autoscaling.amazonaws.com",
        "guardduty.amazonaws.com"
      ]
      variable = "iam:AWSServiceName"
    }
  }
  statement {
    actions = [
      "iam:AttachRolePolicy",
      "iam:CreateRole",
      "iam:DeleteRolePolicy",
      "iam:DetachRolePolicy",
      "iam:PutRolePermissionsBoundary",
      "iam:PutRolePolicy"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "RolesOnlyWithinWorkloadBoundary"
    condition {
      test = "StringNotEquals"
      values = [
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
      ]
      variable = "iam:PermissionsBoundary"
    }
  }
  statement {
    actions = [
      "iam:DeleteRolePermissionsBoundary"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "KeepWorkloadBoundary"
  }
  statement {
    actions = [
      "iam:CreatePolicyVersion",
      "iam:DeletePolicy",
      "iam:DeletePolicyVersion",
      "iam:SetDefaultPolicyVersion"
    ]
    effect = "Deny"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
    ]
    sid = "ProtectWorkloadBoundary"
  }
  statement {
    actions = [
      "iam:CreateRole",
      "iam:UpdateAssumeRolePolicy"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "NoRoleCreationOrTrustChange"
  }
  statement {
    actions = [
      "sts:AssumeRole",
      "sts:TagSession",
      "sts:SetSourceIdentity"
    ]
    effect = "Deny"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-staging*"
    ]
    sid = "NoAssumingManagedRoles"
  }
}
resource "aws_iam_policy" "github_oidc_apply_staging_compute_policy" {
  description = "compute permissions of recipe-chatbot-github-apply-staging"
  name        = "recipe-chatbot-github-apply-staging-compute"
  policy      = data.aws_iam_policy_document.github_oidc_apply_staging_compute_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_staging_compute_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_staging_compute_policy.arn
  role       = aws_iam_role.github_oidc_apply_staging_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_staging_operations_document" {
  statement {
    actions = [
      "logs:DescribeMetricFilters",
      "logs:ListTagsForResource",
      "logs:AssociateKmsKey",
      "logs:CreateLogGroup",
      "logs:DeleteLogGroup",
      "logs:DeleteMetricFilter",
      "logs:PutMetricFilter",
      "logs:PutRetentionPolicy",
      "logs:TagResource",
      "logs:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:logs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:log-group:*recipe-chatbot*"
    ]
    sid = "ManageLogs"
  }
  statement {
    actions = [
      "cloudwatch:GetDashboard",
      "cloudwatch:ListTagsForResource",
      "cloudwatch:DeleteAlarms",
      "cloudwatch:DeleteDashboards",
      "cloudwatch:PutDashboard",
      "cloudwatch:PutMetricAlarm",
      "cloudwatch:TagResource",
      "cloudwatch:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:recipe-chatbot-staging*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:TargetTracking-service/recipe-chatbot-cluster/*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch::${data.aws_caller_identity.caller_identity.account_id}:dashboard/recipe-chatbot-staging*"
    ]
    sid = "ManageMetrics"
  }
  statement {
    actions = [
      "events:DescribeRule",
      "events:ListTagsForResource",
      "events:ListTargetsByRule",
      "events:DeleteRule",
      "events:DisableRule",
      "events:EnableRule",
      "events:PutRule",
      "events:PutTargets",
      "events:RemoveTargets",
      "events:TagResource",
      "events:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:events:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:rule/recipe-chatbot-staging*"
    ]
    sid = "ManageEvents"
  }
  statement {
    actions = [
      "sns:GetTopicAttributes",
      "sns:ListTagsForResource",
      "sns:CreateTopic",
      "sns:DeleteTopic",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
      "sns:TagResource",
      "sns:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:sns:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:recipe-chatbot-*"
    ]
    sid = "ManageTopics"
  }
}
resource "aws_iam_policy" "github_oidc_apply_staging_operations_policy" {
  description = "operations permissions of recipe-chatbot-github-apply-staging"
  name        = "recipe-chatbot-github-apply-staging-operations"
  policy      = data.aws_iam_policy_document.github_oidc_apply_staging_operations_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_staging_operations_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_staging_operations_policy.arn
  role       = aws_iam_role.github_oidc_apply_staging_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_staging_data_document" {
  statement {
    actions = [
      "kms:DescribeKey",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListResourceTags",
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:UpdateAlias"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-staging*"
    ]
    sid = "ManageKeys"
  }
  statement {
    actions = [
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:EnableKeyRotation",
      "kms:PutKeyPolicy",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-staging*"
    ]
    sid = "ManageKeysOfProject"
    condition {
      test = "StringEquals"
      values = [
        "RecipeChatbot"
      ]
      variable = "aws:ResourceTag/Project"
    }
    condition {
      test = "StringEquals"
      values = [
        "Staging"
      ]
      variable = "aws:ResourceTag/Environment"
    }
  }
  statement {
    actions = [
      "kms:TagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-staging*"
    ]
    sid = "TagOnCreateKeys"
    condition {
      test = "StringEquals"
      values = [
        "RecipeChatbot"
      ]
      variable = "aws:RequestTag/Project"
    }
    condition {
      test = "StringEquals"
      values = [
        "Staging"
      ]
      variable = "aws:RequestTag/Environment"
    }
  }
  statement {
    actions = [
      "secretsmanager:DescribeSecret",
      "secretsmanager:GetResourcePolicy",
      "secretsmanager:CreateSecret",
      "secretsmanager:DeleteSecret",
      "secretsmanager:TagResource",
      "secretsmanager:UntagResource",
      "secretsmanager:UpdateSecret"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:secretsmanager:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:secret:recipe-chatbot/staging/*"
    ]
    sid = "ManageSecrets"
  }
  statement {
    actions = [
      "ssm:GetParameter",
      "ssm:ListTagsForResource",
      "ssm:AddTagsToResource",
      "ssm:DeleteParameter",
      "ssm:PutParameter",
      "ssm:RemoveTagsFromResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/staging/*"
    ]
    sid = "ManageParameters"
  }
  statement {
    actions = [
      "s3:GetAccelerateConfiguration",
      "s3:GetBucketAcl",
      "s3:GetBucketCORS",
      "s3:GetBucketLogging",
      "s3:GetBucketObjectLockConfiguration",
      "s3:GetBucketOwnershipControls",
      "s3:GetBucketPolicy",
      "s3:GetBucketPublicAccessBlock",
      "s3:GetBucketRequestPayment",
      "s3:GetBucketTagging",
      "s3:GetBucketVersioning",
      "s3:GetBucketWebsite",
      "s3:GetEncryptionConfiguration",
      "s3:GetLifecycleConfiguration",
      "s3:GetReplicationConfiguration",
      "s3:ListBucket",
      "s3:CreateBucket",
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketOwnershipControls",
      "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock",
      "s3:PutBucketTagging",
      "s3:PutEncryptionConfiguration",
      "s3:PutLifecycleConfiguration"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:s3:::recipe-chatbot-staging*"
    ]
    sid = "ManageBuckets"
  }
  statement {
    actions = [
      "kms:CreateGrant",
      "kms:RetireGrant"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*"
    ]
    sid = "GrantKeysToAwsServices"
    condition {
      test = "Bool"
      values = [
        "true"
      ]
      variable = "kms:GrantIsForAWSResource"
    }
  }
  statement {
    actions = [
      "kms:PutKeyPolicy"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "ProtectSecretsKeyPolicy"
    condition {
      test = "ForAnyValue:StringEquals"
      values = [
        "alias/recipe-chatbot-staging-secrets"
      ]
      variable = "kms:ResourceAliases"
    }
  }
  statement {
    actions = [
      "kms:DeleteAlias",
      "kms:UpdateAlias"
    ]
    effect = "Deny"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-staging-secrets"
    ]
    sid = "ProtectSecretsKeyAlias"
  }
}
resource "aws_iam_policy" "github_oidc_apply_staging_data_policy" {
  description = "data permissions of recipe-chatbot-github-apply-staging"
  name        = "recipe-chatbot-github-apply-staging-data"
  policy      = data.aws_iam_policy_document.github_oidc_apply_staging_data_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_staging_data_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_staging_data_policy.arn
  role       = aws_iam_role.github_oidc_apply_staging_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_staging_unscoped_document" {
  statement {
    actions = [
      "acm:RequestCertificate",
      "application-autoscaling:DescribeScalableTargets",
      "application-autoscaling:DescribeScalingPolicies",
      "application-autoscaling:DescribeScheduledActions",
      "cloudwatch:DescribeAlarms",
      "ec2:DescribeAddresses",
      "ec2:DescribeAddressesAttribute",
      "ec2:DescribeFlowLogs",
      "ec2:DescribeInternetGateways",
      "ec2:DescribeNatGateways",
      "ec2:DescribeNetworkAcls",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribePrefixLists",
      "ec2:DescribeRegions",
      "ec2:DescribeRouteTables",
      "ec2:DescribeSecurityGroupRules",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcAttribute",
      "ec2:DescribeVpcEndpoints",
      "ec2:DescribeVpcs",
      "ecs:CreateCluster",
      "ecs:DeregisterTaskDefinition",
      "ecs:DescribeTaskDefinition",
      "ecs:RegisterTaskDefinition",
      "elasticloadbalancing:DescribeCapacityReservation",
      "elasticloadbalancing:DescribeListenerAttributes",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:SetWebAcl",
      "guardduty:CreateDetector",
      "kms:ListAliases",
      "logs:CreateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:DeleteResourcePolicy",
      "logs:DescribeLogGroups",
      "logs:DescribeResourcePolicies",
      "logs:PutResourcePolicy",
      "route53:CreateHealthCheck",
      "route53:CreateHostedZone",
      "route53:ListHostedZonesByName",
      "servicediscovery:CreatePrivateDnsNamespace",
      "servicediscovery:GetOperation",
      "servicediscovery:ListTagsForResource",
      "servicediscovery:TagResource",
      "servicediscovery:UntagResource",
      "sns:GetSubscriptionAttributes",
      "sns:SetSubscriptionAttributes",
      "sns:Unsubscribe",
      "ssm:DescribeParameters"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "ManageWithoutResourceLevelPermissions"
  }
  statement {
    actions = [
      "kms:CreateKey"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "CreateTaggedWithoutResourceLevelPermissions"
    condition {
      test = "StringEquals"
      values = [
        "RecipeChatbot"
      ]
      variable = "aws:RequestTag/Project"
    }
    condition {
      test = "StringEquals"
      values = [
        "Staging"
      ]
      variable = "aws:RequestTag/Environment"
    }
  }
}
resource "aws_iam_policy" "github_oidc_apply_staging_unscoped_policy" {
  description = "unscoped permissions of recipe-chatbot-github-apply-staging"
  name        = "recipe-chatbot-github-apply-staging-unscoped"
  policy      = data.aws_iam_policy_document.github_oidc_apply_staging_unscoped_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_staging_unscoped_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_staging_unscoped_policy.arn
  role       = aws_iam_role.github_oidc_apply_staging_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_staging_state_document" {
  statement {
    actions = [
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}"
    ]
    sid = "ListStateKeys"
    condition {
      test = "StringEquals"
      values = [
        "env:/",
        "recipe-chatbot/recipe-chatbot-staging.tfstate"
      ]
      variable = "s3:prefix"
    }
  }
  statement {
    actions = [
      "s3:GetObject",
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}/recipe-chatbot/recipe-chatbot-staging.tfstate"
    ]
    sid = "ReadWriteState"
  }
  statement {
    actions = [
      "s3:DeleteObject",
      "s3:GetObject",
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}/recipe-chatbot/recipe-chatbot-staging.tfstate.tflock"
    ]
    sid = "S3LockFiles"
  }
  statement {
    actions = [
      "dynamodb:DeleteItem",
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:PutItem"
    ]
    effect = "Allow"
    resources = [
      "${aws_dynamodb_table.state_lock_table.arn}"
    ]
    sid = "DynamoDbLocks"
  }
  statement {
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey"
    ]
    effect = "Allow"
    resources = [
      "${aws_kms_key.state_key.arn}"
    ]
    sid = "StateEncryption"
  }
  statement {
    actions = [
      "s3:CreateBucket",
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketOwnershipControls",
      "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock",
      "s3:PutBucketTagging",
      "s3:PutEncryptionConfiguration",
      "s3:PutLifecycleConfiguration"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}"
    ]
    sid = "ProtectStateBucket"
  }
  statement {
    actions = [
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:UpdateAlias",
      "kms:EnableKeyRotation",
      "kms:PutKeyPolicy",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateKeyDescription",
      "kms:CreateGrant",
      "kms:RetireGrant"
    ]
    effect = "Deny"
    resources = [
      "${aws_kms_key.state_key.arn}"
    ]
    sid = "ProtectStateKey"
  }
  statement {
    actions = [
      "iam:DeleteRole",
      "iam:DeleteRolePolicy",
      "iam:ListInstanceProfilesForRole",
      "iam:PutRolePolicy",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateRole",
      "iam:PassRole",
      "iam:UpdateAssumeRolePolicy"
    ]
    effect = "Deny"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-plan",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-apply-staging",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-deploy-staging",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-apply-production",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-deploy-production"
    ]
    sid = "ProtectCiRoles"
  }
}
resource "aws_iam_policy" "github_oidc_apply_staging_state_policy" {
  description = "state permissions of recipe-chatbot-github-apply-staging"
  name        = "recipe-chatbot-github-apply-staging-state"
  policy      = data.aws_iam_policy_document.github_oidc_apply_staging_state_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_staging_state_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_staging_state_policy.arn
  role       = aws_iam_role.github_oidc_apply_staging_role.name
}
data "aws_iam_policy_document" "github_oidc_deploy_staging_trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    sid    = "GitHubActions"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "token.actions.githubusercontent.com:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "repo:recipe-chatbot/recipe-chatbot:environment:staging"
      ]
      variable = "token.actions.githubusercontent.com:sub"
    }
    condition {
      test = "StringEquals"
      values = [
        "0"
      ]
      variable = "token.actions.githubusercontent.com:repository_id"
    }
    condition {
      test = "StringEquals"
      values = [
        "recipe-chatbot/recipe-chatbot/.github/workflows/deploy.yml@refs/heads/main"
      ]
      variable = "token.actions.githubusercontent.com:job_workflow_ref"
    }
    principals {
      identifiers = [
        "${aws_iam_openid_connect_provider.github_oidc_provider.arn}"
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "github_oidc_deploy_staging_role" {
  assume_role_policy   = data.aws_iam_policy_document.github_oidc_deploy_staging_trust.json
  description          = "Delivery workflow of recipe-chatbot/recipe-chatbot in GitHub environment staging: push images, roll out staging"
  max_session_duration = 3600
  name                 = "recipe-chatbot-github-deploy-staging"
}
data "aws_iam_policy_document" "github_oidc_deploy_staging_delivery_document" {
  statement {
    actions = [
      "ecr:GetAuthorizationToken"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "EcrLogin"
  }
  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-frontend"
    ]
    sid = "PushImages"
  }
  statement {
    actions = [
      "ssm:PutParameter"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/staging/deploy/backend-image-tag",
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/staging/deploy/frontend-image-tag"
    ]
    sid = "ReleaseImageTags"
  }
  statement {
    actions = [
      "ecs:DescribeTaskDefinition",
      "ecs:RegisterTaskDefinition"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "RegisterTaskDefinitions"
  }
  statement {
    actions = [
      "ecs:TagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-staging-backend:*",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-staging-frontend:*"
    ]
    sid = "TagTaskDefinitions"
  }
  statement {
    actions = [
      "ecs:RegisterTaskDefinition"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "RegisterOnlyTaggedTaskDefinitions"
    condition {
      test = "StringNotEquals"
      values = [
        "RecipeChatbot"
      ]
      variable = "aws:RequestTag/Project"
    }
  }
  statement {
    actions = [
      "ecs:DescribeServices"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/recipe-chatbot-frontend"
    ]
    sid = "DescribeServices"
  }
  statement {
    actions = [
      "ecs:UpdateService"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/recipe-chatbot-frontend"
    ]
    sid = "RollServices"
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-staging-backend:*",
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-staging-frontend:*"
      ]
      variable = "ecs:task-definition"
    }
    condition {
      test = "ArnEquals"
      values = [
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:cluster/recipe-chatbot-cluster"
      ]
      variable = "ecs:cluster"
    }
  }
  statement {
    actions = [
      "ecs:ExecuteCommand"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "NoEcsExec"
  }
  statement {
    actions = [
      "ecs:UpdateService"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "NoEnablingEcsExec"
    condition {
      test = "Bool"
      values = [
        "true"
      ]
      variable = "ecs:enable-execute-command"
    }
  }
  statement {
    actions = [
      "iam:PassRole"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-staging-backend-task",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-staging-backend-execution",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-staging-frontend-task",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-staging-frontend-execution"
    ]
    sid = "PassServiceRoles"
    condition {
      test = "StringEquals"
      values = [
        "ecs-tasks.amazonaws.com"
      ]
      variable = "iam:PassedToService"
    }
  }
}
resource "aws_iam_policy" "github_oidc_deploy_staging_delivery_policy" {
  description = "delivery permissions of recipe-chatbot-github-deploy-staging"
  name        = "recipe-chatbot-github-deploy-staging-delivery"
  policy      = data.aws_iam_policy_document.github_oidc_deploy_staging_delivery_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_deploy_staging_delivery_attachment" {
  policy_arn = aws_iam_policy.github_oidc_deploy_staging_delivery_policy.arn
  role       = aws_iam_role.github_oidc_deploy_staging_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_production_trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    sid    = "GitHubActions"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "token.actions.githubusercontent.com:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "repo:recipe-chatbot/recipe-chatbot-infra:environment:production"
      ]
      variable = "token.actions.githubusercontent.com:sub"
    }
    condition {
      test = "StringEquals"
      values = [
        "0"
      ]
      variable = "token.actions.githubusercontent.com:repository_id"
    }
    condition {
      test = "StringEquals"
      values = [
        "recipe-chatbot/recipe-chatbot-infra/.github/workflows/infra.yml@refs/heads/main"
      ]
      variable = "token.actions.githubusercontent.com:job_workflow_ref"
    }
    principals {
      identifiers = [
        "${aws_iam_openid_connect_provider.github_oidc_provider.arn}"
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "github_oidc_apply_production_role" {
  assume_role_policy   = data.aws_iam_policy_document.github_oidc_apply_production_trust.json
  description          = "recipe-chatbot/recipe-chatbot-infra in GitHub environment production: terraform apply of prod"
  max_session_duration = 3600
  name                 = "recipe-chatbot-github-apply-production"
}
data "aws_iam_policy_document" "github_oidc_apply_production_network_document" {
  statement {
    actions = [
      "ec2:AllocateAddress",
      "ec2:AssociateRouteTable",
      "ec2:AttachInternetGateway",
      "ec2:AuthorizeSecurityGroupEgress",
      "ec2:AuthorizeSecurityGroupIngress",
      "ec2:CreateFlowLogs",
      "ec2:CreateInternetGateway",
      "ec2:CreateNatGateway",
      "ec2:CreateNetworkAcl",
      "ec2:CreateNetworkAclEntry",
      "ec2:CreateRoute",
      "ec2:CreateRouteTable",
      "ec2:CreateSecurityGroup",
      "ec2:CreateSubnet",
      "ec2:CreateTags",
      "ec2:CreateVpc",
      "ec2:CreateVpcEndpoint",
      "ec2:DeleteFlowLogs",
      "ec2:DeleteInternetGateway",
      "ec2:DeleteNatGateway",
      "ec2:DeleteNetworkAcl",
      "ec2:DeleteNetworkAclEntry",
      "ec2:DeleteRoute",
      "ec2:DeleteRouteTable",
      "ec2:DeleteSecurityGroup",
      "ec2:DeleteSubnet",
      "ec2:DeleteTags",
      "ec2:DeleteVpc",
      "ec2:DeleteVpcEndpoints",
      "ec2:DetachInternetGateway",
      "ec2:DisassociateAddress",
      "ec2:DisassociateRouteTable",
      "ec2:ModifySecurityGroupRules",
      "ec2:ModifySubnetAttribute",
      "ec2:ModifyVpcAttribute",
      "ec2:ModifyVpcEndpoint",
      "ec2:ReleaseAddress",
      "ec2:ReplaceNetworkAclAssociation",
      "ec2:ReplaceNetworkAclEntry",
      "ec2:ReplaceRoute",
      "ec2:ReplaceRouteTableAssociation",
      "ec2:RevokeSecurityGroupEgress",
      "ec2:RevokeSecurityGroupIngress",
      "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
      "ec2:UpdateSecurityGroupRuleDescriptionsIngress"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ec2:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:*"
    ]
    sid = "ManageEc2"
  }
}
resource "aws_iam_policy" "github_oidc_apply_production_network_policy" {
  description = "network permissions of recipe-chatbot-github-apply-production"
  name        = "recipe-chatbot-github-apply-production-network"
  policy      = data.aws_iam_policy_document.github_oidc_apply_production_network_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_production_network_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_production_network_policy.arn
  role       = aws_iam_role.github_oidc_apply_production_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_production_edge_document" {
  statement {
    actions = [
      "elasticloadbalancing:AddTags",
      "elasticloadbalancing:CreateListener",
      "elasticloadbalancing:CreateLoadBalancer",
      "elasticloadbalancing:CreateRule",
      "elasticloadbalancing:CreateTargetGroup",
      "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:DeleteLoadBalancer",
      "elasticloadbalancing:DeleteRule",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:ModifyListenerAttributes",
      "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:ModifyRule",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:RemoveTags",
      "elasticloadbalancing:SetIpAddressType",
      "elasticloadbalancing:SetRulePriorities",
      "elasticloadbalancing:SetSecurityGroups",
      "elasticloadbalancing:SetSubnets"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:loadbalancer/app/recipe-chatbot-prod*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:listener/app/recipe-chatbot-prod*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:listener-rule/app/recipe-chatbot-prod*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:targetgroup/recipe-chatbot-prod*"
    ]
    sid = "ManageLoadBalancing"
  }
  statement {
    actions = [
      "acm:DescribeCertificate",
      "acm:ListTagsForCertificate",
      "acm:AddTagsToCertificate",
      "acm:DeleteCertificate",
      "acm:RemoveTagsFromCertificate",
      "acm:UpdateCertificateOptions"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:acm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:certificate/*"
    ]
    sid = "ManageCertificates"
  }
  statement {
    actions = [
      "route53:GetHealthCheck",
      "route53:GetHostedZone",
      "route53:ListResourceRecordSets",
      "route53:ListTagsForResource",
      "route53:AssociateVPCWithHostedZone",
      "route53:ChangeTagsForResource",
      "route53:GetChange",
      "route53:DeleteHealthCheck",
      "route53:DeleteHostedZone",
      "route53:DisassociateVPCFromHostedZone",
      "route53:UpdateHealthCheck"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:route53:::hostedzone/*",
      "arn:${data.aws_partition.partition.partition}:route53:::healthcheck/*",
      "arn:${data.aws_partition.partition.partition}:route53:::change/*"
    ]
    sid = "ManageDns"
  }
  statement {
    actions = [
      "wafv2:GetLoggingConfiguration",
      "wafv2:GetWebACL",
      "wafv2:GetWebACLForResource",
      "wafv2:ListTagsForResource",
      "wafv2:AssociateWebACL",
      "wafv2:CreateWebACL",
      "wafv2:DeleteLoggingConfiguration",
      "wafv2:DeleteWebACL",
      "wafv2:DisassociateWebACL",
      "wafv2:PutLoggingConfiguration",
      "wafv2:TagResource",
      "wafv2:UntagResource",
      "wafv2:UpdateWebACL"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:wafv2:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:regional/webacl/recipe-chatbot-prod*",
      "arn:${data.aws_partition.partition.partition}:wafv2:us-east-1:*:regional/managedruleset/*",
      "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:loadbalancer/app/recipe-chatbot-prod*"
    ]
    sid = "ManageWaf"
  }
  statement {
    actions = [
      "guardduty:GetDetector",
      "guardduty:DeleteDetector",
      "guardduty:TagResource",
      "guardduty:UntagResource",
      "guardduty:UpdateDetector"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:guardduty:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:detector/*"
    ]
    sid = "ManageGuardDuty"
  }
  statement {
    actions = [
      "route53:ChangeResourceRecordSets"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:route53:::hostedzone/*"
    ]
    sid = "ChangeRecordsprod"
  }
}
resource "aws_iam_policy" "github_oidc_apply_production_edge_policy" {
  description = "edge permissions of recipe-chatbot-github-apply-production"
  name        = "recipe-chatbot-github-apply-production-edge"
  policy      = data.aws_iam_policy_document.github_oidc_apply_production_edge_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_production_edge_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_production_edge_policy.arn
  role       = aws_iam_role.github_oidc_apply_production_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_production_compute_document" {
  statement {
    actions = [
      "ecs:DescribeClusters",
      "ecs:DescribeServices",
      "ecs:CreateService",
      "ecs:DeleteCluster",
      "ecs:DeleteService",
      "ecs:ListTagsForResource",
      "ecs:PutClusterCapacityProviders",
      "ecs:TagResource",
      "ecs:UntagResource",
      "ecs:UpdateCluster",
      "ecs:UpdateClusterSettings",
      "ecs:UpdateService"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:cluster/recipe-chatbot-cluster",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/*",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-prod*:*"
    ]
    sid = "ManageEcs"
  }
  statement {
    actions = [
      "ecr:DescribeRepositories",
      "ecr:GetLifecyclePolicy",
      "ecr:ListTagsForResource",
      "ecr:CreateRepository",
      "ecr:DeleteLifecyclePolicy",
      "ecr:DeleteRepository",
      "ecr:PutImageScanningConfiguration",
      "ecr:PutImageTagMutability",
      "ecr:PutLifecyclePolicy",
      "ecr:TagResource",
      "ecr:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-frontend"
    ]
    sid = "ManageRegistry"
  }
  statement {
    actions = [
      "servicediscovery:GetNamespace",
      "servicediscovery:GetService",
      "servicediscovery:CreateService",
      "servicediscovery:DeleteNamespace",
      "servicediscovery:DeleteService",
      "servicediscovery:UpdatePrivateDnsNamespace",
      "servicediscovery:UpdateService"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:servicediscovery:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:namespace/*",
      "arn:${data.aws_partition.partition.partition}:servicediscovery:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/*"
    ]
    sid = "ManageServiceDiscovery"
  }
  statement {
    actions = [
      "application-autoscaling:ListTagsForResource",
      "application-autoscaling:DeleteScalingPolicy",
      "application-autoscaling:DeregisterScalableTarget",
      "application-autoscaling:PutScalingPolicy",
      "application-autoscaling:RegisterScalableTarget",
      "application-autoscaling:PutScheduledAction",
      "application-autoscaling:DeleteScheduledAction",
      "application-autoscaling:TagResource",
      "application-autoscaling:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:application-autoscaling:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:scalable-target/*"
    ]
    sid = "ManageAutoscaling"
  }
  statement {
    actions = [
      "iam:GetRole",
      "iam:GetRolePolicy",
      "iam:ListAttachedRolePolicies",
      "iam:ListRolePolicies",
      "iam:DeleteRole",
      "iam:DeleteRolePolicy",
      "iam:ListInstanceProfilesForRole",
      "iam:PutRolePolicy",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateRole"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-prod*"
    ]
    sid = "ManageRoles"
  }
  statement {
    actions = [
      "iam:PassRole"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-prod*"
    ]
    sid = "PassEnvironmentRoles"
    condition {
      test = "StringEquals"
      values = [
        "ecs-tasks.amazonaws.com",
        "vpc-flow-logs.amazonaws.com"
      ]
      variable = "iam:PassedToService"
    }
  }
  statement {
    actions = [
      "iam:CreateServiceLinkedRole"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/aws-service-role/*"
    ]
    sid = "CreateServiceLinkedRoles"
    condition {
      test = "StringEquals"
      values = [
        "ecs.amazonaws.com",
        "elasticloadbalancing.amazonaws.com",
        "ecs.application-autoscaling.amazonaws.com",
        "guardduty.amazonaws.com"
      ]
      variable = "iam:AWSServiceName"
    }
  }
  statement {
    actions = [
      "iam:AttachRolePolicy",
      "iam:CreateRole",
      "iam:DeleteRolePolicy",
      "iam:DetachRolePolicy",
      "iam:PutRolePermissionsBoundary",
      "iam:PutRolePolicy"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "RolesOnlyWithinWorkloadBoundary"
    condition {
      test = "StringNotEquals"
      values = [
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
      ]
      variable = "iam:PermissionsBoundary"
    }
  }
  statement {
    actions = [
      "iam:DeleteRolePermissionsBoundary"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "KeepWorkloadBoundary"
  }
  statement {
    actions = [
      "iam:CreatePolicyVersion",
      "iam:DeletePolicy",
      "iam:DeletePolicyVersion",
      "iam:SetDefaultPolicyVersion"
    ]
    effect = "Deny"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:policy/recipe-chatbot-workload-boundary"
    ]
    sid = "ProtectWorkloadBoundary"
  }
  statement {
    actions = [
      "iam:CreateRole",
      "iam:UpdateAssumeRolePolicy"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "NoRoleCreationOrTrustChange"
  }
  statement {
    actions = [
      "sts:AssumeRole",
      "sts:TagSession",
      "sts:SetSourceIdentity"
    ]
    effect = "Deny"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-prod*"
    ]
    sid = "NoAssumingManagedRoles"
  }
}
resource "aws_iam_policy" "github_oidc_apply_production_compute_policy" {
  description = "compute permissions of recipe-chatbot-github-apply-production"
  name        = "recipe-chatbot-github-apply-production-compute"
  policy      = data.aws_iam_policy_document.github_oidc_apply_production_compute_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_production_compute_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_production_compute_policy.arn
  role       = aws_iam_role.github_oidc_apply_production_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_production_operations_document" {
  statement {
    actions = [
      "logs:DescribeMetricFilters",
      "logs:ListTagsForResource",
      "logs:AssociateKmsKey",
      "logs:CreateLogGroup",
      "logs:DeleteLogGroup",
      "logs:DeleteMetricFilter",
      "logs:PutMetricFilter",
      "logs:PutRetentionPolicy",
      "logs:TagResource",
      "logs:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:logs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:log-group:*recipe-chatbot*"
    ]
    sid = "ManageLogs"
  }
  statement {
    actions = [
      "cloudwatch:GetDashboard",
      "cloudwatch:ListTagsForResource",
      "cloudwatch:DeleteAlarms",
      "cloudwatch:DeleteDashboards",
      "cloudwatch:PutDashboard",
      "cloudwatch:PutMetricAlarm",
      "cloudwatch:TagResource",
      "cloudwatch:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:recipe-chatbot-prod*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alarm:TargetTracking-service/recipe-chatbot-cluster/*",
      "arn:${data.aws_partition.partition.partition}:cloudwatch::${data.aws_caller_identity.caller_identity.account_id}:dashboard/recipe-chatbot-prod*"
    ]
    sid = "ManageMetrics"
  }
  statement {
    actions = [
      "events:DescribeRule",
      "events:ListTagsForResource",
      "events:ListTargetsByRule",
      "events:DeleteRule",
      "events:DisableRule",
      "events:EnableRule",
      "events:PutRule",
      "events:PutTargets",
      "events:RemoveTargets",
      "events:TagResource",
      "events:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:events:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:rule/recipe-chatbot-prod*"
    ]
    sid = "ManageEvents"
  }
  statement {
    actions = [
      "sns:GetTopicAttributes",
      "sns:ListTagsForResource",
      "sns:CreateTopic",
      "sns:DeleteTopic",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
      "sns:TagResource",
      "sns:UntagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:sns:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:recipe-chatbot-*"
    ]
    sid = "ManageTopics"
  }
}
resource "aws_iam_policy" "github_oidc_apply_production_operations_policy" {
  description = "operations permissions of recipe-chatbot-github-apply-production"
  name        = "recipe-chatbot-github-apply-production-operations"
  policy      = data.aws_iam_policy_document.github_oidc_apply_production_operations_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_production_operations_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_production_operations_policy.arn
  role       = aws_iam_role.github_oidc_apply_production_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_production_data_document" {
  statement {
    actions = [
      "kms:DescribeKey",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListResourceTags",
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:UpdateAlias"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-prod*"
    ]
    sid = "ManageKeys"
  }
  statement {
    actions = [
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:EnableKeyRotation",
      "kms:PutKeyPolicy",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-prod*"
    ]
    sid = "ManageKeysOfProject"
    condition {
      test = "StringEquals"
      values = [
        "RecipeChatbot"
      ]
      variable = "aws:ResourceTag/Project"
    }
    condition {
      test = "StringEquals"
      values = [
        "Production"
      ]
      variable = "aws:ResourceTag/Environment"
    }
  }
  statement {
    actions = [
      "kms:TagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*",
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-prod*"
    ]
    sid = "TagOnCreateKeys"
    condition {
      test = "StringEquals"
      values = [
        "RecipeChatbot"
      ]
      variable = "aws:RequestTag/Project"
    }
    condition {
      test = "StringEquals"
      values = [
        "Production"
      ]
      variable = "aws:RequestTag/Environment"
    }
  }
  statement {
    actions = [
      "secretsmanager:DescribeSecret",
      "secretsmanager:GetResourcePolicy",
      "secretsmanager:CreateSecret",
      "secretsmanager:DeleteSecret",
      "secretsmanager:TagResource",
      "secretsmanager:UntagResource",
      "secretsmanager:UpdateSecret"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:secretsmanager:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:secret:recipe-chatbot/prod/*"
    ]
    sid = "ManageSecrets"
  }
  statement {
    actions = [
      "ssm:GetParameter",
      "ssm:ListTagsForResource",
      "ssm:AddTagsToResource",
      "ssm:DeleteParameter",
      "ssm:PutParameter",
      "ssm:RemoveTagsFromResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/prod/*"
    ]
    sid = "ManageParameters"
  }
  statement {
    actions = [
      "s3:GetAccelerateConfiguration",
      "s3:GetBucketAcl",
      "s3:GetBucketCORS",
      "s3:GetBucketLogging",
      "s3:GetBucketObjectLockConfiguration",
      "s3:GetBucketOwnershipControls",
      "s3:GetBucketPolicy",
      "s3:GetBucketPublicAccessBlock",
      "s3:GetBucketRequestPayment",
      "s3:GetBucketTagging",
      "s3:GetBucketVersioning",
      "s3:GetBucketWebsite",
      "s3:GetEncryptionConfiguration",
      "s3:GetLifecycleConfiguration",
      "s3:GetReplicationConfiguration",
      "s3:ListBucket",
      "s3:CreateBucket",
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketOwnershipControls",
      "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock",
      "s3:PutBucketTagging",
      "s3:PutEncryptionConfiguration",
      "s3:PutLifecycleConfiguration"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:s3:::recipe-chatbot-prod*"
    ]
    sid = "ManageBuckets"
  }
  statement {
    actions = [
      "kms:CreateGrant",
      "kms:RetireGrant"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:key/*"
    ]
    sid = "GrantKeysToAwsServices"
    condition {
      test = "Bool"
      values = [
        "true"
      ]
      variable = "kms:GrantIsForAWSResource"
    }
  }
  statement {
    actions = [
      "kms:PutKeyPolicy"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "ProtectSecretsKeyPolicy"
    condition {
      test = "ForAnyValue:StringEquals"
      values = [
        "alias/recipe-chatbot-prod-secrets"
      ]
      variable = "kms:ResourceAliases"
    }
  }
  statement {
    actions = [
      "kms:DeleteAlias",
      "kms:UpdateAlias"
    ]
    effect = "Deny"
    resources = [
      "arn:${data.aws_partition.partition.partition}:kms:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:alias/recipe-chatbot-prod-secrets"
    ]
    sid = "ProtectSecretsKeyAlias"
  }
}
resource "aws_iam_policy" "github_oidc_apply_production_data_policy" {
  description = "data permissions of recipe-chatbot-github-apply-production"
  name        = "recipe-chatbot-github-apply-production-data"
  policy      = data.aws_iam_policy_document.github_oidc_apply_production_data_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_production_data_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_production_data_policy.arn
  role       = aws_iam_role.github_oidc_apply_production_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_production_unscoped_document" {
  statement {
    actions = [
      "acm:RequestCertificate",
      "application-autoscaling:DescribeScalableTargets",
      "application-autoscaling:DescribeScalingPolicies",
      "application-autoscaling:DescribeScheduledActions",
      "cloudwatch:DescribeAlarms",
      "ec2:DescribeAddresses",
      "ec2:DescribeAddressesAttribute",
      "ec2:DescribeFlowLogs",
      "ec2:DescribeInternetGateways",
      "ec2:DescribeNatGateways",
      "ec2:DescribeNetworkAcls",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribePrefixLists",
      "ec2:DescribeRegions",
      "ec2:DescribeRouteTables",
      "ec2:DescribeSecurityGroupRules",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcAttribute",
      "ec2:DescribeVpcEndpoints",
      "ec2:DescribeVpcs",
      "ecs:CreateCluster",
      "ecs:DeregisterTaskDefinition",
      "ecs:DescribeTaskDefinition",
      "ecs:RegisterTaskDefinition",
      "elasticloadbalancing:DescribeCapacityReservation",
      "elasticloadbalancing:DescribeListenerAttributes",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:SetWebAcl",
      "guardduty:CreateDetector",
      "kms:ListAliases",
      "logs:CreateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:DeleteResourcePolicy",
      "logs:DescribeLogGroups",
      "logs:DescribeResourcePolicies",
      "logs:PutResourcePolicy",
      "route53:CreateHealthCheck",
      "route53:CreateHostedZone",
      "route53:ListHostedZonesByName",
      "servicediscovery:CreatePrivateDnsNamespace",
      "servicediscovery:GetOperation",
      "servicediscovery:ListTagsForResource",
      "servicediscovery:TagResource",
      "servicediscovery:UntagResource",
      "sns:GetSubscriptionAttributes",
      "sns:SetSubscriptionAttributes",
      "sns:Unsubscribe",
      "ssm:DescribeParameters"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "ManageWithoutResourceLevelPermissions"
  }
  statement {
    actions = [
      "kms:CreateKey"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "CreateTaggedWithoutResourceLevelPermissions"
    condition {
      test = "StringEquals"
      values = [
        "RecipeChatbot"
      ]
      variable = "aws:RequestTag/Project"
    }
    condition {
      test = "StringEquals"
      values = [
        "Production"
      ]
      variable = "aws:RequestTag/Environment"
    }
  }
}
resource "aws_iam_policy" "github_oidc_apply_production_unscoped_policy" {
  description = "unscoped permissions of recipe-chatbot-github-apply-production"
  name        = "recipe-chatbot-github-apply-production-unscoped"
  policy      = data.aws_iam_policy_document.github_oidc_apply_production_unscoped_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_production_unscoped_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_production_unscoped_policy.arn
  role       = aws_iam_role.github_oidc_apply_production_role.name
}
data "aws_iam_policy_document" "github_oidc_apply_production_state_document" {
  statement {
    actions = [
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}"
    ]
    sid = "ListStateKeys"
    condition {
      test = "StringEquals"
      values = [
        "env:/",
        "recipe-chatbot/recipe-chatbot-prod.tfstate"
      ]
      variable = "s3:prefix"
    }
  }
  statement {
    actions = [
      "s3:GetObject",
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}/recipe-chatbot/recipe-chatbot-prod.tfstate"
    ]
    sid = "ReadWriteState"
  }
  statement {
    actions = [
      "s3:DeleteObject",
      "s3:GetObject",
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}/recipe-chatbot/recipe-chatbot-prod.tfstate.tflock"
    ]
    sid = "S3LockFiles"
  }
  statement {
    actions = [
      "dynamodb:DeleteItem",
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:PutItem"
    ]
    effect = "Allow"
    resources = [
      "${aws_dynamodb_table.state_lock_table.arn}"
    ]
    sid = "DynamoDbLocks"
  }
  statement {
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey"
    ]
    effect = "Allow"
    resources = [
      "${aws_kms_key.state_key.arn}"
    ]
    sid = "StateEncryption"
  }
  statement {
    actions = [
      "s3:CreateBucket",
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketOwnershipControls",
      "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock",
      "s3:PutBucketTagging",
      "s3:PutEncryptionConfiguration",
      "s3:PutLifecycleConfiguration"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.state_bucket.arn}"
    ]
    sid = "ProtectStateBucket"
  }
  statement {
    actions = [
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:UpdateAlias",
      "kms:EnableKeyRotation",
      "kms:PutKeyPolicy",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateKeyDescription",
      "kms:CreateGrant",
      "kms:RetireGrant"
    ]
    effect = "Deny"
    resources = [
      "${aws_kms_key.state_key.arn}"
    ]
    sid = "ProtectStateKey"
  }
  statement {
    actions = [
      "iam:DeleteRole",
      "iam:DeleteRolePolicy",
      "iam:ListInstanceProfilesForRole",
      "iam:PutRolePolicy",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateRole",
      "iam:PassRole",
      "iam:UpdateAssumeRolePolicy"
    ]
    effect = "Deny"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-plan",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-apply-staging",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-deploy-staging",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-apply-production",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-github-deploy-production"
    ]
    sid = "ProtectCiRoles"
  }
}
resource "aws_iam_policy" "github_oidc_apply_production_state_policy" {
  description = "state permissions of recipe-chatbot-github-apply-production"
  name        = "recipe-chatbot-github-apply-production-state"
  policy      = data.aws_iam_policy_document.github_oidc_apply_production_state_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_apply_production_state_attachment" {
  policy_arn = aws_iam_policy.github_oidc_apply_production_state_policy.arn
  role       = aws_iam_role.github_oidc_apply_production_role.name
}
data "aws_iam_policy_document" "github_oidc_deploy_production_trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    sid    = "GitHubActions"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "token.actions.githubusercontent.com:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "repo:recipe-chatbot/recipe-chatbot:environment:production"
      ]
      variable = "token.actions.githubusercontent.com:sub"
    }
    condition {
      test = "StringEquals"
      values = [
        "0"
      ]
      variable = "token.actions.githubusercontent.com:repository_id"
    }
    condition {
      test = "StringEquals"
      values = [
        "recipe-chatbot/recipe-chatbot/.github/workflows/deploy.yml@refs/heads/main"
      ]
      variable = "token.actions.githubusercontent.com:job_workflow_ref"
    }
    principals {
      identifiers = [
        "${aws_iam_openid_connect_provider.github_oidc_provider.arn}"
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "github_oidc_deploy_production_role" {
  assume_role_policy   = data.aws_iam_policy_document.github_oidc_deploy_production_trust.json
  description          = "Delivery workflow of recipe-chatbot/recipe-chatbot in GitHub environment production: push images, roll out prod"
  max_session_duration = 3600
  name                 = "recipe-chatbot-github-deploy-production"
}
data "aws_iam_policy_document" "github_oidc_deploy_production_delivery_document" {
  statement {
    actions = [
      "ecr:GetAuthorizationToken"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "EcrLogin"
  }
  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecr:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:repository/recipe-chatbot-frontend"
    ]
    sid = "PushImages"
  }
  statement {
    actions = [
      "ssm:PutParameter"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/prod/deploy/backend-image-tag",
      "arn:${data.aws_partition.partition.partition}:ssm:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:parameter/recipe-chatbot/prod/deploy/frontend-image-tag"
    ]
    sid = "ReleaseImageTags"
  }
  statement {
    actions = [
      "ecs:DescribeTaskDefinition",
      "ecs:RegisterTaskDefinition"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "RegisterTaskDefinitions"
  }
  statement {
    actions = [
      "ecs:TagResource"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-prod-backend:*",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-prod-frontend:*"
    ]
    sid = "TagTaskDefinitions"
  }
  statement {
    actions = [
      "ecs:RegisterTaskDefinition"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "RegisterOnlyTaggedTaskDefinitions"
    condition {
      test = "StringNotEquals"
      values = [
        "RecipeChatbot"
      ]
      variable = "aws:RequestTag/Project"
    }
  }
  statement {
    actions = [
      "ecs:DescribeServices"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/recipe-chatbot-frontend"
    ]
    sid = "DescribeServices"
  }
  statement {
    actions = [
      "ecs:UpdateService"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/recipe-chatbot-backend",
      "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:service/recipe-chatbot-cluster/recipe-chatbot-frontend"
    ]
    sid = "RollServices"
    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-prod-backend:*",
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:task-definition/recipe-chatbot-prod-frontend:*"
      ]
      variable = "ecs:task-definition"
    }
    condition {
      test = "ArnEquals"
      values = [
        "arn:${data.aws_partition.partition.partition}:ecs:us-east-1:${data.aws_caller_identity.caller_identity.account_id}:cluster/recipe-chatbot-cluster"
      ]
      variable = "ecs:cluster"
    }
  }
  statement {
    actions = [
      "ecs:ExecuteCommand"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "NoEcsExec"
  }
  statement {
    actions = [
      "ecs:UpdateService"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "NoEnablingEcsExec"
    condition {
      test = "Bool"
      values = [
        "true"
      ]
      variable = "ecs:enable-execute-command"
    }
  }
  statement {
    actions = [
      "iam:PassRole"
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-prod-backend-task",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-prod-backend-execution",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-prod-frontend-task",
      "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller_identity.account_id}:role/recipe-chatbot-prod-frontend-execution"
    ]
    sid = "PassServiceRoles"
    condition {
      test = "StringEquals"
      values = [
        "ecs-tasks.amazonaws.com"
      ]
      variable = "iam:PassedToService"
    }
  }
}
resource "aws_iam_policy" "github_oidc_deploy_production_delivery_policy" {
  description = "delivery permissions of recipe-chatbot-github-deploy-production"
  name        = "recipe-chatbot-github-deploy-production-delivery"
  policy      = data.aws_iam_policy_document.github_oidc_deploy_production_delivery_document.json
}
resource "aws_iam_role_policy_attachment" "github_oidc_deploy_production_delivery_attachment" {
  policy_arn = aws_iam_policy.github_oidc_deploy_production_delivery_policy.arn
  role       = aws_iam_role.github_oidc_deploy_production_role.name
}

output "state_bucket_name" {
  value = aws_s3_bucket.state_bucket.bucket
}

output "state_bucket_region" {
  value = "us-east-1"
}

output "lock_table_name" {
  value = aws_dynamodb_table.state_lock_table.name
}

output "state_key_arn" {
  value = aws_kms_key.state_key.arn
}

output "github_oidc_provider_arn" {
  value = aws_iam_openid_connect_provider.github_oidc_provider.arn
}

output "plan_role_arn" {
  value = aws_iam_role.github_oidc_plan_role.arn
}

output "workload_boundary_arn" {
  value = aws_iam_policy.workload_boundary_policy.arn
}

output "staging_apply_role_arn" {
  value = aws_iam_role.github_oidc_apply_staging_role.arn
}

output "staging_deploy_role_arn" {
  value = aws_iam_role.github_oidc_deploy_staging_role.arn
}

output "production_apply_role_arn" {
  value = aws_iam_role.github_oidc_apply_production_role.arn
}

output "production_deploy_role_arn" {
  value = aws_iam_role.github_oidc_deploy_production_role.arn
}