# Generated from src/modules/secrets by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/secrets.ts, not this file.

data "aws_region" "secrets_region" {
}

data "aws_caller_identity" "secrets_caller_identity" {
}

data "aws_partition" "secrets_partition" {
}

data "aws_iam_policy_document" "secrets_key_policy" {
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
        "arn:${data.aws_partition.secrets_partition.partition}:iam::${data.aws_caller_identity.secrets_caller_identity.account_id}:root"
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
        "secretsmanager.${data.aws_region.secrets_region.name}.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
    condition {
      test = "StringEquals"
      values = [
        "${data.aws_caller_identity.secrets_caller_identity.account_id}"
      ]
      variable = "kms:CallerAccount"
    }
    principals {
      identifiers = [
        "arn:${data.aws_partition.secrets_partition.partition}:iam::${data.aws_caller_identity.secrets_caller_identity.account_id}:root"
      ]
      type = "AWS"
    }
  }
}

resource "aws_kms_key" "secrets_key" {
  deletion_window_in_days = 30
  description             = "Secrets Manager encryption for ${var.kms_key_alias}"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.secrets_key_policy.json
}

resource "aws_kms_alias" "secrets_key_alias" {
  name          = "alias/${var.kms_key_alias}"
  target_key_id = aws_kms_key.secrets_key.key_id
}

resource "aws_secretsmanager_secret" "secrets_secret" {
  description             = var.secret_description
  kms_key_id              = aws_kms_key.secrets_key.arn
  name                    = var.secret_name
  recovery_window_in_days = var.recovery_window_days
}

resource "aws_ssm_parameter" "secrets_parameter" {
  description = var.parameter_description
  name        = var.parameter_name
  type        = "String"
  value       = var.parameter_value
}

data "aws_iam_policy_document" "read_policy" {
  statement {
    actions = [
      "secretsmanager:GetSecretValue"
    ]
    effect = "Allow"
    resources = [
      "${aws_secretsmanager_secret.secrets_secret.arn}"
    ]
    sid = "ReadAppSecrets"
  }
  statement {
    actions = [
      "ssm:GetParameters"
    ]
    effect = "Allow"
    resources = [
      "${aws_ssm_parameter.secrets_parameter.arn}"
    ]
    sid = "ReadAppParameters"
  }
  statement {
    actions = [
      "kms:Decrypt"
    ]
    effect = "Allow"
    resources = [
      "${aws_kms_key.secrets_key.arn}"
    ]
    sid = "DecryptAppSecrets"
    condition {
      test = "StringEquals"
      values = [
        "secretsmanager.${data.aws_region.secrets_region.name}.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
  }
}
