# Overlay: the caller without TCP keepalive (reproduces the 350 s NAT idle hang). Pass it after your settings:
#   pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/keepalive-off.tfvars
keepalive = false
