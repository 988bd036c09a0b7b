terraform {
  # 1.10 brings the S3 backend's own lock file (no DynamoDB lock table to pay for or bootstrap).
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The provider CI validates against is 5.100.0 (a local mirror); stay on that major version.
      version = "~> 5.100"
    }
  }

  # Remote state lives in the bucket that bootstrap/ creates; its name and region are given at
  # init time (-backend-config), so nothing account-specific is committed. `terraform init
  # -backend=false` (CI's validation) skips it.
  backend "s3" {
    key          = "registry/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = merge({
      Application = var.name
      ManagedBy   = "terraform"
    }, var.tags)
  }
}
