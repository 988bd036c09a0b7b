output "deploy_role_arn" {
  description = "Set as the GitHub environment variable AWS_DEPLOY_ROLE_ARN."
  value       = aws_iam_role.deploy.arn
}

output "state_bucket" {
  description = "Set as the GitHub environment variable TF_STATE_BUCKET; terraform init -backend-config=bucket=<this>."
  value       = aws_s3_bucket.state.bucket
}

output "ecr_repository_url" {
  description = "Image repository; the image variable of the main stack is <this>:<tag>."
  value       = aws_ecr_repository.registry.repository_url
}

output "download_signing_key_secret" {
  description = "Name of the download-link signing secret; the main stack's download_signing_key_secret (its default matches)."
  value       = aws_secretsmanager_secret.download_signing_key.name
}
