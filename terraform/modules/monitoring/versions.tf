# Generated from src/modules/monitoring by `npm run terraform:modules`; edit the construct or
# scripts/terraform/hcl-modules/monitoring.ts, not this file.

terraform {
  required_version = ">= 1.9"
  required_providers {
    aws = {
      version = ">= 5.100.0, < 6.0.0"
      source  = "hashicorp/aws"
    }
  }
}
