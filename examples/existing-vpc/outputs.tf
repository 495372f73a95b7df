output "caller_function_name" {
  description = "Name of the caller function."
  value       = module.keepalive_caller.function_name
}

output "caller_log_group_name" {
  description = "The caller's CloudWatch log group: its 'connection opened' line shows the keepalive applied."
  value       = module.keepalive_caller.log_group_name
}

output "lambda_path" {
  description = "How the caller reaches the Lambda API, from what this configuration deployed."
  value       = length(aws_vpc_endpoint.lambda) > 0 ? "interface VPC endpoint ${aws_vpc_endpoint.lambda[0].id} (private DNS)" : "the subnets' own route (NAT gateway or an endpoint you already have)"
}

output "invoke_command" {
  description = "Invoke the caller for a 400 s callee run. The CLI must not time out first or retry."
  value       = "AWS_MAX_ATTEMPTS=1 aws lambda invoke --region ${data.aws_region.current.region} --function-name ${module.keepalive_caller.function_name} --cli-binary-format raw-in-base64-out --cli-read-timeout 960 --payload '{\"durationSeconds\":400}' out.json && cat out.json"
}
