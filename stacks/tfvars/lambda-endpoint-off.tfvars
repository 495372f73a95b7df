# Overlay: no Lambda interface endpoint; the caller reaches Lambda through the NAT gateway. Pass it after your
# settings:
#   pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/lambda-endpoint-off.tfvars
use_lambda_endpoint = false
