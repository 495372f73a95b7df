variable "region" {
  type        = string
  description = "AWS region of the VPC and the callee, e.g. eu-west-1."
}

variable "name" {
  type        = string
  default     = "keepalive-caller"
  description = "Name of the caller function (and of its role prefix, log group and security group)."
}

variable "vpc_id" {
  type        = string
  default     = null
  description = "ID of the existing VPC. Null: the VPC is found by vpc_tags."

  validation {
    condition     = var.vpc_id != null || length(var.vpc_tags) > 0
    error_message = "Set vpc_id, or vpc_tags to find exactly one VPC by its tags."
  }
}

variable "vpc_tags" {
  type        = map(string)
  default     = {}
  description = "Tags that match exactly one VPC, e.g. { Name = \"main\" }, used when vpc_id is null."
}

variable "private_subnet_ids" {
  type        = list(string)
  default     = null
  description = "The caller's subnets. Null: every subnet of the VPC that carries private_subnet_tags."
}

variable "private_subnet_tags" {
  type        = map(string)
  default     = { Tier = "private" }
  description = "Tags of the VPC's private subnets (their default route must be a NAT gateway), used when private_subnet_ids is null."
}

variable "callee_function_name" {
  type        = string
  description = "Name of the existing function the caller invokes synchronously (same account and region)."
}

variable "runtime" {
  type        = string
  default     = "nodejs24.x"
  description = "Lambda runtime of the caller: nodejs22.x, nodejs24.x or nodejs26.x (AWS preview)."
}

variable "keepalive" {
  type        = bool
  default     = true
  description = "TCP keepalive on the caller's sockets; false reproduces the 350 s NAT idle hang."
}

variable "keepalive_idle_seconds" {
  type        = number
  default     = 60
  description = "Idle seconds before the first keepalive probe, 1..340."
}

variable "create_lambda_endpoint" {
  type        = bool
  default     = false
  description = "Create a Lambda interface endpoint in the caller's subnets (lambda-endpoint.tf). Its private DNS takes lambda.<region>.amazonaws.com for every workload in the VPC."
}

variable "tags" {
  type        = map(string)
  default     = {}
  description = "Tags for every resource this configuration creates."
}
