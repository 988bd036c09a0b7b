# The registry on ECS Fargate behind one Application Load Balancer: the single uniform API.

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  table_arns = [for table in aws_dynamodb_table.registry : table.arn]

  # Every node signs download links with the same secret, so a link from one works on all (a node refuses to
  # start on the shared stores without it). bootstrap/ creates it; here it is only a reference.
  container_secrets = merge({
    REGISTRY_DOWNLOAD_SIGNING_KEY = data.aws_secretsmanager_secret.download_signing_key.arn
  }, var.container_secrets)

  secret_arns_ssm = [for arn in values(local.container_secrets) : arn if can(regex("^arn:aws[a-z-]*:ssm:", arn))]
  secret_arns_sm  = [for arn in values(local.container_secrets) : arn if can(regex("^arn:aws[a-z-]*:secretsmanager:", arn))]

  # The registry's settings at scale (see README "Deploy to AWS" for the list and its meaning).
  environment = merge({
    SERVER_PORT                    = tostring(var.container_port)
    REGISTRY_EVENT_STORE           = "dynamodb"
    REGISTRY_BLOB_STORE            = "s3"
    REGISTRY_READ_MODELS           = "opensearch"
    REGISTRY_AWS_REGION            = var.region
    REGISTRY_DYNAMODB_TABLE_PREFIX = var.dynamodb_table_prefix
    # The tables are Terraform's too: a node only checks that they exist.
    REGISTRY_DYNAMODB_CREATE_TABLES = "false"
    REGISTRY_BLOB_STORE_S3_BUCKET   = aws_s3_bucket.blobs.bucket
    REGISTRY_BLOB_STORE_S3_REGION   = var.region
    # The bucket is Terraform's: a missing one must stop start-up, not be created by a node.
    REGISTRY_BLOB_STORE_S3_CREATE_BUCKET = "false"
    REGISTRY_OPENSEARCH_ENDPOINT         = "https://${aws_opensearch_domain.read_models.endpoint}"
    # The domain's access policy admits the task role: every request is SigV4-signed with its credentials.
    REGISTRY_OPENSEARCH_AWS_SIGNING = "true"
    REGISTRY_INGEST_GATE            = var.ingest_gate
    # Only node-local scratch (e.g. the git clones of a rating) remains on disk at scale.
    REGISTRY_DATA_DIR = "/tmp/registry"
    # TLS ends at the load balancer: Tomcat takes scheme, port and client address from its X-Forwarded-* headers
    # (trusted from internal addresses only; the task's security group admits only the balancer), so download links
    # are https URLs and the login back-off counts per client, not per balancer.
    SERVER_FORWARD_HEADERS_STRATEGY = "native"
  }, var.extra_environment)
}

data "aws_secretsmanager_secret" "download_signing_key" {
  name = coalesce(var.download_signing_key_secret, "${var.name}/download-signing-key")
}

resource "aws_cloudwatch_log_group" "registry" {
  name              = "/ecs/${var.name}"
  retention_in_days = var.log_retention_days
}

# --- IAM --------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    # Only ECS tasks of this account may take the roles (confused-deputy guard).
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# Execution role: what ECS itself needs to start the task (pull the image, write logs, read the
# container's secrets), nothing the application uses.
resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "EcrToken"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"] # the action has no resource-level permissions
  }

  statement {
    sid       = "EcrPull"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = ["arn:${local.partition}:ecr:${var.region}:${local.account_id}:repository/${var.ecr_repository_name}"]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.registry.arn}:*"]
  }

  dynamic "statement" {
    for_each = length(local.secret_arns_ssm) > 0 ? [1] : []
    content {
      sid       = "SsmSecrets"
      actions   = ["ssm:GetParameters"]
      resources = local.secret_arns_ssm
    }
  }

  dynamic "statement" {
    for_each = length(local.secret_arns_sm) > 0 ? [1] : []
    content {
      sid       = "SecretsManagerSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = local.secret_arns_sm
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-image-write-logs"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# Task role: what the registry may do, on its own tables, bucket and domain only.
resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "task" {
  statement {
    sid = "DynamoDbTables"
    actions = [
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Query",
      "dynamodb:Scan",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:ConditionCheckItem",
    ]
    resources = concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])
  }

  statement {
    sid       = "BlobBucket"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [aws_s3_bucket.blobs.arn]
  }

  statement {
    sid       = "BlobObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${aws_s3_bucket.blobs.arn}/*"]
  }

  statement {
    sid       = "ReadModelDomain"
    actions   = ["es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete"]
    resources = ["${aws_opensearch_domain.read_models.arn}/*"]
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "registry-stores"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

# --- ECS ----------------------------------------------------------------------------------------------

resource "aws_ecs_cluster" "registry" {
  name = var.name

  # Container Insights costs per metric; the ALB and ECS service metrics below are free.
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_ecs_task_definition" "registry" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name      = "registry"
    image     = var.image
    essential = true

    portMappings = [{
      containerPort = var.container_port
      protocol      = "tcp"
    }]

    environment = [for key in sort(keys(local.environment)) : { name = key, value = local.environment[key] }]
    secrets     = [for key in sort(keys(local.container_secrets)) : { name = key, valueFrom = local.container_secrets[key] }]

    # The base image (eclipse-temurin, Ubuntu) ships curl. The start period covers JVM start-up and
    # the read models catching up; /health answers 200 while the process serves.
    healthCheck = {
      command     = ["CMD-SHELL", "curl -fsS -o /dev/null http://localhost:${var.container_port}/health || exit 1"]
      interval    = 30
      timeout     = 5
      retries     = 3
      startPeriod = 180
    }

    # server.shutdown=graceful: let in-flight requests finish before SIGKILL.
    stopTimeout = 30

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.registry.name
        awslogs-region        = var.region
        awslogs-stream-prefix = "registry"
      }
    }
  }])
}

resource "aws_ecs_service" "registry" {
  name            = var.name
  cluster         = aws_ecs_cluster.registry.id
  task_definition = aws_ecs_task_definition.registry.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  # Rolling deploy: new tasks must pass the health checks before old ones stop; a deploy whose
  # tasks never get healthy is rolled back to the previous task definition.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  health_check_grace_period_seconds = 300
  wait_for_steady_state             = var.wait_for_steady_state
  propagate_tags                    = "SERVICE"

  network_configuration {
    subnets          = local.subnet_ids
    security_groups  = [aws_security_group.task.id]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.registry.arn
    container_name   = "registry"
    container_port   = var.container_port
  }

  depends_on = [aws_lb_listener.http, aws_iam_role_policy.task]
}

# --- Load balancer ----------------------------------------------------------------------------------

resource "aws_lb" "registry" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = local.subnet_ids
  security_groups            = [aws_security_group.alb.id]
  idle_timeout               = var.alb_idle_timeout
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
}

resource "aws_lb_target_group" "registry" {
  name                 = "${var.name}-tg"
  port                 = var.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = data.aws_vpc.default.id
  deregistration_delay = 30

  health_check {
    path                = "/health"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.registry.arn
  port              = 80
  protocol          = "HTTP"

  # With a certificate, plain HTTP only redirects (tokens never cross the internet in clear text).
  default_action {
    type             = var.certificate_arn == "" ? "forward" : "redirect"
    target_group_arn = var.certificate_arn == "" ? aws_lb_target_group.registry.arn : null

    dynamic "redirect" {
      for_each = var.certificate_arn == "" ? [] : [1]
      content {
        protocol    = "HTTPS"
        port        = "443"
        status_code = "HTTP_301"
      }
    }
  }
}

resource "aws_lb_listener" "https" {
  count             = var.certificate_arn == "" ? 0 : 1
  load_balancer_arn = aws_lb.registry.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.registry.arn
  }
}
