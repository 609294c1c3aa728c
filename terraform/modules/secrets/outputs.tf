# Generated from src/modules/secrets by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/secrets.ts, not this file.

output "kms_key_arn" {
  value       = aws_kms_key.secrets_key.arn
  description = "ARN of the key the secret is encrypted with."
}

output "secret_arn" {
  value       = aws_secretsmanager_secret.secrets_secret.arn
  description = "ARN of the secret (put its value with aws secretsmanager put-secret-value)."
}

output "parameter_arn" {
  value       = aws_ssm_parameter.secrets_parameter.arn
  description = "ARN of the String parameter."
}

output "container_secrets" {
  value = [
    {
      name      = "${var.secret_environment_variable}"
      valueFrom = "${aws_secretsmanager_secret.secrets_secret.arn}"
    },
    {
      name      = "${var.parameter_environment_variable}"
      valueFrom = "${aws_ssm_parameter.secrets_parameter.arn}"
    },
  ]
  description = "The task definition's `secrets` entries (name, valueFrom) for the secret and the parameter."
}

output "read_policy_json" {
  value       = data.aws_iam_policy_document.read_policy.json
  description = "IAM policy (JSON) the task execution role needs to read exactly these values."
}
