# Plans (and applies) the stack against a mocked AWS provider (no account, no network): proves the expressions
# evaluate for the default settings and that the security-relevant settings come out as intended.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
    }
  }
  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }
  mock_data "aws_vpc" {
    defaults = {
      id                  = "vpc-0123456789abcdef0"
      cidr_block          = "172.31.0.0/16"
      main_route_table_id = "rtb-0123456789abcdef0"
    }
  }
  mock_data "aws_subnets" {
    defaults = {
      ids = ["subnet-bbbb", "subnet-aaaa", "subnet-cccc"]
    }
  }
  # Resources whose ARNs other resources validate.
  mock_resource "aws_sns_topic" {
    defaults = {
      arn = "arn:aws:sns:us-east-1:123456789012:model-registry-alarms"
    }
  }
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/model-registry-role"
    }
  }
  mock_resource "aws_lb" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/model-registry/0123456789abcdef"
      arn_suffix = "app/model-registry/0123456789abcdef"
      dns_name   = "model-registry-123.us-east-1.elb.amazonaws.com"
    }
  }
  mock_resource "aws_lb_target_group" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/model-registry-tg/0123456789abcdef"
      arn_suffix = "targetgroup/model-registry-tg/0123456789abcdef"
    }
  }
  mock_resource "aws_opensearch_domain" {
    defaults = {
      arn      = "arn:aws:es:us-east-1:123456789012:domain/model-registry"
      endpoint = "vpc-model-registry-abc.us-east-1.es.amazonaws.com"
    }
  }
  mock_data "aws_secretsmanager_secret" {
    defaults = {
      arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:model-registry/download-signing-key-AbCdEf"
    }
  }
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{}"
    }
  }
}

variables {
  image       = "123456789012.dkr.ecr.us-east-1.amazonaws.com/model-registry:0123abc"
  alarm_email = "ops@example.org"
}

# apply (against the mock) so that values known only after creation, such as the OpenSearch
# endpoint inside the container definition, have a value to assert on.
run "defaults_build_the_whole_stack" {
  command = apply

  assert {
    condition     = toset(keys(aws_dynamodb_table.registry)) == toset(["events", "event-log", "snapshots", "event-payloads", "tokens", "claims", "credentials"])
    error_message = "the default tables are the six of the DynamoDB event store (decision 0061) and the shared credentials"
  }

  assert {
    condition     = alltrue([for table in aws_dynamodb_table.registry : table.billing_mode == "PAY_PER_REQUEST"])
    error_message = "every table bills on demand"
  }

  assert {
    condition     = aws_dynamodb_table.registry["events"].name == "model-registry-events" && aws_dynamodb_table.registry["events"].hash_key == "aggregateId" && aws_dynamodb_table.registry["events"].range_key == "seq"
    error_message = "the events table is keyed by aggregate and sequence number, named with the prefix"
  }

  assert {
    condition     = length(aws_dynamodb_table.registry["events"].attribute) == 2 && length(aws_dynamodb_table.registry["events"].global_secondary_index) == 0
    error_message = "the events table declares its two key attributes and no index (the engine reads base tables only)"
  }

  assert {
    condition     = length(aws_dynamodb_table.registry["claims"].attribute) == 1
    error_message = "a table with a partition key only declares that one attribute"
  }

  assert {
    condition     = aws_s3_bucket.blobs.bucket == "model-registry-blobs-123456789012"
    error_message = "the blob bucket is named after the deployment and the account"
  }

  assert {
    condition     = aws_s3_bucket_public_access_block.blobs.block_public_acls && aws_s3_bucket_public_access_block.blobs.block_public_policy && aws_s3_bucket_public_access_block.blobs.ignore_public_acls && aws_s3_bucket_public_access_block.blobs.restrict_public_buckets
    error_message = "the blob bucket blocks every kind of public access"
  }

  assert {
    condition     = aws_s3_bucket_versioning.blobs.versioning_configuration[0].status == "Enabled"
    error_message = "the blob bucket is versioned"
  }

  assert {
    condition     = aws_opensearch_domain.read_models.cluster_config[0].instance_type == "t3.small.search" && aws_opensearch_domain.read_models.cluster_config[0].instance_count == 1
    error_message = "the read models live on one t3.small.search node"
  }

  assert {
    condition     = aws_opensearch_domain.read_models.encrypt_at_rest[0].enabled && aws_opensearch_domain.read_models.node_to_node_encryption[0].enabled && aws_opensearch_domain.read_models.domain_endpoint_options[0].enforce_https
    error_message = "the domain encrypts at rest and between nodes and speaks HTTPS only"
  }

  assert {
    condition     = aws_lb.registry.subnets == toset(["subnet-aaaa", "subnet-bbbb"])
    error_message = "the load balancer spans two availability zones, not every default subnet (each costs a public address)"
  }

  assert {
    condition     = aws_opensearch_domain.read_models.vpc_options[0].subnet_ids == toset(["subnet-aaaa"])
    error_message = "the single node sits in the first subnet by id, stable between plans"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.registry.container_definitions)[0].image == var.image
    error_message = "the task runs the image given"
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.registry.container_definitions)[0].environment, { name = "REGISTRY_EVENT_STORE", value = "dynamodb" })
    error_message = "the task selects the DynamoDB event store"
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.registry.container_definitions)[0].environment, { name = "REGISTRY_BLOB_STORE_S3_BUCKET", value = "model-registry-blobs-123456789012" })
    error_message = "the task is told its bucket"
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.registry.container_definitions)[0].environment, { name = "SERVER_FORWARD_HEADERS_STRATEGY", value = "native" })
    error_message = "behind the TLS-terminating load balancer the node honours X-Forwarded-*: https download links, per-client login back-off"
  }

  assert {
    condition     = strcontains(jsonencode(jsondecode(aws_ecs_task_definition.registry.container_definitions)[0].healthCheck.command), "/health")
    error_message = "the container health check calls /health"
  }

  assert {
    condition     = aws_lb_target_group.registry.health_check[0].path == "/health"
    error_message = "the load balancer checks /health"
  }

  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "forward" && length(aws_lb_listener.https) == 0
    error_message = "without a certificate the HTTP listener serves the API"
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.registry.container_definitions)[0].environment, { name = "REGISTRY_OPENSEARCH_ENDPOINT", value = "https://vpc-model-registry-abc.us-east-1.es.amazonaws.com" })
    error_message = "the task is told the domain's HTTPS endpoint"
  }

  assert {
    condition     = output.url == "http://model-registry-123.us-east-1.elb.amazonaws.com"
    error_message = "the URL output is the load balancer's"
  }

  assert {
    condition     = aws_cloudwatch_log_group.registry.retention_in_days == 14
    error_message = "logs expire"
  }

  assert {
    condition     = aws_budgets_budget.monthly.limit_amount == "50" && aws_budgets_budget.monthly.time_unit == "MONTHLY"
    error_message = "the monthly budget alarm has the default limit"
  }
}

run "a_certificate_turns_http_into_a_redirect" {
  command = plan

  variables {
    certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  }

  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "redirect" && length(aws_lb_listener.https) == 1
    error_message = "with a certificate HTTP redirects and HTTPS serves"
  }
}

run "secrets_are_references_never_values" {
  command = apply

  variables {
    container_secrets = {
      HF_TOKEN = "arn:aws:ssm:us-east-1:123456789012:parameter/model-registry/hf-token"
    }
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.registry.container_definitions)[0].secrets == [{ name = "HF_TOKEN", valueFrom = "arn:aws:ssm:us-east-1:123456789012:parameter/model-registry/hf-token" }, { name = "REGISTRY_DOWNLOAD_SIGNING_KEY", valueFrom = "arn:aws:secretsmanager:us-east-1:123456789012:secret:model-registry/download-signing-key-AbCdEf" }]
    error_message = "a secret reaches the container as a reference the execution role resolves, the shared download-link key among them"
  }
}

run "a_mutable_image_tag_is_refused" {
  command = plan

  variables {
    image = "model-registry:latest"
  }

  expect_failures = [var.image]
}

run "a_secret_given_as_a_plain_value_is_refused" {
  command = plan

  variables {
    container_secrets = {
      HF_TOKEN = "hf_not_an_arn"
    }
  }

  expect_failures = [var.container_secrets]
}
