terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # The bootstrap keeps its (small, secret-free) state locally: it creates the bucket that holds
  # the main stack's state. Run it once per account with administrator credentials.
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Application = var.name
      ManagedBy   = "terraform-bootstrap"
    }
  }
}
