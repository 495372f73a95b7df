# Overlay: the caller with TCP keepalive (the shipped behaviour). Pass it after your settings:
#   pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/keepalive-on.tfvars
keepalive = true
