# Generated from stacks/src/module/keepalive-caller-module.ts by `pnpm build`. Do not edit: change the
# construct (stacks/src/constructs/keepalive-caller.ts) and rebuild.

resource "aws_security_group" "this" {
  description = "Keepalive caller Lambda: no ingress, HTTPS egress only"
  name        = var.name
  tags        = merge(var.tags, { "Name" = var.name })
  vpc_id      = var.vpc_id
  count       = (0 == length(var.security_group_ids)) ? 1 : 0
}

resource "aws_vpc_security_group_egress_rule" "https_egress" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTPS to the Lambda API"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = element(aws_security_group.this[*].id, 0)
  tags              = var.tags
  to_port           = 443
  count             = (0 == length(var.security_group_ids)) ? 1 : 0
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

data "aws_iam_policy_document" "assume_role" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    principals {
      identifiers = [
        "lambda.amazonaws.com"
      ]
      type = "Service"
    }
  }
}

resource "aws_iam_role" "this" {
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
  description        = "Execution role of ${var.name}"
  name_prefix        = "${substr(var.name, 0, 30)}-"
  tags               = var.tags
}

data "aws_iam_policy_document" "permissions" {
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents"
    ]
    effect = "Allow"
    resources = [
      "${aws_cloudwatch_log_group.this.arn}:*"
    ]
    sid = "OwnLogStreams"
  }
  statement {
    actions = [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "VpcNetworkInterfaces"
  }
  statement {
    actions = [
      "lambda:InvokeFunction"
    ]
    effect = "Allow"
    resources = [
      var.callee_function_arn,
      "${var.callee_function_arn}:*"
    ]
    sid = "InvokeCalleeOnly"
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "permissions"
  policy = data.aws_iam_policy_document.permissions.json
  role   = aws_iam_role.this.id
}

resource "aws_lambda_function" "this" {
  architectures = [
    "arm64"
  ]
  description                        = "Invokes the callee synchronously with TCP keepalive (lambda-keepalive)"
  filename                           = "${path.module}/caller.zip"
  function_name                      = var.name
  handler                            = "index.handler"
  memory_size                        = var.memory_size
  replace_security_groups_on_destroy = var.replace_security_groups_on_destroy
  role                               = aws_iam_role.this.arn
  runtime                            = var.runtime
  source_code_hash                   = filebase64sha256("${path.module}/caller.zip")
  tags                               = var.tags
  timeout                            = var.timeout_seconds
  environment {
    variables = {
      CALLEE_FUNCTION_NAME             = var.callee_function_arn
      KEEPALIVE                        = var.keepalive ? "on" : "off"
      KEEPALIVE_IDLE_SECONDS           = var.keepalive_idle_seconds
      KEEPALIVE_PROBE_INTERVAL_SECONDS = var.keepalive_probe_interval_seconds
      KEEPALIVE_PROBE_COUNT            = var.keepalive_probe_count
    }
  }
  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }
  vpc_config {
    security_group_ids = (0 < length(var.security_group_ids)) ? var.security_group_ids : aws_security_group.this[*].id
    subnet_ids         = var.subnet_ids
  }
  depends_on = [
    aws_iam_role_policy.this,
    aws_cloudwatch_log_group.this,
  ]
}
