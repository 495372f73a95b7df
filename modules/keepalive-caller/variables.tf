# Generated from stacks/src/module/keepalive-caller-module.ts by `pnpm build`. Do not edit: change the
# construct (stacks/src/constructs/keepalive-caller.ts) and rebuild.

variable "name" {
  type        = string
  description = "Name of the caller function; also names its log group, role (prefix) and security group."

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "The name variable must be 1 to 64 letters, digits, hyphens or underscores (a Lambda name)."
  }

  validation {
    condition     = !startswith(var.name, "sg-")
    error_message = "The name variable must not start with \"sg-\": it names the security group, which EC2 refuses."
  }
}

variable "vpc_id" {
  type        = string
  description = "ID of the existing VPC the caller runs in."

  validation {
    condition     = startswith(var.vpc_id, "vpc-")
    error_message = "The vpc_id variable must be a VPC ID (vpc-…)."
  }
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of that VPC (two zones recommended) with a route to the Lambda API: a NAT gateway or a Lambda interface endpoint."

  validation {
    condition     = length(var.subnet_ids) >= 1 && alltrue([for id in var.subnet_ids : startswith(id, "subnet-")])
    error_message = "The subnet_ids variable must list at least one subnet ID (subnet-…)."
  }
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups for the function's network interfaces. Empty (the default): the module creates one with no ingress and HTTPS egress only."
  default     = []

  validation {
    condition     = alltrue([for id in var.security_group_ids : startswith(id, "sg-")])
    error_message = "The security_group_ids variable must list security group IDs (sg-…)."
  }
}

variable "callee_function_arn" {
  type        = string
  description = "Unqualified ARN of the function the caller invokes synchronously; the policy allows it and its versions and aliases, nothing else."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}$", var.callee_function_arn))
    error_message = "The callee_function_arn variable must be an unqualified Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)."
  }
}

variable "runtime" {
  type        = string
  description = "Lambda runtime of the caller. One of nodejs22.x, nodejs24.x, nodejs26.x (nodejs26.x is an AWS preview runtime)."
  default     = "nodejs24.x"

  validation {
    condition     = contains(["nodejs22.x", "nodejs24.x", "nodejs26.x"], var.runtime)
    error_message = "The runtime variable must be one of nodejs22.x, nodejs24.x, nodejs26.x: the Lambda Node.js runtimes the caller and callee bundles are tested on."
  }
}

variable "keepalive" {
  type        = bool
  description = "TCP keepalive on the caller's sockets (caller env KEEPALIVE=on|off). false reproduces the 350 s NAT idle hang."
  default     = true
}

variable "keepalive_idle_seconds" {
  type        = number
  description = "Idle seconds before the first keepalive probe (caller env KEEPALIVE_IDLE_SECONDS), 1..340."
  default     = 60

  validation {
    condition     = floor(var.keepalive_idle_seconds) == var.keepalive_idle_seconds && var.keepalive_idle_seconds >= 1 && var.keepalive_idle_seconds <= 340
    error_message = "The keepalive_idle_seconds variable must be a whole number from 1 to 340: AWS NAT gateways and interface endpoints drop TCP flows idle 350 s, so the first probe must come earlier."
  }
}

variable "keepalive_probe_interval_seconds" {
  type        = number
  description = "Seconds between keepalive probes (caller env KEEPALIVE_PROBE_INTERVAL_SECONDS), 1..340 - keepalive_idle_seconds. Applied on Node >= 24; nodejs22.x keeps 1 s."
  default     = 5

  validation {
    condition     = floor(var.keepalive_probe_interval_seconds) == var.keepalive_probe_interval_seconds && var.keepalive_probe_interval_seconds >= 1 && var.keepalive_probe_interval_seconds <= 340 - var.keepalive_idle_seconds
    error_message = "The keepalive_probe_interval_seconds variable must be a whole number from 1 to 340 - keepalive_idle_seconds (the client's rule: idle + interval stays below the 350 s idle limit)."
  }
}

variable "keepalive_probe_count" {
  type        = number
  description = "Unanswered probes before the connection is declared dead (caller env KEEPALIVE_PROBE_COUNT), 1..127. Applied on Node >= 24; nodejs22.x keeps 10."
  default     = 6

  validation {
    condition     = floor(var.keepalive_probe_count) == var.keepalive_probe_count && var.keepalive_probe_count >= 1 && var.keepalive_probe_count <= 127
    error_message = "The keepalive_probe_count variable must be a whole number from 1 to 127 (Linux caps TCP_KEEPCNT there)."
  }
}

variable "timeout_seconds" {
  type        = number
  description = "The caller's timeout, 1..900 s; it must outlive the longest callee run it waits for."
  default     = 900

  validation {
    condition     = floor(var.timeout_seconds) == var.timeout_seconds && var.timeout_seconds >= 1 && var.timeout_seconds <= 900
    error_message = "The timeout_seconds variable must be a whole number from 1 to 900 (Lambda's maximum)."
  }
}

variable "memory_size" {
  type        = number
  description = "The caller's memory, 128..10240 MB."
  default     = 256

  validation {
    condition     = floor(var.memory_size) == var.memory_size && var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "The memory_size variable must be a whole number from 128 to 10240 (MB)."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch Logs keeps the caller's log group (0 = never expire)."
  default     = 14

  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "The log_retention_days variable must be one of 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (the values CloudWatch Logs accepts)."
  }
}

variable "replace_security_groups_on_destroy" {
  type        = bool
  description = "On destroy, move the function's network interfaces to the VPC's default security group first, so the module's own group is deleted at once instead of after Lambda releases the interfaces."
  default     = true
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource the module creates."
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.tags) : !startswith(lower(key), "aws:")])
    error_message = "The tags variable must not use the aws: prefix, which AWS reserves."
  }
}
