terraform {
  # 1.9: validation rules that refer to other variables (the module's probe interval, vpc_id/vpc_tags here).
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The module's range. nodejs24.x needs >= 6.19; for nodejs26.x see the repository README.
      version = ">= 6.20, < 7.0"
    }
  }
}
