# Optional (create_lambda_endpoint = true): a Lambda interface endpoint, so the caller reaches the Lambda API
# without a NAT gateway. Its idle timeout is the same 350 s, so keepalive matters here too.
#
# WARNING: with private DNS on, lambda.<region>.amazonaws.com resolves to this endpoint for EVERY workload in
# the VPC, not only the caller, and the endpoint's security group admits only the caller's groups. Other
# Lambda API clients in the VPC then need ingress on this group, or they lose the Lambda API. A VPC that
# already has a Lambda endpoint with private DNS cannot get a second one: leave this off there.

data "aws_vpc_endpoint_service" "lambda" {
  count = var.create_lambda_endpoint ? 1 : 0

  service      = "lambda"
  service_type = "Interface"
}

data "aws_subnet" "caller" {
  for_each = var.create_lambda_endpoint ? toset(local.subnet_ids) : toset([])

  id = each.value
}

resource "aws_security_group" "lambda_endpoint" {
  count = var.create_lambda_endpoint ? 1 : 0

  name        = "${var.name}-lambda-endpoint"
  description = "Lambda interface endpoint: HTTPS from the keepalive caller only"
  vpc_id      = data.aws_vpc.selected.id
  tags        = merge(var.tags, { Name = "${var.name}-lambda-endpoint" })
}

resource "aws_vpc_security_group_ingress_rule" "https_from_caller" {
  count = var.create_lambda_endpoint ? length(module.keepalive_caller.security_group_ids) : 0

  security_group_id            = aws_security_group.lambda_endpoint[0].id
  referenced_security_group_id = module.keepalive_caller.security_group_ids[count.index]
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  description                  = "HTTPS from the keepalive caller"
}

resource "aws_vpc_endpoint" "lambda" {
  count = var.create_lambda_endpoint ? 1 : 0

  vpc_id              = data.aws_vpc.selected.id
  service_name        = data.aws_vpc_endpoint_service.lambda[0].service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = local.subnet_ids
  security_group_ids  = [aws_security_group.lambda_endpoint[0].id]
  tags                = merge(var.tags, { Name = "${var.name}-lambda" })

  lifecycle {
    precondition {
      condition     = data.aws_vpc.selected.enable_dns_support && data.aws_vpc.selected.enable_dns_hostnames
      error_message = "The VPC needs DNS support and DNS hostnames on for the endpoint's private DNS."
    }
    precondition {
      condition     = length(setsubtract([for subnet in data.aws_subnet.caller : subnet.availability_zone], data.aws_vpc_endpoint_service.lambda[0].availability_zones)) == 0
      error_message = "The Lambda endpoint service is not offered in every zone of the caller's subnets (aws_vpc_endpoint_service availability_zones): pick subnets in the zones it lists."
    }
    precondition {
      condition     = length(distinct([for subnet in data.aws_subnet.caller : subnet.availability_zone])) == length(data.aws_subnet.caller)
      error_message = "An interface endpoint takes one subnet per zone: give private_subnet_ids with one subnet per zone."
    }
  }
}
