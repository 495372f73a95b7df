# Generated from stacks/src/module/keepalive-caller-module.ts by `pnpm build`. Do not edit: change the
# construct (stacks/src/constructs/keepalive-caller.ts) and rebuild.

output "function_name" {
  description = "Name of the caller function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the caller function (invoke it, or grant others to)."
  value       = aws_lambda_function.this.arn
}

output "role_arn" {
  description = "ARN of the caller's execution role."
  value       = aws_iam_role.this.arn
}

output "role_name" {
  description = "Name of the caller's execution role, to attach more policies to."
  value       = aws_iam_role.this.name
}

output "security_group_id" {
  description = "The security group the module created (no ingress, HTTPS egress only), or null when security_group_ids was given."
  value       = one(aws_security_group.this[*].id)
}

output "security_group_ids" {
  description = "The security groups of the function's interfaces (admit these on a Lambda interface endpoint)."
  value       = (0 < length(var.security_group_ids)) ? var.security_group_ids : aws_security_group.this[*].id
}

output "log_group_name" {
  description = "The caller's CloudWatch log group."
  value       = aws_cloudwatch_log_group.this.name
}
