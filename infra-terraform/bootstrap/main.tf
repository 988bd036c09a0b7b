# One-time, per-account resources the deploy workflow needs before it can run: the Terraform state
# bucket, the image repository, GitHub's OIDC identity provider and the role the workflow assumes.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id   = data.aws_caller_identity.current.account_id
  partition    = data.aws_partition.current.partition
  state_bucket = "${var.name}-tfstate-${local.account_id}"
  oidc_url     = "token.actions.githubusercontent.com"
  oidc_arn     = var.create_github_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : "arn:${local.partition}:iam::${local.account_id}:oidc-provider/${local.oidc_url}"
}

# --- Terraform state ----------------------------------------------------------------------------------

resource "aws_s3_bucket" "state" {
  bucket = local.state_bucket
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

data "aws_iam_policy_document" "state_tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]
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
}

resource "aws_s3_bucket_policy" "state" {
  bucket     = aws_s3_bucket.state.id
  policy     = data.aws_iam_policy_document.state_tls_only.json
  depends_on = [aws_s3_bucket_public_access_block.state]
}

# --- Image repository -----------------------------------------------------------------------------------

resource "aws_ecr_repository" "registry" {
  name = var.ecr_repository_name
  # Tags are commit SHAs: a tag, once pushed, always names the same image.
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "registry" {
  repository = aws_ecr_repository.registry.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the 20 newest images (storage beyond 500 MB is billed)"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = 20
      }
      action = { type = "expire" }
    }]
  })
}

# --- GitHub OIDC and the deploy role --------------------------------------------------------------------

resource "aws_iam_openid_connect_provider" "github" {
  count          = var.create_github_oidc_provider ? 1 : 0
  url            = "https://${local.oidc_url}"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "deploy_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_url}:aud"
      values   = ["sts.amazonaws.com"]
    }
    # Only jobs of this repository that run in the protected environment: not pull requests, not forks,
    # not other branches' jobs without the environment.
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_url}:sub"
      values   = ["repo:${var.github_repository}:environment:${var.github_environment}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "${var.name}-github-deploy"
  assume_role_policy   = data.aws_iam_policy_document.deploy_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "TerraformState"
    actions   = ["s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]
  }

  statement {
    sid       = "EcrToken"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage",
      "ecr:DescribeRepositories", "ecr:DescribeImages",
    ]
    resources = [aws_ecr_repository.registry.arn]
  }

  # The main stack's own resources, by name where the service allows it.
  statement {
    sid       = "DownloadSigningKeyLookup"
    actions   = ["secretsmanager:DescribeSecret"]
    resources = [aws_secretsmanager_secret.download_signing_key.arn]
  }

  statement {
    sid       = "Tables"
    actions   = ["dynamodb:*"]
    resources = ["arn:${local.partition}:dynamodb:${var.region}:${local.account_id}:table/${var.dynamodb_table_prefix}*"]
  }

  statement {
    sid       = "BlobBucket"
    actions   = ["s3:*"]
    resources = ["arn:${local.partition}:s3:::${var.name}-blobs-*"]
  }

  statement {
    sid       = "Roles"
    actions   = ["iam:*Role*", "iam:*RolePolicy*", "iam:TagRole", "iam:UntagRole"]
    resources = ["arn:${local.partition}:iam::${local.account_id}:role/${var.name}-execution", "arn:${local.partition}:iam::${local.account_id}:role/${var.name}-task"]
  }

  statement {
    sid       = "PassRolesToEcs"
    actions   = ["iam:PassRole"]
    resources = ["arn:${local.partition}:iam::${local.account_id}:role/${var.name}-execution", "arn:${local.partition}:iam::${local.account_id}:role/${var.name}-task"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  statement {
    sid     = "ServiceLinkedRoles"
    actions = ["iam:CreateServiceLinkedRole", "iam:GetRole"]
    resources = [
      "arn:${local.partition}:iam::${local.account_id}:role/aws-service-role/opensearchservice.amazonaws.com/*",
      "arn:${local.partition}:iam::${local.account_id}:role/aws-service-role/ecs.amazonaws.com/*",
      "arn:${local.partition}:iam::${local.account_id}:role/aws-service-role/elasticloadbalancing.amazonaws.com/*",
    ]
  }

  statement {
    sid       = "OpenSearchDomain"
    actions   = ["es:*"]
    resources = ["arn:${local.partition}:es:${var.region}:${local.account_id}:domain/${var.name}", "arn:${local.partition}:es:${var.region}:${local.account_id}:domain/${var.name}/*"]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:*"]
    resources = ["arn:${local.partition}:logs:${var.region}:${local.account_id}:log-group:/ecs/${var.name}*"]
  }

  statement {
    sid       = "AlarmsTopic"
    actions   = ["sns:*"]
    resources = ["arn:${local.partition}:sns:${var.region}:${local.account_id}:${var.name}-*"]
  }

  statement {
    sid       = "Alarms"
    actions   = ["cloudwatch:*Alarm*", "cloudwatch:TagResource", "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource"]
    resources = ["arn:${local.partition}:cloudwatch:${var.region}:${local.account_id}:alarm:${var.name}-*"]
  }

  statement {
    sid       = "Budget"
    actions   = ["budgets:*"]
    resources = ["arn:${local.partition}:budgets::${local.account_id}:budget/${var.name}-*"]
  }

  # Services whose create calls cannot be limited by resource name: ECS, load balancing, EC2
  # security groups and VPC endpoints in the default VPC, and the describe calls Terraform plans with.
  statement {
    sid = "ServicesWithoutNameScoping"
    actions = [
      "ecs:*", "elasticloadbalancing:*",
      "ec2:Describe*", "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup",
      "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
      "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress",
      "ec2:ModifySecurityGroupRules", "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
      "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:CreateTags", "ec2:DeleteTags",
      "ec2:CreateVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint",
      "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
      "es:ListDomainNames", "es:ListTags", "es:DescribeDomains",
      "cloudwatch:DescribeAlarms", "logs:DescribeLogGroups", "sns:ListTopics",
      "iam:GetPolicy", "iam:GetPolicyVersion",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy-model-registry"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}

# The secret every registry node signs download links with, so a link one node issued works on all of them (a
# node on the shared stores refuses to start without it). Created once here, with administrator credentials:
# 48 random characters, base64-encoded (48 bytes for the node, above its 32-byte minimum), ephemeral and
# write-only, so no plan or state holds the value. The main stack only looks it up by name and hands the
# execution role the reference. Raise secret_string_wo_version to rotate it (links signed before stop working).
resource "aws_secretsmanager_secret" "download_signing_key" {
  name                    = "${var.name}/download-signing-key"
  description             = "Signs the registry's download links; shared by every node (REGISTRY_DOWNLOAD_SIGNING_KEY)."
  recovery_window_in_days = 7
}

ephemeral "aws_secretsmanager_random_password" "download_signing_key" {
  password_length     = 48
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret_version" "download_signing_key" {
  secret_id                = aws_secretsmanager_secret.download_signing_key.id
  secret_string_wo         = base64encode(ephemeral.aws_secretsmanager_random_password.download_signing_key.random_password)
  secret_string_wo_version = 1
}
