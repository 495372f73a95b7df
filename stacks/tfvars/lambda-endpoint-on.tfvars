# Overlay: create the Lambda interface endpoint (private DNS: lambda.<region>.amazonaws.com resolves to it for
# every workload in the VPC). Pass it after your settings:
#   pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/lambda-endpoint-on.tfvars
use_lambda_endpoint = true
