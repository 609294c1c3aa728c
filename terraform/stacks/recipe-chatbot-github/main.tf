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
  content             = base64decode("IyBEZWxpdmVyeSB3b3JrZmxvdyBvZiB0aGUgUmVjaXBlIENoYXRib3QgYXBwbGljYXRpb246IGV2ZXJ5IHB1c2ggdG8gbWFpbiBidWlsZHMgdGhlIGJhY2tlbmQgYW5kIHRoZQojIGZyb250ZW5kIG9uY2UsIGZvciBsaW51eC9hbWQ2NCBhbmQgbGludXgvYXJtNjQsIHRoZW4gcmVsZWFzZXMgdGhlIHNhbWUgaW1hZ2VzIHRvIHN0YWdpbmcgYW5kLCBhZnRlciBhCiMgcmV2aWV3ZXIgYXBwcm92ZXMsIHRvIHByb2R1Y3Rpb24sIGFzIG9uZSBtdWx0aS1hcmNoIGltYWdlIHBlciBzZXJ2aWNlIChBUk02NCB0YXNrcyBuZWVkIGl0LCBSRUFETUUgIkNvc3QiKS4KIwojIE1hbmFnZWQgYnkgdGhlIGluZnJhc3RydWN0dXJlIHJlcG9zaXRvcnkgKHJlY2lwZS1jaGF0Ym90LWluZnJhKTogaXRzIEdpdEh1YiBzdGFjayByZW5kZXJzCiMgYXNzZXRzL2RlcGxveS55bWwsIHdpdGggYXNzZXRzL3JvbGxvdXQuc2ggaW5saW5lZCBhdCB0aGUgbWFya2VyIGxpbmUsIGludG8gdGhlCiMgYXBwbGljYXRpb24gcmVwb3NpdG9yeSBhcyAuZ2l0aHViL3dvcmtmbG93cy9kZXBsb3kueW1sLiBFZGl0IHRob3NlIHR3byBmaWxlcyB0aGVyZTogdGhlIG5leHQgYXBwbHkKIyBvZiB0aGUgR2l0SHViIHN0YWNrIG92ZXJ3cml0ZXMgYW55IGNoYW5nZSBtYWRlIHRvIHRoZSByZW5kZXJlZCBjb3B5LgojCiMgRWFjaCBlbnZpcm9ubWVudCBqb2IgcmVhZHMgaXRzIHNldHRpbmdzIGZyb20gdGhlIEdpdEh1YiBlbnZpcm9ubWVudCdzIEFjdGlvbnMgdmFyaWFibGVzLCB3aGljaCB0aGUKIyBzYW1lIHN0YWNrIHB1Ymxpc2hlczogQVdTX1JFR0lPTiwgQVdTX0RFUExPWV9ST0xFX0FSTiwgRU5WSVJPTk1FTlRfTkFNRSwgRUNTX0NMVVNURVIsCiMgRUNSXzxTRVJWSUNFPl9SRVBPU0lUT1JZLCBFQ1NfPFNFUlZJQ0U+X1NFUlZJQ0UuIEFXUyBjcmVkZW50aWFscyBjb21lIGZyb20gR2l0SHViIE9JREMgb25seS4KbmFtZTogRGVwbG95CgpvbjoKICBwdXNoOgogICAgYnJhbmNoZXM6IFttYWluXQoKIyBOb3RoaW5nIGJ5IGRlZmF1bHQ7IGV2ZXJ5IGpvYiBhc2tzIGZvciBleGFjdGx5IHdoYXQgaXQgdXNlcy4KcGVybWlzc2lvbnM6IHt9CgojIE9uZSByZWxlYXNlIGF0IGEgdGltZSwgYW5kIG5ldmVyIGNhbmNlbCBvbmUgaGFsZi13YXkgKGEgc2VydmljZSBjb3VsZCBiZSBsZWZ0IGJldHdlZW4gcmV2aXNpb25zKS4KY29uY3VycmVuY3k6CiAgZ3JvdXA6IGRlcGxveQogIGNhbmNlbC1pbi1wcm9ncmVzczogZmFsc2UKCmRlZmF1bHRzOgogIHJ1bjoKICAgIHNoZWxsOiBiYXNoICMgYmFzaCAtZW8gcGlwZWZhaWwsIG5vdCB0aGUgZGVmYXVsdCBiYXNoIC1lOiBhIGZhaWxpbmcgYGRvY2tlciBzYXZlYCBtdXN0IGZhaWwgaXRzIHBpcGUKCmpvYnM6CiAgYnVpbGQ6CiAgICBuYW1lOiBidWlsZCAke3sgbWF0cml4LnNlcnZpY2UgfX0gJHt7IG1hdHJpeC5hcmNoIH19CiAgICBydW5zLW9uOiAke3sgbWF0cml4LnJ1bm5lciB9fQogICAgcGVybWlzc2lvbnM6CiAgICAgIGNvbnRlbnRzOiByZWFkCiAgICAjIE9uZSBsZWcgcGVyIHNlcnZpY2UgYW5kIGFyY2hpdGVjdHVyZSwgZWFjaCBvbiBHaXRIdWIncyBuYXRpdmUgcnVubmVyIGZvciBpdDogbm8gZW11bGF0aW9uLCBhbmQgbm8KICAgICMgdGhpcmQtcGFydHkgc2V0dXAgYWN0aW9uLiBmYWlsLWZhc3Qgb2ZmOiBhIGZhaWxpbmcgbGVnIG11c3Qgbm90IGNhbmNlbCBhbm90aGVyIG9uZSBoYWxmLXdheS4KICAgIHN0cmF0ZWd5OgogICAgICBmYWlsLWZhc3Q6IGZhbHNlCiAgICAgIG1hdHJpeDoKICAgICAgICBzZXJ2aWNlOiBbYmFja2VuZCwgZnJvbnRlbmRdCiAgICAgICAgYXJjaDogW2FtZDY0LCBhcm02NF0KICAgICAgICBpbmNsdWRlOgogICAgICAgICAgLSBhcmNoOiBhbWQ2NAogICAgICAgICAgICBydW5uZXI6IHVidW50dS0yNC4wNAogICAgICAgICAgLSBhcmNoOiBhcm02NAogICAgICAgICAgICBydW5uZXI6IHVidW50dS0yNC4wNC1hcm0KICAgIHN0ZXBzOgogICAgICAtIHVzZXM6IGFjdGlvbnMvY2hlY2tvdXRAM2QzYzQyZTVhYWM1YmE4MDU4MjVkYTc2NDEwYzE4MTI3M2JhOTBiMSAjIHY3LjAuMQogICAgICAgIHdpdGg6CiAgICAgICAgICBwZXJzaXN0LWNyZWRlbnRpYWxzOiBmYWxzZQogICAgICAjIEJ1aWx0IG9uY2UsIHdpdGhvdXQgQVdTIGNyZWRlbnRpYWxzOiBzdGFnaW5nIGFuZCBwcm9kdWN0aW9uIHRoZW4gcnVuIHRoZSB2ZXJ5IHNhbWUgaW1hZ2UuCiAgICAgICMgLS1wbGF0Zm9ybSBmYWlscyBhIGxlZyB0aGF0IGxhbmRlZCBvbiB0aGUgd3JvbmcgcnVubmVyIHJhdGhlciB0aGFuIGJ1aWxkaW5nIHRoZSB3cm9uZyBhcmNoaXRlY3R1cmUuCiAgICAgIC0gbmFtZTogQnVpbGQgdGhlIGltYWdlCiAgICAgICAgZW52OgogICAgICAgICAgU0VSVklDRTogJHt7IG1hdHJpeC5zZXJ2aWNlIH19CiAgICAgICAgICBBUkNIOiAke3sgbWF0cml4LmFyY2ggfX0KICAgICAgICAgIElNQUdFX1RBRzogJHt7IGdpdGh1Yi5zaGEgfX0KICAgICAgICBydW46IHwKICAgICAgICAgIGRvY2tlciBidWlsZCAtLXBsYXRmb3JtICJsaW51eC8kQVJDSCIgLS10YWcgIiRTRVJWSUNFOiRJTUFHRV9UQUctJEFSQ0giICIuLyRTRVJWSUNFIgogICAgICAgICAgYnVpbHQ9JChkb2NrZXIgaW1hZ2UgaW5zcGVjdCAtLWZvcm1hdCAne3suT3N9fS97ey5BcmNoaXRlY3R1cmV9fScgIiRTRVJWSUNFOiRJTUFHRV9UQUctJEFSQ0giKQogICAgICAgICAgW1sgIiRidWlsdCIgPT0gImxpbnV4LyRBUkNIIiBdXSB8fCB7IGVjaG8gIjo6ZXJyb3I6OmJ1aWx0ICRidWlsdCwgbm90IGxpbnV4LyRBUkNIIiA+JjI7IGV4aXQgMTsgfQogICAgICAgICAgZG9ja2VyIHNhdmUgIiRTRVJWSUNFOiRJTUFHRV9UQUctJEFSQ0giIHwgZ3ppcCA+ICIkUlVOTkVSX1RFTVAvJFNFUlZJQ0UtJEFSQ0gudGFyLmd6IgogICAgICAtIHVzZXM6IGFjdGlvbnMvdXBsb2FkLWFydGlmYWN0QGJiYmNhMmRkYWE1ZDhmZWFhNjNlMzZiNzZmZGFhZDc3Mzg2ZjAyNGYgIyB2Ny4wLjAKICAgICAgICB3aXRoOgogICAgICAgICAgbmFtZTogaW1hZ2UtJHt7IG1hdHJpeC5zZXJ2aWNlIH19LSR7eyBtYXRyaXguYXJjaCB9fQogICAgICAgICAgcGF0aDogJHt7IHJ1bm5lci50ZW1wIH19LyR7eyBtYXRyaXguc2VydmljZSB9fS0ke3sgbWF0cml4LmFyY2ggfX0udGFyLmd6CiAgICAgICAgICBpZi1uby1maWxlcy1mb3VuZDogZXJyb3IKICAgICAgICAgIHJldGVudGlvbi1kYXlzOiAxCgogIHN0YWdpbmc6CiAgICBuYW1lOiBzdGFnaW5nICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgbmVlZHM6IGJ1aWxkCiAgICBydW5zLW9uOiB1YnVudHUtbGF0ZXN0CiAgICBlbnZpcm9ubWVudDogc3RhZ2luZwogICAgIyBPSURDOiB0aGUgam9iJ3MgdG9rZW4gaXMgZXhjaGFuZ2VkIGZvciB0aGUgZW52aXJvbm1lbnQncyBkZXBsb3kgcm9sZTsgbm8gc3RvcmVkIEFXUyBrZXlzLgogICAgcGVybWlzc2lvbnM6ICZvaWRjCiAgICAgIGlkLXRva2VuOiB3cml0ZQogICAgICBjb250ZW50czogcmVhZAogICAgIyBPbmUgbGVnIHBlciBzZXJ2aWNlLiBmYWlsLWZhc3Qgb2ZmOiBhIGZhaWxpbmcgbGVnIG11c3Qgbm90IGNhbmNlbCB0aGUgb3RoZXIgaW4gdGhlIG1pZGRsZSBvZiBhIHJvbGxvdXQuCiAgICBzdHJhdGVneTogJnBlci1zZXJ2aWNlCiAgICAgIGZhaWwtZmFzdDogZmFsc2UKICAgICAgbWF0cml4OgogICAgICAgIGluY2x1ZGU6CiAgICAgICAgICAtIHNlcnZpY2U6IGJhY2tlbmQKICAgICAgICAgICAgZWNyX3JlcG9zaXRvcnlfdmFyaWFibGU6IEVDUl9CQUNLRU5EX1JFUE9TSVRPUlkKICAgICAgICAgICAgZWNzX3NlcnZpY2VfdmFyaWFibGU6IEVDU19CQUNLRU5EX1NFUlZJQ0UKICAgICAgICAgIC0gc2VydmljZTogZnJvbnRlbmQKICAgICAgICAgICAgZWNyX3JlcG9zaXRvcnlfdmFyaWFibGU6IEVDUl9GUk9OVEVORF9SRVBPU0lUT1JZCiAgICAgICAgICAgIGVjc19zZXJ2aWNlX3ZhcmlhYmxlOiBFQ1NfRlJPTlRFTkRfU0VSVklDRQogICAgc3RlcHM6ICZyZWxlYXNlCiAgICAgICMgQm90aCBhcmNoaXRlY3R1cmVzJyBhcmNoaXZlcyBvZiB0aGlzIHNlcnZpY2UuCiAgICAgIC0gdXNlczogYWN0aW9ucy9kb3dubG9hZC1hcnRpZmFjdEAzZTVmNDViMmNmYjkxNzIwNTRiNDA4N2E0MGU4ZTBiNWE1NDYxZTdjICMgdjguMC4xCiAgICAgICAgd2l0aDoKICAgICAgICAgIHBhdHRlcm46IGltYWdlLSR7eyBtYXRyaXguc2VydmljZSB9fS0qCiAgICAgICAgICBtZXJnZS1tdWx0aXBsZTogdHJ1ZQogICAgICAgICAgcGF0aDogJHt7IHJ1bm5lci50ZW1wIH19CiAgICAgIC0gdXNlczogYXdzLWFjdGlvbnMvY29uZmlndXJlLWF3cy1jcmVkZW50aWFsc0BlNmRlMDU0MjM4ZDZiNzUzMWI0ZWZmZjNiNjU4N2Q5YWFkZTZhMDZjICMgdjYuMi4zCiAgICAgICAgd2l0aDoKICAgICAgICAgIHJvbGUtdG8tYXNzdW1lOiAke3sgdmFycy5BV1NfREVQTE9ZX1JPTEVfQVJOIH19CiAgICAgICAgICBhd3MtcmVnaW9uOiAke3sgdmFycy5BV1NfUkVHSU9OIH19CiAgICAgIC0gdXNlczogYXdzLWFjdGlvbnMvYW1hem9uLWVjci1sb2dpbkAwM2YxYWFkNGM2YzdmZmQ0MzY1NjdmNDJmOTM4NDc3OTI5MDUyOWJkICMgdjIuMS43CiAgICAgICAgd2l0aDoKICAgICAgICAgIG1hc2stcGFzc3dvcmQ6IHRydWUKICAgICAgIyBFYWNoIGFyY2hpdGVjdHVyZSB1bmRlciA8Y29tbWl0Pi08YXJjaD4sIHRoZW4gb25lIGltYWdlIGluZGV4IHVuZGVyIHRoZSBjb21taXQncyB0YWcsIGpvaW5pbmcKICAgICAgIyB0aGUgdHdvIGJ5IGRpZ2VzdDogdGhlIHRhZyByb2xsb3V0LnNoIHJlbGVhc2VzLCBmcm9tIHdoaWNoIEVDUyBwdWxscyB0aGUgYXJjaGl0ZWN0dXJlIG9mIHRoZSB0YXNrCiAgICAgICMgZGVmaW5pdGlvbidzIHJ1bnRpbWUgcGxhdGZvcm0uIEFSQ0hJVEVDVFVSRVMgbGlzdHMgdGhlIGJ1aWxkIG1hdHJpeCdzIGFyY2ggdmFsdWVzLgogICAgICAtIG5hbWU6IFB1c2ggdGhlIG11bHRpLWFyY2ggaW1hZ2UgdGFnZ2VkIHdpdGggdGhlIGNvbW1pdAogICAgICAgIGVudjoKICAgICAgICAgIFNFUlZJQ0U6ICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgICAgICAgSU1BR0VfVEFHOiAke3sgZ2l0aHViLnNoYSB9fQogICAgICAgICAgRUNSX1JFUE9TSVRPUlk6ICR7eyB2YXJzW21hdHJpeC5lY3JfcmVwb3NpdG9yeV92YXJpYWJsZV0gfX0KICAgICAgICAgIEFSQ0hJVEVDVFVSRVM6IGFtZDY0IGFybTY0CiAgICAgICAgcnVuOiB8CiAgICAgICAgICBzb3VyY2VzPSgpCiAgICAgICAgICBmb3IgYXJjaCBpbiAkQVJDSElURUNUVVJFUzsgZG8KICAgICAgICAgICAgZG9ja2VyIGxvYWQgLS1pbnB1dCAiJFJVTk5FUl9URU1QLyRTRVJWSUNFLSRhcmNoLnRhci5neiIKICAgICAgICAgICAgZG9ja2VyIHRhZyAiJFNFUlZJQ0U6JElNQUdFX1RBRy0kYXJjaCIgIiRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHLSRhcmNoIgogICAgICAgICAgICBkb2NrZXIgcHVzaCAiJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUctJGFyY2giCiAgICAgICAgICAgIHNvdXJjZXMrPSgiJChkb2NrZXIgaW1hZ2UgaW5zcGVjdCAtLWZvcm1hdCAne3tpbmRleCAuUmVwb0RpZ2VzdHMgMH19JyAiJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUctJGFyY2giKSIpCiAgICAgICAgICBkb25lCiAgICAgICAgICBkb2NrZXIgYnVpbGR4IGltYWdldG9vbHMgY3JlYXRlIC0tdGFnICIkRUNSX1JFUE9TSVRPUlk6JElNQUdFX1RBRyIgIiR7c291cmNlc1tAXX0iCiAgICAgICAgICBkb2NrZXIgYnVpbGR4IGltYWdldG9vbHMgaW5zcGVjdCAiJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUciCiAgICAgICMgQSBuZXcgdGFzayBkZWZpbml0aW9uIHJldmlzaW9uIHdpdGggb25seSB0aGUgaW1hZ2UgY2hhbmdlZCwgdGhlbiB0aGUgc2VydmljZSBtb3ZlcyB0byBpdDoKICAgICAgIyB1cGRhdGUtc2VydmljZSwgb3IgYSBDb2RlRGVwbG95IGRlcGxveW1lbnQgZm9yIGEgYmx1ZS9ncmVlbiBzZXJ2aWNlIChSRUFETUUgIkRlbGl2ZXJ5IiwKICAgICAgIyAiRGVwbG95bWVudHMiKTsgbm90IC0tZm9yY2UtbmV3LWRlcGxveW1lbnQsIHdoaWNoIHdvdWxkIHJlc3RhcnQgdGhlIG9sZCBpbWFnZS4KICAgICAgLSBuYW1lOiBSb2xsIG91dAogICAgICAgIGVudjoKICAgICAgICAgIEVOVklST05NRU5UX05BTUU6ICR7eyB2YXJzLkVOVklST05NRU5UX05BTUUgfX0KICAgICAgICAgIFNFUlZJQ0U6ICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgICAgICAgSU1BR0VfVEFHOiAke3sgZ2l0aHViLnNoYSB9fQogICAgICAgICAgRUNTX0NMVVNURVI6ICR7eyB2YXJzLkVDU19DTFVTVEVSIH19CiAgICAgICAgICBFQ1NfU0VSVklDRTogJHt7IHZhcnNbbWF0cml4LmVjc19zZXJ2aWNlX3ZhcmlhYmxlXSB9fQogICAgICAgICAgRUNSX1JFUE9TSVRPUlk6ICR7eyB2YXJzW21hdHJpeC5lY3JfcmVwb3NpdG9yeV92YXJpYWJsZV0gfX0KICAgICAgICBydW46IHwKICAgICAgICAgICMhL3Vzci9iaW4vZW52IGJhc2gKICAgICAgICAgICMgUm9sbHMgb25lIHNlcnZpY2Ugb2Ygb25lIGVudmlyb25tZW50IG91dCB0byBhIG5ldyBpbWFnZSB3aXRob3V0IFRlcnJhZm9ybSBkcmlmdCAoUkVBRE1FICJEZWxpdmVyeToKICAgICAgICAgICMgcm9sbGluZyBvdXQgYSBuZXcgaW1hZ2Ugd2l0aG91dCBUZXJyYWZvcm0gZHJpZnQiKS4gVGhlIGFwcGxpY2F0aW9uJ3MgZGVsaXZlcnkgd29ya2Zsb3cgcnVucyB0aGlzCiAgICAgICAgICAjIHRleHQgdmVyYmF0aW06IHRoZSBHaXRIdWIgc3RhY2sgaW5saW5lcyBpdCBpbnRvIC5naXRodWIvd29ya2Zsb3dzL2RlcGxveS55bWwsIHNvIGVkaXQgaXQgaGVyZSBvbmx5LgogICAgICAgICAgIwogICAgICAgICAgIyBJbnB1dCAoZW52aXJvbm1lbnQgdmFyaWFibGVzKToKICAgICAgICAgICMgICBFTlZJUk9OTUVOVF9OQU1FICBkZXYgfCBzdGFnaW5nIHwgcHJvZDogc2NvcGVzIHRoZSBpbWFnZS10YWcgcGFyYW1ldGVyIGFuZCB0aGUgdGFzayBmYW1pbHkKICAgICAgICAgICMgICBTRVJWSUNFICAgICAgICAgICBiYWNrZW5kIHwgZnJvbnRlbmQ6IGFsc28gdGhlIG5hbWUgb2YgdGhlIHNlcnZpY2UncyBjb250YWluZXIKICAgICAgICAgICMgICBJTUFHRV9UQUcgICAgICAgICB0aGUgdGFnIGp1c3QgcHVzaGVkICh0aGUgY29tbWl0IFNIQSkKICAgICAgICAgICMgICBFQ1NfQ0xVU1RFUiAgICAgICBjbHVzdGVyIG9mIHRoZSBzZXJ2aWNlCiAgICAgICAgICAjICAgRUNTX1NFUlZJQ0UgICAgICAgRUNTIHNlcnZpY2UgbmFtZQogICAgICAgICAgIyAgIEVDUl9SRVBPU0lUT1JZICAgIHJlcG9zaXRvcnkgVVJMLCA8YWNjb3VudD4uZGtyLmVjci48cmVnaW9uPi5hbWF6b25hd3MuY29tLzxuYW1lPgogICAgICAgICAgIyBOZWVkcyB0aGUgYXdzIENMSSAodjEgb3IgdjIpIGFuZCBqcSwgYW5kIHRoZXNlIHBlcm1pc3Npb25zICh0aGUgZGVwbG95IHJvbGUncyk6IHNzbTpQdXRQYXJhbWV0ZXIgb24KICAgICAgICAgICMgdGhlIHBhcmFtZXRlcjsgZWNzOkRlc2NyaWJlVGFza0RlZmluaXRpb24sIGVjczpSZWdpc3RlclRhc2tEZWZpbml0aW9uIGFuZCBlY3M6VGFnUmVzb3VyY2UgKHRoZSBjb3B5CiAgICAgICAgICAjIGtlZXBzIGl0cyB0YWdzKTsgaWFtOlBhc3NSb2xlIG9uIHRoZSB0YXNrJ3MgZXhlY3V0aW9uIGFuZCB0YXNrIHJvbGVzOyBlY3M6RGVzY3JpYmVTZXJ2aWNlcyBvbiB0aGUKICAgICAgICAgICMgc2VydmljZSwgYW5kIGVjczpVcGRhdGVTZXJ2aWNlIChyb2xsaW5nKSBvciBjb2RlZGVwbG95OkNyZWF0ZURlcGxveW1lbnQgYW5kIEdldERlcGxveW1lbnQgb24gaXRzCiAgICAgICAgICAjIGRlcGxveW1lbnQgZ3JvdXAgKGJsdWUvZ3JlZW46IGEgc2VydmljZSB3aXRoIHRoZSBDT0RFX0RFUExPWSBkZXBsb3ltZW50IGNvbnRyb2xsZXIpLgogICAgICAgICAgc2V0IC1ldW8gcGlwZWZhaWwKICAgICAgICAgICMgV2l0aG91dCBpdCBhIGZhaWxpbmcgY29tbWFuZCBpbnNpZGUgJCguLi4pIGRvZXMgbm90IHN0b3AgdGhlIGZ1bmN0aW9uIGl0IHJ1bnMgaW4uCiAgICAgICAgICBzaG9wdCAtcyBpbmhlcml0X2VycmV4aXQKCiAgICAgICAgICBmYWlsKCkgewogICAgICAgICAgICBlY2hvICI6OmVycm9yOjpyb2xsb3V0OiAkKiIgPiYyCiAgICAgICAgICAgIGV4aXQgMQogICAgICAgICAgfQoKICAgICAgICAgIGZvciBuYW1lIGluIEVOVklST05NRU5UX05BTUUgU0VSVklDRSBJTUFHRV9UQUcgRUNTX0NMVVNURVIgRUNTX1NFUlZJQ0UgRUNSX1JFUE9TSVRPUlk7IGRvCiAgICAgICAgICAgIFtbIC1uICIkeyFuYW1lOi19IiBdXSB8fCBmYWlsICIkbmFtZSBpcyBub3Qgc2V0IgogICAgICAgICAgZG9uZQogICAgICAgICAgW1sgIiRTRVJWSUNFIiA9PSBiYWNrZW5kIHx8ICIkU0VSVklDRSIgPT0gZnJvbnRlbmQgXV0gfHwgZmFpbCAiU0VSVklDRSBtdXN0IGJlIGJhY2tlbmQgb3IgZnJvbnRlbmQgKGdvdCAnJFNFUlZJQ0UnKSIKICAgICAgICAgICMgRUNSJ3MgdGFnIHN5bnRheCwgYXMgSU1BR0VfVEFHX1BBVFRFUk4gaW4gc3JjL2NvbmZpZy9zY2hlbWEudHMuCiAgICAgICAgICBbWyAiJElNQUdFX1RBRyIgPX4gXltBLVphLXowLTlfXVtBLVphLXowLTlfLi1dezAsMTI3fSQgXV0gfHwgZmFpbCAiSU1BR0VfVEFHICckSU1BR0VfVEFHJyBpcyBub3QgYSB2YWxpZCBpbWFnZSB0YWciCgogICAgICAgICAgIyBOYW1lcyB0aGUgZW52aXJvbm1lbnQgc3RhY2sgZ2l2ZXMgdGhlc2UgKGltYWdlVGFnUGFyYW1ldGVyTmFtZSBhbmQgdGFza0ZhbWlseU5hbWUgaW4KICAgICAgICAgICMgc3JjL2NvcmUvbmFtaW5nLnRzKTsgdGhlIGVtdWxhdG9yIHRlc3Qgcm9sbHMgb3V0IGFnYWluc3QgdGhlIHN5bnRoZXNpemVkIHN0YWNrLgogICAgICAgICAgcmVhZG9ubHkgVEFHX1BBUkFNRVRFUj0iL3JlY2lwZS1jaGF0Ym90LyR7RU5WSVJPTk1FTlRfTkFNRX0vZGVwbG95LyR7U0VSVklDRX0taW1hZ2UtdGFnIgogICAgICAgICAgcmVhZG9ubHkgVEFTS19GQU1JTFk9InJlY2lwZS1jaGF0Ym90LSR7RU5WSVJPTk1FTlRfTkFNRX0tJHtTRVJWSUNFfSIKICAgICAgICAgICMgY29kZURlcGxveUFwcGxpY2F0aW9uTmFtZSBhbmQgZGVwbG95bWVudEdyb3VwTmFtZSwgZm9yIGEgYmx1ZS9ncmVlbiBzZXJ2aWNlLgogICAgICAgICAgcmVhZG9ubHkgQ09ERURFUExPWV9BUFBMSUNBVElPTj0icmVjaXBlLWNoYXRib3QtJHtFTlZJUk9OTUVOVF9OQU1FfSIKICAgICAgICAgIHJlYWRvbmx5IERFUExPWU1FTlRfR1JPVVA9InJlY2lwZS1jaGF0Ym90LSR7RU5WSVJPTk1FTlRfTkFNRX0tJHtTRVJWSUNFfSIKCiAgICAgICAgICAjIFJlZ2lzdGVycyBhIGNvcHkgb2YgdGhlIGZhbWlseSdzIG5ld2VzdCByZXZpc2lvbiB3aXRoIG9ubHkgdGhpcyBzZXJ2aWNlJ3MgaW1hZ2UgY2hhbmdlZCwgYW5kCiAgICAgICAgICAjIHByaW50cyBpdHMgQVJOLiBUZXJyYWZvcm0gdHJhY2tzIHRoZSBuZXdlc3QgcmV2aXNpb24gKHRyYWNrX2xhdGVzdCksIHNvIGFmdGVyIHRoZSBwYXJhbWV0ZXIgd3JpdGUKICAgICAgICAgICMgaXRzIGNvbmZpZ3VyYXRpb24gZXF1YWxzIHRoaXMgY29weS4gVGhlIHRhZ3MgYXJlIGNvcGllZCB0b28sIG9yIFRlcnJhZm9ybSB3b3VsZCByZS1hZGQgdGhlbS4KICAgICAgICAgIHJlZ2lzdGVyX3JldmlzaW9uKCkgewogICAgICAgICAgICBsb2NhbCBpbWFnZT0kMSBkZXNjcmliZWQgaW5wdXQKICAgICAgICAgICAgZGVzY3JpYmVkPSQoYXdzIGVjcyBkZXNjcmliZS10YXNrLWRlZmluaXRpb24gLS10YXNrLWRlZmluaXRpb24gIiRUQVNLX0ZBTUlMWSIgLS1pbmNsdWRlIFRBR1MgLS1vdXRwdXQganNvbikKICAgICAgICAgICAgaW5wdXQ9JChqcSAtLWFyZyBjb250YWluZXIgIiRTRVJWSUNFIiAtLWFyZyBpbWFnZSAiJGltYWdlIiAnCiAgICAgICAgICAgICAgLiBhcyAkZGVzY3JpYmVkCiAgICAgICAgICAgICAgfCBpZiBhbnkoJGRlc2NyaWJlZC50YXNrRGVmaW5pdGlvbi5jb250YWluZXJEZWZpbml0aW9uc1tdOyAubmFtZSA9PSAkY29udGFpbmVyKSB0aGVuIC4gZWxzZQogICAgICAgICAgICAgICAgICBlcnJvcigidGFzayBkZWZpbml0aW9uIFwoJGRlc2NyaWJlZC50YXNrRGVmaW5pdGlvbi50YXNrRGVmaW5pdGlvbkFybikgaGFzIG5vIGNvbnRhaW5lciBuYW1lZCBcKCRjb250YWluZXIpIikKICAgICAgICAgICAgICAgIGVuZAogICAgICAgICAgICAgIHwgJGRlc2NyaWJlZC50YXNrRGVmaW5pdGlvbgogICAgICAgICAgICAgICMgV2hhdCBEZXNjcmliZVRhc2tEZWZpbml0aW9uIHJlcG9ydHMgYnV0IFJlZ2lzdGVyVGFza0RlZmluaXRpb24gZG9lcyBub3QgYWNjZXB0LgogICAgICAgICAgICAgIHwgZGVsKC50YXNrRGVmaW5pdGlvbkFybiwgLnJldmlzaW9uLCAuc3RhdHVzLCAucmVxdWlyZXNBdHRyaWJ1dGVzLCAuY29tcGF0aWJpbGl0aWVzLAogICAgICAgICAgICAgICAgICAgIC5yZWdpc3RlcmVkQXQsIC5yZWdpc3RlcmVkQnksIC5kZXJlZ2lzdGVyZWRBdCkKICAgICAgICAgICAgICB8IC5jb250YWluZXJEZWZpbml0aW9ucyB8PSBtYXAoaWYgLm5hbWUgPT0gJGNvbnRhaW5lciB0aGVuIC5pbWFnZSA9ICRpbWFnZSBlbHNlIC4gZW5kKQogICAgICAgICAgICAgIHwgaWYgKCRkZXNjcmliZWQudGFncyAvLyBbXSkgPT0gW10gdGhlbiAuIGVsc2UgLnRhZ3MgPSAkZGVzY3JpYmVkLnRhZ3MgZW5kCiAgICAgICAgICAgICcgPDw8IiRkZXNjcmliZWQiKQogICAgICAgICAgICBhd3MgZWNzIHJlZ2lzdGVyLXRhc2stZGVmaW5pdGlvbiAtLWNsaS1pbnB1dC1qc29uICIkaW5wdXQiIC0tcXVlcnkgdGFza0RlZmluaXRpb24udGFza0RlZmluaXRpb25Bcm4gLS1vdXRwdXQgdGV4dAogICAgICAgICAgfQoKICAgICAgICAgICMgUHVibGlzaGVzIGEgdGFnOiB0aGUgcGFyYW1ldGVyIGZpcnN0IChUZXJyYWZvcm0gcmVhZHMgaXQgYmFjayBvbiBldmVyeSBwbGFuLCBzbyBmcm9tIGhlcmUgb24gYW4KICAgICAgICAgICMgaW5mcmFzdHJ1Y3R1cmUgYXBwbHkga2VlcHMgdGhpcyB0YWcpLCB0aGVuIGEgcmV2aXNpb24gd2l0aCBpdCwgd2hvc2UgQVJOIGl0IHByaW50cy4KICAgICAgICAgIHB1Ymxpc2goKSB7CiAgICAgICAgICAgIGxvY2FsIHRhZz0kMSBhcm4KICAgICAgICAgICAgYXdzIHNzbSBwdXQtcGFyYW1ldGVyIC0tbmFtZSAiJFRBR19QQVJBTUVURVIiIC0tdHlwZSBTdHJpbmcgLS12YWx1ZSAiJHRhZyIgLS1vdmVyd3JpdGUgPi9kZXYvbnVsbAogICAgICAgICAgICBhcm49JChyZWdpc3Rlcl9yZXZpc2lvbiAiJEVDUl9SRVBPU0lUT1JZOiR0YWciKQogICAgICAgICAgICBlY2hvICJyb2xsb3V0OiAkRUNTX1NFUlZJQ0UgLT4gJGFybiAoJEVDUl9SRVBPU0lUT1JZOiR0YWcpIiA+JjIKICAgICAgICAgICAgZWNobyAiJGFybiIKICAgICAgICAgIH0KCiAgICAgICAgICAjIFJlbGVhc2VzIGEgdGFnIHRvIGEgcm9sbGluZyBzZXJ2aWNlOiBwdWJsaXNoIGl0LCB0aGVuIG1vdmUgdGhlIHNlcnZpY2UgdG8gdGhlIG5ldyByZXZpc2lvbi4KICAgICAgICAgICMgUHJpbnRzIHRoZSBpZCBvZiB0aGUgZGVwbG95bWVudCB0aGF0IHVwZGF0ZS1zZXJ2aWNlIHN0YXJ0ZWQuCiAgICAgICAgICByZWxlYXNlKCkgewogICAgICAgICAgICBsb2NhbCBhcm4KICAgICAgICAgICAgYXJuPSQocHVibGlzaCAiJDEiKQogICAgICAgICAgICAjIHNoZWxsY2hlY2sgZGlzYWJsZT1TQzIwMTYgIyBiYWNrcXVvdGVzIGFyZSBhIEpNRVNQYXRoIGxpdGVyYWwsIG5vdCBhIHNoZWxsIGV4cGFuc2lvbgogICAgICAgICAgICBhd3MgZWNzIHVwZGF0ZS1zZXJ2aWNlIC0tY2x1c3RlciAiJEVDU19DTFVTVEVSIiAtLXNlcnZpY2UgIiRFQ1NfU0VSVklDRSIgLS10YXNrLWRlZmluaXRpb24gIiRhcm4iIFwKICAgICAgICAgICAgICAtLXF1ZXJ5ICdzZXJ2aWNlLmRlcGxveW1lbnRzWz9zdGF0dXM9PWBQUklNQVJZYF0gfCBbMF0uaWQnIC0tb3V0cHV0IHRleHQKICAgICAgICAgIH0KCiAgICAgICAgICBkZXNjcmliZV9zZXJ2aWNlKCkgewogICAgICAgICAgICBhd3MgZWNzIGRlc2NyaWJlLXNlcnZpY2VzIC0tY2x1c3RlciAiJEVDU19DTFVTVEVSIiAtLXNlcnZpY2VzICIkRUNTX1NFUlZJQ0UiIC0tb3V0cHV0IGpzb24KICAgICAgICAgIH0KCiAgICAgICAgICAjIFRoZSB0YWcgb2YgJFNFUlZJQ0UncyBjb250YWluZXIgaW4gYSB0YXNrIGRlZmluaXRpb24uCiAgICAgICAgICB0YWdfb2YoKSB7CiAgICAgICAgICAgIGxvY2FsIGltYWdlCiAgICAgICAgICAgIGltYWdlPSQoYXdzIGVjcyBkZXNjcmliZS10YXNrLWRlZmluaXRpb24gLS10YXNrLWRlZmluaXRpb24gIiQxIiAtLW91dHB1dCBqc29uIHwKICAgICAgICAgICAgICBqcSAtciAtLWFyZyBjb250YWluZXIgIiRTRVJWSUNFIiAnLnRhc2tEZWZpbml0aW9uLmNvbnRhaW5lckRlZmluaXRpb25zW10gfCBzZWxlY3QoLm5hbWUgPT0gJGNvbnRhaW5lcikgfCAuaW1hZ2UnKQogICAgICAgICAgICBlY2hvICIke2ltYWdlIyMqOn0iCiAgICAgICAgICB9CgogICAgICAgICAgIyBCbHVlL2dyZWVuIChSRUFETUUgIkRlcGxveW1lbnRzIik6IENvZGVEZXBsb3kgc3RhcnRzIHRoZSBuZXcgcmV2aXNpb24gYXMgYSBzZWNvbmQgdGFzayBzZXQgaW4gdGhlCiAgICAgICAgICAjIGdyZWVuIHRhcmdldCBncm91cCwgc2hvd3MgaXQgb24gdGhlIHRlc3QgbGlzdGVuZXIsIHNoaWZ0cyBwcm9kdWN0aW9uIHRyYWZmaWMgdG8gaXQgYXMgdGhlCiAgICAgICAgICAjIGRlcGxveW1lbnQgZ3JvdXAncyBjb25maWd1cmF0aW9uIHNheXMgKGFsbCBhdCBvbmNlLCBjYW5hcnkgb3IgbGluZWFyKSwgYW5kIGFmdGVyIHRoZSB0ZXJtaW5hdGlvbgogICAgICAgICAgIyB3YWl0IHN0b3BzIHRoZSBvbGQgdGFza3MuIEl0IHJvbGxzIGJhY2sgb24gYSBmYWlsdXJlIG9yIHdoZW4gYSBkZXBsb3ltZW50IGFsYXJtIGZpcmVzLgogICAgICAgICAgYmx1ZV9ncmVlbl9yZWxlYXNlKCkgewogICAgICAgICAgICBsb2NhbCBhcm4gcG9ydCBhcHBzcGVjIHJldmlzaW9uIGRlcGxveW1lbnRfaWQgaW5mbyBzdGF0dXMKICAgICAgICAgICAgYXJuPSQocHVibGlzaCAiJElNQUdFX1RBRyIpCiAgICAgICAgICAgIHBvcnQ9JChhd3MgZWNzIGRlc2NyaWJlLXRhc2stZGVmaW5pdGlvbiAtLXRhc2stZGVmaW5pdGlvbiAiJGFybiIgLS1vdXRwdXQganNvbiB8CiAgICAgICAgICAgICAganEgLXIgLS1hcmcgY29udGFpbmVyICIkU0VSVklDRSIgJy50YXNrRGVmaW5pdGlvbi5jb250YWluZXJEZWZpbml0aW9uc1tdIHwgc2VsZWN0KC5uYW1lID09ICRjb250YWluZXIpIHwgLnBvcnRNYXBwaW5nc1swXS5jb250YWluZXJQb3J0JykKICAgICAgICAgICAgYXBwc3BlYz0kKGpxIC1jbiAtLWFyZyBhcm4gIiRhcm4iIC0tYXJnIGNvbnRhaW5lciAiJFNFUlZJQ0UiIC0tYXJnanNvbiBwb3J0ICIkcG9ydCIgJ3t2ZXJzaW9uOiAxLCBSZXNvdXJjZXM6IFt7VGFyZ2V0U2VydmljZTogewogICAgICAgICAgICAgIFR5cGU6ICJBV1M6OkVDUzo6U2VydmljZSIsIFByb3BlcnRpZXM6IHtUYXNrRGVmaW5pdGlvbjogJGFybiwgTG9hZEJhbGFuY2VySW5mbzoge0NvbnRhaW5lck5hbWU6ICRjb250YWluZXIsIENvbnRhaW5lclBvcnQ6ICRwb3J0fX19fV19JykKICAgICAgICAgICAgcmV2aXNpb249JChqcSAtY24gLS1hcmcgY29udGVudCAiJGFwcHNwZWMiICd7cmV2aXNpb25UeXBlOiAiQXBwU3BlY0NvbnRlbnQiLCBhcHBTcGVjQ29udGVudDoge2NvbnRlbnQ6ICRjb250ZW50fX0nKQogICAgICAgICAgICBkZXBsb3ltZW50X2lkPSQoYXdzIGRlcGxveSBjcmVhdGUtZGVwbG95bWVudCAtLWFwcGxpY2F0aW9uLW5hbWUgIiRDT0RFREVQTE9ZX0FQUExJQ0FUSU9OIiAtLWRlcGxveW1lbnQtZ3JvdXAtbmFtZSAiJERFUExPWU1FTlRfR1JPVVAiIFwKICAgICAgICAgICAgICAtLXJldmlzaW9uICIkcmV2aXNpb24iIC0tZGVzY3JpcHRpb24gInJvbGxvdXQuc2g6ICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIiAtLXF1ZXJ5IGRlcGxveW1lbnRJZCAtLW91dHB1dCB0ZXh0KQogICAgICAgICAgICBlY2hvICJyb2xsb3V0OiBDb2RlRGVwbG95IGRlcGxveW1lbnQgJGRlcGxveW1lbnRfaWQgb2YgJERFUExPWU1FTlRfR1JPVVAiID4mMgoKICAgICAgICAgICAgIyBUcmFmZmljIHNoaWZ0aW5nIHBsdXMgdGhlIHRlcm1pbmF0aW9uIHdhaXQ6IGF0IG1vc3QgMzAgbWludXRlcyAoRUNTTGluZWFyMTBQZXJjZW50RXZlcnkzTWludXRlcykKICAgICAgICAgICAgIyBhbmQgNjAgKHRoZSBjb25maWd1cmF0aW9uJ3MgbGltaXQpLCBzbyB0d28gaG91cnMgaXMgYW1wbGUuCiAgICAgICAgICAgIGxvY2FsIC1yIHBvbGxfc2Vjb25kcz0xNSBwb2xsX2F0dGVtcHRzPTQ4MAogICAgICAgICAgICBmb3IgKChhdHRlbXB0ID0gMTsgOyBhdHRlbXB0KyspKTsgZG8KICAgICAgICAgICAgICBpbmZvPSQoYXdzIGRlcGxveSBnZXQtZGVwbG95bWVudCAtLWRlcGxveW1lbnQtaWQgIiRkZXBsb3ltZW50X2lkIiAtLW91dHB1dCBqc29uKQogICAgICAgICAgICAgIHN0YXR1cz0kKGpxIC1yIC5kZXBsb3ltZW50SW5mby5zdGF0dXMgPDw8IiRpbmZvIikKICAgICAgICAgICAgICBjYXNlICIkc3RhdHVzIiBpbgogICAgICAgICAgICAgICAgU3VjY2VlZGVkKQogICAgICAgICAgICAgICAgICBlY2hvICJyb2xsb3V0OiAkRUNTX1NFUlZJQ0UgcnVucyAkRUNSX1JFUE9TSVRPUlk6JElNQUdFX1RBRyIgPiYyCiAgICAgICAgICAgICAgICAgIGV4aXQgMAogICAgICAgICAgICAgICAgICA7OwogICAgICAgICAgICAgICAgRmFpbGVkIHwgU3RvcHBlZCkgYnJlYWsgOzsKICAgICAgICAgICAgICBlc2FjCiAgICAgICAgICAgICAgKChhdHRlbXB0IDwgcG9sbF9hdHRlbXB0cykpIHx8IGZhaWwgIkNvZGVEZXBsb3kgZGVwbG95bWVudCAkZGVwbG95bWVudF9pZCBvZiAkRUNTX1NFUlZJQ0UgaXMgc3RpbGwgJHN0YXR1cyIKICAgICAgICAgICAgICBzbGVlcCAiJHBvbGxfc2Vjb25kcyIKICAgICAgICAgICAgZG9uZQoKICAgICAgICAgICAgIyBTdG9wcGVkIGJ5IGEgZGVwbG95bWVudCBhbGFybSAoQUxBUk1fQUNUSVZFKSBvciBmYWlsZWQgKHRhc2tzIHRoYXQgbmV2ZXIgYmVjYW1lIGhlYWx0aHksIC4uLik6CiAgICAgICAgICAgICMgd2l0aCBhdXRvbWF0aWMgcm9sbGJhY2sgb24sIGFzIGV2ZXJ5IGdyb3VwIGhlcmUgaGFzIGl0LCBwcm9kdWN0aW9uIHRyYWZmaWMgaXMgYmFjayBvbiB0aGUgb2xkCiAgICAgICAgICAgICMgdGFzayBzZXQuIFRoZSBwYXJhbWV0ZXIgYW5kIHRoZSBuZXdlc3QgcmV2aXNpb24gc3RpbGwgbmFtZSB0aGUgZmFpbGVkIGltYWdlOiBwdWJsaXNoIHRoZSB0YWcKICAgICAgICAgICAgIyB0aGF0IHJ1bnMgYWdhaW4sIHNvIHRoZSBuZXh0IGluZnJhc3RydWN0dXJlIGFwcGx5IGtlZXBzIGl0IGFuZCB0aGUgcGxhbiBzdGF5cyBlbXB0eS4KICAgICAgICAgICAgZWNobyAiOjplcnJvcjo6cm9sbG91dDogQ29kZURlcGxveSBkZXBsb3ltZW50ICRkZXBsb3ltZW50X2lkIG9mICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIHRvICRFQ1NfU0VSVklDRSAkc3RhdHVzIiBcCiAgICAgICAgICAgICAgIiQoanEgLXIgJy5kZXBsb3ltZW50SW5mby5lcnJvckluZm9ybWF0aW9uIHwgIihcKC5jb2RlIC8vICJubyBlcnJvciBjb2RlIikpOiBcKC5tZXNzYWdlIC8vICJubyBtZXNzYWdlIikiJyA8PDwiJGluZm8iKSIgPiYyCiAgICAgICAgICAgIGxvY2FsIHJvbGxiYWNrIHJ1bm5pbmcKICAgICAgICAgICAgcm9sbGJhY2s9JChqcSAtciAnLmRlcGxveW1lbnRJbmZvLnJvbGxiYWNrSW5mby5yb2xsYmFja0RlcGxveW1lbnRJZCAvLyBlbXB0eScgPDw8IiRpbmZvIikKICAgICAgICAgICAgW1sgLW4gIiRyb2xsYmFjayIgXV0gfHwgZmFpbCAiJEVDU19TRVJWSUNFIHdhcyBub3Qgcm9sbGVkIGJhY2s7IGZpeCBpdCBieSBoYW5kIChhd3MgZGVwbG95IGdldC1kZXBsb3ltZW50IC0tZGVwbG95bWVudC1pZCAkZGVwbG95bWVudF9pZCkiCiAgICAgICAgICAgIHJ1bm5pbmc9JChkZXNjcmliZV9zZXJ2aWNlIHwganEgLXIgJyguc2VydmljZXNbMF0udGFza1NldHMgLy8gW10gfCBtYXAoc2VsZWN0KC5zdGF0dXMgPT0gIlBSSU1BUlkiKSkgfCBmaXJzdCB8IC50YXNrRGVmaW5pdGlvbikgLy8gLnNlcnZpY2VzWzBdLnRhc2tEZWZpbml0aW9uJykKICAgICAgICAgICAgcnVubmluZ190YWc9JCh0YWdfb2YgIiRydW5uaW5nIikKICAgICAgICAgICAgZWNobyAicm9sbG91dDogcm9sbGVkIGJhY2sgKENvZGVEZXBsb3kgZGVwbG95bWVudCAkcm9sbGJhY2spIHRvICRydW5uaW5nOyByZXN0b3JpbmcgJFRBR19QQVJBTUVURVIgdG8gJHJ1bm5pbmdfdGFnIiA+JjIKICAgICAgICAgICAgcHVibGlzaCAiJHJ1bm5pbmdfdGFnIiA+L2Rldi9udWxsCiAgICAgICAgICAgIGZhaWwgIiRFQ1NfU0VSVklDRSBzdGlsbCBydW5zICRydW5uaW5nX3RhZzogJEVDUl9SRVBPU0lUT1JZOiRJTUFHRV9UQUcgd2FzIHJvbGxlZCBiYWNrIgogICAgICAgICAgfQoKICAgICAgICAgIGlmIFtbICIkKGRlc2NyaWJlX3NlcnZpY2UgfCBqcSAtciAnLnNlcnZpY2VzWzBdLmRlcGxveW1lbnRDb250cm9sbGVyLnR5cGUgLy8gIkVDUyInKSIgPT0gQ09ERV9ERVBMT1kgXV07IHRoZW4KICAgICAgICAgICAgYmx1ZV9ncmVlbl9yZWxlYXNlCiAgICAgICAgICBmaQoKICAgICAgICAgIGRlcGxveW1lbnRfaWQ9JChyZWxlYXNlICIkSU1BR0VfVEFHIikKCiAgICAgICAgICAjIFdhaXRzIHVudGlsIHRoZSBzZXJ2aWNlIGhhcyBhIHNpbmdsZSBkZXBsb3ltZW50IHdpdGggZXZlcnkgdGFzayBydW5uaW5nICh0aGUgQ0xJIHBvbGxzIGV2ZXJ5IDE1IHMsCiAgICAgICAgICAjIGF0IG1vc3QgNDAgdGltZXMpLiBBIGRlcGxveW1lbnQgdGhlIGNpcmN1aXQgYnJlYWtlciBvciBhbiBhbGFybSByb2xscyBiYWNrIGlzIHN0YWJsZSB0b28sIG9uIHRoZQogICAgICAgICAgIyBvbGQgcmV2aXNpb24uCiAgICAgICAgICBpZiAhIGF3cyBlY3Mgd2FpdCBzZXJ2aWNlcy1zdGFibGUgLS1jbHVzdGVyICIkRUNTX0NMVVNURVIiIC0tc2VydmljZXMgIiRFQ1NfU0VSVklDRSI7IHRoZW4KICAgICAgICAgICAgZGVzY3JpYmVfc2VydmljZSB8IGpxIC1yICcuc2VydmljZXNbMF0uZXZlbnRzWzo1XVtdIHwgIiAgXCguY3JlYXRlZEF0KSBcKC5tZXNzYWdlKSInID4mMiB8fCB0cnVlCiAgICAgICAgICAgIGZhaWwgIiRFQ1NfU0VSVklDRSBkaWQgbm90IGJlY29tZSBzdGFibGU7IHRoZSBkZXBsb3ltZW50ICRkZXBsb3ltZW50X2lkIG1heSBzdGlsbCBiZSBpbiBwcm9ncmVzcyIKICAgICAgICAgIGZpCgogICAgICAgICAgIyBzZXJ2aWNlcy1zdGFibGUgY2FuIHBhc3MgYSBtb21lbnQgYmVmb3JlIEVDUyBkZWNpZGVzIHRoZSByb2xsb3V0IChDT01QTEVURUQsIG9yIEZBSUxFRCB3aGVuIHRhc2tzCiAgICAgICAgICAjIGZhaWwgdGhlaXIgaGVhbHRoIGNoZWNrcyBhZnRlciBzdGFydGluZyk6IHBvbGwgZm9yIHRoZSB2ZXJkaWN0LCBhdCBtb3N0IGFzIGxvbmcgYXMgdGhlIHdhaXRlci4KICAgICAgICAgIHJlYWRvbmx5IFZFUkRJQ1RfUE9MTF9TRUNPTkRTPTE1IFZFUkRJQ1RfUE9MTF9BVFRFTVBUUz00MAogICAgICAgICAgZm9yICgoYXR0ZW1wdCA9IDE7IDsgYXR0ZW1wdCsrKSk7IGRvCiAgICAgICAgICAgIHN0YXRlPSQoZGVzY3JpYmVfc2VydmljZSkKICAgICAgICAgICAgcHJpbWFyeT0kKGpxIC1jICcuc2VydmljZXNbMF0uZGVwbG95bWVudHNbXSB8IHNlbGVjdCguc3RhdHVzID09ICJQUklNQVJZIiknIDw8PCIkc3RhdGUiKQogICAgICAgICAgICBwcmltYXJ5X2lkPSQoanEgLXIgLmlkIDw8PCIkcHJpbWFyeSIpCiAgICAgICAgICAgIHJvbGxvdXRfc3RhdGU9JChqcSAtciAucm9sbG91dFN0YXRlIDw8PCIkcHJpbWFyeSIpCiAgICAgICAgICAgIFtbICIkcHJpbWFyeV9pZCIgPT0gIiRkZXBsb3ltZW50X2lkIiAmJiAiJHJvbGxvdXRfc3RhdGUiID09IElOX1BST0dSRVNTIF1dIHx8IGJyZWFrCiAgICAgICAgICAgICgoYXR0ZW1wdCA8IFZFUkRJQ1RfUE9MTF9BVFRFTVBUUykpIHx8IGZhaWwgImRlcGxveW1lbnQgJGRlcGxveW1lbnRfaWQgb2YgJEVDU19TRVJWSUNFIGlzIHN0aWxsIElOX1BST0dSRVNTIgogICAgICAgICAgICBzbGVlcCAiJFZFUkRJQ1RfUE9MTF9TRUNPTkRTIgogICAgICAgICAgZG9uZQogICAgICAgICAgaWYgW1sgIiRwcmltYXJ5X2lkIiA9PSAiJGRlcGxveW1lbnRfaWQiICYmICIkcm9sbG91dF9zdGF0ZSIgPT0gQ09NUExFVEVEIF1dOyB0aGVuCiAgICAgICAgICAgIGVjaG8gInJvbGxvdXQ6ICRFQ1NfU0VSVklDRSBydW5zICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIiA+JjIKICAgICAgICAgICAgZXhpdCAwCiAgICAgICAgICBmaQoKICAgICAgICAgICMgRUNTIHN0b3BwZWQgdGhlIGRlcGxveW1lbnQ6IHRoZSBjaXJjdWl0IGJyZWFrZXIgKHRhc2tzIGZhaWxlZCB0byBzdGFydCBvciB0byBwYXNzIGhlYWx0aCBjaGVja3MpIG9yCiAgICAgICAgICAjIGEgZGVwbG95bWVudCBhbGFybSB0aGF0IGZpcmVkIGR1cmluZyB0aGUgYmFrZSB0aW1lOyB3aXRoIHJvbGxiYWNrIG9uLCBhcyBldmVyeSBzZXJ2aWNlIGhlcmUgaGFzCiAgICAgICAgICAjIGl0LCBpdCB3ZW50IGJhY2sgdG8gdGhlIGxhc3QgY29tcGxldGVkIGRlcGxveW1lbnQuIFRoZSByZWFzb24gaXMgb24gdGhlIGZhaWxlZCBkZXBsb3ltZW50IHdoaWxlCiAgICAgICAgICAjIEVDUyBsaXN0cyBpdCAob3Vycywgb3IgdGhlIG9uZSBpdCBtYXJrcyBGQUlMRUQpLCBhbmQgb24gdGhlIHJvbGxiYWNrIGRlcGxveW1lbnQgYWZ0ZXIuCiAgICAgICAgICByZWFzb249JChqcSAtciAtLWFyZyBpZCAiJGRlcGxveW1lbnRfaWQiICcuc2VydmljZXNbMF0uZGVwbG95bWVudHMgYXMgJGFsbAogICAgICAgICAgICB8IFsoJGFsbFtdIHwgc2VsZWN0KC5pZCA9PSAkaWQpKSwgKCRhbGxbXSB8IHNlbGVjdCgucm9sbG91dFN0YXRlID09ICJGQUlMRUQiKSksICgkYWxsW10gfCBzZWxlY3QoLnN0YXR1cyA9PSAiUFJJTUFSWSIpKV0KICAgICAgICAgICAgfCBtYXAoLnJvbGxvdXRTdGF0ZVJlYXNvbiAvLyBlbXB0eSkgfCBmaXJzdCAvLyBlbXB0eScgPDw8IiRzdGF0ZSIpCiAgICAgICAgICBlY2hvICI6OmVycm9yOjpyb2xsb3V0OiBFQ1Mgc3RvcHBlZCBkZXBsb3ltZW50ICRkZXBsb3ltZW50X2lkIG9mICRFQ1JfUkVQT1NJVE9SWTokSU1BR0VfVEFHIHRvIiBcCiAgICAgICAgICAgICIkRUNTX1NFUlZJQ0UgKGRlcGxveW1lbnQgY2lyY3VpdCBicmVha2VyIG9yIGRlcGxveW1lbnQgYWxhcm0pJHtyZWFzb246KzogJHJlYXNvbn0iID4mMgogICAgICAgICAganEgLXIgJy5zZXJ2aWNlc1swXS5ldmVudHNbOjVdW10gfCAiICBcKC5jcmVhdGVkQXQpIFwoLm1lc3NhZ2UpIicgPDw8IiRzdGF0ZSIgPiYyIHx8IHRydWUKCiAgICAgICAgICByb2xsZWRfYmFja190bz0kKGpxIC1yICcudGFza0RlZmluaXRpb24gLy8gZW1wdHknIDw8PCIkcHJpbWFyeSIpCiAgICAgICAgICBpZiBbWyAteiAiJHJvbGxlZF9iYWNrX3RvIiB8fCAiJHByaW1hcnlfaWQiID09ICIkZGVwbG95bWVudF9pZCIgXV07IHRoZW4KICAgICAgICAgICAgZmFpbCAiJEVDU19TRVJWSUNFIHdhcyBub3Qgcm9sbGVkIGJhY2s7IGZpeCBpdCBieSBoYW5kIChhd3MgZWNzIGRlc2NyaWJlLXNlcnZpY2VzKSIKICAgICAgICAgIGZpCiAgICAgICAgICAjIFRoZSBwYXJhbWV0ZXIgYW5kIHRoZSBuZXdlc3QgcmV2aXNpb24gc3RpbGwgbmFtZSB0aGUgZmFpbGVkIGltYWdlLCBzbyB0aGUgbmV4dCBpbmZyYXN0cnVjdHVyZQogICAgICAgICAgIyBhcHBseSB3b3VsZCByb2xsIGl0IG91dCBhZ2Fpbi4gUmVsZWFzZSB0aGUgdGFnIHRoZSBzZXJ2aWNlIHdhcyByb2xsZWQgYmFjayB0byBpbnN0ZWFkOiB0aGUKICAgICAgICAgICMgY29uZmlndXJhdGlvbiB0aGVuIGVxdWFscyB3aGF0IHJ1bnMsIGFuZCB0aGUgcGxhbiBzdGF5cyBlbXB0eS4KICAgICAgICAgIHJ1bm5pbmdfdGFnPSQodGFnX29mICIkcm9sbGVkX2JhY2tfdG8iKQogICAgICAgICAgZWNobyAicm9sbG91dDogcm9sbGVkIGJhY2sgdG8gJHJvbGxlZF9iYWNrX3RvOyByZXN0b3JpbmcgJFRBR19QQVJBTUVURVIgdG8gJHJ1bm5pbmdfdGFnIiA+JjIKICAgICAgICAgIHJlbGVhc2UgIiRydW5uaW5nX3RhZyIgPi9kZXYvbnVsbAogICAgICAgICAgZmFpbCAiJEVDU19TRVJWSUNFIHN0aWxsIHJ1bnMgJHJ1bm5pbmdfdGFnOiAkRUNSX1JFUE9TSVRPUlk6JElNQUdFX1RBRyB3YXMgcm9sbGVkIGJhY2siCgogIHByb2R1Y3Rpb246CiAgICBuYW1lOiBwcm9kdWN0aW9uICR7eyBtYXRyaXguc2VydmljZSB9fQogICAgbmVlZHM6IHN0YWdpbmcKICAgIHJ1bnMtb246IHVidW50dS1sYXRlc3QKICAgIGVudmlyb25tZW50OiBwcm9kdWN0aW9uCiAgICBwZXJtaXNzaW9uczogKm9pZGMKICAgIHN0cmF0ZWd5OiAqcGVyLXNlcnZpY2UKICAgIHN0ZXBzOiAqcmVsZWFzZQo=")
  file                = ".github/workflows/deploy.yml"
  overwrite_on_create = true
  repository          = var.app_repository
}