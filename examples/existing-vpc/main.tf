# The keepalive caller in a VPC you already have, calling a function you already have.
#   terraform init && terraform apply -var-file=example.tfvars
provider "aws" {
  region = var.region
}

data "aws_region" "current" {}

data "aws_vpc" "selected" {
  id   = var.vpc_id
  tags = var.vpc_id == null ? var.vpc_tags : null
}

# The private subnets by tag, unless they are given. Their default route must reach the Lambda API: a NAT
# gateway, or the Lambda interface endpoint of lambda-endpoint.tf.
data "aws_subnets" "private" {
  count = var.private_subnet_ids == null ? 1 : 0

  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.selected.id]
  }
  tags = var.private_subnet_tags
}

data "aws_lambda_function" "callee" {
  function_name = var.callee_function_name
}

locals {
  subnet_ids = var.private_subnet_ids != null ? var.private_subnet_ids : sort(data.aws_subnets.private[0].ids)
}

module "keepalive_caller" {
  # From another repository: "git::https://github.com/<owner>/lambda-keepalive.git//modules/keepalive-caller?ref=<tag>"
  source = "../../modules/keepalive-caller"

  name                   = var.name
  vpc_id                 = data.aws_vpc.selected.id
  subnet_ids             = local.subnet_ids
  callee_function_arn    = data.aws_lambda_function.callee.arn
  runtime                = var.runtime
  keepalive              = var.keepalive
  keepalive_idle_seconds = var.keepalive_idle_seconds
  tags                   = var.tags
}
