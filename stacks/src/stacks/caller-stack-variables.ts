/** The caller stack's Terraform variables (plan-time switches such as keepalive), and the provider's region. */
import { KEEPALIVE_DEFAULTS, MAX_IDLE_SECONDS } from '@lambda-keepalive/client';
import { Fn, Op, TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';

// The caller validates KEEPALIVE_IDLE_SECONDS with the client's own rule (1..MAX_IDLE_SECONDS, a margin
// below the 350 s Hyperplane idle); Terraform checks the same range so a bad value fails at plan time,
// not in the deployed caller.
export const DEFAULT_KEEPALIVE_IDLE_SECONDS = KEEPALIVE_DEFAULTS.idleSeconds;
export const DEFAULT_CALLEE_SECONDS = 400;

/**
 * The switches a user flips at plan time without editing code:
 *   cdktf deploy caller-stack --var='keepalive=false' --var='use_lambda_endpoint=true'
 * (or `terraform apply -var ...` on the `cdktf synth --hcl` output). Shape changes that are not cheap to
 * flip (NAT per AZ, VPC CIDR) stay synth-time options of the stack instead.
 */
export interface CallerStackVariables {
  /** The `aws_region` variable. Use providerRegion() for the provider. */
  readonly awsRegion: TerraformVariable;
  readonly useLambdaEndpoint: TerraformVariable;
  readonly keepAlive: TerraformVariable;
  readonly keepAliveIdleSeconds: TerraformVariable;
  readonly calleeDefaultSeconds: TerraformVariable;
}

/*
 * Two cdktf 0.21 quirks shape this file (both verified in node_modules/cdktf/lib):
 * - Op.* drops a falsy RIGHT operand (`this.right ? ... : undefined` in tfExpression.js), rendering
 *   `x >= undefined` for Op.gte(x, 0); so falsy literals (0, '') go on the left.
 * - The HCL renderer (`cdktf synth --hcl`) drops falsy variable defaults (`!!value?.value` filter), which
 *   would make `use_lambda_endpoint` and `aws_region` required; a raw override puts them back.
 */
export function declareCallerStackVariables(scope: Construct, calleeTimeoutSeconds: number): CallerStackVariables {
  const awsRegion = new TerraformVariable(scope, 'aws_region', {
    type: 'string',
    default: '',
    description: 'AWS region, e.g. eu-west-1. Empty (the default) = the provider reads AWS_REGION / the AWS profile.',
  });
  keepFalsyDefaultInHcl(awsRegion, '');

  const useLambdaEndpoint = new TerraformVariable(scope, 'use_lambda_endpoint', {
    type: 'bool',
    default: false,
    description:
      'Create the Lambda interface VPC endpoint (private DNS) so the caller reaches Lambda through it instead ' +
      'of the NAT gateway. Both paths drop flows idle 350 s. The endpoint is billed hourly per AZ.',
  });
  keepFalsyDefaultInHcl(useLambdaEndpoint, false);

  const keepAlive = new TerraformVariable(scope, 'keepalive', {
    type: 'bool',
    default: true,
    description: "TCP keepalive on the caller's sockets (caller env KEEPALIVE=on|off). Off reproduces the hang.",
  });

  const keepAliveIdleSeconds = new TerraformVariable(scope, 'keepalive_idle_seconds', {
    type: 'number',
    default: DEFAULT_KEEPALIVE_IDLE_SECONDS,
    description:
      'Seconds of idle before the first keepalive probe (caller env KEEPALIVE_IDLE_SECONDS); ' +
      `1..${MAX_IDLE_SECONDS}.`,
  });
  // An idle at or above 350 s lets the NAT forget the flow first: the probe then draws a RST
  // (docs/hyperplane-idle-timeout.md).
  keepAliveIdleSeconds.addValidation({
    condition: Op.and(
      Op.eq(0, Op.mod(keepAliveIdleSeconds.numberValue, 1)),
      Op.and(Op.lte(1, keepAliveIdleSeconds.numberValue), Op.lte(keepAliveIdleSeconds.numberValue, MAX_IDLE_SECONDS)),
    ),
    errorMessage:
      `keepalive_idle_seconds must be a whole number from 1 to ${MAX_IDLE_SECONDS} ` +
      "(the caller's rule: a margin below the 350 s Hyperplane idle timeout).",
  });

  const calleeDefaultSeconds = new TerraformVariable(scope, 'callee_default_seconds', {
    type: 'number',
    default: DEFAULT_CALLEE_SECONDS,
    description:
      'How long the callee sleeps when the event gives no durationSeconds (callee env CALLEE_DEFAULT_SECONDS); ' +
      `0..${calleeTimeoutSeconds - 1}.`,
  });
  calleeDefaultSeconds.addValidation({
    condition: Op.and(
      Op.lte(0, calleeDefaultSeconds.numberValue),
      Op.lt(calleeDefaultSeconds.numberValue, calleeTimeoutSeconds),
    ),
    errorMessage: `callee_default_seconds must be from 0 to below the callee timeout (${calleeTimeoutSeconds} s).`,
  });

  return { awsRegion, useLambdaEndpoint, keepAlive, keepAliveIdleSeconds, calleeDefaultSeconds };
}

/**
 * The provider's region: the variable when set, else null so the provider falls back to AWS_REGION or the
 * profile (cdktf cannot synthesise a variable whose default is null, hence "" + conditional).
 */
export function providerRegion(variables: CallerStackVariables): string {
  return Fn.conditional(Op.eq('', variables.awsRegion.stringValue), Token.nullValue(), variables.awsRegion.stringValue);
}

function keepFalsyDefaultInHcl(variable: TerraformVariable, value: '' | false): void {
  variable.addOverride('default', value);
}
