/**
 * `moved` blocks from the caller's addresses before it became a KeepAliveCaller to its addresses now, so a
 * deployed caller-stack updates in place: without them Terraform would destroy and re-create the function,
 * its role, its security group and its log group (losing the logs). Terraform docs, "Refactoring": moved.
 */
import type { KeepAliveCaller } from '../constructs/keepalive-caller';

/** The addresses cdktf gave the caller's resources when CallerStack built them from NodeFunction directly. */
export const CALLER_ADDRESSES_BEFORE_KEEPALIVE_CALLER = Object.freeze({
  function: 'aws_lambda_function.caller_function_ADA6C1F4',
  role: 'aws_iam_role.caller_role_B6D36B5B',
  rolePolicy: 'aws_iam_role_policy.caller_permissions_7F401EFE',
  logGroup: 'aws_cloudwatch_log_group.caller_log-group_5E6F9CCD',
  securityGroup: 'aws_security_group.caller-security-group',
  httpsEgressRule: 'aws_vpc_security_group_egress_rule.caller-https-egress',
});

export function keepDeployedCallerAddresses(caller: KeepAliveCaller): void {
  const before = CALLER_ADDRESSES_BEFORE_KEEPALIVE_CALLER;
  caller.caller.function.moveFromId(before.function);
  caller.caller.role.moveFromId(before.role);
  caller.caller.rolePolicy.moveFromId(before.rolePolicy);
  caller.caller.logGroup.moveFromId(before.logGroup);
  caller.ownSecurityGroup?.moveFromId(before.securityGroup);
  caller.httpsEgressRule?.moveFromId(before.httpsEgressRule);
}
