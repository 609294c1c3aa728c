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
  content             = base64decode("IyBEZWxpdmVyeSB3b3JrZmxvdyBvZiB0aGUgUmVjaXBlIENoYXRib3QgYXBwbGljYXRpb246IGV2ZXJ5IHB1c2ggdG8gbWFpbiBidWlsZHMgdGhlIGJhY2tlbmQgYW5kIHRoZQojIGZyb250ZW5kIG9uY2UsIHRoZW4gcmVsZWFzZXMgdGhlIHNhbWUgaW1hZ2VzIHRvIHN0YWdpbmcgYW5kLCBhZnRlciBhIHJldmlld2VyIGFwcHJvdmVzLCB0byBwcm9kdWN0aW9uLgojCiMgTWFuYWdlZCBieSB0aGUgaW5mcmFzdHJ1Y3R1cmUgcmVwb3NpdG9yeSAocmVjaXBlLWNoYXRib3QtaW5mcmEpOiBpdHMgR2l0SHViIHN0YWNrIHJlbmRlcnMKIyBhc3NldHMvZGVwbG95LnltbCwgd2l0aCBhc3NldHMvcm9sbG91dC5zaCBpbmxpbmVkIGF0IHRoZSBtYXJrZXIgbGluZSwgaW50byB0aGUKIyBhcHBsaWNhdGlvbiByZXBvc2l0b3J5IGFzIC5naXRodWIvd29ya2Zsb3dzL2RlcGxveS55bWwuIEVkaXQgdGhvc2UgdHdvIGZpbGVzIHRoZXJlOiB0aGUgbmV4dCBhcHBseQojIG9mIHRoZSBHaXRIdWIgc3RhY2sgb3ZlcndyaXRlcyBhbnkgY2hhbmdlIG1hZGUgdG8gdGhlIHJlbmRlcmVkIGNvcHkuCiMKIyBFYWNoIGVudmlyb25tZW50IGpvYiByZWFkcyBpdHMgc2V0dGluZ3MgZnJvbSB0aGUgR2l0SHViIGVudmlyb25tZW50J3MgQWN0aW9ucyB2YXJpYWJsZXMsIHdoaWNoIHRoZQojIHNhbWUgc3RhY2sgcHVibGlzaGVzOiBBV1NfUkVHSU9OLCBBV1NfREVQTE9ZX1JPTEVfQVJOLCBFTlZJUk9OTUVOVF9OQU1FLCBFQ1NfQ0xVU1RFUiwKIyBFQ1JfPFNFUlZJQ0U+X1JFUE9TSVRPUlksIEVDU188U0VSVklDRT5fU0VSVklDRS4gQVdTIGNyZWRlbnRpYWxzIGNvbWUgZnJvbSBHaXRIdWIgT0lEQyBvbmx5LgpuYW1lOiBEZXBsb3kKCm9uOgogIHB1c2g6CiAgICBicmFuY2hlczogW21haW5dCgojIE5vdGhpbmcgYnkgZGVmYXVsdDsgZXZlcnkgam9iIGFza3MgZm9yIGV4YWN0bHkgd2hhdCBpdCB1c2VzLgpwZXJtaXNzaW9uczoge30KCiMgT25lIHJlbGVhc2UgYXQgYSB0aW1lLCBhbmQgbmV2ZXIgY2FuY2VsIG9uZSBoYWxmLXdheSAoYSBzZXJ2aWNlIGNvdWxkIGJlIGxlZnQgYmV0d2VlbiByZXZpc2lvbnMpLgpjb25jdXJyZW5jeToKICBncm91cDogZGVwbG95CiAgY2FuY2VsLWluLXByb2dyZXNzOiBmYWxzZQoKZGVmYXVsdHM6CiAgcnVuOgogICAgc2hlbGw6IGJhc2ggIyBiYXNoIC1lbyBwaXBlZmFpbCwgbm90IHRoZSBkZWZhdWx0IGJhc2ggLWU6IGEgZmFpbGluZyBgZG9ja2VyIHNhdmVgIG11c3QgZmFpbCBpdHMgcGlwZQoKam9iczoKICBidWlsZDoKICAgIG5hbWU6IGJ1aWxkICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgcnVucy1vbjogdWJ1bnR1LWxhdGVzdAogICAgcGVybWlzc2lvbnM6CiAgICAgIGNvbnRlbnRzOiByZWFkCiAgICAjIE9uZSBsZWcgcGVyIHNlcnZpY2UuIGZhaWwtZmFzdCBvZmY6IGEgZmFpbGluZyBsZWcgbXVzdCBub3QgY2FuY2VsIHRoZSBvdGhlciBpbiB0aGUgbWlkZGxlIG9mIGEgcm9sbG91dC4KICAgIHN0cmF0ZWd5OiAmcGVyLXNlcnZpY2UKICAgICAgZmFpbC1mYXN0OiBmYWxzZQogICAgICBtYXRyaXg6CiAgICAgICAgaW5jbHVkZToKICAgICAgICAgIC0gc2VydmljZTogYmFja2VuZAogICAgICAgICAgICBlY3JfcmVwb3NpdG9yeV92YXJpYWJsZTogRUNSX0JBQ0tFTkRfUkVQT1NJVE9SWQogICAgICAgICAgICBlY3Nfc2VydmljZV92YXJpYWJsZTogRUNTX0JBQ0tFTkRfU0VSVklDRQogICAgICAgICAgLSBzZXJ2aWNlOiBmcm9udGVuZAogICAgICAgICAgICBlY3JfcmVwb3NpdG9yeV92YXJpYWJsZTogRUNSX0ZST05URU5EX1JFUE9TSVRPUlkKICAgICAgICAgICAgZWNzX3NlcnZpY2VfdmFyaWFibGU6IEVDU19GUk9OVEVORF9TRVJWSUNFCiAgICBzdGVwczoKICAgICAgLSB1c2VzOiBhY3Rpb25zL2NoZWNrb3V0QDNkM2M0MmU1YWFjNWJhODA1ODI1ZGE3NjQxMGMxODEyNzNiYTkwYjEgIyB2Ny4wLjEKICAgICAgICB3aXRoOgogICAgICAgICAgcGVyc2lzdC1jcmVkZW50aWFsczogZmFsc2UKICAgICAgIyBCdWlsdCBvbmNlLCB3aXRob3V0IEFXUyBjcmVkZW50aWFsczogc3RhZ2luZyBhbmQgcHJvZHVjdGlvbiB0aGVuIHJ1biB0aGUgdmVyeSBzYW1lIGltYWdlLgogICAgICAtIG5hbWU6IEJ1aWxkIHRoZSBpbWFnZQogICAgICAgIGVudjoKICAgICAgICAgIFNFUlZJQ0U6ICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgICAgICAgSU1BR0VfVEFHOiAke3sgZ2l0aHViLnNoYSB9fQogICAgICAgIHJ1bjogfAogICAgICAgICAgZG9ja2VyIGJ1aWxkIC0tdGFnICIkU0VSVklDRTokSU1BR0VfVEFHIiAiLi8kU0VSVklDRSIKICAgICAgICAgIGRvY2tlciBzYXZlICIkU0VSVklDRTokSU1BR0VfVEFHIiB8IGd6aXAgPiAiJFJVTk5FUl9URU1QLyRTRVJWSUNFLnRhci5neiIKICAgICAgLSB1c2VzOiBhY3Rpb25zL3VwbG9hZC1hcnRpZmFjdEBiYmJjYTJkZGFhNWQ4ZmVhYTYzZTM2Yjc2ZmRhYWQ3NzM4NmYwMjRmICMgdjcuMC4wCiAgICAgICAgd2l0aDoKICAgICAgICAgIG5hbWU6IGltYWdlLSR7eyBtYXRyaXguc2VydmljZSB9fQogICAgICAgICAgcGF0aDogJHt7IHJ1bm5lci50ZW1wIH19LyR7eyBtYXRyaXguc2VydmljZSB9fS50YXIuZ3oKICAgICAgICAgIGlmLW5vLWZpbGVzLWZvdW5kOiBlcnJvcgogICAgICAgICAgcmV0ZW50aW9uLWRheXM6IDEKCiAgc3RhZ2luZzoKICAgIG5hbWU6IHN0YWdpbmcgJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICBuZWVkczogYnVpbGQKICAgIHJ1bnMtb246IHVidW50dS1sYXRlc3QKICAgIGVudmlyb25tZW50OiBzdGFnaW5nCiAgICAjIE9JREM6IHRoZSBqb2IncyB0b2tlbiBpcyBleGNoYW5nZWQgZm9yIHRoZSBlbnZpcm9ubWVudCdzIGRlcGxveSByb2xlOyBubyBzdG9yZWQgQVdTIGtleXMuCiAgICBwZXJtaXNzaW9uczogJm9pZGMKICAgICAgaWQtdG9rZW46IHdyaXRlCiAgICAgIGNvbnRlbnRzOiByZWFkCiAgICBzdHJhdGVneTogKnBlci1zZXJ2aWNlCiAgICBzdGVwczogJnJlbGVhc2UKICAgICAgLSB1c2VzOiBhY3Rpb25zL2Rvd25sb2FkLWFydGlmYWN0QDNlNWY0NWIyY2ZiOTE3MjA1NGI0MDg3YTQwZThlMGI1YTU0NjFlN2MgIyB2OC4wLjEKICAgICAgICB3aXRoOgogICAgICAgICAgbmFtZTogaW1hZ2UtJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICAgICAgICBwYXRoOiAke3sgcnVubmVyLnRlbXAgfX0KICAgICAgLSB1c2VzOiBhd3MtYWN0aW9ucy9jb25maWd1cmUtYXdzLWNyZWRlbnRpYWxzQGU2ZGUwNTQyMzhkNmI3NTMxYjRlZmZmM2I2NTg3ZDlhYWRlNmEwNmMgIyB2Ni4yLjMKICAgICAgICB3aXRoOgogICAgICAgICAgcm9sZS10by1hc3N1bWU6ICR7eyB2YXJzLkFXU19ERVBMT1lfUk9MRV9BUk4gfX0KICAgICAgICAgIGF3cy1yZWdpb246ICR7eyB2YXJzLkFXU19SRUdJT04gfX0KICAgICAgLSB1c2VzOiBhd3MtYWN0aW9ucy9hbWF6b24tZWNyLWxvZ2luQDAzZjFhYWQ0YzZjN2ZmZDQzNjU2N2Y0MmY5Mzg0Nzc5MjkwNTI5YmQgIyB2Mi4xLjcKICAgICAgICB3aXRoOgogICAgICAgICAgbWFzay1wYXNzd29yZDogdHJ1ZQogICAgICAtIG5hbWU6IFB1c2ggdGhlIGltYWdlIHRhZ2dlZCB3aXRoIHRoZSBjb21taXQKICAgICAgICBlbnY6CiAgICAgICAgICBTRVJWSUNFOiAke3sgbWF0cml4LnNlcnZpY2UgfX0KICAgICAgICAgIElNQUdFX1RBRzogJHt7IGdpdGh1Yi5zaGEgfX0KICAgICAgICAgIEVDUl9SRVBPU0lUT1JZOiAke3sgdmFyc1ttYXRyaXguZWNyX3JlcG9zaXRvcnlfdmFyaWFibGVdIH19CiAgICAgICAgcnVuOiB8CiAgICAgICAgICBkb2NrZXIgbG9hZCAtLWlucHV0ICIkUlVOTkVSX1RFTVAvJFNFUlZJQ0UudGFyLmd6IgogICAgICAgICAgZG9ja2VyIHRhZyAiJFNFUlZJQ0U6JElNQUdFX1RBRyIgIiRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIgogICAgICAgICAgZG9ja2VyIHB1c2ggIiRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIgogICAgICAjIEEgbmV3IHRhc2sgZGVmaW5pdGlvbiByZXZpc2lvbiB3aXRoIG9ubHkgdGhlIGltYWdlIGNoYW5nZWQsIHRoZW4gdGhlIHNlcnZpY2UgbW92ZXMgdG8gaXQ6CiAgICAgICMgdXBkYXRlLXNlcnZpY2UsIG9yIGEgQ29kZURlcGxveSBkZXBsb3ltZW50IGZvciBhIGJsdWUvZ3JlZW4gc2VydmljZSAoUkVBRE1FICJEZWxpdmVyeSIsCiAgICAgICMgIkRlcGxveW1lbnRzIik7IG5vdCAtLWZvcmNlLW5ldy1kZXBsb3ltZW50LCB3aGljaCB3b3VsZCByZXN0YXJ0IHRoZSBvbGQgaW1hZ2UuCiAgICAgIC0gbmFtZTogUm9sbCBvdXQKICAgICAgICBlbnY6CiAgICAgICAgICBFTlZJUk9OTUVOVF9OQU1FOiAke3sgdmFycy5FTlZJUk9OTUVOVF9OQU1FIH19CiAgICAgICAgICBTRVJWSUNFOiAke3sgbWF0cml4LnNlcnZpY2UgfX0KICAgICAgICAgIElNQUdFX1RBRzogJHt7IGdpdGh1Yi5zaGEgfX0KICAgICAgICAgIEVDU19DTFVTVEVSOiAke3sgdmFycy5FQ1NfQ0xVU1RFUiB9fQogICAgICAgICAgRUNTX1NFUlZJQ0U6ICR7eyB2YXJzW21hdHJpeC5lY3Nfc2VydmljZV92YXJpYWJsZV0gfX0KICAgICAgICAgIEVDUl9SRVBPU0lUT1JZOiAke3sgdmFyc1ttYXRyaXguZWNyX3JlcG9zaXRvcnlfdmFyaWFibGVdIH19CiAgICAgICAgcnVuOiB8CiAgICAgICAgICAjIS91c3IvYmluL2VudiBiYXNoCiAgICAgICAgICAjIFJvbGxzIG9uZSBzZXJ2aWNlIG9mIG9uZSBlbnZpcm9ubWVudCBvdXQgdG8gYSBuZXcgaW1hZ2Ugd2l0aG91dCBUZXJyYWZvcm0gZHJpZnQgKFJFQURNRSAiRGVsaXZlcnk6CiAgICAgICAgICAjIHJvbGxpbmcgb3V0IGEgbmV3IGltYWdlIHdpdGhvdXQgVGVycmFmb3JtIGRyaWZ0IikuIFRoZSBhcHBsaWNhdGlvbidzIGRlbGl2ZXJ5IHdvcmtmbG93IHJ1bnMgdGhpcwogICAgICAgICAgIyB0ZXh0IHZlcmJhdGltOiB0aGUgR2l0SHViIHN0YWNrIGlubGluZXMgaXQgaW50byAuZ2l0aHViL3dvcmtmbG93cy9kZXBsb3kueW1sLCBzbyBlZGl0IGl0IGhlcmUgb25seS4KICAgICAgICAgICMKICAgICAgICAgICMgSW5wdXQgKGVudmlyb25tZW50IHZhcmlhYmxlcyk6CiAgICAgICAgICAjICAgRU5WSVJPTk1FTlRfTkFNRSAgZGV2IHwgc3RhZ2luZyB8IHByb2Q6IHNjb3BlcyB0aGUgaW1hZ2UtdGFnIHBhcmFtZXRlciBhbmQgdGhlIHRhc2sgZmFtaWx5CiAgICAgICAgICAjICAgU0VSVklDRSAgICAgICAgICAgYmFja2VuZCB8IGZyb250ZW5kOiBhbHNvIHRoZSBuYW1lIG9mIHRoZSBzZXJ2aWNlJ3MgY29udGFpbmVyCiAgICAgICAgICAjICAgSU1BR0VfVEFHICAgICAgICAgdGhlIHRhZyBqdXN0IHB1c2hlZCAodGhlIGNvbW1pdCBTSEEpCiAgICAgICAgICAjICAgRUNTX0NMVVNURVIgICAgICAgY2x1c3RlciBvZiB0aGUgc2VydmljZQogICAgICAgICAgIyAgIEVDU19TRVJWSUNFICAgICAgIEVDUyBzZXJ2aWNlIG5hbWUKICAgICAgICAgICMgICBFQ1JfUkVQT1NJVE9SWSAgICByZXBvc2l0b3J5IFVSTCwgPGFjY291bnQ+LmRrci5lY3IuPHJlZ2lvbj4uYW1hem9uYXdzLmNvbS88bmFtZT4KICAgICAgICAgICMgTmVlZHMgdGhlIGF3cyBDTEkgKHYxIG9yIHYyKSBhbmQganEsIGFuZCB0aGVzZSBwZXJtaXNzaW9ucyAodGhlIGRlcGxveSByb2xlJ3MpOiBzc206UHV0UGFyYW1ldGVyIG9uCiAgICAgICAgICAjIHRoZSBwYXJhbWV0ZXI7IGVjczpEZXNjcmliZVRhc2tEZWZpbml0aW9uLCBlY3M6UmVnaXN0ZXJUYXNrRGVmaW5pdGlvbiBhbmQgZWNzOlRhZ1Jlc291cmNlICh0aGUgY29weQogICAgICAgICAgIyBrZWVwcyBpdHMgdGFncyk7IGlhbTpQYXNzUm9sZSBvbiB0aGUgdGFzaydzIGV4ZWN1dGlvbiBhbmQgdGFzayByb2xlczsgZWNzOkRlc2NyaWJlU2VydmljZXMgb24gdGhlCiAgICAgICAgICAjIHNlcnZpY2UsIGFuZCBlY3M6VXBkYXRlU2VydmljZSAocm9sbGluZykgb3IgY29kZWRlcGxveTpDcmVhdGVEZXBsb3ltZW50IGFuZCBHZXREZXBsb3ltZW50IG9uIGl0cwogICAgICAgICAgIyBkZXBsb3ltZW50IGdyb3VwIChibHVlL2dyZWVuOiBhIHNlcnZpY2Ugd2l0aCB0aGUgQ09ERV9ERVBMT1kgZGVwbG95bWVudCBjb250cm9sbGVyKS4KICAgICAgICAgIHNldCAtZXVvIHBpcGVmYWlsCiAgICAgICAgICAjIFdpdGhvdXQgaXQgYSBmYWlsaW5nIGNvbW1hbmQgaW5zaWRlICQoLi4uKSBkb2VzIG5vdCBzdG9wIHRoZSBmdW5jdGlvbiBpdCBydW5zIGluLgogICAgICAgICAgc2hvcHQgLXMgaW5oZXJpdF9lcnJleGl0CgogICAgICAgICAgZmFpbCgpIHsKICAgICAgICAgICAgZWNobyAiOjplcnJvcjo6cm9sbG91dDogJCoiID4mMgogICAgICAgICAgICBleGl0IDEKICAgICAgICAgIH0KCiAgICAgICAgICBmb3IgbmFtZSBpbiBFTlZJUk9OTUVOVF9OQU1FIFNFUlZJQ0UgSU1BR0VfVEFHIEVDU19DTFVTVEVSIEVDU19TRVJWSUNFIEVDUl9SRVBPU0lUT1JZOyBkbwogICAgICAgICAgICBbWyAtbiAiJHshbmFtZTotfSIgXV0gfHwgZmFpbCAiJG5hbWUgaXMgbm90IHNldCIKICAgICAgICAgIGRvbmUKICAgICAgICAgIFtbICIkU0VSVklDRSIgPT0gYmFja2VuZCB8fCAiJFNFUlZJQ0UiID09IGZyb250ZW5kIF1dIHx8IGZhaWwgIlNFUlZJQ0UgbXVzdCBiZSBiYWNrZW5kIG9yIGZyb250ZW5kIChnb3QgJyRTRVJWSUNFJykiCiAgICAgICAgICAjIEVDUidzIHRhZyBzeW50YXgsIGFzIElNQUdFX1RBR19QQVRURVJOIGluIHNyYy9jb25maWcvc2NoZW1hLnRzLgogICAgICAgICAgW1sgIiRJTUFHRV9UQUciID1+IF5bQS1aYS16MC05X11bQS1aYS16MC05Xy4tXXswLDEyN30kIF1dIHx8IGZhaWwgIklNQUdFX1RBRyAnJElNQUdFX1RBRycgaXMgbm90IGEgdmFsaWQgaW1hZ2UgdGFnIgoKICAgICAgICAgICMgTmFtZXMgdGhlIGVudmlyb25tZW50IHN0YWNrIGdpdmVzIHRoZXNlIChpbWFnZVRhZ1BhcmFtZXRlck5hbWUgYW5kIHRhc2tGYW1pbHlOYW1lIGluCiAgICAgICAgICAjIHNyYy9jb3JlL25hbWluZy50cyk7IHRoZSBlbXVsYXRvciB0ZXN0IHJvbGxzIG91dCBhZ2FpbnN0IHRoZSBzeW50aGVzaXplZCBzdGFjay4KICAgICAgICAgIHJlYWRvbmx5IFRBR19QQVJBTUVURVI9Ii9yZWNpcGUtY2hhdGJvdC8ke0VOVklST05NRU5UX05BTUV9L2RlcGxveS8ke1NFUlZJQ0V9LWltYWdlLXRhZyIKICAgICAgICAgIHJlYWRvbmx5IFRBU0tfRkFNSUxZPSJyZWNpcGUtY2hhdGJvdC0ke0VOVklST05NRU5UX05BTUV9LSR7U0VSVklDRX0iCiAgICAgICAgICAjIGNvZGVEZXBsb3lBcHBsaWNhdGlvbk5hbWUgYW5kIGRlcGxveW1lbnRHcm91cE5hbWUsIGZvciBhIGJsdWUvZ3JlZW4gc2VydmljZS4KICAgICAgICAgIHJlYWRvbmx5IENPREVERVBMT1lfQVBQTElDQVRJT049InJlY2lwZS1jaGF0Ym90LSR7RU5WSVJPTk1FTlRfTkFNRX0iCiAgICAgICAgICByZWFkb25seSBERVBMT1lNRU5UX0dST1VQPSJyZWNpcGUtY2hhdGJvdC0ke0VOVklST05NRU5UX05BTUV9LSR7U0VSVklDRX0iCgogICAgICAgICAgIyBSZWdpc3RlcnMgYSBjb3B5IG9mIHRoZSBmYW1pbHkncyBuZXdlc3QgcmV2aXNpb24gd2l0aCBvbmx5IHRoaXMgc2VydmljZSdzIGltYWdlIGNoYW5nZWQsIGFuZAogICAgICAgICAgIyBwcmludHMgaXRzIEFSTi4gVGVycmFmb3JtIHRyYWNrcyB0aGUgbmV3ZXN0IHJldmlzaW9uICh0cmFja19sYXRlc3QpLCBzbyBhZnRlciB0aGUgcGFyYW1ldGVyIHdyaXRlCiAgICAgICAgICAjIGl0cyBjb25maWd1cmF0aW9uIGVxdWFscyB0aGlzIGNvcHkuIFRoZSB0YWdzIGFyZSBjb3BpZWQgdG9vLCBvciBUZXJyYWZvcm0gd291bGQgcmUtYWRkIHRoZW0uCiAgICAgICAgICByZWdpc3Rlcl9yZXZpc2lvbigpIHsKICAgICAgICAgICAgbG9jYWwgaW1hZ2U9JDEgZGVzY3JpYmVkIGlucHV0CiAgICAgICAgICAgIGRlc2NyaWJlZD0kKGF3cyBlY3MgZGVzY3JpYmUtdGFzay1kZWZpbml0aW9uIC0tdGFzay1kZWZpbml0aW9uICIkVEFTS19GQU1JTFkiIC0taW5jbHVkZSBUQUdTIC0tb3V0cHV0IGpzb24pCiAgICAgICAgICAgIGlucHV0PSQoanEgLS1hcmcgY29udGFpbmVyICIkU0VSVklDRSIgLS1hcmcgaW1hZ2UgIiRpbWFnZSIgJwogICAgICAgICAgICAgIC4gYXMgJGRlc2NyaWJlZAogICAgICAgICAgICAgIHwgaWYgYW55KCRkZXNjcmliZWQudGFza0RlZmluaXRpb24uY29udGFpbmVyRGVmaW5pdGlvbnNbXTsgLm5hbWUgPT0gJGNvbnRhaW5lcikgdGhlbiAuIGVsc2UKICAgICAgICAgICAgICAgICAgZXJyb3IoInRhc2sgZGVmaW5pdGlvbiBcKCRkZXNjcmliZWQudGFza0RlZmluaXRpb24udGFza0RlZmluaXRpb25Bcm4pIGhhcyBubyBjb250YWluZXIgbmFtZWQgXCgkY29udGFpbmVyKSIpCiAgICAgICAgICAgICAgICBlbmQKICAgICAgICAgICAgICB8ICRkZXNjcmliZWQudGFza0RlZmluaXRpb24KICAgICAgICAgICAgICAjIFdoYXQgRGVzY3JpYmVUYXNrRGVmaW5pdGlvbiByZXBvcnRzIGJ1dCBSZWdpc3RlclRhc2tEZWZpbml0aW9uIGRvZXMgbm90IGFjY2VwdC4KICAgICAgICAgICAgICB8IGRlbCgudGFza0RlZmluaXRpb25Bcm4sIC5yZXZpc2lvbiwgLnN0YXR1cywgLnJlcXVpcmVzQXR0cmlidXRlcywgLmNvbXBhdGliaWxpdGllcywKICAgICAgICAgICAgICAgICAgICAucmVnaXN0ZXJlZEF0LCAucmVnaXN0ZXJlZEJ5LCAuZGVyZWdpc3RlcmVkQXQpCiAgICAgICAgICAgICAgfCAuY29udGFpbmVyRGVmaW5pdGlvbnMgfD0gbWFwKGlmIC5uYW1lID09ICRjb250YWluZXIgdGhlbiAuaW1hZ2UgPSAkaW1hZ2UgZWxzZSAuIGVuZCkKICAgICAgICAgICAgICB8IGlmICgkZGVzY3JpYmVkLnRhZ3MgLy8gW10pID09IFtdIHRoZW4gLiBlbHNlIC50YWdzID0gJGRlc2NyaWJlZC50YWdzIGVuZAogICAgICAgICAgICAnIDw8PCIkZGVzY3JpYmVkIikKICAgICAgICAgICAgYXdzIGVjcyByZWdpc3Rlci10YXNrLWRlZmluaXRpb24gLS1jbGktaW5wdXQtanNvbiAiJGlucHV0IiAtLXF1ZXJ5IHRhc2tEZWZpbml0aW9uLnRhc2tEZWZpbml0aW9uQXJuIC0tb3V0cHV0IHRleHQKICAgICAgICAgIH0KCiAgICAgICAgICAjIFB1Ymxpc2hlcyBhIHRhZzogdGhlIHBhcmFtZXRlciBmaXJzdCAoVGVycmFmb3JtIHJlYWRzIGl0IGJhY2sgb24gZXZlcnkgcGxhbiwgc28gZnJvbSBoZXJlIG9uIGFuCiAgICAgICAgICAjIGluZnJhc3RydWN0dXJlIGFwcGx5IGtlZXBzIHRoaXMgdGFnKSwgdGhlbiBhIHJldmlzaW9uIHdpdGggaXQsIHdob3NlIEFSTiBpdCBwcmludHMuCiAgICAgICAgICBwdWJsaXNoKCkgewogICAgICAgICAgICBsb2NhbCB0YWc9JDEgYXJuCiAgICAgICAgICAgIGF3cyBzc20gcHV0LXBhcmFtZXRlciAtLW5hbWUgIiRUQUdfUEFSQU1FVEVSIiAtLXR5cGUgU3RyaW5nIC0tdmFsdWUgIiR0YWciIC0tb3ZlcndyaXRlID4vZGV2L251bGwKICAgICAgICAgICAgYXJuPSQocmVnaXN0ZXJfcmV2aXNpb24gIiRFQ1JfUkVQT1NJVE9SWTokdGFnIikKICAgICAgICAgICAgZWNobyAicm9sbG91dDogJEVDU19TRVJWSUNFIC0+ICRhcm4gKCRFQ1JfUkVQT1NJVE9SWTokdGFnKSIgPiYyCiAgICAgICAgICAgIGVjaG8gIiRhcm4iCiAgICAgICAgICB9CgogICAgICAgICAgIyBSZWxlYXNlcyBhIHRhZyB0byBhIHJvbGxpbmcgc2VydmljZTogcHVibGlzaCBpdCwgdGhlbiBtb3ZlIHRoZSBzZXJ2aWNlIHRvIHRoZSBuZXcgcmV2aXNpb24uCiAgICAgICAgICAjIFByaW50cyB0aGUgaWQgb2YgdGhlIGRlcGxveW1lbnQgdGhhdCB1cGRhdGUtc2VydmljZSBzdGFydGVkLgogICAgICAgICAgcmVsZWFzZSgpIHsKICAgICAgICAgICAgbG9jYWwgYXJuCiAgICAgICAgICAgIGFybj0kKHB1Ymxpc2ggIiQxIikKICAgICAgICAgICAgIyBzaGVsbGNoZWNrIGRpc2FibGU9U0MyMDE2ICMgYmFja3F1b3RlcyBhcmUgYSBKTUVTUGF0aCBsaXRlcmFsLCBub3QgYSBzaGVsbCBleHBhbnNpb24KICAgICAgICAgICAgYXdzIGVjcyB1cGRhdGUtc2VydmljZSAtLWNsdXN0ZXIgIiRFQ1NfQ0xVU1RFUiIgLS1zZXJ2aWNlICIkRUNTX1NFUlZJQ0UiIC0tdGFzay1kZWZpbml0aW9uICIkYXJuIiBcCiAgICAgICAgICAgICAgLS1xdWVyeSAnc2VydmljZS5kZXBsb3ltZW50c1s/c3RhdHVzPT1gUFJJTUFSWWBdIHwgWzBdLmlkJyAtLW91dHB1dCB0ZXh0CiAgICAgICAgICB9CgogICAgICAgICAgZGVzY3JpYmVfc2VydmljZSgpIHsKICAgICAgICAgICAgYXdzIGVjcyBkZXNjcmliZS1zZXJ2aWNlcyAtLWNsdXN0ZXIgIiRFQ1NfQ0xVU1RFUiIgLS1zZXJ2aWNlcyAiJEVDU19TRVJWSUNFIiAtLW91dHB1dCBqc29uCiAgICAgICAgICB9CgogICAgICAgICAgIyBUaGUgdGFnIG9mICRTRVJWSUNFJ3MgY29udGFpbmVyIGluIGEgdGFzayBkZWZpbml0aW9uLgogICAgICAgICAgdGFnX29mKCkgewogICAgICAgICAgICBsb2NhbCBpbWFnZQogICAgICAgICAgICBpbWFnZT0kKGF3cyBlY3MgZGVzY3JpYmUtdGFzay1kZWZpbml0aW9uIC0tdGFzay1kZWZpbml0aW9uICIkMSIgLS1vdXRwdXQganNvbiB8CiAgICAgICAgICAgICAganEgLXIgLS1hcmcgY29udGFpbmVyICIkU0VSVklDRSIgJy50YXNrRGVmaW5pdGlvbi5jb250YWluZXJEZWZpbml0aW9uc1tdIHwgc2VsZWN0KC5uYW1lID09ICRjb250YWluZXIpIHwgLmltYWdlJykKICAgICAgICAgICAgZWNobyAiJHtpbWFnZSMjKjp9IgogICAgICAgICAgfQoKICAgICAgICAgICMgQmx1ZS9ncmVlbiAoUkVBRE1FICJEZXBsb3ltZW50cyIpOiBDb2RlRGVwbG95IHN0YXJ0cyB0aGUgbmV3IHJldmlzaW9uIGFzIGEgc2Vjb25kIHRhc2sgc2V0IGluIHRoZQogICAgICAgICAgIyBncmVlbiB0YXJnZXQgZ3JvdXAsIHNob3dzIGl0IG9uIHRoZSB0ZXN0IGxpc3RlbmVyLCBzaGlmdHMgcHJvZHVjdGlvbiB0cmFmZmljIHRvIGl0IGFzIHRoZQogICAgICAgICAgIyBkZXBsb3ltZW50IGdyb3VwJ3MgY29uZmlndXJhdGlvbiBzYXlzIChhbGwgYXQgb25jZSwgY2FuYXJ5IG9yIGxpbmVhciksIGFuZCBhZnRlciB0aGUgdGVybWluYXRpb24KICAgICAgICAgICMgd2FpdCBzdG9wcyB0aGUgb2xkIHRhc2tzLiBJdCByb2xscyBiYWNrIG9uIGEgZmFpbHVyZSBvciB3aGVuIGEgZGVwbG95bWVudCBhbGFybSBmaXJlcy4KICAgICAgICAgIGJsdWVfZ3JlZW5fcmVsZWFzZSgpIHsKICAgICAgICAgICAgbG9jYWwgYXJuIHBvcnQgYXBwc3BlYyByZXZpc2lvbiBkZXBsb3ltZW50X2lkIGluZm8gc3RhdHVzCiAgICAgICAgICAgIGFybj0kKHB1Ymxpc2ggIiRJTUFHRV9UQUciKQogICAgICAgICAgICBwb3J0PSQoYXdzIGVjcyBkZXNjcmliZS10YXNrLWRlZmluaXRpb24gLS10YXNrLWRlZmluaXRpb24gIiRhcm4iIC0tb3V0cHV0IGpzb24gfAogICAgICAgICAgICAgIGpxIC1yIC0tYXJnIGNvbnRhaW5lciAiJFNFUlZJQ0UiICcudGFza0RlZmluaXRpb24uY29udGFpbmVyRGVmaW5pdGlvbnNbXSB8IHNlbGVjdCgubmFtZSA9PSAkY29udGFpbmVyKSB8IC5wb3J0TWFwcGluZ3NbMF0uY29udGFpbmVyUG9ydCcpCiAgICAgICAgICAgIGFwcHNwZWM9JChqcSAtY24gLS1hcmcgYXJuICIkYXJuIiAtLWFyZyBjb250YWluZXIgIiRTRVJWSUNFIiAtLWFyZ2pzb24gcG9ydCAiJHBvcnQiICd7dmVyc2lvbjogMSwgUmVzb3VyY2VzOiBbe1RhcmdldFNlcnZpY2U6IHsKICAgICAgICAgICAgICBUeXBlOiAiQVdTOjpFQ1M6OlNlcnZpY2UiLCBQcm9wZXJ0aWVzOiB7VGFza0RlZmluaXRpb246ICRhcm4sIExvYWRCYWxhbmNlckluZm86IHtDb250YWluZXJOYW1lOiAkY29udGFpbmVyLCBDb250YWluZXJQb3J0OiAkcG9ydH19fX1dfScpCiAgICAgICAgICAgIHJldmlzaW9uPSQoanEgLWNuIC0tYXJnIGNvbnRlbnQgIiRhcHBzcGVjIiAne3JldmlzaW9uVHlwZTogIkFwcFNwZWNDb250ZW50IiwgYXBwU3BlY0NvbnRlbnQ6IHtjb250ZW50OiAkY29udGVudH19JykKICAgICAgICAgICAgZGVwbG95bWVudF9pZD0kKGF3cyBkZXBsb3kgY3JlYXRlLWRlcGxveW1lbnQgLS1hcHBsaWNhdGlvbi1uYW1lICIkQ09ERURFUExPWV9BUFBMSUNBVElPTiIgLS1kZXBsb3ltZW50LWdyb3VwLW5hbWUgIiRERVBMT1lNRU5UX0dST1VQIiBcCiAgICAgICAgICAgICAgLS1yZXZpc2lvbiAiJHJldmlzaW9uIiAtLWRlc2NyaXB0aW9uICJyb2xsb3V0LnNoOiAkRUNSX1JFUE9TSVRPUlk6JElNQUdFX1RBRyIgLS1xdWVyeSBkZXBsb3ltZW50SWQgLS1vdXRwdXQgdGV4dCkKICAgICAgICAgICAgZWNobyAicm9sbG91dDogQ29kZURlcGxveSBkZXBsb3ltZW50ICRkZXBsb3ltZW50X2lkIG9mICRERVBMT1lNRU5UX0dST1VQIiA+JjIKCiAgICAgICAgICAgICMgVHJhZmZpYyBzaGlmdGluZyBwbHVzIHRoZSB0ZXJtaW5hdGlvbiB3YWl0OiBhdCBtb3N0IDMwIG1pbnV0ZXMgKEVDU0xpbmVhcjEwUGVyY2VudEV2ZXJ5M01pbnV0ZXMpCiAgICAgICAgICAgICMgYW5kIDYwICh0aGUgY29uZmlndXJhdGlvbidzIGxpbWl0KSwgc28gdHdvIGhvdXJzIGlzIGFtcGxlLgogICAgICAgICAgICBsb2NhbCAtciBwb2xsX3NlY29uZHM9MTUgcG9sbF9hdHRlbXB0cz00ODAKICAgICAgICAgICAgZm9yICgoYXR0ZW1wdCA9IDE7IDsgYXR0ZW1wdCsrKSk7IGRvCiAgICAgICAgICAgICAgaW5mbz0kKGF3cyBkZXBsb3kgZ2V0LWRlcGxveW1lbnQgLS1kZXBsb3ltZW50LWlkICIkZGVwbG95bWVudF9pZCIgLS1vdXRwdXQganNvbikKICAgICAgICAgICAgICBzdGF0dXM9JChqcSAtciAuZGVwbG95bWVudEluZm8uc3RhdHVzIDw8PCIkaW5mbyIpCiAgICAgICAgICAgICAgY2FzZSAiJHN0YXR1cyIgaW4KICAgICAgICAgICAgICAgIFN1Y2NlZWRlZCkKICAgICAgICAgICAgICAgICAgZWNobyAicm9sbG91dDogJEVDU19TRVJWSUNFIHJ1bnMgJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUciID4mMgogICAgICAgICAgICAgICAgICBleGl0IDAKICAgICAgICAgICAgICAgICAgOzsKICAgICAgICAgICAgICAgIEZhaWxlZCB8IFN0b3BwZWQpIGJyZWFrIDs7CiAgICAgICAgICAgICAgZXNhYwogICAgICAgICAgICAgICgoYXR0ZW1wdCA8IHBvbGxfYXR0ZW1wdHMpKSB8fCBmYWlsICJDb2RlRGVwbG95IGRlcGxveW1lbnQgJGRlcGxveW1lbnRfaWQgb2YgJEVDU19TRVJWSUNFIGlzIHN0aWxsICRzdGF0dXMiCiAgICAgICAgICAgICAgc2xlZXAgIiRwb2xsX3NlY29uZHMiCiAgICAgICAgICAgIGRvbmUKCiAgICAgICAgICAgICMgU3RvcHBlZCBieSBhIGRlcGxveW1lbnQgYWxhcm0gKEFMQVJNX0FDVElWRSkgb3IgZmFpbGVkICh0YXNrcyB0aGF0IG5ldmVyIGJlY2FtZSBoZWFsdGh5LCAuLi4pOgogICAgICAgICAgICAjIHdpdGggYXV0b21hdGljIHJvbGxiYWNrIG9uLCBhcyBldmVyeSBncm91cCBoZXJlIGhhcyBpdCwgcHJvZHVjdGlvbiB0cmFmZmljIGlzIGJhY2sgb24gdGhlIG9sZAogICAgICAgICAgICAjIHRhc2sgc2V0LiBUaGUgcGFyYW1ldGVyIGFuZCB0aGUgbmV3ZXN0IHJldmlzaW9uIHN0aWxsIG5hbWUgdGhlIGZhaWxlZCBpbWFnZTogcHVibGlzaCB0aGUgdGFnCiAgICAgICAgICAgICMgdGhhdCBydW5zIGFnYWluLCBzbyB0aGUgbmV4dCBpbmZyYXN0cnVjdHVyZSBhcHBseSBrZWVwcyBpdCBhbmQgdGhlIHBsYW4gc3RheXMgZW1wdHkuCiAgICAgICAgICAgIGVjaG8gIjo6ZXJyb3I6OnJvbGxvdXQ6IENvZGVEZXBsb3kgZGVwbG95bWVudCAkZGVwbG95bWVudF9pZCBvZiAkRUNSX1JFUE9TSVRPUlk6JElNQUdFX1RBRyB0byAkRUNTX1NFUlZJQ0UgJHN0YXR1cyIgXAogICAgICAgICAgICAgICIkKGpxIC1yICcuZGVwbG95bWVudEluZm8uZXJyb3JJbmZvcm1hdGlvbiB8ICIoXCguY29kZSAvLyAibm8gZXJyb3IgY29kZSIpKTogXCgubWVzc2FnZSAvLyAibm8gbWVzc2FnZSIpIicgPDw8IiRpbmZvIikiID4mMgogICAgICAgICAgICBsb2NhbCByb2xsYmFjayBydW5uaW5nCiAgICAgICAgICAgIHJvbGxiYWNrPSQoanEgLXIgJy5kZXBsb3ltZW50SW5mby5yb2xsYmFja0luZm8ucm9sbGJhY2tEZXBsb3ltZW50SWQgLy8gZW1wdHknIDw8PCIkaW5mbyIpCiAgICAgICAgICAgIFtbIC1uICIkcm9sbGJhY2siIF1dIHx8IGZhaWwgIiRFQ1NfU0VSVklDRSB3YXMgbm90IHJvbGxlZCBiYWNrOyBmaXggaXQgYnkgaGFuZCAoYXdzIGRlcGxveSBnZXQtZGVwbG95bWVudCAtLWRlcGxveW1lbnQtaWQgJGRlcGxveW1lbnRfaWQpIgogICAgICAgICAgICBydW5uaW5nPSQoZGVzY3JpYmVfc2VydmljZSB8IGpxIC1yICcoLnNlcnZpY2VzWzBdLnRhc2tTZXRzIC8vIFtdIHwgbWFwKHNlbGVjdCguc3RhdHVzID09ICJQUklNQVJZIikpIHwgZmlyc3QgfCAudGFza0RlZmluaXRpb24pIC8vIC5zZXJ2aWNlc1swXS50YXNrRGVmaW5pdGlvbicpCiAgICAgICAgICAgIHJ1bm5pbmdfdGFnPSQodGFnX29mICIkcnVubmluZyIpCiAgICAgICAgICAgIGVjaG8gInJvbGxvdXQ6IHJvbGxlZCBiYWNrIChDb2RlRGVwbG95IGRlcGxveW1lbnQgJHJvbGxiYWNrKSB0byAkcnVubmluZzsgcmVzdG9yaW5nICRUQUdfUEFSQU1FVEVSIHRvICRydW5uaW5nX3RhZyIgPiYyCiAgICAgICAgICAgIHB1Ymxpc2ggIiRydW5uaW5nX3RhZyIgPi9kZXYvbnVsbAogICAgICAgICAgICBmYWlsICIkRUNTX1NFUlZJQ0Ugc3RpbGwgcnVucyAkcnVubmluZ190YWc6ICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIHdhcyByb2xsZWQgYmFjayIKICAgICAgICAgIH0KCiAgICAgICAgICBpZiBbWyAiJChkZXNjcmliZV9zZXJ2aWNlIHwganEgLXIgJy5zZXJ2aWNlc1swXS5kZXBsb3ltZW50Q29udHJvbGxlci50eXBlIC8vICJFQ1MiJykiID09IENPREVfREVQTE9ZIF1dOyB0aGVuCiAgICAgICAgICAgIGJsdWVfZ3JlZW5fcmVsZWFzZQogICAgICAgICAgZmkKCiAgICAgICAgICBkZXBsb3ltZW50X2lkPSQocmVsZWFzZSAiJElNQUdFX1RBRyIpCgogICAgICAgICAgIyBXYWl0cyB1bnRpbCB0aGUgc2VydmljZSBoYXMgYSBzaW5nbGUgZGVwbG95bWVudCB3aXRoIGV2ZXJ5IHRhc2sgcnVubmluZyAodGhlIENMSSBwb2xscyBldmVyeSAxNSBzLAogICAgICAgICAgIyBhdCBtb3N0IDQwIHRpbWVzKS4gQSBkZXBsb3ltZW50IHRoZSBjaXJjdWl0IGJyZWFrZXIgb3IgYW4gYWxhcm0gcm9sbHMgYmFjayBpcyBzdGFibGUgdG9vLCBvbiB0aGUKICAgICAgICAgICMgb2xkIHJldmlzaW9uLgogICAgICAgICAgaWYgISBhd3MgZWNzIHdhaXQgc2VydmljZXMtc3RhYmxlIC0tY2x1c3RlciAiJEVDU19DTFVTVEVSIiAtLXNlcnZpY2VzICIkRUNTX1NFUlZJQ0UiOyB0aGVuCiAgICAgICAgICAgIGRlc2NyaWJlX3NlcnZpY2UgfCBqcSAtciAnLnNlcnZpY2VzWzBdLmV2ZW50c1s6NV1bXSB8ICIgIFwoLmNyZWF0ZWRBdCkgXCgubWVzc2FnZSkiJyA+JjIgfHwgdHJ1ZQogICAgICAgICAgICBmYWlsICIkRUNTX1NFUlZJQ0UgZGlkIG5vdCBiZWNvbWUgc3RhYmxlOyB0aGUgZGVwbG95bWVudCAkZGVwbG95bWVudF9pZCBtYXkgc3RpbGwgYmUgaW4gcHJvZ3Jlc3MiCiAgICAgICAgICBmaQoKICAgICAgICAgICMgc2VydmljZXMtc3RhYmxlIGNhbiBwYXNzIGEgbW9tZW50IGJlZm9yZSBFQ1MgZGVjaWRlcyB0aGUgcm9sbG91dCAoQ09NUExFVEVELCBvciBGQUlMRUQgd2hlbiB0YXNrcwogICAgICAgICAgIyBmYWlsIHRoZWlyIGhlYWx0aCBjaGVja3MgYWZ0ZXIgc3RhcnRpbmcpOiBwb2xsIGZvciB0aGUgdmVyZGljdCwgYXQgbW9zdCBhcyBsb25nIGFzIHRoZSB3YWl0ZXIuCiAgICAgICAgICByZWFkb25seSBWRVJESUNUX1BPTExfU0VDT05EUz0xNSBWRVJESUNUX1BPTExfQVRURU1QVFM9NDAKICAgICAgICAgIGZvciAoKGF0dGVtcHQgPSAxOyA7IGF0dGVtcHQrKykpOyBkbwogICAgICAgICAgICBzdGF0ZT0kKGRlc2NyaWJlX3NlcnZpY2UpCiAgICAgICAgICAgIHByaW1hcnk9JChqcSAtYyAnLnNlcnZpY2VzWzBdLmRlcGxveW1lbnRzW10gfCBzZWxlY3QoLnN0YXR1cyA9PSAiUFJJTUFSWSIpJyA8PDwiJHN0YXRlIikKICAgICAgICAgICAgcHJpbWFyeV9pZD0kKGpxIC1yIC5pZCA8PDwiJHByaW1hcnkiKQogICAgICAgICAgICByb2xsb3V0X3N0YXRlPSQoanEgLXIgLnJvbGxvdXRTdGF0ZSA8PDwiJHByaW1hcnkiKQogICAgICAgICAgICBbWyAiJHByaW1hcnlfaWQiID09ICIkZGVwbG95bWVudF9pZCIgJiYgIiRyb2xsb3V0X3N0YXRlIiA9PSBJTl9QUk9HUkVTUyBdXSB8fCBicmVhawogICAgICAgICAgICAoKGF0dGVtcHQgPCBWRVJESUNUX1BPTExfQVRURU1QVFMpKSB8fCBmYWlsICJkZXBsb3ltZW50ICRkZXBsb3ltZW50X2lkIG9mICRFQ1NfU0VSVklDRSBpcyBzdGlsbCBJTl9QUk9HUkVTUyIKICAgICAgICAgICAgc2xlZXAgIiRWRVJESUNUX1BPTExfU0VDT05EUyIKICAgICAgICAgIGRvbmUKICAgICAgICAgIGlmIFtbICIkcHJpbWFyeV9pZCIgPT0gIiRkZXBsb3ltZW50X2lkIiAmJiAiJHJvbGxvdXRfc3RhdGUiID09IENPTVBMRVRFRCBdXTsgdGhlbgogICAgICAgICAgICBlY2hvICJyb2xsb3V0OiAkRUNTX1NFUlZJQ0UgcnVucyAkRUNSX1JFUE9TSVRPUlk6JElNQUdFX1RBRyIgPiYyCiAgICAgICAgICAgIGV4aXQgMAogICAgICAgICAgZmkKCiAgICAgICAgICAjIEVDUyBzdG9wcGVkIHRoZSBkZXBsb3ltZW50OiB0aGUgY2lyY3VpdCBicmVha2VyICh0YXNrcyBmYWlsZWQgdG8gc3RhcnQgb3IgdG8gcGFzcyBoZWFsdGggY2hlY2tzKSBvcgogICAgICAgICAgIyBhIGRlcGxveW1lbnQgYWxhcm0gdGhhdCBmaXJlZCBkdXJpbmcgdGhlIGJha2UgdGltZTsgd2l0aCByb2xsYmFjayBvbiwgYXMgZXZlcnkgc2VydmljZSBoZXJlIGhhcwogICAgICAgICAgIyBpdCwgaXQgd2VudCBiYWNrIHRvIHRoZSBsYXN0IGNvbXBsZXRlZCBkZXBsb3ltZW50LiBUaGUgcmVhc29uIGlzIG9uIHRoZSBmYWlsZWQgZGVwbG95bWVudCB3aGlsZQogICAgICAgICAgIyBFQ1MgbGlzdHMgaXQgKG91cnMsIG9yIHRoZSBvbmUgaXQgbWFya3MgRkFJTEVEKSwgYW5kIG9uIHRoZSByb2xsYmFjayBkZXBsb3ltZW50IGFmdGVyLgogICAgICAgICAgcmVhc29uPSQoanEgLXIgLS1hcmcgaWQgIiRkZXBsb3ltZW50X2lkIiAnLnNlcnZpY2VzWzBdLmRlcGxveW1lbnRzIGFzICRhbGwKICAgICAgICAgICAgfCBbKCRhbGxbXSB8IHNlbGVjdCguaWQgPT0gJGlkKSksICgkYWxsW10gfCBzZWxlY3QoLnJvbGxvdXRTdGF0ZSA9PSAiRkFJTEVEIikpLCAoJGFsbFtdIHwgc2VsZWN0KC5zdGF0dXMgPT0gIlBSSU1BUlkiKSldCiAgICAgICAgICAgIHwgbWFwKC5yb2xsb3V0U3RhdGVSZWFzb24gLy8gZW1wdHkpIHwgZmlyc3QgLy8gZW1wdHknIDw8PCIkc3RhdGUiKQogICAgICAgICAgZWNobyAiOjplcnJvcjo6cm9sbG91dDogRUNTIHN0b3BwZWQgZGVwbG95bWVudCAkZGVwbG95bWVudF9pZCBvZiAkRUNSX1JFUE9TSVRPUlk6JElNQUdFX1RBRyB0byIgXAogICAgICAgICAgICAiJEVDU19TRVJWSUNFIChkZXBsb3ltZW50IGNpcmN1aXQgYnJlYWtlciBvciBkZXBsb3ltZW50IGFsYXJtKSR7cmVhc29uOis6ICRyZWFzb259IiA+JjIKICAgICAgICAgIGpxIC1yICcuc2VydmljZXNbMF0uZXZlbnRzWzo1XVtdIHwgIiAgXCguY3JlYXRlZEF0KSBcKC5tZXNzYWdlKSInIDw8PCIkc3RhdGUiID4mMiB8fCB0cnVlCgogICAgICAgICAgcm9sbGVkX2JhY2tfdG89JChqcSAtciAnLnRhc2tEZWZpbml0aW9uIC8vIGVtcHR5JyA8PDwiJHByaW1hcnkiKQogICAgICAgICAgaWYgW1sgLXogIiRyb2xsZWRfYmFja190byIgfHwgIiRwcmltYXJ5X2lkIiA9PSAiJGRlcGxveW1lbnRfaWQiIF1dOyB0aGVuCiAgICAgICAgICAgIGZhaWwgIiRFQ1NfU0VSVklDRSB3YXMgbm90IHJvbGxlZCBiYWNrOyBmaXggaXQgYnkgaGFuZCAoYXdzIGVjcyBkZXNjcmliZS1zZXJ2aWNlcykiCiAgICAgICAgICBmaQogICAgICAgICAgIyBUaGUgcGFyYW1ldGVyIGFuZCB0aGUgbmV3ZXN0IHJldmlzaW9uIHN0aWxsIG5hbWUgdGhlIGZhaWxlZCBpbWFnZSwgc28gdGhlIG5leHQgaW5mcmFzdHJ1Y3R1cmUKICAgICAgICAgICMgYXBwbHkgd291bGQgcm9sbCBpdCBvdXQgYWdhaW4uIFJlbGVhc2UgdGhlIHRhZyB0aGUgc2VydmljZSB3YXMgcm9sbGVkIGJhY2sgdG8gaW5zdGVhZDogdGhlCiAgICAgICAgICAjIGNvbmZpZ3VyYXRpb24gdGhlbiBlcXVhbHMgd2hhdCBydW5zLCBhbmQgdGhlIHBsYW4gc3RheXMgZW1wdHkuCiAgICAgICAgICBydW5uaW5nX3RhZz0kKHRhZ19vZiAiJHJvbGxlZF9iYWNrX3RvIikKICAgICAgICAgIGVjaG8gInJvbGxvdXQ6IHJvbGxlZCBiYWNrIHRvICRyb2xsZWRfYmFja190bzsgcmVzdG9yaW5nICRUQUdfUEFSQU1FVEVSIHRvICRydW5uaW5nX3RhZyIgPiYyCiAgICAgICAgICByZWxlYXNlICIkcnVubmluZ190YWciID4vZGV2L251bGwKICAgICAgICAgIGZhaWwgIiRFQ1NfU0VSVklDRSBzdGlsbCBydW5zICRydW5uaW5nX3RhZzogJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUcgd2FzIHJvbGxlZCBiYWNrIgoKICBwcm9kdWN0aW9uOgogICAgbmFtZTogcHJvZHVjdGlvbiAke3sgbWF0cml4LnNlcnZpY2UgfX0KICAgIG5lZWRzOiBzdGFnaW5nCiAgICBydW5zLW9uOiB1YnVudHUtbGF0ZXN0CiAgICBlbnZpcm9ubWVudDogcHJvZHVjdGlvbgogICAgcGVybWlzc2lvbnM6ICpvaWRjCiAgICBzdHJhdGVneTogKnBlci1zZXJ2aWNlCiAgICBzdGVwczogKnJlbGVhc2UK")
  file                = ".github/workflows/deploy.yml"
  overwrite_on_create = true
  repository          = var.app_repository
}