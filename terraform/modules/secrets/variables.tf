# Generated from src/modules/secrets by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/secrets.ts, not this file.

variable "kms_key_alias" {
  description = "Alias of the new key the secret is encrypted with, without the alias/ prefix."
  type        = string
  validation {
    error_message = "kms_key_alias must be 1-250 letters, digits, /, _ or - and must not start with aws/."
    condition     = can(regex("^[A-Za-z0-9/_-]{1,250}$", var.kms_key_alias)) && !startswith(var.kms_key_alias, "aws/")
  }
}

variable "recovery_window_days" {
  default     = 30
  description = "Days a deleted secret can still be restored."
  type        = number
  validation {
    error_message = "recovery_window_days must be an integer from 7 to 30."
    condition     = var.recovery_window_days == floor(var.recovery_window_days) && var.recovery_window_days >= 7 && var.recovery_window_days <= 30
  }
}

variable "secret_name" {
  description = "Name of the secret, e.g. shop/prod/stripe-key."
  type        = string
}

variable "secret_description" {
  description = "What the secret is, shown in the console."
  type        = string
}

variable "secret_environment_variable" {
  description = "Environment variable a container gets the secret's value in."
  type        = string
  validation {
    error_message = "secret_environment_variable must be an environment variable name (letters, digits, underscores; not starting with a digit)."
    condition     = can(regex("^[A-Za-z_][A-Za-z0-9_]*$", var.secret_environment_variable))
  }
}

variable "parameter_name" {
  description = "Name of the String parameter, e.g. /shop/prod/log-level."
  type        = string
}

variable "parameter_value" {
  description = "The parameter's value (not sensitive: it is stored in plain text and in state)."
  type        = string
}

variable "parameter_description" {
  description = "What the setting is, shown in the console."
  type        = string
}

variable "parameter_environment_variable" {
  description = "Environment variable a container gets the parameter's value in."
  type        = string
  validation {
    error_message = "parameter_environment_variable must be an environment variable name (letters, digits, underscores; not starting with a digit)."
    condition     = can(regex("^[A-Za-z_][A-Za-z0-9_]*$", var.parameter_environment_variable))
  }
}
