/** The caller stack's Terraform outputs: function names, the Lambda path, keepalive, and commands to try it. */
import { Fn, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import type { CallerStackVariables } from './caller-stack-variables';

export interface CallerStackOutputsInput {
  readonly callerFunctionName: string;
  readonly calleeFunctionName: string;
  readonly region: string;
  readonly variables: CallerStackVariables;
  readonly stackName: string;
}

/** The invoke payload that reproduces the original failure's 400 s call (docs/hyperplane-idle-timeout.md). */
export const TRY_DURATION_SECONDS = 400;

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

export function declareCallerStackOutputs(scope: Construct, input: CallerStackOutputsInput): void {
  const { variables } = input;
  new TerraformOutput(scope, 'caller_function_name', { value: input.callerFunctionName });
  new TerraformOutput(scope, 'callee_function_name', { value: input.calleeFunctionName });
  new TerraformOutput(scope, 'lambda_path', {
    description: 'How the caller reaches the Lambda API (variable use_lambda_endpoint).',
    value: Fn.conditional(variables.useLambdaEndpoint.booleanValue, 'interface VPC endpoint', 'NAT gateway'),
  });
  new TerraformOutput(scope, 'caller_keepalive', {
    description: "The caller's KEEPALIVE / KEEPALIVE_IDLE_SECONDS (variables keepalive, keepalive_idle_seconds).",
    value: Fn.conditional(
      variables.keepAlive.booleanValue,
      `on, idle ${variables.keepAliveIdleSeconds.stringValue} s`,
      'off',
    ),
  });
  const tryRun = `a ${TRY_DURATION_SECONDS} s callee run`;
  new TerraformOutput(scope, 'invoke_400s_command', {
    description: `Invoke the caller for ${tryRun} with the keepalive setting deployed now.`,
    value: invokeCommand(input.callerFunctionName, input.region, TRY_DURATION_SECONDS),
  });
  new TerraformOutput(scope, 'toggle_keepalive_command', {
    description: 'Redeploy with the caller keepalive flipped, then run invoke_400s_command again.',
    value: Fn.conditional(
      variables.keepAlive.booleanValue,
      `cdktf deploy ${input.stackName} --var='keepalive=false'`,
      `cdktf deploy ${input.stackName} --var='keepalive=true'`,
    ),
  });
}
