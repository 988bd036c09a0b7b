# The three stores the stateless registry nodes share: DynamoDB (event log, tokens, claims,
# credentials), S3 (blobs) and OpenSearch (read models).

locals {
  blob_bucket_name       = var.blob_bucket_name != "" ? var.blob_bucket_name : "${var.name}-blobs-${data.aws_caller_identity.current.account_id}"
  opensearch_domain_name = var.opensearch_domain_name != "" ? var.opensearch_domain_name : var.name
}

# --- DynamoDB ------------------------------------------------------------------------------------

resource "aws_dynamodb_table" "registry" {
  for_each = var.dynamodb_tables

  name         = "${var.dynamodb_table_prefix}${each.key}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = each.value.hash_key
  range_key    = each.value.range_key

  # Every key attribute of the table and its indexes, once each.
  dynamic "attribute" {
    for_each = merge(
      { (each.value.hash_key) = each.value.hash_key_type },
      each.value.range_key == null ? {} : { (each.value.range_key) = each.value.range_key_type },
      merge([for index in each.value.global_secondary_indexes : merge(
        { (index.hash_key) = index.hash_key_type },
        index.range_key == null ? {} : { (index.range_key) = index.range_key_type },
      )]...),
    )
    content {
      name = attribute.key
      type = attribute.value
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.global_secondary_indexes
    content {
      name            = global_secondary_index.value.name
      hash_key        = global_secondary_index.value.hash_key
      range_key       = global_secondary_index.value.range_key
      projection_type = "ALL"
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttl_attribute == null ? [] : [each.value.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = var.dynamodb_point_in_time_recovery
  }

  # Encrypted at rest with the AWS-owned key (DynamoDB's default, free).
  deletion_protection_enabled = var.deletion_protection
}

# --- S3 -------------------------------------------------------------------------------------------

resource "aws_s3_bucket" "blobs" {
  bucket        = local.blob_bucket_name
  force_destroy = !var.deletion_protection
}

resource "aws_s3_bucket_ownership_controls" "blobs" {
  bucket = aws_s3_bucket.blobs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "blobs" {
  bucket                  = aws_s3_bucket.blobs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "blobs" {
  bucket = aws_s3_bucket.blobs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "blobs" {
  bucket = aws_s3_bucket.blobs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "blobs" {
  bucket = aws_s3_bucket.blobs.id

  rule {
    id     = "expire-old-versions-and-abandoned-uploads"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.blob_noncurrent_version_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.blobs]
}

data "aws_iam_policy_document" "blobs_tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.blobs.arn, "${aws_s3_bucket.blobs.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "DenyOldTls"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.blobs.arn, "${aws_s3_bucket.blobs.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

resource "aws_s3_bucket_policy" "blobs" {
  bucket = aws_s3_bucket.blobs.id
  policy = data.aws_iam_policy_document.blobs_tls_only.json

  # The public access block must exist first, or S3 may judge the policy before it applies.
  depends_on = [aws_s3_bucket_public_access_block.blobs]
}

# --- OpenSearch -----------------------------------------------------------------------------------

resource "aws_iam_service_linked_role" "opensearch" {
  count            = var.create_opensearch_service_linked_role ? 1 : 0
  aws_service_name = "opensearchservice.amazonaws.com"
}

data "aws_iam_policy_document" "opensearch_access" {
  # Only the registry's task role may call the domain (IAM-signed requests); the security group
  # additionally admits only the tasks' network traffic.
  statement {
    effect    = "Allow"
    actions   = ["es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete"]
    resources = ["arn:${data.aws_partition.current.partition}:es:${var.region}:${data.aws_caller_identity.current.account_id}:domain/${local.opensearch_domain_name}/*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.task.arn]
    }
  }
}

resource "aws_opensearch_domain" "read_models" {
  domain_name    = local.opensearch_domain_name
  engine_version = var.opensearch_engine_version

  # One node in one availability zone: the smallest domain there is (see ADR 0062's gaps). The read
  # models can always be rebuilt from the event log, so losing the node loses no data.
  cluster_config {
    instance_type            = var.opensearch_instance_type
    instance_count           = 1
    zone_awareness_enabled   = false
    dedicated_master_enabled = false
  }

  ebs_options {
    ebs_enabled = true
    volume_type = "gp3"
    volume_size = var.opensearch_volume_gb
  }

  vpc_options {
    subnet_ids         = [local.subnet_ids[0]]
    security_group_ids = [aws_security_group.opensearch.id]
  }

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }

  access_policies = data.aws_iam_policy_document.opensearch_access.json

  depends_on = [aws_iam_service_linked_role.opensearch]
}
