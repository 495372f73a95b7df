# Generated from stacks/src/module/keepalive-caller-module.ts by `pnpm build`. Do not edit: change the
# construct (stacks/src/constructs/keepalive-caller.ts) and rebuild.

terraform {
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.20, < 7.0"
    }
  }
}
