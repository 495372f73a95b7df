/**
 * The caller stack's Terraform outputs: what was deployed (names, ARNs, roles, log groups, network ids), the
 * path the caller really takes to the Lambda API, and the commands to try it and to flip a switch.
 */
import { Fn, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { KeepAliveCaller } from '../constructs/keepalive-caller';
import type { LambdaEndpoint } from '../constructs/lambda-endpoint';
import { splat } from '../constructs/logical-ids';
import type { Network } from '../constructs/network';
import type { NodeFunction } from '../constructs/node-function';
import type { CallerStackVariables } from './caller-stack-variables';

export interface CallerStackOutputsInput {
  readonly caller: KeepAliveCaller;
  readonly callee: NodeFunction;
  readonly network: Network;
  readonly lambdaEndpoint: LambdaEndpoint;
  readonly region: string;
  readonly variables: CallerStackVariables;
  readonly stackName: string;
}

/** The invoke payload that reproduces the original failure's 400 s call (docs/hyperplane-idle-timeout.md). */
export const TRY_DURATION_SECONDS = 400;

/** The committed one-line overlays the toggle commands pass after the settings file (README, "Deploy"). */
export const TFVARS_OVERLAY_DIR = 'stacks/tfvars';

/**
 * `aws lambda invoke` for a long synchronous call from a workstation: the CLI's default 60 s read timeout
 * would cut it, and AWS_MAX_ATTEMPTS=1 stops the CLI from re-invoking the caller (and so the callee) when
 * its own connection fails.
 */
export function invokeCommand(callerFunctionName: string, region: string, durationSeconds: number): string {
  return (
    `AWS_MAX_ATTEMPTS=1 aws lambda invoke --region ${region} --function-name ${callerFunctionName} ` +
    `--cli-binary-format raw-in-base64-out --cli-read-timeout 960 ` +
    // jsonencode, not literal quotes: cdktf's HCL renderer does not escape `"` in a string that also holds
    // a reference, which makes `cdktf synth --hcl` invalid (docs/cdktf-notes.md).
    `--payload '${Fn.jsonencode({ durationSeconds })}' out.json && cat out.json`
  );
}

/**
 * `pnpm cdktf deploy <stack> --var-file=stacks/tfvars/<switch>-<on|off>.tfvars`, flipping `variable`. The
 * overlay sets one variable; every other setting comes from caller-stack.auto.tfvars, which cdktf passes
 * before any --var-file, so the overlay wins and nothing else changes.
 */
function toggleCommand(stackName: string, overlay: string, variable: { booleanValue: unknown }): string {
  return Fn.conditional(
    variable.booleanValue,
    `pnpm cdktf deploy ${stackName} --var-file=${TFVARS_OVERLAY_DIR}/${overlay}-off.tfvars`,
    `pnpm cdktf deploy ${stackName} --var-file=${TFVARS_OVERLAY_DIR}/${overlay}-on.tfvars`,
  );
}

export function declareCallerStackOutputs(scope: Construct, input: CallerStackOutputsInput): void {
  const { caller, callee, network, lambdaEndpoint, variables, stackName } = input;
  const output = (name: string, value: unknown, description: string) =>
    new TerraformOutput(scope, name, { value, description });

  output('caller_function_name', caller.functionName, 'Name of the caller function.');
  output('caller_function_arn', caller.functionArn, 'ARN of the caller function.');
  output('caller_role_arn', caller.caller.role.arn, "ARN of the caller's execution role.");
  output('caller_log_group_name', caller.caller.logGroup.name, "The caller's CloudWatch log group.");
  output(
    'caller_security_group_ids',
    caller.securityGroupIds,
    "The caller's security groups (its own: HTTPS egress only).",
  );
  output('callee_function_name', callee.functionName, 'Name of the callee function.');
  output('callee_function_arn', callee.functionArn, 'ARN of the callee function.');
  output('callee_role_arn', callee.role.arn, "ARN of the callee's execution role.");
  output('callee_log_group_name', callee.logGroup.name, "The callee's CloudWatch log group.");
  output('vpc_id', network.vpc.id, 'The VPC the caller runs in.');
  output('private_subnet_ids', network.privateSubnetIds, "The caller's subnets (default route: the NAT gateway).");
  output('lambda_endpoint_id', Fn.one(splat(lambdaEndpoint.endpoint, 'id')), 'The Lambda endpoint, or null.');
  output(
    'lambda_endpoint_security_group_id',
    lambdaEndpoint.securityGroup.id,
    "The Lambda endpoint's security group (HTTPS from the caller's group only).",
  );

  // From the resources, not the variable: an endpoint with private DNS takes lambda.<region>.amazonaws.com
  // for the whole VPC, so the caller goes through it; without one, through the NAT gateway.
  const endpointIds = splat(lambdaEndpoint.endpoint, 'id');
  output(
    'lambda_path',
    Fn.conditional(
      Fn.anytrue(splat(lambdaEndpoint.endpoint, 'private_dns_enabled')),
      `interface VPC endpoint ${Fn.join(', ', endpointIds)} (private DNS)`,
      `NAT gateway ${Fn.join(
        ', ',
        network.natGateways.map((gateway) => gateway.id),
      )}`,
    ),
    'How the caller reaches the Lambda API, from what is deployed: the endpoint (private DNS) or the NAT gateway.',
  );
  output(
    'caller_keepalive',
    Fn.conditional(
      variables.keepalive.booleanValue,
      `on, idle ${variables.keepaliveIdleSeconds.stringValue} s, then probes every ` +
        `${variables.keepaliveProbeIntervalSeconds.stringValue} s, ${variables.keepaliveProbeCount.stringValue} ` +
        'unanswered = dead (interval and count on Node >= 24)',
      'off',
    ),
    "The caller's KEEPALIVE and KEEPALIVE_* settings (variables keepalive, keepalive_*).",
  );
  output(
    'functions_runtime',
    variables.runtime.stringValue,
    'The Lambda runtime of both functions (variable runtime).',
  );
  output(
    'invoke_400s_command',
    invokeCommand(caller.functionName, input.region, TRY_DURATION_SECONDS),
    `Invoke the caller for a ${TRY_DURATION_SECONDS} s callee run with the keepalive setting deployed now.`,
  );
  output(
    'toggle_keepalive_command',
    toggleCommand(stackName, 'keepalive', variables.keepalive),
    'Redeploy with the caller keepalive flipped and every other setting kept, then run invoke_400s_command.',
  );
  output(
    'toggle_lambda_endpoint_command',
    toggleCommand(stackName, 'lambda-endpoint', variables.useLambdaEndpoint),
    'Redeploy with the Lambda endpoint switched the other way and every other setting kept.',
  );
}
