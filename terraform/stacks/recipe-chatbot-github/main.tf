terraform {
  required_providers {
    github = {
      version = ">= 6.9.0, < 7.0.0"
      source  = "integrations/github"
    }
  }
  backend "local" {
    path = "terraform.recipe-chatbot-github.tfstate"
  }
}

variable "github_owner" {
  default     = "recipe-chatbot"
  description = "GitHub organisation or user that owns both repositories"
  type        = string
  validation {
    error_message = "github_owner must be a GitHub login: letters, digits and single inner hyphens, at most 39 characters."
    condition     = length(var.github_owner) <= 39 && can(regex("^[A-Za-z0-9](-?[A-Za-z0-9])*$", var.github_owner))
  }
}

variable "github_repository" {
  default     = "recipe-chatbot-infra"
  description = "This infrastructure repository (its workflow plans and applies the stacks)"
  type        = string
  validation {
    error_message = "github_repository must be a repository name (without the owner): letters, digits, '.', '_', '-'."
    condition     = can(regex("^[A-Za-z0-9_.-]{1,100}$", var.github_repository))
  }
}

variable "app_repository" {
  default     = "recipe-chatbot"
  description = "The application repository, which gets the delivery workflow"
  type        = string
  validation {
    error_message = "app_repository must be a repository name (without the owner): letters, digits, '.', '_', '-'."
    condition     = can(regex("^[A-Za-z0-9_.-]{1,100}$", var.app_repository))
  }
}

variable "aws_account_ids" {
  description = "AWS account id of each environment (dev, staging, prod): role ARNs and ECR URLs are built from it"
  type        = map(string)
  validation {
    error_message = "Every value of aws_account_ids must be a 12-digit AWS account id."
    condition     = alltrue([for id in values(var.aws_account_ids) : can(regex("^[0-9]{12}$", id))])
  }
  validation {
    error_message = "aws_account_ids needs an account id for each of: dev, staging, prod."
    condition     = alltrue([for name in ["dev", "staging", "prod"] : contains(keys(var.aws_account_ids), name)])
  }
}

variable "production_reviewer_team_ids" {
  default = [
  ]
  description = "GitHub team ids whose approval production deployments wait for; with none set, production needs no approval"
  type        = list(number)
  validation {
    error_message = "production_reviewer_team_ids must list GitHub team ids (positive whole numbers)."
    condition     = alltrue([for id in var.production_reviewer_team_ids : id > 0 && floor(id) == id])
  }
}

variable "production_reviewer_user_ids" {
  default = [
  ]
  description = "GitHub user ids whose approval production deployments wait for; with none set, production needs no approval"
  type        = list(number)
  validation {
    error_message = "production_reviewer_user_ids must list GitHub user ids (positive whole numbers)."
    condition     = alltrue([for id in var.production_reviewer_user_ids : id > 0 && floor(id) == id])
  }
  validation {
    error_message = "production_reviewer_team_ids and production_reviewer_user_ids may name at most 6 reviewers in all."
    condition     = length(var.production_reviewer_team_ids) + length(var.production_reviewer_user_ids) <= 6
  }
  validation {
    error_message = "production_reviewer_team_ids and production_reviewer_user_ids name no reviewer: production would deploy without approval. Name at least one, or set github.allowUnreviewedProduction: true in the configuration."
    condition     = length(var.production_reviewer_team_ids) + length(var.production_reviewer_user_ids) > 0
  }
}

variable "workflow_code_owners" {
  description = "Code owners (@user or @org/team) whose review main of the application repository requires for .github/ (its workflows)"
  type        = list(string)
  validation {
    error_message = "workflow_code_owners must name at least one code owner, each @user or @org/team."
    condition     = length(var.workflow_code_owners) > 0 && alltrue([for owner in var.workflow_code_owners : can(regex("^@[A-Za-z0-9](-?[A-Za-z0-9])*(/[A-Za-z0-9._-]+)?$", owner))])
  }
}

provider "github" {
  owner = var.github_owner
}
resource "github_repository_environment" "infra_staging_environment" {
  can_admins_bypass   = false
  environment         = "staging"
  prevent_self_review = false
  repository          = var.github_repository
  deployment_branch_policy {
    custom_branch_policies = true
    protected_branches     = false
  }
}
resource "github_repository_environment_deployment_policy" "infra_staging_branch_main" {
  branch_pattern = "main"
  environment    = github_repository_environment.infra_staging_environment.environment
  repository     = var.github_repository
}
resource "github_actions_environment_variable" "infra_staging_AWS_REGION" {
  environment   = github_repository_environment.infra_staging_environment.environment
  repository    = var.github_repository
  value         = "us-east-1"
  variable_name = "AWS_REGION"
}
resource "github_actions_environment_variable" "infra_staging_ENVIRONMENT_NAME" {
  environment   = github_repository_environment.infra_staging_environment.environment
  repository    = var.github_repository
  value         = "staging"
  variable_name = "ENVIRONMENT_NAME"
}
resource "github_actions_environment_variable" "infra_staging_AWS_APPLY_ROLE_ARN" {
  environment   = github_repository_environment.infra_staging_environment.environment
  repository    = var.github_repository
  value         = "arn:aws:iam::${var.aws_account_ids.staging}:role/recipe-chatbot-github-apply-staging"
  variable_name = "AWS_APPLY_ROLE_ARN"
}
resource "github_repository_environment" "app_staging_environment" {
  can_admins_bypass   = false
  environment         = "staging"
  prevent_self_review = false
  repository          = var.app_repository
  deployment_branch_policy {
    custom_branch_policies = true
    protected_branches     = false
  }
}
resource "github_repository_environment_deployment_policy" "app_staging_branch_main" {
  branch_pattern = "main"
  environment    = github_repository_environment.app_staging_environment.environment
  repository     = var.app_repository
}
resource "github_actions_environment_variable" "app_staging_AWS_REGION" {
  environment   = github_repository_environment.app_staging_environment.environment
  repository    = var.app_repository
  value         = "us-east-1"
  variable_name = "AWS_REGION"
}
resource "github_actions_environment_variable" "app_staging_ENVIRONMENT_NAME" {
  environment   = github_repository_environment.app_staging_environment.environment
  repository    = var.app_repository
  value         = "staging"
  variable_name = "ENVIRONMENT_NAME"
}
resource "github_actions_environment_variable" "app_staging_AWS_DEPLOY_ROLE_ARN" {
  environment   = github_repository_environment.app_staging_environment.environment
  repository    = var.app_repository
  value         = "arn:aws:iam::${var.aws_account_ids.staging}:role/recipe-chatbot-github-deploy-staging"
  variable_name = "AWS_DEPLOY_ROLE_ARN"
}
resource "github_actions_environment_variable" "app_staging_ECS_CLUSTER" {
  environment   = github_repository_environment.app_staging_environment.environment
  repository    = var.app_repository
  value         = "recipe-chatbot-cluster"
  variable_name = "ECS_CLUSTER"
}
resource "github_actions_environment_variable" "app_staging_ECR_BACKEND_REPOSITORY" {
  environment   = github_repository_environment.app_staging_environment.environment
  repository    = var.app_repository
  value         = "${var.aws_account_ids.staging}.dkr.ecr.us-east-1.amazonaws.com/recipe-chatbot-backend"
  variable_name = "ECR_BACKEND_REPOSITORY"
}
resource "github_actions_environment_variable" "app_staging_ECS_BACKEND_SERVICE" {
  environment   = github_repository_environment.app_staging_environment.environment
  repository    = var.app_repository
  value         = "recipe-chatbot-backend"
  variable_name = "ECS_BACKEND_SERVICE"
}
resource "github_actions_environment_variable" "app_staging_ECR_FRONTEND_REPOSITORY" {
  environment   = github_repository_environment.app_staging_environment.environment
  repository    = var.app_repository
  value         = "${var.aws_account_ids.staging}.dkr.ecr.us-east-1.amazonaws.com/recipe-chatbot-frontend"
  variable_name = "ECR_FRONTEND_REPOSITORY"
}
resource "github_actions_environment_variable" "app_staging_ECS_FRONTEND_SERVICE" {
  environment   = github_repository_environment.app_staging_environment.environment
  repository    = var.app_repository
  value         = "recipe-chatbot-frontend"
  variable_name = "ECS_FRONTEND_SERVICE"
}
resource "github_repository_environment" "infra_production_environment" {
  can_admins_bypass   = false
  environment         = "production"
  prevent_self_review = true
  repository          = var.github_repository
  deployment_branch_policy {
    custom_branch_policies = true
    protected_branches     = false
  }
  reviewers {
    teams = var.production_reviewer_team_ids
    users = var.production_reviewer_user_ids
  }
}
resource "github_repository_environment_deployment_policy" "infra_production_branch_main" {
  branch_pattern = "main"
  environment    = github_repository_environment.infra_production_environment.environment
  repository     = var.github_repository
}
resource "github_actions_environment_variable" "infra_production_AWS_REGION" {
  environment   = github_repository_environment.infra_production_environment.environment
  repository    = var.github_repository
  value         = "us-east-1"
  variable_name = "AWS_REGION"
}
resource "github_actions_environment_variable" "infra_production_ENVIRONMENT_NAME" {
  environment   = github_repository_environment.infra_production_environment.environment
  repository    = var.github_repository
  value         = "prod"
  variable_name = "ENVIRONMENT_NAME"
}
resource "github_actions_environment_variable" "infra_production_AWS_APPLY_ROLE_ARN" {
  environment   = github_repository_environment.infra_production_environment.environment
  repository    = var.github_repository
  value         = "arn:aws:iam::${var.aws_account_ids.prod}:role/recipe-chatbot-github-apply-production"
  variable_name = "AWS_APPLY_ROLE_ARN"
}
resource "github_repository_environment" "app_production_environment" {
  can_admins_bypass   = false
  environment         = "production"
  prevent_self_review = true
  repository          = var.app_repository
  deployment_branch_policy {
    custom_branch_policies = true
    protected_branches     = false
  }
  reviewers {
    teams = var.production_reviewer_team_ids
    users = var.production_reviewer_user_ids
  }
}
resource "github_repository_environment_deployment_policy" "app_production_branch_main" {
  branch_pattern = "main"
  environment    = github_repository_environment.app_production_environment.environment
  repository     = var.app_repository
}
resource "github_actions_environment_variable" "app_production_AWS_REGION" {
  environment   = github_repository_environment.app_production_environment.environment
  repository    = var.app_repository
  value         = "us-east-1"
  variable_name = "AWS_REGION"
}
resource "github_actions_environment_variable" "app_production_ENVIRONMENT_NAME" {
  environment   = github_repository_environment.app_production_environment.environment
  repository    = var.app_repository
  value         = "prod"
  variable_name = "ENVIRONMENT_NAME"
}
resource "github_actions_environment_variable" "app_production_AWS_DEPLOY_ROLE_ARN" {
  environment   = github_repository_environment.app_production_environment.environment
  repository    = var.app_repository
  value         = "arn:aws:iam::${var.aws_account_ids.prod}:role/recipe-chatbot-github-deploy-production"
  variable_name = "AWS_DEPLOY_ROLE_ARN"
}
resource "github_actions_environment_variable" "app_production_ECS_CLUSTER" {
  environment   = github_repository_environment.app_production_environment.environment
  repository    = var.app_repository
  value         = "recipe-chatbot-cluster"
  variable_name = "ECS_CLUSTER"
}
resource "github_actions_environment_variable" "app_production_ECR_BACKEND_REPOSITORY" {
  environment   = github_repository_environment.app_production_environment.environment
  repository    = var.app_repository
  value         = "${var.aws_account_ids.prod}.dkr.ecr.us-east-1.amazonaws.com/recipe-chatbot-backend"
  variable_name = "ECR_BACKEND_REPOSITORY"
}
resource "github_actions_environment_variable" "app_production_ECS_BACKEND_SERVICE" {
  environment   = github_repository_environment.app_production_environment.environment
  repository    = var.app_repository
  value         = "recipe-chatbot-backend"
  variable_name = "ECS_BACKEND_SERVICE"
}
resource "github_actions_environment_variable" "app_production_ECR_FRONTEND_REPOSITORY" {
  environment   = github_repository_environment.app_production_environment.environment
  repository    = var.app_repository
  value         = "${var.aws_account_ids.prod}.dkr.ecr.us-east-1.amazonaws.com/recipe-chatbot-frontend"
  variable_name = "ECR_FRONTEND_REPOSITORY"
}
resource "github_actions_environment_variable" "app_production_ECS_FRONTEND_SERVICE" {
  environment   = github_repository_environment.app_production_environment.environment
  repository    = var.app_repository
  value         = "recipe-chatbot-frontend"
  variable_name = "ECS_FRONTEND_SERVICE"
}
resource "github_actions_variable" "infra_plan_targets" {
  repository    = var.github_repository
  value         = jsonencode({ "dev" = { "role_arn" = "arn:aws:iam::${var.aws_account_ids.dev}:role/recipe-chatbot-github-plan", "region" = "us-east-1" }, "staging" = { "role_arn" = "arn:aws:iam::${var.aws_account_ids.staging}:role/recipe-chatbot-github-plan", "region" = "us-east-1" }, "prod" = { "role_arn" = "arn:aws:iam::${var.aws_account_ids.prod}:role/recipe-chatbot-github-plan", "region" = "us-east-1" } })
  variable_name = "AWS_PLAN_TARGETS"
}
resource "github_branch_protection" "infra_main_protection" {
  allows_deletions                = false
  allows_force_pushes             = false
  enforce_admins                  = true
  pattern                         = "main"
  repository_id                   = var.github_repository
  require_conversation_resolution = true
  required_pull_request_reviews {
    dismiss_stale_reviews           = true
    require_last_push_approval      = true
    required_approving_review_count = 1
  }
  required_status_checks {
    contexts = [
      "test",
      "synth",
      "plan (dev)",
      "plan (staging)",
      "plan (prod)"
    ]
    strict = true
  }
}
resource "github_branch_protection" "app_main_protection" {
  allows_deletions                = false
  allows_force_pushes             = false
  enforce_admins                  = false
  pattern                         = "main"
  repository_id                   = var.app_repository
  require_conversation_resolution = true
  required_pull_request_reviews {
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
    require_last_push_approval      = true
    required_approving_review_count = 1
  }
}
resource "github_repository_file" "app_code_owners" {
  branch              = "main"
  commit_message      = "Update .github/CODEOWNERS (managed by recipe-chatbot-infra)"
  content             = "/.github/ ${join(" ", var.workflow_code_owners)}"
  file                = ".github/CODEOWNERS"
  overwrite_on_create = true
  repository          = var.app_repository
}
resource "github_repository_file" "delivery_workflow_file" {
  branch              = "main"
  commit_message      = "Update .github/workflows/deploy.yml (managed by recipe-chatbot-infra from assets/deploy.yml and assets/rollout.sh)"
  content             = base64decode("IyBEZWxpdmVyeSB3b3JrZmxvdyBvZiB0aGUgUmVjaXBlIENoYXRib3QgYXBwbGljYXRpb246IGV2ZXJ5IHB1c2ggdG8gbWFpbiBidWlsZHMgdGhlIGJhY2tlbmQgYW5kIHRoZQojIGZyb250ZW5kIG9uY2UsIHRoZW4gcmVsZWFzZXMgdGhlIHNhbWUgaW1hZ2VzIHRvIHN0YWdpbmcgYW5kLCBhZnRlciBhIHJldmlld2VyIGFwcHJvdmVzLCB0byBwcm9kdWN0aW9uLgojCiMgTWFuYWdlZCBieSB0aGUgaW5mcmFzdHJ1Y3R1cmUgcmVwb3NpdG9yeSAocmVjaXBlLWNoYXRib3QtaW5mcmEpOiBpdHMgR2l0SHViIHN0YWNrIHJlbmRlcnMKIyBhc3NldHMvZGVwbG95LnltbCwgd2l0aCBhc3NldHMvcm9sbG91dC5zaCBpbmxpbmVkIGF0IHRoZSBtYXJrZXIgbGluZSwgaW50byB0aGUKIyBhcHBsaWNhdGlvbiByZXBvc2l0b3J5IGFzIC5naXRodWIvd29ya2Zsb3dzL2RlcGxveS55bWwuIEVkaXQgdGhvc2UgdHdvIGZpbGVzIHRoZXJlOiB0aGUgbmV4dCBhcHBseQojIG9mIHRoZSBHaXRIdWIgc3RhY2sgb3ZlcndyaXRlcyBhbnkgY2hhbmdlIG1hZGUgdG8gdGhlIHJlbmRlcmVkIGNvcHkuCiMKIyBFYWNoIGVudmlyb25tZW50IGpvYiByZWFkcyBpdHMgc2V0dGluZ3MgZnJvbSB0aGUgR2l0SHViIGVudmlyb25tZW50J3MgQWN0aW9ucyB2YXJpYWJsZXMsIHdoaWNoIHRoZQojIHNhbWUgc3RhY2sgcHVibGlzaGVzOiBBV1NfUkVHSU9OLCBBV1NfREVQTE9ZX1JPTEVfQVJOLCBFTlZJUk9OTUVOVF9OQU1FLCBFQ1NfQ0xVU1RFUiwKIyBFQ1JfPFNFUlZJQ0U+X1JFUE9TSVRPUlksIEVDU188U0VSVklDRT5fU0VSVklDRS4gQVdTIGNyZWRlbnRpYWxzIGNvbWUgZnJvbSBHaXRIdWIgT0lEQyBvbmx5LgpuYW1lOiBEZXBsb3kKCm9uOgogIHB1c2g6CiAgICBicmFuY2hlczogW21haW5dCgojIE5vdGhpbmcgYnkgZGVmYXVsdDsgZXZlcnkgam9iIGFza3MgZm9yIGV4YWN0bHkgd2hhdCBpdCB1c2VzLgpwZXJtaXNzaW9uczoge30KCiMgT25lIHJlbGVhc2UgYXQgYSB0aW1lLCBhbmQgbmV2ZXIgY2FuY2VsIG9uZSBoYWxmLXdheSAoYSBzZXJ2aWNlIGNvdWxkIGJlIGxlZnQgYmV0d2VlbiByZXZpc2lvbnMpLgpjb25jdXJyZW5jeToKICBncm91cDogZGVwbG95CiAgY2FuY2VsLWluLXByb2dyZXNzOiBmYWxzZQoKZGVmYXVsdHM6CiAgcnVuOgogICAgc2hlbGw6IGJhc2ggIyBiYXNoIC1lbyBwaXBlZmFpbCwgbm90IHRoZSBkZWZhdWx0IGJhc2ggLWU6IGEgZmFpbGluZyBgZG9ja2VyIHNhdmVgIG11c3QgZmFpbCBpdHMgcGlwZQoKam9iczoKICBidWlsZDoKICAgIG5hbWU6IGJ1aWxkICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgcnVucy1vbjogdWJ1bnR1LWxhdGVzdAogICAgcGVybWlzc2lvbnM6CiAgICAgIGNvbnRlbnRzOiByZWFkCiAgICAjIE9uZSBsZWcgcGVyIHNlcnZpY2UuIGZhaWwtZmFzdCBvZmY6IGEgZmFpbGluZyBsZWcgbXVzdCBub3QgY2FuY2VsIHRoZSBvdGhlciBpbiB0aGUgbWlkZGxlIG9mIGEgcm9sbG91dC4KICAgIHN0cmF0ZWd5OiAmcGVyLXNlcnZpY2UKICAgICAgZmFpbC1mYXN0OiBmYWxzZQogICAgICBtYXRyaXg6CiAgICAgICAgaW5jbHVkZToKICAgICAgICAgIC0gc2VydmljZTogYmFja2VuZAogICAgICAgICAgICBlY3JfcmVwb3NpdG9yeV92YXJpYWJsZTogRUNSX0JBQ0tFTkRfUkVQT1NJVE9SWQogICAgICAgICAgICBlY3Nfc2VydmljZV92YXJpYWJsZTogRUNTX0JBQ0tFTkRfU0VSVklDRQogICAgICAgICAgLSBzZXJ2aWNlOiBmcm9udGVuZAogICAgICAgICAgICBlY3JfcmVwb3NpdG9yeV92YXJpYWJsZTogRUNSX0ZST05URU5EX1JFUE9TSVRPUlkKICAgICAgICAgICAgZWNzX3NlcnZpY2VfdmFyaWFibGU6IEVDU19GUk9OVEVORF9TRVJWSUNFCiAgICBzdGVwczoKICAgICAgLSB1c2VzOiBhY3Rpb25zL2NoZWNrb3V0QDNkM2M0MmU1YWFjNWJhODA1ODI1ZGE3NjQxMGMxODEyNzNiYTkwYjEgIyB2Ny4wLjEKICAgICAgICB3aXRoOgogICAgICAgICAgcGVyc2lzdC1jcmVkZW50aWFsczogZmFsc2UKICAgICAgIyBCdWlsdCBvbmNlLCB3aXRob3V0IEFXUyBjcmVkZW50aWFsczogc3RhZ2luZyBhbmQgcHJvZHVjdGlvbiB0aGVuIHJ1biB0aGUgdmVyeSBzYW1lIGltYWdlLgogICAgICAtIG5hbWU6IEJ1aWxkIHRoZSBpbWFnZQogICAgICAgIGVudjoKICAgICAgICAgIFNFUlZJQ0U6ICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgICAgICAgSU1BR0VfVEFHOiAke3sgZ2l0aHViLnNoYSB9fQogICAgICAgIHJ1bjogfAogICAgICAgICAgZG9ja2VyIGJ1aWxkIC0tdGFnICIkU0VSVklDRTokSU1BR0VfVEFHIiAiLi8kU0VSVklDRSIKICAgICAgICAgIGRvY2tlciBzYXZlICIkU0VSVklDRTokSU1BR0VfVEFHIiB8IGd6aXAgPiAiJFJVTk5FUl9URU1QLyRTRVJWSUNFLnRhci5neiIKICAgICAgLSB1c2VzOiBhY3Rpb25zL3VwbG9hZC1hcnRpZmFjdEBiYmJjYTJkZGFhNWQ4ZmVhYTYzZTM2Yjc2ZmRhYWQ3NzM4NmYwMjRmICMgdjcuMC4wCiAgICAgICAgd2l0aDoKICAgICAgICAgIG5hbWU6IGltYWdlLSR7eyBtYXRyaXguc2VydmljZSB9fQogICAgICAgICAgcGF0aDogJHt7IHJ1bm5lci50ZW1wIH19LyR7eyBtYXRyaXguc2VydmljZSB9fS50YXIuZ3oKICAgICAgICAgIGlmLW5vLWZpbGVzLWZvdW5kOiBlcnJvcgogICAgICAgICAgcmV0ZW50aW9uLWRheXM6IDEKCiAgc3RhZ2luZzoKICAgIG5hbWU6IHN0YWdpbmcgJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICBuZWVkczogYnVpbGQKICAgIHJ1bnMtb246IHVidW50dS1sYXRlc3QKICAgIGVudmlyb25tZW50OiBzdGFnaW5nCiAgICAjIE9JREM6IHRoZSBqb2IncyB0b2tlbiBpcyBleGNoYW5nZWQgZm9yIHRoZSBlbnZpcm9ubWVudCdzIGRlcGxveSByb2xlOyBubyBzdG9yZWQgQVdTIGtleXMuCiAgICBwZXJtaXNzaW9uczogJm9pZGMKICAgICAgaWQtdG9rZW46IHdyaXRlCiAgICAgIGNvbnRlbnRzOiByZWFkCiAgICBzdHJhdGVneTogKnBlci1zZXJ2aWNlCiAgICBzdGVwczogJnJlbGVhc2UKICAgICAgLSB1c2VzOiBhY3Rpb25zL2Rvd25sb2FkLWFydGlmYWN0QDNlNWY0NWIyY2ZiOTE3MjA1NGI0MDg3YTQwZThlMGI1YTU0NjFlN2MgIyB2OC4wLjEKICAgICAgICB3aXRoOgogICAgICAgICAgbmFtZTogaW1hZ2UtJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICAgICAgICBwYXRoOiAke3sgcnVubmVyLnRlbXAgfX0KICAgICAgLSB1c2VzOiBhd3MtYWN0aW9ucy9jb25maWd1cmUtYXdzLWNyZWRlbnRpYWxzQGU2ZGUwNTQyMzhkNmI3NTMxYjRlZmZmM2I2NTg3ZDlhYWRlNmEwNmMgIyB2Ni4yLjMKICAgICAgICB3aXRoOgogICAgICAgICAgcm9sZS10by1hc3N1bWU6ICR7eyB2YXJzLkFXU19ERVBMT1lfUk9MRV9BUk4gfX0KICAgICAgICAgIGF3cy1yZWdpb246ICR7eyB2YXJzLkFXU19SRUdJT04gfX0KICAgICAgLSB1c2VzOiBhd3MtYWN0aW9ucy9hbWF6b24tZWNyLWxvZ2luQDAzZjFhYWQ0YzZjN2ZmZDQzNjU2N2Y0MmY5Mzg0Nzc5MjkwNTI5YmQgIyB2Mi4xLjcKICAgICAgICB3aXRoOgogICAgICAgICAgbWFzay1wYXNzd29yZDogdHJ1ZQogICAgICAtIG5hbWU6IFB1c2ggdGhlIGltYWdlIHRhZ2dlZCB3aXRoIHRoZSBjb21taXQKICAgICAgICBlbnY6CiAgICAgICAgICBTRVJWSUNFOiAke3sgbWF0cml4LnNlcnZpY2UgfX0KICAgICAgICAgIElNQUdFX1RBRzogJHt7IGdpdGh1Yi5zaGEgfX0KICAgICAgICAgIEVDUl9SRVBPU0lUT1JZOiAke3sgdmFyc1ttYXRyaXguZWNyX3JlcG9zaXRvcnlfdmFyaWFibGVdIH19CiAgICAgICAgcnVuOiB8CiAgICAgICAgICBkb2NrZXIgbG9hZCAtLWlucHV0ICIkUlVOTkVSX1RFTVAvJFNFUlZJQ0UudGFyLmd6IgogICAgICAgICAgZG9ja2VyIHRhZyAiJFNFUlZJQ0U6JElNQUdFX1RBRyIgIiRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIgogICAgICAgICAgZG9ja2VyIHB1c2ggIiRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIgogICAgICAjIEEgbmV3IHRhc2sgZGVmaW5pdGlvbiByZXZpc2lvbiB3aXRoIG9ubHkgdGhlIGltYWdlIGNoYW5nZWQsIHRoZW4gdGhlIHNlcnZpY2UgbW92ZXMgdG8gaXQKICAgICAgIyAoUkVBRE1FICJEZWxpdmVyeSIpOyBub3QgLS1mb3JjZS1uZXctZGVwbG95bWVudCwgd2hpY2ggd291bGQgcmVzdGFydCB0aGUgb2xkIGltYWdlLgogICAgICAtIG5hbWU6IFJvbGwgb3V0CiAgICAgICAgZW52OgogICAgICAgICAgRU5WSVJPTk1FTlRfTkFNRTogJHt7IHZhcnMuRU5WSVJPTk1FTlRfTkFNRSB9fQogICAgICAgICAgU0VSVklDRTogJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICAgICAgICBJTUFHRV9UQUc6ICR7eyBnaXRodWIuc2hhIH19CiAgICAgICAgICBFQ1NfQ0xVU1RFUjogJHt7IHZhcnMuRUNTX0NMVVNURVIgfX0KICAgICAgICAgIEVDU19TRVJWSUNFOiAke3sgdmFyc1ttYXRyaXguZWNzX3NlcnZpY2VfdmFyaWFibGVdIH19CiAgICAgICAgICBFQ1JfUkVQT1NJVE9SWTogJHt7IHZhcnNbbWF0cml4LmVjcl9yZXBvc2l0b3J5X3ZhcmlhYmxlXSB9fQogICAgICAgIHJ1bjogfAogICAgICAgICAgIyEvdXNyL2Jpbi9lbnYgYmFzaAogICAgICAgICAgIyBSb2xscyBvbmUgc2VydmljZSBvZiBvbmUgZW52aXJvbm1lbnQgb3V0IHRvIGEgbmV3IGltYWdlIHdpdGhvdXQgVGVycmFmb3JtIGRyaWZ0IChSRUFETUUgIkRlbGl2ZXJ5OgogICAgICAgICAgIyByb2xsaW5nIG91dCBhIG5ldyBpbWFnZSB3aXRob3V0IFRlcnJhZm9ybSBkcmlmdCIpLiBUaGUgYXBwbGljYXRpb24ncyBkZWxpdmVyeSB3b3JrZmxvdyBydW5zIHRoaXMKICAgICAgICAgICMgdGV4dCB2ZXJiYXRpbTogdGhlIEdpdEh1YiBzdGFjayBpbmxpbmVzIGl0IGludG8gLmdpdGh1Yi93b3JrZmxvd3MvZGVwbG95LnltbCwgc28gZWRpdCBpdCBoZXJlIG9ubHkuCiAgICAgICAgICAjCiAgICAgICAgICAjIElucHV0IChlbnZpcm9ubWVudCB2YXJpYWJsZXMpOgogICAgICAgICAgIyAgIEVOVklST05NRU5UX05BTUUgIGRldiB8IHN0YWdpbmcgfCBwcm9kOiBzY29wZXMgdGhlIGltYWdlLXRhZyBwYXJhbWV0ZXIgYW5kIHRoZSB0YXNrIGZhbWlseQogICAgICAgICAgIyAgIFNFUlZJQ0UgICAgICAgICAgIGJhY2tlbmQgfCBmcm9udGVuZDogYWxzbyB0aGUgbmFtZSBvZiB0aGUgc2VydmljZSdzIGNvbnRhaW5lcgogICAgICAgICAgIyAgIElNQUdFX1RBRyAgICAgICAgIHRoZSB0YWcganVzdCBwdXNoZWQgKHRoZSBjb21taXQgU0hBKQogICAgICAgICAgIyAgIEVDU19DTFVTVEVSICAgICAgIGNsdXN0ZXIgb2YgdGhlIHNlcnZpY2UKICAgICAgICAgICMgICBFQ1NfU0VSVklDRSAgICAgICBFQ1Mgc2VydmljZSBuYW1lCiAgICAgICAgICAjICAgRUNSX1JFUE9TSVRPUlkgICAgcmVwb3NpdG9yeSBVUkwsIDxhY2NvdW50Pi5ka3IuZWNyLjxyZWdpb24+LmFtYXpvbmF3cy5jb20vPG5hbWU+CiAgICAgICAgICAjIE5lZWRzIHRoZSBhd3MgQ0xJICh2MSBvciB2MikgYW5kIGpxLCBhbmQgdGhlc2UgcGVybWlzc2lvbnMgKHRoZSBkZXBsb3kgcm9sZSdzKTogc3NtOlB1dFBhcmFtZXRlciBvbgogICAgICAgICAgIyB0aGUgcGFyYW1ldGVyOyBlY3M6RGVzY3JpYmVUYXNrRGVmaW5pdGlvbiwgZWNzOlJlZ2lzdGVyVGFza0RlZmluaXRpb24gYW5kIGVjczpUYWdSZXNvdXJjZSAodGhlIGNvcHkKICAgICAgICAgICMga2VlcHMgaXRzIHRhZ3MpOyBpYW06UGFzc1JvbGUgb24gdGhlIHRhc2sncyBleGVjdXRpb24gYW5kIHRhc2sgcm9sZXM7IGVjczpVcGRhdGVTZXJ2aWNlIGFuZAogICAgICAgICAgIyBlY3M6RGVzY3JpYmVTZXJ2aWNlcyBvbiB0aGUgc2VydmljZS4KICAgICAgICAgIHNldCAtZXVvIHBpcGVmYWlsCiAgICAgICAgICAjIFdpdGhvdXQgaXQgYSBmYWlsaW5nIGNvbW1hbmQgaW5zaWRlICQoLi4uKSBkb2VzIG5vdCBzdG9wIHRoZSBmdW5jdGlvbiBpdCBydW5zIGluLgogICAgICAgICAgc2hvcHQgLXMgaW5oZXJpdF9lcnJleGl0CgogICAgICAgICAgZmFpbCgpIHsKICAgICAgICAgICAgZWNobyAiOjplcnJvcjo6cm9sbG91dDogJCoiID4mMgogICAgICAgICAgICBleGl0IDEKICAgICAgICAgIH0KCiAgICAgICAgICBmb3IgbmFtZSBpbiBFTlZJUk9OTUVOVF9OQU1FIFNFUlZJQ0UgSU1BR0VfVEFHIEVDU19DTFVTVEVSIEVDU19TRVJWSUNFIEVDUl9SRVBPU0lUT1JZOyBkbwogICAgICAgICAgICBbWyAtbiAiJHshbmFtZTotfSIgXV0gfHwgZmFpbCAiJG5hbWUgaXMgbm90IHNldCIKICAgICAgICAgIGRvbmUKICAgICAgICAgIFtbICIkU0VSVklDRSIgPT0gYmFja2VuZCB8fCAiJFNFUlZJQ0UiID09IGZyb250ZW5kIF1dIHx8IGZhaWwgIlNFUlZJQ0UgbXVzdCBiZSBiYWNrZW5kIG9yIGZyb250ZW5kIChnb3QgJyRTRVJWSUNFJykiCiAgICAgICAgICAjIEVDUidzIHRhZyBzeW50YXgsIGFzIElNQUdFX1RBR19QQVRURVJOIGluIHNyYy9jb25maWcvc2NoZW1hLnRzLgogICAgICAgICAgW1sgIiRJTUFHRV9UQUciID1+IF5bQS1aYS16MC05X11bQS1aYS16MC05Xy4tXXswLDEyN30kIF1dIHx8IGZhaWwgIklNQUdFX1RBRyAnJElNQUdFX1RBRycgaXMgbm90IGEgdmFsaWQgaW1hZ2UgdGFnIgoKICAgICAgICAgICMgTmFtZXMgdGhlIGVudmlyb25tZW50IHN0YWNrIGdpdmVzIHRoZXNlIChpbWFnZVRhZ1BhcmFtZXRlck5hbWUgYW5kIHRhc2tGYW1pbHlOYW1lIGluCiAgICAgICAgICAjIHNyYy9jb3JlL25hbWluZy50cyk7IHRoZSBlbXVsYXRvciB0ZXN0IHJvbGxzIG91dCBhZ2FpbnN0IHRoZSBzeW50aGVzaXplZCBzdGFjay4KICAgICAgICAgIHJlYWRvbmx5IFRBR19QQVJBTUVURVI9Ii9yZWNpcGUtY2hhdGJvdC8ke0VOVklST05NRU5UX05BTUV9L2RlcGxveS8ke1NFUlZJQ0V9LWltYWdlLXRhZyIKICAgICAgICAgIHJlYWRvbmx5IFRBU0tfRkFNSUxZPSJyZWNpcGUtY2hhdGJvdC0ke0VOVklST05NRU5UX05BTUV9LSR7U0VSVklDRX0iCgogICAgICAgICAgIyBSZWdpc3RlcnMgYSBjb3B5IG9mIHRoZSBmYW1pbHkncyBuZXdlc3QgcmV2aXNpb24gd2l0aCBvbmx5IHRoaXMgc2VydmljZSdzIGltYWdlIGNoYW5nZWQsIGFuZAogICAgICAgICAgIyBwcmludHMgaXRzIEFSTi4gVGVycmFmb3JtIHRyYWNrcyB0aGUgbmV3ZXN0IHJldmlzaW9uICh0cmFja19sYXRlc3QpLCBzbyBhZnRlciB0aGUgcGFyYW1ldGVyIHdyaXRlCiAgICAgICAgICAjIGl0cyBjb25maWd1cmF0aW9uIGVxdWFscyB0aGlzIGNvcHkuIFRoZSB0YWdzIGFyZSBjb3BpZWQgdG9vLCBvciBUZXJyYWZvcm0gd291bGQgcmUtYWRkIHRoZW0uCiAgICAgICAgICByZWdpc3Rlcl9yZXZpc2lvbigpIHsKICAgICAgICAgICAgbG9jYWwgaW1hZ2U9JDEgZGVzY3JpYmVkIGlucHV0CiAgICAgICAgICAgIGRlc2NyaWJlZD0kKGF3cyBlY3MgZGVzY3JpYmUtdGFzay1kZWZpbml0aW9uIC0tdGFzay1kZWZpbml0aW9uICIkVEFTS19GQU1JTFkiIC0taW5jbHVkZSBUQUdTIC0tb3V0cHV0IGpzb24pCiAgICAgICAgICAgIGlucHV0PSQoanEgLS1hcmcgY29udGFpbmVyICIkU0VSVklDRSIgLS1hcmcgaW1hZ2UgIiRpbWFnZSIgJwogICAgICAgICAgICAgIC4gYXMgJGRlc2NyaWJlZAogICAgICAgICAgICAgIHwgaWYgYW55KCRkZXNjcmliZWQudGFza0RlZmluaXRpb24uY29udGFpbmVyRGVmaW5pdGlvbnNbXTsgLm5hbWUgPT0gJGNvbnRhaW5lcikgdGhlbiAuIGVsc2UKICAgICAgICAgICAgICAgICAgZXJyb3IoInRhc2sgZGVmaW5pdGlvbiBcKCRkZXNjcmliZWQudGFza0RlZmluaXRpb24udGFza0RlZmluaXRpb25Bcm4pIGhhcyBubyBjb250YWluZXIgbmFtZWQgXCgkY29udGFpbmVyKSIpCiAgICAgICAgICAgICAgICBlbmQKICAgICAgICAgICAgICB8ICRkZXNjcmliZWQudGFza0RlZmluaXRpb24KICAgICAgICAgICAgICAjIFdoYXQgRGVzY3JpYmVUYXNrRGVmaW5pdGlvbiByZXBvcnRzIGJ1dCBSZWdpc3RlclRhc2tEZWZpbml0aW9uIGRvZXMgbm90IGFjY2VwdC4KICAgICAgICAgICAgICB8IGRlbCgudGFza0RlZmluaXRpb25Bcm4sIC5yZXZpc2lvbiwgLnN0YXR1cywgLnJlcXVpcmVzQXR0cmlidXRlcywgLmNvbXBhdGliaWxpdGllcywKICAgICAgICAgICAgICAgICAgICAucmVnaXN0ZXJlZEF0LCAucmVnaXN0ZXJlZEJ5LCAuZGVyZWdpc3RlcmVkQXQpCiAgICAgICAgICAgICAgfCAuY29udGFpbmVyRGVmaW5pdGlvbnMgfD0gbWFwKGlmIC5uYW1lID09ICRjb250YWluZXIgdGhlbiAuaW1hZ2UgPSAkaW1hZ2UgZWxzZSAuIGVuZCkKICAgICAgICAgICAgICB8IGlmICgkZGVzY3JpYmVkLnRhZ3MgLy8gW10pID09IFtdIHRoZW4gLiBlbHNlIC50YWdzID0gJGRlc2NyaWJlZC50YWdzIGVuZAogICAgICAgICAgICAnIDw8PCIkZGVzY3JpYmVkIikKICAgICAgICAgICAgYXdzIGVjcyByZWdpc3Rlci10YXNrLWRlZmluaXRpb24gLS1jbGktaW5wdXQtanNvbiAiJGlucHV0IiAtLXF1ZXJ5IHRhc2tEZWZpbml0aW9uLnRhc2tEZWZpbml0aW9uQXJuIC0tb3V0cHV0IHRleHQKICAgICAgICAgIH0KCiAgICAgICAgICAjIFJlbGVhc2VzIGEgdGFnOiB0aGUgcGFyYW1ldGVyIGZpcnN0IChUZXJyYWZvcm0gcmVhZHMgaXQgYmFjayBvbiBldmVyeSBwbGFuLCBzbyBmcm9tIGhlcmUgb24gYW4KICAgICAgICAgICMgaW5mcmFzdHJ1Y3R1cmUgYXBwbHkga2VlcHMgdGhpcyB0YWcpLCB0aGVuIGEgcmV2aXNpb24gd2l0aCBpdCwgdGhlbiB0aGUgc2VydmljZS4gUHJpbnRzIHRoZSBpZCBvZgogICAgICAgICAgIyB0aGUgZGVwbG95bWVudCB0aGF0IHVwZGF0ZS1zZXJ2aWNlIHN0YXJ0ZWQuCiAgICAgICAgICByZWxlYXNlKCkgewogICAgICAgICAgICBsb2NhbCB0YWc9JDEgYXJuCiAgICAgICAgICAgIGF3cyBzc20gcHV0LXBhcmFtZXRlciAtLW5hbWUgIiRUQUdfUEFSQU1FVEVSIiAtLXR5cGUgU3RyaW5nIC0tdmFsdWUgIiR0YWciIC0tb3ZlcndyaXRlID4vZGV2L251bGwKICAgICAgICAgICAgYXJuPSQocmVnaXN0ZXJfcmV2aXNpb24gIiRFQ1JfUkVQT1NJVE9SWTokdGFnIikKICAgICAgICAgICAgZWNobyAicm9sbG91dDogJEVDU19TRVJWSUNFIC0+ICRhcm4gKCRFQ1JfUkVQT1NJVE9SWTokdGFnKSIgPiYyCiAgICAgICAgICAgICMgc2hlbGxjaGVjayBkaXNhYmxlPVNDMjAxNiAjIGJhY2txdW90ZXMgYXJlIGEgSk1FU1BhdGggbGl0ZXJhbCwgbm90IGEgc2hlbGwgZXhwYW5zaW9uCiAgICAgICAgICAgIGF3cyBlY3MgdXBkYXRlLXNlcnZpY2UgLS1jbHVzdGVyICIkRUNTX0NMVVNURVIiIC0tc2VydmljZSAiJEVDU19TRVJWSUNFIiAtLXRhc2stZGVmaW5pdGlvbiAiJGFybiIgXAogICAgICAgICAgICAgIC0tcXVlcnkgJ3NlcnZpY2UuZGVwbG95bWVudHNbP3N0YXR1cz09YFBSSU1BUllgXSB8IFswXS5pZCcgLS1vdXRwdXQgdGV4dAogICAgICAgICAgfQoKICAgICAgICAgIGRlc2NyaWJlX3NlcnZpY2UoKSB7CiAgICAgICAgICAgIGF3cyBlY3MgZGVzY3JpYmUtc2VydmljZXMgLS1jbHVzdGVyICIkRUNTX0NMVVNURVIiIC0tc2VydmljZXMgIiRFQ1NfU0VSVklDRSIgLS1vdXRwdXQganNvbgogICAgICAgICAgfQoKICAgICAgICAgIGRlcGxveW1lbnRfaWQ9JChyZWxlYXNlICIkSU1BR0VfVEFHIikKCiAgICAgICAgICAjIFdhaXRzIHVudGlsIHRoZSBzZXJ2aWNlIGhhcyBhIHNpbmdsZSBkZXBsb3ltZW50IHdpdGggZXZlcnkgdGFzayBydW5uaW5nICh0aGUgQ0xJIHBvbGxzIGV2ZXJ5IDE1IHMsCiAgICAgICAgICAjIGF0IG1vc3QgNDAgdGltZXMpLiBBIGRlcGxveW1lbnQgdGhlIGNpcmN1aXQgYnJlYWtlciBvciBhbiBhbGFybSByb2xscyBiYWNrIGlzIHN0YWJsZSB0b28sIG9uIHRoZQogICAgICAgICAgIyBvbGQgcmV2aXNpb24uCiAgICAgICAgICBpZiAhIGF3cyBlY3Mgd2FpdCBzZXJ2aWNlcy1zdGFibGUgLS1jbHVzdGVyICIkRUNTX0NMVVNURVIiIC0tc2VydmljZXMgIiRFQ1NfU0VSVklDRSI7IHRoZW4KICAgICAgICAgICAgZGVzY3JpYmVfc2VydmljZSB8IGpxIC1yICcuc2VydmljZXNbMF0uZXZlbnRzWzo1XVtdIHwgIiAgXCguY3JlYXRlZEF0KSBcKC5tZXNzYWdlKSInID4mMiB8fCB0cnVlCiAgICAgICAgICAgIGZhaWwgIiRFQ1NfU0VSVklDRSBkaWQgbm90IGJlY29tZSBzdGFibGU7IHRoZSBkZXBsb3ltZW50ICRkZXBsb3ltZW50X2lkIG1heSBzdGlsbCBiZSBpbiBwcm9ncmVzcyIKICAgICAgICAgIGZpCgogICAgICAgICAgIyBzZXJ2aWNlcy1zdGFibGUgY2FuIHBhc3MgYSBtb21lbnQgYmVmb3JlIEVDUyBkZWNpZGVzIHRoZSByb2xsb3V0IChDT01QTEVURUQsIG9yIEZBSUxFRCB3aGVuIHRhc2tzCiAgICAgICAgICAjIGZhaWwgdGhlaXIgaGVhbHRoIGNoZWNrcyBhZnRlciBzdGFydGluZyk6IHBvbGwgZm9yIHRoZSB2ZXJkaWN0LCBhdCBtb3N0IGFzIGxvbmcgYXMgdGhlIHdhaXRlci4KICAgICAgICAgIHJlYWRvbmx5IFZFUkRJQ1RfUE9MTF9TRUNPTkRTPTE1IFZFUkRJQ1RfUE9MTF9BVFRFTVBUUz00MAogICAgICAgICAgZm9yICgoYXR0ZW1wdCA9IDE7IDsgYXR0ZW1wdCsrKSk7IGRvCiAgICAgICAgICAgIHN0YXRlPSQoZGVzY3JpYmVfc2VydmljZSkKICAgICAgICAgICAgcHJpbWFyeT0kKGpxIC1jICcuc2VydmljZXNbMF0uZGVwbG95bWVudHNbXSB8IHNlbGVjdCguc3RhdHVzID09ICJQUklNQVJZIiknIDw8PCIkc3RhdGUiKQogICAgICAgICAgICBwcmltYXJ5X2lkPSQoanEgLXIgLmlkIDw8PCIkcHJpbWFyeSIpCiAgICAgICAgICAgIHJvbGxvdXRfc3RhdGU9JChqcSAtciAucm9sbG91dFN0YXRlIDw8PCIkcHJpbWFyeSIpCiAgICAgICAgICAgIFtbICIkcHJpbWFyeV9pZCIgPT0gIiRkZXBsb3ltZW50X2lkIiAmJiAiJHJvbGxvdXRfc3RhdGUiID09IElOX1BST0dSRVNTIF1dIHx8IGJyZWFrCiAgICAgICAgICAgICgoYXR0ZW1wdCA8IFZFUkRJQ1RfUE9MTF9BVFRFTVBUUykpIHx8IGZhaWwgImRlcGxveW1lbnQgJGRlcGxveW1lbnRfaWQgb2YgJEVDU19TRVJWSUNFIGlzIHN0aWxsIElOX1BST0dSRVNTIgogICAgICAgICAgICBzbGVlcCAiJFZFUkRJQ1RfUE9MTF9TRUNPTkRTIgogICAgICAgICAgZG9uZQogICAgICAgICAgaWYgW1sgIiRwcmltYXJ5X2lkIiA9PSAiJGRlcGxveW1lbnRfaWQiICYmICIkcm9sbG91dF9zdGF0ZSIgPT0gQ09NUExFVEVEIF1dOyB0aGVuCiAgICAgICAgICAgIGVjaG8gInJvbGxvdXQ6ICRFQ1NfU0VSVklDRSBydW5zICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIiA+JjIKICAgICAgICAgICAgZXhpdCAwCiAgICAgICAgICBmaQoKICAgICAgICAgICMgRUNTIHN0b3BwZWQgdGhlIGRlcGxveW1lbnQ6IHRoZSBjaXJjdWl0IGJyZWFrZXIgKHRhc2tzIGZhaWxlZCB0byBzdGFydCBvciB0byBwYXNzIGhlYWx0aCBjaGVja3MpIG9yCiAgICAgICAgICAjIGEgZGVwbG95bWVudCBhbGFybSB0aGF0IGZpcmVkIGR1cmluZyB0aGUgYmFrZSB0aW1lOyB3aXRoIHJvbGxiYWNrIG9uLCBhcyBldmVyeSBzZXJ2aWNlIGhlcmUgaGFzCiAgICAgICAgICAjIGl0LCBpdCB3ZW50IGJhY2sgdG8gdGhlIGxhc3QgY29tcGxldGVkIGRlcGxveW1lbnQuIFRoZSByZWFzb24gaXMgb24gdGhlIGZhaWxlZCBkZXBsb3ltZW50IHdoaWxlCiAgICAgICAgICAjIEVDUyBsaXN0cyBpdCAob3Vycywgb3IgdGhlIG9uZSBpdCBtYXJrcyBGQUlMRUQpLCBhbmQgb24gdGhlIHJvbGxiYWNrIGRlcGxveW1lbnQgYWZ0ZXIuCiAgICAgICAgICByZWFzb249JChqcSAtciAtLWFyZyBpZCAiJGRlcGxveW1lbnRfaWQiICcuc2VydmljZXNbMF0uZGVwbG95bWVudHMgYXMgJGFsbAogICAgICAgICAgICB8IFsoJGFsbFtdIHwgc2VsZWN0KC5pZCA9PSAkaWQpKSwgKCRhbGxbXSB8IHNlbGVjdCgucm9sbG91dFN0YXRlID09ICJGQUlMRUQiKSksICgkYWxsW10gfCBzZWxlY3QoLnN0YXR1cyA9PSAiUFJJTUFSWSIpKV0KICAgICAgICAgICAgfCBtYXAoLnJvbGxvdXRTdGF0ZVJlYXNvbiAvLyBlbXB0eSkgfCBmaXJzdCAvLyBlbXB0eScgPDw8IiRzdGF0ZSIpCiAgICAgICAgICBlY2hvICI6OmVycm9yOjpyb2xsb3V0OiBFQ1Mgc3RvcHBlZCBkZXBsb3ltZW50ICRkZXBsb3ltZW50X2lkIG9mICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIHRvIiBcCiAgICAgICAgICAgICIkRUNTX1NFUlZJQ0UgKGRlcGxveW1lbnQgY2lyY3VpdCBicmVha2VyIG9yIGRlcGxveW1lbnQgYWxhcm0pJHtyZWFzb246KzogJHJlYXNvbn0iID4mMgogICAgICAgICAganEgLXIgJy5zZXJ2aWNlc1swXS5ldmVudHNbOjVdW10gfCAiICBcKC5jcmVhdGVkQXQpIFwoLm1lc3NhZ2UpIicgPDw8IiRzdGF0ZSIgPiYyIHx8IHRydWUKCiAgICAgICAgICByb2xsZWRfYmFja190bz0kKGpxIC1yICcudGFza0RlZmluaXRpb24gLy8gZW1wdHknIDw8PCIkcHJpbWFyeSIpCiAgICAgICAgICBpZiBbWyAteiAiJHJvbGxlZF9iYWNrX3RvIiB8fCAiJHByaW1hcnlfaWQiID09ICIkZGVwbG95bWVudF9pZCIgXV07IHRoZW4KICAgICAgICAgICAgZmFpbCAiJEVDU19TRVJWSUNFIHdhcyBub3Qgcm9sbGVkIGJhY2s7IGZpeCBpdCBieSBoYW5kIChhd3MgZWNzIGRlc2NyaWJlLXNlcnZpY2VzKSIKICAgICAgICAgIGZpCiAgICAgICAgICAjIFRoZSBwYXJhbWV0ZXIgYW5kIHRoZSBuZXdlc3QgcmV2aXNpb24gc3RpbGwgbmFtZSB0aGUgZmFpbGVkIGltYWdlLCBzbyB0aGUgbmV4dCBpbmZyYXN0cnVjdHVyZQogICAgICAgICAgIyBhcHBseSB3b3VsZCByb2xsIGl0IG91dCBhZ2Fpbi4gUmVsZWFzZSB0aGUgdGFnIHRoZSBzZXJ2aWNlIHdhcyByb2xsZWQgYmFjayB0byBpbnN0ZWFkOiB0aGUKICAgICAgICAgICMgY29uZmlndXJhdGlvbiB0aGVuIGVxdWFscyB3aGF0IHJ1bnMsIGFuZCB0aGUgcGxhbiBzdGF5cyBlbXB0eS4KICAgICAgICAgIHJ1bm5pbmdfaW1hZ2U9JChhd3MgZWNzIGRlc2NyaWJlLXRhc2stZGVmaW5pdGlvbiAtLXRhc2stZGVmaW5pdGlvbiAiJHJvbGxlZF9iYWNrX3RvIiAtLW91dHB1dCBqc29uIHwKICAgICAgICAgICAganEgLXIgLS1hcmcgY29udGFpbmVyICIkU0VSVklDRSIgJy50YXNrRGVmaW5pdGlvbi5jb250YWluZXJEZWZpbml0aW9uc1tdIHwgc2VsZWN0KC5uYW1lID09ICRjb250YWluZXIpIHwgLmltYWdlJykKICAgICAgICAgIHJ1bm5pbmdfdGFnPSR7cnVubmluZ19pbWFnZSMjKjp9CiAgICAgICAgICBlY2hvICJyb2xsb3V0OiByb2xsZWQgYmFjayB0byAkcm9sbGVkX2JhY2tfdG87IHJlc3RvcmluZyAkVEFHX1BBUkFNRVRFUiB0byAkcnVubmluZ190YWciID4mMgogICAgICAgICAgcmVsZWFzZSAiJHJ1bm5pbmdfdGFnIiA+L2Rldi9udWxsCiAgICAgICAgICBmYWlsICIkRUNTX1NFUlZJQ0Ugc3RpbGwgcnVucyAkcnVubmluZ190YWc6ICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIHdhcyByb2xsZWQgYmFjayIKCiAgcHJvZHVjdGlvbjoKICAgIG5hbWU6IHByb2R1Y3Rpb24gJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICBuZWVkczogc3RhZ2luZwogICAgcnVucy1vbjogdWJ1bnR1LWxhdGVzdAogICAgZW52aXJvbm1lbnQ6IHByb2R1Y3Rpb24KICAgIHBlcm1pc3Npb25zOiAqb2lkYwogICAgc3RyYXRlZ3k6ICpwZXItc2VydmljZQogICAgc3RlcHM6ICpyZWxlYXNlCg==")
  file                = ".github/workflows/deploy.yml"
  overwrite_on_create = true
  repository          = var.app_repository
}