variable "name" {
  description = "Name of the deployment; prefixes every resource (ECS, ALB, IAM roles, log group, alarms)."
  type        = string
  default     = "model-registry"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name))
    error_message = "name: 2 to 21 characters, lower-case letters, digits and dashes, starting with a letter (it is part of ALB and target group names, which AWS limits to 32)."
  }
}

variable "region" {
  description = "AWS region of every resource."
  type        = string
  default     = "us-east-1"
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}

variable "image" {
  description = "Container image of the registry, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/model-registry:<git sha> (built by Jib, see README)."
  type        = string

  validation {
    condition     = length(trimspace(var.image)) > 0 && !endswith(var.image, ":latest")
    error_message = "image: give an immutable tag or digest (e.g. the commit SHA), not an empty string or :latest."
  }
}

variable "ecr_repository_name" {
  description = "ECR repository the image is pulled from (created by bootstrap/); the execution role may pull from this repository only."
  type        = string
  default     = "model-registry"
}

# --- compute -------------------------------------------------------------------------------

variable "task_cpu" {
  description = "Fargate task CPU units (256 = 0.25 vCPU). 512 is the smallest that starts the JVM, Axon and the rating pools in reasonable time."
  type        = number
  default     = 512
}

variable "task_memory" {
  description = "Fargate task memory in MiB; the JVM takes 75 % of it as heap (see the Jib jvmFlags in server/pom.xml)."
  type        = number
  default     = 1024
}

variable "desired_count" {
  description = "Number of registry tasks behind the load balancer. Nodes are stateless: they share the log, the blobs, the read models, the tokens and the download-link secret."
  type        = number
  default     = 1
}

variable "container_port" {
  description = "Port the registry listens on inside the container (SERVER_PORT)."
  type        = number
  default     = 8080
}

variable "wait_for_steady_state" {
  description = "Make terraform apply wait until the new tasks are healthy, so a broken image fails the deploy instead of silently rolling back."
  type        = bool
  default     = true
}

variable "ingest_gate" {
  description = "REGISTRY_INGEST_GATE: enforce or advisory."
  type        = string
  default     = "enforce"

  validation {
    condition     = contains(["enforce", "advisory"], var.ingest_gate)
    error_message = "ingest_gate: enforce or advisory."
  }
}

variable "extra_environment" {
  description = "More plain environment variables for the registry container (never secrets: those go in container_secrets)."
  type        = map(string)
  default     = {}
}

variable "download_signing_key_secret" {
  description = "Name of the Secrets Manager secret the nodes sign download links with (bootstrap/ creates it); null: <name>/download-signing-key."
  type        = string
  default     = null
}

variable "container_secrets" {
  description = <<-EOT
    Secret environment variables of the registry container: name => ARN of an SSM SecureString parameter
    or a Secrets Manager secret that you created yourself (so the value never enters Terraform state),
    e.g. { HF_TOKEN = "arn:aws:ssm:us-east-1:123456789012:parameter/model-registry/hf-token" }.
    The execution role may read exactly these ARNs.
  EOT
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.container_secrets) : can(regex("^arn:aws[a-z-]*:(ssm|secretsmanager):", arn))])
    error_message = "container_secrets: every value is the ARN of an SSM parameter or a Secrets Manager secret."
  }
}

# --- network and load balancer ---------------------------------------------------------------

variable "subnet_count" {
  description = "How many of the default VPC's subnets (one per availability zone) the load balancer and the tasks use; at least 2."
  type        = number
  default     = 2

  validation {
    condition     = var.subnet_count >= 2
    error_message = "subnet_count: an Application Load Balancer needs at least two availability zones."
  }
}

variable "allowed_ingress_cidrs" {
  description = "Client networks allowed to reach the load balancer."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "certificate_arn" {
  description = "ACM certificate for an HTTPS listener; when set, HTTP redirects to HTTPS. Empty: HTTP only (tokens then travel in clear text; see ADR 0062)."
  type        = string
  default     = ""
}

variable "alb_idle_timeout" {
  description = "Seconds an ALB connection may stay idle; downloads stream, so this bounds a stalled client, not a long download."
  type        = number
  default     = 120
}

# --- data stores -------------------------------------------------------------------------------

variable "dynamodb_table_prefix" {
  description = "Prefix of every DynamoDB table name (REGISTRY_DYNAMODB_TABLE_PREFIX); the tables are <prefix><key of dynamodb_tables>."
  type        = string
  default     = "model-registry-"
}

variable "dynamodb_tables" {
  description = <<-EOT
    DynamoDB tables of the DynamoDB event store (decision 0061), all on-demand, by name suffix, with the key
    attributes the engine creates them with: domain events by aggregate and sequence number; the global log
    (commit items) by bucket and position; the latest snapshot per aggregate; event payloads over the item
    limit by digest and part; tracking tokens by processor and segment; source claims by their duplicate key.
    The engine reads only base tables (strongly consistent queries), so no index is declared.
  EOT
  type = map(object({
    hash_key       = string
    hash_key_type  = optional(string, "S")
    range_key      = optional(string)
    range_key_type = optional(string, "N")
    global_secondary_indexes = optional(list(object({
      name           = string
      hash_key       = string
      hash_key_type  = optional(string, "S")
      range_key      = optional(string)
      range_key_type = optional(string, "N")
    })), [])
    ttl_attribute = optional(string)
  }))
  default = {
    events = {
      hash_key  = "aggregateId"
      range_key = "seq"
    }
    event-log = {
      hash_key      = "bucket"
      hash_key_type = "N"
      range_key     = "position"
    }
    snapshots = {
      hash_key = "aggregateId"
    }
    event-payloads = {
      hash_key  = "digest"
      range_key = "part"
    }
    tokens = {
      hash_key  = "processor"
      range_key = "segment"
    }
    claims = {
      hash_key = "source"
    }
    # user accounts and API tokens (hashed), shared by every node
    credentials = {
      hash_key      = "pk"
      ttl_attribute = "ttl"
    }
  }
}

variable "dynamodb_point_in_time_recovery" {
  description = "Continuous backups of the tables (the event log is the system of record; costs about 0.20 USD per GB-month)."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Protect the tables and the OpenSearch domain's data from terraform destroy; set false to tear a test deployment down."
  type        = bool
  default     = true
}

variable "blob_bucket_name" {
  description = "S3 bucket for blobs (REGISTRY_BLOB_STORE_S3_BUCKET); empty: <name>-blobs-<account id>."
  type        = string
  default     = ""
}

variable "blob_noncurrent_version_days" {
  description = "Days an overwritten or deleted blob version is kept before S3 expires it."
  type        = number
  default     = 30
}

variable "opensearch_domain_name" {
  description = "OpenSearch domain name (3 to 28 characters, lower case); empty: <name>."
  type        = string
  default     = ""
}

variable "opensearch_engine_version" {
  description = "OpenSearch engine version of the domain."
  type        = string
  default     = "OpenSearch_2.19"
}

variable "opensearch_instance_type" {
  description = "OpenSearch data node type; t3.small.search is the smallest that supports encryption at rest and is in the free tier."
  type        = string
  default     = "t3.small.search"
}

variable "opensearch_volume_gb" {
  description = "EBS (gp3) size of the OpenSearch node; the free tier covers 10 GB."
  type        = number
  default     = 10
}

variable "create_opensearch_service_linked_role" {
  description = "Create the service-linked role OpenSearch needs to place a domain in a VPC; set false when the account already has it (AWSServiceRoleForAmazonOpenSearchService)."
  type        = bool
  default     = true
}

# --- observability and cost ---------------------------------------------------------------------

variable "log_retention_days" {
  description = "Days CloudWatch keeps the registry's logs."
  type        = number
  default     = 14
}

variable "alarm_email" {
  description = "E-mail address that receives the alarms and the budget notifications (SNS asks it to confirm once)."
  type        = string
}

variable "monthly_budget_usd" {
  description = "Monthly cost limit of the AWS Budgets alarm, in USD (notified at 80 % actual and 100 % forecast); ADR 0062 has the expected cost."
  type        = number
  default     = 50
}

variable "alarm_5xx_threshold" {
  description = "5xx answers from the registry within 5 minutes that raise the alarm."
  type        = number
  default     = 5
}
