variable "name" {
  description = "Name of the deployment; must equal the main stack's name (the deploy role may manage resources with this prefix only)."
  type        = string
  default     = "model-registry"
}

variable "region" {
  description = "AWS region (the main stack's too)."
  type        = string
  default     = "us-east-1"
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose deploy workflow may assume the deploy role."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository: owner/name."
  }
}

variable "github_environment" {
  description = "GitHub environment of the deploy job; only a job in this environment (with its protection rules) gets the role."
  type        = string
  default     = "production"
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC identity provider; false when the account already has one (there can be only one per URL)."
  type        = bool
  default     = true
}

variable "ecr_repository_name" {
  description = "ECR repository of the registry image."
  type        = string
  default     = "model-registry"
}

variable "dynamodb_table_prefix" {
  description = "The main stack's table prefix (the deploy role may manage these tables only)."
  type        = string
  default     = "model-registry-"
}
