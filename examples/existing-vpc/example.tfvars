region               = "eu-west-1"
vpc_tags             = { Name = "main" }
private_subnet_tags  = { Tier = "private" }
callee_function_name = "my-slow-function"
