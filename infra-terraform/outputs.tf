output "url" {
  description = "Base URL of the registry's API and web UI (the load balancer)."
  value       = var.certificate_arn == "" ? "http://${aws_lb.registry.dns_name}" : "https://${aws_lb.registry.dns_name}"
}

output "health_url" {
  description = "The registry's health endpoint."
  value       = "${var.certificate_arn == "" ? "http" : "https"}://${aws_lb.registry.dns_name}/health"
}

output "load_balancer_dns_name" {
  description = "Point a DNS name (CNAME or alias) at this to serve the certificate's host name."
  value       = aws_lb.registry.dns_name
}

output "registry_environment" {
  description = "The settings the registry containers run with (no secrets)."
  value       = local.environment
}

output "dynamodb_tables" {
  description = "DynamoDB table names by role."
  value       = { for key, table in aws_dynamodb_table.registry : key => table.name }
}

output "blob_bucket" {
  description = "S3 bucket of the blobs."
  value       = aws_s3_bucket.blobs.bucket
}

output "opensearch_endpoint" {
  description = "HTTPS endpoint of the read-model domain (reachable from inside the VPC only)."
  value       = "https://${aws_opensearch_domain.read_models.endpoint}"
}

output "log_group" {
  description = "CloudWatch log group of the registry."
  value       = aws_cloudwatch_log_group.registry.name
}

output "ecs_cluster" {
  description = "ECS cluster name (e.g. for aws ecs execute-command or describe-services)."
  value       = aws_ecs_cluster.registry.name
}

output "ecs_service" {
  description = "ECS service name."
  value       = aws_ecs_service.registry.name
}

output "task_definition_arn" {
  description = "The task definition this apply deployed (the deploy workflow checks that ECS runs it, not a rolled-back one)."
  value       = aws_ecs_task_definition.registry.arn
}
