/** The caller stack's Terraform variables (plan-time switches such as keepalive), and the provider's region. */
import { Fn, Op, TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { type CallerVariables, declareCallerVariables } from '../terraform/caller-variables';

export const DEFAULT_CALLEE_SECONDS = 400;

/**
 * The switches a user flips at plan time without editing code. Keep them in caller-stack.auto.tfvars at the
 * repository root (cdktf passes that file on every deploy, diff and destroy) and flip one with an overlay
 * file: `pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/keepalive-off.tfvars` (README, "Deploy").
 * Not with `--var`: Terraform does not remember a -var value, and cdktf places every var file after the
 * -var flags, so any tfvars file silently overrides it. Shape changes that are not cheap to flip (NAT per
 * AZ, VPC CIDR) stay synth-time options of the stack instead.
 */
export interface CallerStackVariables extends CallerVariables {
  /** The `aws_region` variable. Use providerRegion() for the provider. */
  readonly awsRegion: TerraformVariable;
  readonly useLambdaEndpoint: TerraformVariable;
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

  const callerVariables = declareCallerVariables(
    scope,
    'Lambda runtime of both functions (one bundle per function runs on each listed runtime).',
  );

  const calleeDefaultSeconds = new TerraformVariable(scope, 'callee_default_seconds', {
    type: 'number',
    default: DEFAULT_CALLEE_SECONDS,
    description:
      'How long the callee sleeps when the event gives no durationSeconds (callee env CALLEE_DEFAULT_SECONDS); ' +
      `0..${calleeTimeoutSeconds - 1}.`,
  });
  calleeDefaultSeconds.addValidation({
    condition: `\${var.callee_default_seconds >= 0 && var.callee_default_seconds < ${calleeTimeoutSeconds}}`,
    errorMessage:
      'The callee_default_seconds variable must be from 0 to below the callee timeout ' +
      `(${calleeTimeoutSeconds} s).`,
  });

  return { ...callerVariables, awsRegion, useLambdaEndpoint, calleeDefaultSeconds };
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
