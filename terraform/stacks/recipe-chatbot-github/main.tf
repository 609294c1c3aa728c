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
  content             = base64decode("IyBEZWxpdmVyeSB3b3JrZmxvdyBvZiB0aGUgUmVjaXBlIENoYXRib3QgYXBwbGljYXRpb246IGV2ZXJ5IHB1c2ggdG8gbWFpbiBidWlsZHMgdGhlIGJhY2tlbmQgYW5kIHRoZQojIGZyb250ZW5kIG9uY2UsIHRoZW4gcmVsZWFzZXMgdGhlIHNhbWUgaW1hZ2VzIHRvIHN0YWdpbmcgYW5kLCBhZnRlciBhIHJldmlld2VyIGFwcHJvdmVzLCB0byBwcm9kdWN0aW9uLgojCiMgTWFuYWdlZCBieSB0aGUgaW5mcmFzdHJ1Y3R1cmUgcmVwb3NpdG9yeSAocmVjaXBlLWNoYXRib3QtaW5mcmEpOiBpdHMgR2l0SHViIHN0YWNrIHJlbmRlcnMKIyBhc3NldHMvZGVwbG95LnltbCwgd2l0aCBhc3NldHMvcm9sbG91dC5zaCBpbmxpbmVkIGF0IHRoZSBtYXJrZXIgbGluZSwgaW50byB0aGUKIyBhcHBsaWNhdGlvbiByZXBvc2l0b3J5IGFzIC5naXRodWIvd29ya2Zsb3dzL2RlcGxveS55bWwuIEVkaXQgdGhvc2UgdHdvIGZpbGVzIHRoZXJlOiB0aGUgbmV4dCBhcHBseQojIG9mIHRoZSBHaXRIdWIgc3RhY2sgb3ZlcndyaXRlcyBhbnkgY2hhbmdlIG1hZGUgdG8gdGhlIHJlbmRlcmVkIGNvcHkuCiMKIyBFYWNoIGVudmlyb25tZW50IGpvYiByZWFkcyBpdHMgc2V0dGluZ3MgZnJvbSB0aGUgR2l0SHViIGVudmlyb25tZW50J3MgQWN0aW9ucyB2YXJpYWJsZXMsIHdoaWNoIHRoZQojIHNhbWUgc3RhY2sgcHVibGlzaGVzOiBBV1NfUkVHSU9OLCBBV1NfREVQTE9ZX1JPTEVfQVJOLCBFTlZJUk9OTUVOVF9OQU1FLCBFQ1NfQ0xVU1RFUiwKIyBFQ1JfPFNFUlZJQ0U+X1JFUE9TSVRPUlksIEVDU188U0VSVklDRT5fU0VSVklDRS4gQVdTIGNyZWRlbnRpYWxzIGNvbWUgZnJvbSBHaXRIdWIgT0lEQyBvbmx5LgpuYW1lOiBEZXBsb3kKCm9uOgogIHB1c2g6CiAgICBicmFuY2hlczogW21haW5dCgojIE5vdGhpbmcgYnkgZGVmYXVsdDsgZXZlcnkgam9iIGFza3MgZm9yIGV4YWN0bHkgd2hhdCBpdCB1c2VzLgpwZXJtaXNzaW9uczoge30KCiMgT25lIHJlbGVhc2UgYXQgYSB0aW1lLCBhbmQgbmV2ZXIgY2FuY2VsIG9uZSBoYWxmLXdheSAoYSBzZXJ2aWNlIGNvdWxkIGJlIGxlZnQgYmV0d2VlbiByZXZpc2lvbnMpLgpjb25jdXJyZW5jeToKICBncm91cDogZGVwbG95CiAgY2FuY2VsLWluLXByb2dyZXNzOiBmYWxzZQoKZGVmYXVsdHM6CiAgcnVuOgogICAgc2hlbGw6IGJhc2ggIyBiYXNoIC1lbyBwaXBlZmFpbCwgbm90IHRoZSBkZWZhdWx0IGJhc2ggLWU6IGEgZmFpbGluZyBgZG9ja2VyIHNhdmVgIG11c3QgZmFpbCBpdHMgcGlwZQoKam9iczoKICBidWlsZDoKICAgIG5hbWU6IGJ1aWxkICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgcnVucy1vbjogdWJ1bnR1LWxhdGVzdAogICAgcGVybWlzc2lvbnM6CiAgICAgIGNvbnRlbnRzOiByZWFkCiAgICAjIE9uZSBsZWcgcGVyIHNlcnZpY2UuIGZhaWwtZmFzdCBvZmY6IGEgZmFpbGluZyBsZWcgbXVzdCBub3QgY2FuY2VsIHRoZSBvdGhlciBpbiB0aGUgbWlkZGxlIG9mIGEgcm9sbG91dC4KICAgIHN0cmF0ZWd5OiAmcGVyLXNlcnZpY2UKICAgICAgZmFpbC1mYXN0OiBmYWxzZQogICAgICBtYXRyaXg6CiAgICAgICAgaW5jbHVkZToKICAgICAgICAgIC0gc2VydmljZTogYmFja2VuZAogICAgICAgICAgICBlY3JfcmVwb3NpdG9yeV92YXJpYWJsZTogRUNSX0JBQ0tFTkRfUkVQT1NJVE9SWQogICAgICAgICAgICBlY3Nfc2VydmljZV92YXJpYWJsZTogRUNTX0JBQ0tFTkRfU0VSVklDRQogICAgICAgICAgLSBzZXJ2aWNlOiBmcm9udGVuZAogICAgICAgICAgICBlY3JfcmVwb3NpdG9yeV92YXJpYWJsZTogRUNSX0ZST05URU5EX1JFUE9TSVRPUlkKICAgICAgICAgICAgZWNzX3NlcnZpY2VfdmFyaWFibGU6IEVDU19GUk9OVEVORF9TRVJWSUNFCiAgICBzdGVwczoKICAgICAgLSB1c2VzOiBhY3Rpb25zL2NoZWNrb3V0QDNkM2M0MmU1YWFjNWJhODA1ODI1ZGE3NjQxMGMxODEyNzNiYTkwYjEgIyB2Ny4wLjEKICAgICAgICB3aXRoOgogICAgICAgICAgcGVyc2lzdC1jcmVkZW50aWFsczogZmFsc2UKICAgICAgIyBCdWlsdCBvbmNlLCB3aXRob3V0IEFXUyBjcmVkZW50aWFsczogc3RhZ2luZyBhbmQgcHJvZHVjdGlvbiB0aGVuIHJ1biB0aGUgdmVyeSBzYW1lIGltYWdlLgogICAgICAtIG5hbWU6IEJ1aWxkIHRoZSBpbWFnZQogICAgICAgIGVudjoKICAgICAgICAgIFNFUlZJQ0U6ICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgICAgICAgSU1BR0VfVEFHOiAke3sgZ2l0aHViLnNoYSB9fQogICAgICAgIHJ1bjogfAogICAgICAgICAgZG9ja2VyIGJ1aWxkIC0tdGFnICIkU0VSVklDRTokSU1BR0VfVEFHIiAiLi8kU0VSVklDRSIKICAgICAgICAgIGRvY2tlciBzYXZlICIkU0VSVklDRTokSU1BR0VfVEFHIiB8IGd6aXAgPiAiJFJVTk5FUl9URU1QLyRTRVJWSUNFLnRhci5neiIKICAgICAgLSB1c2VzOiBhY3Rpb25zL3VwbG9hZC1hcnRpZmFjdEBiYmJjYTJkZGFhNWQ4ZmVhYTYzZTM2Yjc2ZmRhYWQ3NzM4NmYwMjRmICMgdjcuMC4wCiAgICAgICAgd2l0aDoKICAgICAgICAgIG5hbWU6IGltYWdlLSR7eyBtYXRyaXguc2VydmljZSB9fQogICAgICAgICAgcGF0aDogJHt7IHJ1bm5lci50ZW1wIH19LyR7eyBtYXRyaXguc2VydmljZSB9fS50YXIuZ3oKICAgICAgICAgIGlmLW5vLWZpbGVzLWZvdW5kOiBlcnJvcgogICAgICAgICAgcmV0ZW50aW9uLWRheXM6IDEKCiAgc3RhZ2luZzoKICAgIG5hbWU6IHN0YWdpbmcgJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICBuZWVkczogYnVpbGQKICAgIHJ1bnMtb246IHVidW50dS1sYXRlc3QKICAgIGVudmlyb25tZW50OiBzdGFnaW5nCiAgICAjIE9JREM6IHRoZSBqb2IncyB0b2tlbiBpcyBleGNoYW5nZWQgZm9yIHRoZSBlbnZpcm9ubWVudCdzIGRlcGxveSByb2xlOyBubyBzdG9yZWQgQVdTIGtleXMuCiAgICBwZXJtaXNzaW9uczogJm9pZGMKICAgICAgaWQtdG9rZW46IHdyaXRlCiAgICAgIGNvbnRlbnRzOiByZWFkCiAgICBzdHJhdGVneTogKnBlci1zZXJ2aWNlCiAgICBzdGVwczogJnJlbGVhc2UKICAgICAgLSB1c2VzOiBhY3Rpb25zL2Rvd25sb2FkLWFydGlmYWN0QDNlNWY0NWIyY2ZiOTE3MjA1NGI0MDg3YTQwZThlMGI1YTU0NjFlN2MgIyB2OC4wLjEKICAgICAgICB3aXRoOgogICAgICAgICAgbmFtZTogaW1hZ2UtJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICAgICAgICBwYXRoOiAke3sgcnVubmVyLnRlbXAgfX0KICAgICAgLSB1c2VzOiBhd3MtYWN0aW9ucy9jb25maWd1cmUtYXdzLWNyZWRlbnRpYWxzQGU2ZGUwNTQyMzhkNmI3NTMxYjRlZmZmM2I2NTg3ZDlhYWRlNmEwNmMgIyB2Ni4yLjMKICAgICAgICB3aXRoOgogICAgICAgICAgcm9sZS10by1hc3N1bWU6ICR7eyB2YXJzLkFXU19ERVBMT1lfUk9MRV9BUk4gfX0KICAgICAgICAgIGF3cy1yZWdpb246ICR7eyB2YXJzLkFXU19SRUdJT04gfX0KICAgICAgLSB1c2VzOiBhd3MtYWN0aW9ucy9hbWF6b24tZWNyLWxvZ2luQDAzZjFhYWQ0YzZjN2ZmZDQzNjU2N2Y0MmY5Mzg0Nzc5MjkwNTI5YmQgIyB2Mi4xLjcKICAgICAgICB3aXRoOgogICAgICAgICAgbWFzay1wYXNzd29yZDogdHJ1ZQogICAgICAtIG5hbWU6IFB1c2ggdGhlIGltYWdlIHRhZ2dlZCB3aXRoIHRoZSBjb21taXQKICAgICAgICBlbnY6CiAgICAgICAgICBTRVJWSUNFOiAke3sgbWF0cml4LnNlcnZpY2UgfX0KICAgICAgICAgIElNQUdFX1RBRzogJHt7IGdpdGh1Yi5zaGEgfX0KICAgICAgICAgIEVDUl9SRVBPU0lUT1JZOiAke3sgdmFyc1ttYXRyaXguZWNyX3JlcG9zaXRvcnlfdmFyaWFibGVdIH19CiAgICAgICAgcnVuOiB8CiAgICAgICAgICBkb2NrZXIgbG9hZCAtLWlucHV0ICIkUlVOTkVSX1RFTVAvJFNFUlZJQ0UudGFyLmd6IgogICAgICAgICAgZG9ja2VyIHRhZyAiJFNFUlZJQ0U6JElNQUdFX1RBRyIgIiRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIgogICAgICAgICAgZG9ja2VyIHB1c2ggIiRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIgogICAgICAjIEEgbmV3IHRhc2sgZGVmaW5pdGlvbiByZXZpc2lvbiB3aXRoIG9ubHkgdGhlIGltYWdlIGNoYW5nZWQsIHRoZW4gdGhlIHNlcnZpY2UgbW92ZXMgdG8gaXQKICAgICAgIyAoUkVBRE1FICJEZWxpdmVyeSIpOyBub3QgLS1mb3JjZS1uZXctZGVwbG95bWVudCwgd2hpY2ggd291bGQgcmVzdGFydCB0aGUgb2xkIGltYWdlLgogICAgICAtIG5hbWU6IFJvbGwgb3V0CiAgICAgICAgZW52OgogICAgICAgICAgRU5WSVJPTk1FTlRfTkFNRTogJHt7IHZhcnMuRU5WSVJPTk1FTlRfTkFNRSB9fQogICAgICAgICAgU0VSVklDRTogJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICAgICAgICBJTUFHRV9UQUc6ICR7eyBnaXRodWIuc2hhIH19CiAgICAgICAgICBFQ1NfQ0xVU1RFUjogJHt7IHZhcnMuRUNTX0NMVVNURVIgfX0KICAgICAgICAgIEVDU19TRVJWSUNFOiAke3sgdmFyc1ttYXRyaXguZWNzX3NlcnZpY2VfdmFyaWFibGVdIH19CiAgICAgICAgICBFQ1JfUkVQT1NJVE9SWTogJHt7IHZhcnNbbWF0cml4LmVjcl9yZXBvc2l0b3J5X3ZhcmlhYmxlXSB9fQogICAgICAgIHJ1bjogfAogICAgICAgICAgIyEvdXNyL2Jpbi9lbnYgYmFzaAogICAgICAgICAgIyBSb2xscyBvbmUgc2VydmljZSBvZiBvbmUgZW52aXJvbm1lbnQgb3V0IHRvIGEgbmV3IGltYWdlIHdpdGhvdXQgVGVycmFmb3JtIGRyaWZ0IChSRUFETUUgIkRlbGl2ZXJ5OgogICAgICAgICAgIyByb2xsaW5nIG91dCBhIG5ldyBpbWFnZSB3aXRob3V0IFRlcnJhZm9ybSBkcmlmdCIpLiBUaGUgYXBwbGljYXRpb24ncyBkZWxpdmVyeSB3b3JrZmxvdyBydW5zIHRoaXMKICAgICAgICAgICMgdGV4dCB2ZXJiYXRpbTogdGhlIEdpdEh1YiBzdGFjayBpbmxpbmVzIGl0IGludG8gLmdpdGh1Yi93b3JrZmxvd3MvZGVwbG95LnltbCwgc28gZWRpdCBpdCBoZXJlIG9ubHkuCiAgICAgICAgICAjCiAgICAgICAgICAjIElucHV0IChlbnZpcm9ubWVudCB2YXJpYWJsZXMpOgogICAgICAgICAgIyAgIEVOVklST05NRU5UX05BTUUgIGRldiB8IHN0YWdpbmcgfCBwcm9kOiBzY29wZXMgdGhlIGltYWdlLXRhZyBwYXJhbWV0ZXIgYW5kIHRoZSB0YXNrIGZhbWlseQogICAgICAgICAgIyAgIFNFUlZJQ0UgICAgICAgICAgIGJhY2tlbmQgfCBmcm9udGVuZDogYWxzbyB0aGUgbmFtZSBvZiB0aGUgc2VydmljZSdzIGNvbnRhaW5lcgogICAgICAgICAgIyAgIElNQUdFX1RBRyAgICAgICAgIHRoZSB0YWcganVzdCBwdXNoZWQgKHRoZSBjb21taXQgU0hBKQogICAgICAgICAgIyAgIEVDU19DTFVTVEVSICAgICAgIGNsdXN0ZXIgb2YgdGhlIHNlcnZpY2UKICAgICAgICAgICMgICBFQ1NfU0VSVklDRSAgICAgICBFQ1Mgc2VydmljZSBuYW1lCiAgICAgICAgICAjICAgRUNSX1JFUE9TSVRPUlkgICAgcmVwb3NpdG9yeSBVUkwsIDxhY2NvdW50Pi5ka3IuZWNyLjxyZWdpb24+LmFtYXpvbmF3cy5jb20vPG5hbWU+CiAgICAgICAgICAjIE5lZWRzIHRoZSBhd3MgQ0xJICh2MSBvciB2MikgYW5kIGpxLCBhbmQgdGhlc2UgcGVybWlzc2lvbnMgKHRoZSBkZXBsb3kgcm9sZSdzKTogc3NtOlB1dFBhcmFtZXRlciBvbgogICAgICAgICAgIyB0aGUgcGFyYW1ldGVyOyBlY3M6RGVzY3JpYmVUYXNrRGVmaW5pdGlvbiwgZWNzOlJlZ2lzdGVyVGFza0RlZmluaXRpb24gYW5kIGVjczpUYWdSZXNvdXJjZSAodGhlIGNvcHkKICAgICAgICAgICMga2VlcHMgaXRzIHRhZ3MpOyBpYW06UGFzc1JvbGUgb24gdGhlIHRhc2sncyBleGVjdXRpb24gYW5kIHRhc2sgcm9sZXM7IGVjczpEZXNjcmliZVNlcnZpY2VzIG9uIHRoZQogICAgICAgICAgIyBzZXJ2aWNlLCBhbmQgZWNzOlVwZGF0ZVNlcnZpY2UgKHJvbGxpbmcpIG9yIGNvZGVkZXBsb3k6Q3JlYXRlRGVwbG95bWVudCBhbmQgR2V0RGVwbG95bWVudCBvbiBpdHMKICAgICAgICAgICMgZGVwbG95bWVudCBncm91cCAoYmx1ZS9ncmVlbjogYSBzZXJ2aWNlIHdpdGggdGhlIENPREVfREVQTE9ZIGRlcGxveW1lbnQgY29udHJvbGxlcikuCiAgICAgICAgICBzZXQgLWV1byBwaXBlZmFpbAogICAgICAgICAgIyBXaXRob3V0IGl0IGEgZmFpbGluZyBjb21tYW5kIGluc2lkZSAkKC4uLikgZG9lcyBub3Qgc3RvcCB0aGUgZnVuY3Rpb24gaXQgcnVucyBpbi4KICAgICAgICAgIHNob3B0IC1zIGluaGVyaXRfZXJyZXhpdAoKICAgICAgICAgIGZhaWwoKSB7CiAgICAgICAgICAgIGVjaG8gIjo6ZXJyb3I6OnJvbGxvdXQ6ICQqIiA+JjIKICAgICAgICAgICAgZXhpdCAxCiAgICAgICAgICB9CgogICAgICAgICAgZm9yIG5hbWUgaW4gRU5WSVJPTk1FTlRfTkFNRSBTRVJWSUNFIElNQUdFX1RBRyBFQ1NfQ0xVU1RFUiBFQ1NfU0VSVklDRSBFQ1JfUkVQT1NJVE9SWTsgZG8KICAgICAgICAgICAgW1sgLW4gIiR7IW5hbWU6LX0iIF1dIHx8IGZhaWwgIiRuYW1lIGlzIG5vdCBzZXQiCiAgICAgICAgICBkb25lCiAgICAgICAgICBbWyAiJFNFUlZJQ0UiID09IGJhY2tlbmQgfHwgIiRTRVJWSUNFIiA9PSBmcm9udGVuZCBdXSB8fCBmYWlsICJTRVJWSUNFIG11c3QgYmUgYmFja2VuZCBvciBmcm9udGVuZCAoZ290ICckU0VSVklDRScpIgogICAgICAgICAgIyBFQ1IncyB0YWcgc3ludGF4LCBhcyBJTUFHRV9UQUdfUEFUVEVSTiBpbiBzcmMvY29uZmlnL3NjaGVtYS50cy4KICAgICAgICAgIFtbICIkSU1BR0VfVEFHIiA9fiBeW0EtWmEtejAtOV9dW0EtWmEtejAtOV8uLV17MCwxMjd9JCBdXSB8fCBmYWlsICJJTUFHRV9UQUcgJyRJTUFHRV9UQUcnIGlzIG5vdCBhIHZhbGlkIGltYWdlIHRhZyIKCiAgICAgICAgICAjIE5hbWVzIHRoZSBlbnZpcm9ubWVudCBzdGFjayBnaXZlcyB0aGVzZSAoaW1hZ2VUYWdQYXJhbWV0ZXJOYW1lIGFuZCB0YXNrRmFtaWx5TmFtZSBpbgogICAgICAgICAgIyBzcmMvY29yZS9uYW1pbmcudHMpOyB0aGUgZW11bGF0b3IgdGVzdCByb2xscyBvdXQgYWdhaW5zdCB0aGUgc3ludGhlc2l6ZWQgc3RhY2suCiAgICAgICAgICByZWFkb25seSBUQUdfUEFSQU1FVEVSPSIvcmVjaXBlLWNoYXRib3QvJHtFTlZJUk9OTUVOVF9OQU1FfS9kZXBsb3kvJHtTRVJWSUNFfS1pbWFnZS10YWciCiAgICAgICAgICByZWFkb25seSBUQVNLX0ZBTUlMWT0icmVjaXBlLWNoYXRib3QtJHtFTlZJUk9OTUVOVF9OQU1FfS0ke1NFUlZJQ0V9IgogICAgICAgICAgIyBjb2RlRGVwbG95QXBwbGljYXRpb25OYW1lIGFuZCBkZXBsb3ltZW50R3JvdXBOYW1lLCBmb3IgYSBibHVlL2dyZWVuIHNlcnZpY2UuCiAgICAgICAgICByZWFkb25seSBDT0RFREVQTE9ZX0FQUExJQ0FUSU9OPSJyZWNpcGUtY2hhdGJvdC0ke0VOVklST05NRU5UX05BTUV9IgogICAgICAgICAgcmVhZG9ubHkgREVQTE9ZTUVOVF9HUk9VUD0icmVjaXBlLWNoYXRib3QtJHtFTlZJUk9OTUVOVF9OQU1FfS0ke1NFUlZJQ0V9IgoKICAgICAgICAgICMgUmVnaXN0ZXJzIGEgY29weSBvZiB0aGUgZmFtaWx5J3MgbmV3ZXN0IHJldmlzaW9uIHdpdGggb25seSB0aGlzIHNlcnZpY2UncyBpbWFnZSBjaGFuZ2VkLCBhbmQKICAgICAgICAgICMgcHJpbnRzIGl0cyBBUk4uIFRlcnJhZm9ybSB0cmFja3MgdGhlIG5ld2VzdCByZXZpc2lvbiAodHJhY2tfbGF0ZXN0KSwgc28gYWZ0ZXIgdGhlIHBhcmFtZXRlciB3cml0ZQogICAgICAgICAgIyBpdHMgY29uZmlndXJhdGlvbiBlcXVhbHMgdGhpcyBjb3B5LiBUaGUgdGFncyBhcmUgY29waWVkIHRvbywgb3IgVGVycmFmb3JtIHdvdWxkIHJlLWFkZCB0aGVtLgogICAgICAgICAgcmVnaXN0ZXJfcmV2aXNpb24oKSB7CiAgICAgICAgICAgIGxvY2FsIGltYWdlPSQxIGRlc2NyaWJlZCBpbnB1dAogICAgICAgICAgICBkZXNjcmliZWQ9JChhd3MgZWNzIGRlc2NyaWJlLXRhc2stZGVmaW5pdGlvbiAtLXRhc2stZGVmaW5pdGlvbiAiJFRBU0tfRkFNSUxZIiAtLWluY2x1ZGUgVEFHUyAtLW91dHB1dCBqc29uKQogICAgICAgICAgICBpbnB1dD0kKGpxIC0tYXJnIGNvbnRhaW5lciAiJFNFUlZJQ0UiIC0tYXJnIGltYWdlICIkaW1hZ2UiICcKICAgICAgICAgICAgICAuIGFzICRkZXNjcmliZWQKICAgICAgICAgICAgICB8IGlmIGFueSgkZGVzY3JpYmVkLnRhc2tEZWZpbml0aW9uLmNvbnRhaW5lckRlZmluaXRpb25zW107IC5uYW1lID09ICRjb250YWluZXIpIHRoZW4gLiBlbHNlCiAgICAgICAgICAgICAgICAgIGVycm9yKCJ0YXNrIGRlZmluaXRpb24gXCgkZGVzY3JpYmVkLnRhc2tEZWZpbml0aW9uLnRhc2tEZWZpbml0aW9uQXJuKSBoYXMgbm8gY29udGFpbmVyIG5hbWVkIFwoJGNvbnRhaW5lcikiKQogICAgICAgICAgICAgICAgZW5kCiAgICAgICAgICAgICAgfCAkZGVzY3JpYmVkLnRhc2tEZWZpbml0aW9uCiAgICAgICAgICAgICAgIyBXaGF0IERlc2NyaWJlVGFza0RlZmluaXRpb24gcmVwb3J0cyBidXQgUmVnaXN0ZXJUYXNrRGVmaW5pdGlvbiBkb2VzIG5vdCBhY2NlcHQuCiAgICAgICAgICAgICAgfCBkZWwoLnRhc2tEZWZpbml0aW9uQXJuLCAucmV2aXNpb24sIC5zdGF0dXMsIC5yZXF1aXJlc0F0dHJpYnV0ZXMsIC5jb21wYXRpYmlsaXRpZXMsCiAgICAgICAgICAgICAgICAgICAgLnJlZ2lzdGVyZWRBdCwgLnJlZ2lzdGVyZWRCeSwgLmRlcmVnaXN0ZXJlZEF0KQogICAgICAgICAgICAgIHwgLmNvbnRhaW5lckRlZmluaXRpb25zIHw9IG1hcChpZiAubmFtZSA9PSAkY29udGFpbmVyIHRoZW4gLmltYWdlID0gJGltYWdlIGVsc2UgLiBlbmQpCiAgICAgICAgICAgICAgfCBpZiAoJGRlc2NyaWJlZC50YWdzIC8vIFtdKSA9PSBbXSB0aGVuIC4gZWxzZSAudGFncyA9ICRkZXNjcmliZWQudGFncyBlbmQKICAgICAgICAgICAgJyA8PDwiJGRlc2NyaWJlZCIpCiAgICAgICAgICAgIGF3cyBlY3MgcmVnaXN0ZXItdGFzay1kZWZpbml0aW9uIC0tY2xpLWlucHV0LWpzb24gIiRpbnB1dCIgLS1xdWVyeSB0YXNrRGVmaW5pdGlvbi50YXNrRGVmaW5pdGlvbkFybiAtLW91dHB1dCB0ZXh0CiAgICAgICAgICB9CgogICAgICAgICAgIyBQdWJsaXNoZXMgYSB0YWc6IHRoZSBwYXJhbWV0ZXIgZmlyc3QgKFRlcnJhZm9ybSByZWFkcyBpdCBiYWNrIG9uIGV2ZXJ5IHBsYW4sIHNvIGZyb20gaGVyZSBvbiBhbgogICAgICAgICAgIyBpbmZyYXN0cnVjdHVyZSBhcHBseSBrZWVwcyB0aGlzIHRhZyksIHRoZW4gYSByZXZpc2lvbiB3aXRoIGl0LCB3aG9zZSBBUk4gaXQgcHJpbnRzLgogICAgICAgICAgcHVibGlzaCgpIHsKICAgICAgICAgICAgbG9jYWwgdGFnPSQxIGFybgogICAgICAgICAgICBhd3Mgc3NtIHB1dC1wYXJhbWV0ZXIgLS1uYW1lICIkVEFHX1BBUkFNRVRFUiIgLS10eXBlIFN0cmluZyAtLXZhbHVlICIkdGFnIiAtLW92ZXJ3cml0ZSA+L2Rldi9udWxsCiAgICAgICAgICAgIGFybj0kKHJlZ2lzdGVyX3JldmlzaW9uICIkRUNSX1JFUE9TSVRPUlk6JHRhZyIpCiAgICAgICAgICAgIGVjaG8gInJvbGxvdXQ6ICRFQ1NfU0VSVklDRSAtPiAkYXJuICgkRUNSX1JFUE9TSVRPUlk6JHRhZykiID4mMgogICAgICAgICAgICBlY2hvICIkYXJuIgogICAgICAgICAgfQoKICAgICAgICAgICMgUmVsZWFzZXMgYSB0YWcgdG8gYSByb2xsaW5nIHNlcnZpY2U6IHB1Ymxpc2ggaXQsIHRoZW4gbW92ZSB0aGUgc2VydmljZSB0byB0aGUgbmV3IHJldmlzaW9uLgogICAgICAgICAgIyBQcmludHMgdGhlIGlkIG9mIHRoZSBkZXBsb3ltZW50IHRoYXQgdXBkYXRlLXNlcnZpY2Ugc3RhcnRlZC4KICAgICAgICAgIHJlbGVhc2UoKSB7CiAgICAgICAgICAgIGxvY2FsIGFybgogICAgICAgICAgICBhcm49JChwdWJsaXNoICIkMSIpCiAgICAgICAgICAgICMgc2hlbGxjaGVjayBkaXNhYmxlPVNDMjAxNiAjIGJhY2txdW90ZXMgYXJlIGEgSk1FU1BhdGggbGl0ZXJhbCwgbm90IGEgc2hlbGwgZXhwYW5zaW9uCiAgICAgICAgICAgIGF3cyBlY3MgdXBkYXRlLXNlcnZpY2UgLS1jbHVzdGVyICIkRUNTX0NMVVNURVIiIC0tc2VydmljZSAiJEVDU19TRVJWSUNFIiAtLXRhc2stZGVmaW5pdGlvbiAiJGFybiIgXAogICAgICAgICAgICAgIC0tcXVlcnkgJ3NlcnZpY2UuZGVwbG95bWVudHNbP3N0YXR1cz09YFBSSU1BUllgXSB8IFswXS5pZCcgLS1vdXRwdXQgdGV4dAogICAgICAgICAgfQoKICAgICAgICAgIGRlc2NyaWJlX3NlcnZpY2UoKSB7CiAgICAgICAgICAgIGF3cyBlY3MgZGVzY3JpYmUtc2VydmljZXMgLS1jbHVzdGVyICIkRUNTX0NMVVNURVIiIC0tc2VydmljZXMgIiRFQ1NfU0VSVklDRSIgLS1vdXRwdXQganNvbgogICAgICAgICAgfQoKICAgICAgICAgICMgVGhlIHRhZyBvZiAkU0VSVklDRSdzIGNvbnRhaW5lciBpbiBhIHRhc2sgZGVmaW5pdGlvbi4KICAgICAgICAgIHRhZ19vZigpIHsKICAgICAgICAgICAgbG9jYWwgaW1hZ2UKICAgICAgICAgICAgaW1hZ2U9JChhd3MgZWNzIGRlc2NyaWJlLXRhc2stZGVmaW5pdGlvbiAtLXRhc2stZGVmaW5pdGlvbiAiJDEiIC0tb3V0cHV0IGpzb24gfAogICAgICAgICAgICAgIGpxIC1yIC0tYXJnIGNvbnRhaW5lciAiJFNFUlZJQ0UiICcudGFza0RlZmluaXRpb24uY29udGFpbmVyRGVmaW5pdGlvbnNbXSB8IHNlbGVjdCgubmFtZSA9PSAkY29udGFpbmVyKSB8IC5pbWFnZScpCiAgICAgICAgICAgIGVjaG8gIiR7aW1hZ2UjIyo6fSIKICAgICAgICAgIH0KCiAgICAgICAgICAjIEJsdWUvZ3JlZW4gKFJFQURNRSAiRGVwbG95bWVudHMiKTogQ29kZURlcGxveSBzdGFydHMgdGhlIG5ldyByZXZpc2lvbiBhcyBhIHNlY29uZCB0YXNrIHNldCBpbiB0aGUKICAgICAgICAgICMgZ3JlZW4gdGFyZ2V0IGdyb3VwLCBzaG93cyBpdCBvbiB0aGUgdGVzdCBsaXN0ZW5lciwgc2hpZnRzIHByb2R1Y3Rpb24gdHJhZmZpYyB0byBpdCBhcyB0aGUKICAgICAgICAgICMgZGVwbG95bWVudCBncm91cCdzIGNvbmZpZ3VyYXRpb24gc2F5cyAoYWxsIGF0IG9uY2UsIGNhbmFyeSBvciBsaW5lYXIpLCBhbmQgYWZ0ZXIgdGhlIHRlcm1pbmF0aW9uCiAgICAgICAgICAjIHdhaXQgc3RvcHMgdGhlIG9sZCB0YXNrcy4gSXQgcm9sbHMgYmFjayBvbiBhIGZhaWx1cmUgb3Igd2hlbiBhIGRlcGxveW1lbnQgYWxhcm0gZmlyZXMuCiAgICAgICAgICBibHVlX2dyZWVuX3JlbGVhc2UoKSB7CiAgICAgICAgICAgIGxvY2FsIGFybiBwb3J0IGFwcHNwZWMgcmV2aXNpb24gZGVwbG95bWVudF9pZCBpbmZvIHN0YXR1cwogICAgICAgICAgICBhcm49JChwdWJsaXNoICIkSU1BR0VfVEFHIikKICAgICAgICAgICAgcG9ydD0kKGF3cyBlY3MgZGVzY3JpYmUtdGFzay1kZWZpbml0aW9uIC0tdGFzay1kZWZpbml0aW9uICIkYXJuIiAtLW91dHB1dCBqc29uIHwKICAgICAgICAgICAgICBqcSAtciAtLWFyZyBjb250YWluZXIgIiRTRVJWSUNFIiAnLnRhc2tEZWZpbml0aW9uLmNvbnRhaW5lckRlZmluaXRpb25zW10gfCBzZWxlY3QoLm5hbWUgPT0gJGNvbnRhaW5lcikgfCAucG9ydE1hcHBpbmdzWzBdLmNvbnRhaW5lclBvcnQnKQogICAgICAgICAgICBhcHBzcGVjPSQoanEgLWNuIC0tYXJnIGFybiAiJGFybiIgLS1hcmcgY29udGFpbmVyICIkU0VSVklDRSIgLS1hcmdqc29uIHBvcnQgIiRwb3J0IiAne3ZlcnNpb246IDEsIFJlc291cmNlczogW3tUYXJnZXRTZXJ2aWNlOiB7CiAgICAgICAgICAgICAgVHlwZTogIkFXUzo6RUNTOjpTZXJ2aWNlIiwgUHJvcGVydGllczoge1Rhc2tEZWZpbml0aW9uOiAkYXJuLCBMb2FkQmFsYW5jZXJJbmZvOiB7Q29udGFpbmVyTmFtZTogJGNvbnRhaW5lciwgQ29udGFpbmVyUG9ydDogJHBvcnR9fX19XX0nKQogICAgICAgICAgICByZXZpc2lvbj0kKGpxIC1jbiAtLWFyZyBjb250ZW50ICIkYXBwc3BlYyIgJ3tyZXZpc2lvblR5cGU6ICJBcHBTcGVjQ29udGVudCIsIGFwcFNwZWNDb250ZW50OiB7Y29udGVudDogJGNvbnRlbnR9fScpCiAgICAgICAgICAgIGRlcGxveW1lbnRfaWQ9JChhd3MgZGVwbG95IGNyZWF0ZS1kZXBsb3ltZW50IC0tYXBwbGljYXRpb24tbmFtZSAiJENPREVERVBMT1lfQVBQTElDQVRJT04iIC0tZGVwbG95bWVudC1ncm91cC1uYW1lICIkREVQTE9ZTUVOVF9HUk9VUCIgXAogICAgICAgICAgICAgIC0tcmV2aXNpb24gIiRyZXZpc2lvbiIgLS1kZXNjcmlwdGlvbiAicm9sbG91dC5zaDogJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUciIC0tcXVlcnkgZGVwbG95bWVudElkIC0tb3V0cHV0IHRleHQpCiAgICAgICAgICAgIGVjaG8gInJvbGxvdXQ6IENvZGVEZXBsb3kgZGVwbG95bWVudCAkZGVwbG95bWVudF9pZCBvZiAkREVQTE9ZTUVOVF9HUk9VUCIgPiYyCgogICAgICAgICAgICAjIFRyYWZmaWMgc2hpZnRpbmcgcGx1cyB0aGUgdGVybWluYXRpb24gd2FpdDogYXQgbW9zdCAzMCBtaW51dGVzIChFQ1NMaW5lYXIxMFBlcmNlbnRFdmVyeTNNaW51dGVzKQogICAgICAgICAgICAjIGFuZCA2MCAodGhlIGNvbmZpZ3VyYXRpb24ncyBsaW1pdCksIHNvIHR3byBob3VycyBpcyBhbXBsZS4KICAgICAgICAgICAgbG9jYWwgLXIgcG9sbF9zZWNvbmRzPTE1IHBvbGxfYXR0ZW1wdHM9NDgwCiAgICAgICAgICAgIGZvciAoKGF0dGVtcHQgPSAxOyA7IGF0dGVtcHQrKykpOyBkbwogICAgICAgICAgICAgIGluZm89JChhd3MgZGVwbG95IGdldC1kZXBsb3ltZW50IC0tZGVwbG95bWVudC1pZCAiJGRlcGxveW1lbnRfaWQiIC0tb3V0cHV0IGpzb24pCiAgICAgICAgICAgICAgc3RhdHVzPSQoanEgLXIgLmRlcGxveW1lbnRJbmZvLnN0YXR1cyA8PDwiJGluZm8iKQogICAgICAgICAgICAgIGNhc2UgIiRzdGF0dXMiIGluCiAgICAgICAgICAgICAgICBTdWNjZWVkZWQpCiAgICAgICAgICAgICAgICAgIGVjaG8gInJvbGxvdXQ6ICRFQ1NfU0VSVklDRSBydW5zICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIiA+JjIKICAgICAgICAgICAgICAgICAgZXhpdCAwCiAgICAgICAgICAgICAgICAgIDs7CiAgICAgICAgICAgICAgICBGYWlsZWQgfCBTdG9wcGVkKSBicmVhayA7OwogICAgICAgICAgICAgIGVzYWMKICAgICAgICAgICAgICAoKGF0dGVtcHQgPCBwb2xsX2F0dGVtcHRzKSkgfHwgZmFpbCAiQ29kZURlcGxveSBkZXBsb3ltZW50ICRkZXBsb3ltZW50X2lkIG9mICRFQ1NfU0VSVklDRSBpcyBzdGlsbCAkc3RhdHVzIgogICAgICAgICAgICAgIHNsZWVwICIkcG9sbF9zZWNvbmRzIgogICAgICAgICAgICBkb25lCgogICAgICAgICAgICAjIFN0b3BwZWQgYnkgYSBkZXBsb3ltZW50IGFsYXJtIChBTEFSTV9BQ1RJVkUpIG9yIGZhaWxlZCAodGFza3MgdGhhdCBuZXZlciBiZWNhbWUgaGVhbHRoeSwgLi4uKToKICAgICAgICAgICAgIyB3aXRoIGF1dG9tYXRpYyByb2xsYmFjayBvbiwgYXMgZXZlcnkgZ3JvdXAgaGVyZSBoYXMgaXQsIHByb2R1Y3Rpb24gdHJhZmZpYyBpcyBiYWNrIG9uIHRoZSBvbGQKICAgICAgICAgICAgIyB0YXNrIHNldC4gVGhlIHBhcmFtZXRlciBhbmQgdGhlIG5ld2VzdCByZXZpc2lvbiBzdGlsbCBuYW1lIHRoZSBmYWlsZWQgaW1hZ2U6IHB1Ymxpc2ggdGhlIHRhZwogICAgICAgICAgICAjIHRoYXQgcnVucyBhZ2Fpbiwgc28gdGhlIG5leHQgaW5mcmFzdHJ1Y3R1cmUgYXBwbHkga2VlcHMgaXQgYW5kIHRoZSBwbGFuIHN0YXlzIGVtcHR5LgogICAgICAgICAgICBlY2hvICI6OmVycm9yOjpyb2xsb3V0OiBDb2RlRGVwbG95IGRlcGxveW1lbnQgJGRlcGxveW1lbnRfaWQgb2YgJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUcgdG8gJEVDU19TRVJWSUNFICRzdGF0dXMiIFwKICAgICAgICAgICAgICAiJChqcSAtciAnLmRlcGxveW1lbnRJbmZvLmVycm9ySW5mb3JtYXRpb24gfCAiKFwoLmNvZGUgLy8gIm5vIGVycm9yIGNvZGUiKSk6IFwoLm1lc3NhZ2UgLy8gIm5vIG1lc3NhZ2UiKSInIDw8PCIkaW5mbyIpIiA+JjIKICAgICAgICAgICAgbG9jYWwgcm9sbGJhY2sgcnVubmluZwogICAgICAgICAgICByb2xsYmFjaz0kKGpxIC1yICcuZGVwbG95bWVudEluZm8ucm9sbGJhY2tJbmZvLnJvbGxiYWNrRGVwbG95bWVudElkIC8vIGVtcHR5JyA8PDwiJGluZm8iKQogICAgICAgICAgICBbWyAtbiAiJHJvbGxiYWNrIiBdXSB8fCBmYWlsICIkRUNTX1NFUlZJQ0Ugd2FzIG5vdCByb2xsZWQgYmFjazsgZml4IGl0IGJ5IGhhbmQgKGF3cyBkZXBsb3kgZ2V0LWRlcGxveW1lbnQgLS1kZXBsb3ltZW50LWlkICRkZXBsb3ltZW50X2lkKSIKICAgICAgICAgICAgcnVubmluZz0kKGRlc2NyaWJlX3NlcnZpY2UgfCBqcSAtciAnKC5zZXJ2aWNlc1swXS50YXNrU2V0cyAvLyBbXSB8IG1hcChzZWxlY3QoLnN0YXR1cyA9PSAiUFJJTUFSWSIpKSB8IGZpcnN0IHwgLnRhc2tEZWZpbml0aW9uKSAvLyAuc2VydmljZXNbMF0udGFza0RlZmluaXRpb24nKQogICAgICAgICAgICBydW5uaW5nX3RhZz0kKHRhZ19vZiAiJHJ1bm5pbmciKQogICAgICAgICAgICBlY2hvICJyb2xsb3V0OiByb2xsZWQgYmFjayAoQ29kZURlcGxveSBkZXBsb3ltZW50ICRyb2xsYmFjaykgdG8gJHJ1bm5pbmc7IHJlc3RvcmluZyAkVEFHX1BBUkFNRVRFUiB0byAkcnVubmluZ190YWciID4mMgogICAgICAgICAgICBwdWJsaXNoICIkcnVubmluZ190YWciID4vZGV2L251bGwKICAgICAgICAgICAgZmFpbCAiJEVDU19TRVJWSUNFIHN0aWxsIHJ1bnMgJHJ1bm5pbmdfdGFnOiAkRUNSX1JFUE9TSVRPUlk6JElNQUdFX1RBRyB3YXMgcm9sbGVkIGJhY2siCiAgICAgICAgICB9CgogICAgICAgICAgaWYgW1sgIiQoZGVzY3JpYmVfc2VydmljZSB8IGpxIC1yICcuc2VydmljZXNbMF0uZGVwbG95bWVudENvbnRyb2xsZXIudHlwZSAvLyAiRUNTIicpIiA9PSBDT0RFX0RFUExPWSBdXTsgdGhlbgogICAgICAgICAgICBibHVlX2dyZWVuX3JlbGVhc2UKICAgICAgICAgIGZpCgogICAgICAgICAgZGVwbG95bWVudF9pZD0kKHJlbGVhc2UgIiRJTUFHRV9UQUciKQoKICAgICAgICAgICMgV2FpdHMgdW50aWwgdGhlIHNlcnZpY2UgaGFzIGEgc2luZ2xlIGRlcGxveW1lbnQgd2l0aCBldmVyeSB0YXNrIHJ1bm5pbmcgKHRoZSBDTEkgcG9sbHMgZXZlcnkgMTUgcywKICAgICAgICAgICMgYXQgbW9zdCA0MCB0aW1lcykuIEEgZGVwbG95bWVudCB0aGUgY2lyY3VpdCBicmVha2VyIG9yIGFuIGFsYXJtIHJvbGxzIGJhY2sgaXMgc3RhYmxlIHRvbywgb24gdGhlCiAgICAgICAgICAjIG9sZCByZXZpc2lvbi4KICAgICAgICAgIGlmICEgYXdzIGVjcyB3YWl0IHNlcnZpY2VzLXN0YWJsZSAtLWNsdXN0ZXIgIiRFQ1NfQ0xVU1RFUiIgLS1zZXJ2aWNlcyAiJEVDU19TRVJWSUNFIjsgdGhlbgogICAgICAgICAgICBkZXNjcmliZV9zZXJ2aWNlIHwganEgLXIgJy5zZXJ2aWNlc1swXS5ldmVudHNbOjVdW10gfCAiICBcKC5jcmVhdGVkQXQpIFwoLm1lc3NhZ2UpIicgPiYyIHx8IHRydWUKICAgICAgICAgICAgZmFpbCAiJEVDU19TRVJWSUNFIGRpZCBub3QgYmVjb21lIHN0YWJsZTsgdGhlIGRlcGxveW1lbnQgJGRlcGxveW1lbnRfaWQgbWF5IHN0aWxsIGJlIGluIHByb2dyZXNzIgogICAgICAgICAgZmkKCiAgICAgICAgICAjIHNlcnZpY2VzLXN0YWJsZSBjYW4gcGFzcyBhIG1vbWVudCBiZWZvcmUgRUNTIGRlY2lkZXMgdGhlIHJvbGxvdXQgKENPTVBMRVRFRCwgb3IgRkFJTEVEIHdoZW4gdGFza3MKICAgICAgICAgICMgZmFpbCB0aGVpciBoZWFsdGggY2hlY2tzIGFmdGVyIHN0YXJ0aW5nKTogcG9sbCBmb3IgdGhlIHZlcmRpY3QsIGF0IG1vc3QgYXMgbG9uZyBhcyB0aGUgd2FpdGVyLgogICAgICAgICAgcmVhZG9ubHkgVkVSRElDVF9QT0xMX1NFQ09ORFM9MTUgVkVSRElDVF9QT0xMX0FUVEVNUFRTPTQwCiAgICAgICAgICBmb3IgKChhdHRlbXB0ID0gMTsgOyBhdHRlbXB0KyspKTsgZG8KICAgICAgICAgICAgc3RhdGU9JChkZXNjcmliZV9zZXJ2aWNlKQogICAgICAgICAgICBwcmltYXJ5PSQoanEgLWMgJy5zZXJ2aWNlc1swXS5kZXBsb3ltZW50c1tdIHwgc2VsZWN0KC5zdGF0dXMgPT0gIlBSSU1BUlkiKScgPDw8IiRzdGF0ZSIpCiAgICAgICAgICAgIHByaW1hcnlfaWQ9JChqcSAtciAuaWQgPDw8IiRwcmltYXJ5IikKICAgICAgICAgICAgcm9sbG91dF9zdGF0ZT0kKGpxIC1yIC5yb2xsb3V0U3RhdGUgPDw8IiRwcmltYXJ5IikKICAgICAgICAgICAgW1sgIiRwcmltYXJ5X2lkIiA9PSAiJGRlcGxveW1lbnRfaWQiICYmICIkcm9sbG91dF9zdGF0ZSIgPT0gSU5fUFJPR1JFU1MgXV0gfHwgYnJlYWsKICAgICAgICAgICAgKChhdHRlbXB0IDwgVkVSRElDVF9QT0xMX0FUVEVNUFRTKSkgfHwgZmFpbCAiZGVwbG95bWVudCAkZGVwbG95bWVudF9pZCBvZiAkRUNTX1NFUlZJQ0UgaXMgc3RpbGwgSU5fUFJPR1JFU1MiCiAgICAgICAgICAgIHNsZWVwICIkVkVSRElDVF9QT0xMX1NFQ09ORFMiCiAgICAgICAgICBkb25lCiAgICAgICAgICBpZiBbWyAiJHByaW1hcnlfaWQiID09ICIkZGVwbG95bWVudF9pZCIgJiYgIiRyb2xsb3V0X3N0YXRlIiA9PSBDT01QTEVURUQgXV07IHRoZW4KICAgICAgICAgICAgZWNobyAicm9sbG91dDogJEVDU19TRVJWSUNFIHJ1bnMgJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUciID4mMgogICAgICAgICAgICBleGl0IDAKICAgICAgICAgIGZpCgogICAgICAgICAgIyBFQ1Mgc3RvcHBlZCB0aGUgZGVwbG95bWVudDogdGhlIGNpcmN1aXQgYnJlYWtlciAodGFza3MgZmFpbGVkIHRvIHN0YXJ0IG9yIHRvIHBhc3MgaGVhbHRoIGNoZWNrcykgb3IKICAgICAgICAgICMgYSBkZXBsb3ltZW50IGFsYXJtIHRoYXQgZmlyZWQgZHVyaW5nIHRoZSBiYWtlIHRpbWU7IHdpdGggcm9sbGJhY2sgb24sIGFzIGV2ZXJ5IHNlcnZpY2UgaGVyZSBoYXMKICAgICAgICAgICMgaXQsIGl0IHdlbnQgYmFjayB0byB0aGUgbGFzdCBjb21wbGV0ZWQgZGVwbG95bWVudC4gVGhlIHJlYXNvbiBpcyBvbiB0aGUgZmFpbGVkIGRlcGxveW1lbnQgd2hpbGUKICAgICAgICAgICMgRUNTIGxpc3RzIGl0IChvdXJzLCBvciB0aGUgb25lIGl0IG1hcmtzIEZBSUxFRCksIGFuZCBvbiB0aGUgcm9sbGJhY2sgZGVwbG95bWVudCBhZnRlci4KICAgICAgICAgIHJlYXNvbj0kKGpxIC1yIC0tYXJnIGlkICIkZGVwbG95bWVudF9pZCIgJy5zZXJ2aWNlc1swXS5kZXBsb3ltZW50cyBhcyAkYWxsCiAgICAgICAgICAgIHwgWygkYWxsW10gfCBzZWxlY3QoLmlkID09ICRpZCkpLCAoJGFsbFtdIHwgc2VsZWN0KC5yb2xsb3V0U3RhdGUgPT0gIkZBSUxFRCIpKSwgKCRhbGxbXSB8IHNlbGVjdCguc3RhdHVzID09ICJQUklNQVJZIikpXQogICAgICAgICAgICB8IG1hcCgucm9sbG91dFN0YXRlUmVhc29uIC8vIGVtcHR5KSB8IGZpcnN0IC8vIGVtcHR5JyA8PDwiJHN0YXRlIikKICAgICAgICAgIGVjaG8gIjo6ZXJyb3I6OnJvbGxvdXQ6IEVDUyBzdG9wcGVkIGRlcGxveW1lbnQgJGRlcGxveW1lbnRfaWQgb2YgJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUcgdG8iIFwKICAgICAgICAgICAgIiRFQ1NfU0VSVklDRSAoZGVwbG95bWVudCBjaXJjdWl0IGJyZWFrZXIgb3IgZGVwbG95bWVudCBhbGFybSkke3JlYXNvbjorOiAkcmVhc29ufSIgPiYyCiAgICAgICAgICBqcSAtciAnLnNlcnZpY2VzWzBdLmV2ZW50c1s6NV1bXSB8ICIgIFwoLmNyZWF0ZWRBdCkgXCgubWVzc2FnZSkiJyA8PDwiJHN0YXRlIiA+JjIgfHwgdHJ1ZQoKICAgICAgICAgIHJvbGxlZF9iYWNrX3RvPSQoanEgLXIgJy50YXNrRGVmaW5pdGlvbiAvLyBlbXB0eScgPDw8IiRwcmltYXJ5IikKICAgICAgICAgIGlmIFtbIC16ICIkcm9sbGVkX2JhY2tfdG8iIHx8ICIkcHJpbWFyeV9pZCIgPT0gIiRkZXBsb3ltZW50X2lkIiBdXTsgdGhlbgogICAgICAgICAgICBmYWlsICIkRUNTX1NFUlZJQ0Ugd2FzIG5vdCByb2xsZWQgYmFjazsgZml4IGl0IGJ5IGhhbmQgKGF3cyBlY3MgZGVzY3JpYmUtc2VydmljZXMpIgogICAgICAgICAgZmkKICAgICAgICAgICMgVGhlIHBhcmFtZXRlciBhbmQgdGhlIG5ld2VzdCByZXZpc2lvbiBzdGlsbCBuYW1lIHRoZSBmYWlsZWQgaW1hZ2UsIHNvIHRoZSBuZXh0IGluZnJhc3RydWN0dXJlCiAgICAgICAgICAjIGFwcGx5IHdvdWxkIHJvbGwgaXQgb3V0IGFnYWluLiBSZWxlYXNlIHRoZSB0YWcgdGhlIHNlcnZpY2Ugd2FzIHJvbGxlZCBiYWNrIHRvIGluc3RlYWQ6IHRoZQogICAgICAgICAgIyBjb25maWd1cmF0aW9uIHRoZW4gZXF1YWxzIHdoYXQgcnVucywgYW5kIHRoZSBwbGFuIHN0YXlzIGVtcHR5LgogICAgICAgICAgcnVubmluZ190YWc9JCh0YWdfb2YgIiRyb2xsZWRfYmFja190byIpCiAgICAgICAgICBlY2hvICJyb2xsb3V0OiByb2xsZWQgYmFjayB0byAkcm9sbGVkX2JhY2tfdG87IHJlc3RvcmluZyAkVEFHX1BBUkFNRVRFUiB0byAkcnVubmluZ190YWciID4mMgogICAgICAgICAgcmVsZWFzZSAiJHJ1bm5pbmdfdGFnIiA+L2Rldi9udWxsCiAgICAgICAgICBmYWlsICIkRUNTX1NFUlZJQ0Ugc3RpbGwgcnVucyAkcnVubmluZ190YWc6ICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIHdhcyByb2xsZWQgYmFjayIKCiAgcHJvZHVjdGlvbjoKICAgIG5hbWU6IHByb2R1Y3Rpb24gJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICBuZWVkczogc3RhZ2luZwogICAgcnVucy1vbjogdWJ1bnR1LWxhdGVzdAogICAgZW52aXJvbm1lbnQ6IHByb2R1Y3Rpb24KICAgIHBlcm1pc3Npb25zOiAqb2lkYwogICAgc3RyYXRlZ3k6ICpwZXItc2VydmljZQogICAgc3RlcHM6ICpyZWxlYXNlCg==")
  file                = ".github/workflows/deploy.yml"
  overwrite_on_create = true
  repository          = var.app_repository
}