/**
 * The KeepAliveCaller construct as a provider-free Terraform module: every setting a variable (typed,
 * described, validated), every attribute a user needs an output, the zip found through `path.module`.
 * generate-module.ts writes it to modules/keepalive-caller.
 */
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import {
  DEFAULT_LOG_RETENTION_DAYS,
  DEFAULT_MEMORY_MB,
  FUNCTION_NAME_PATTERN,
  LAMBDA_MAX_TIMEOUT_SECONDS,
  LAMBDA_MEMORY_MAX_MB,
  LAMBDA_MEMORY_MIN_MB,
  LOG_RETENTION_DAYS,
} from '../config/function-settings';
import { KeepAliveCaller, UNQUALIFIED_FUNCTION_ARN } from '../constructs/keepalive-caller';
import { lambdaCodeFromModuleFile } from '../constructs/lambda-code';
import { InvalidStackOptionError } from '../errors';
import { declareCallerVariables, wholeNumberCondition } from '../terraform/caller-variables';

/** The caller zip's name inside the module directory. */
export const MODULE_ZIP_NAME = 'caller.zip';

type VariableConfig = ConstructorParameters<typeof TerraformVariable>[2];
type Rule = { readonly condition: string; readonly errorMessage: string };

/**
 * A JavaScript RegExp's source as a Terraform regex literal. Terraform's regex is RE2, which shares plain
 * classes, anchors and counts with JavaScript but has no lookaround or backreferences: those are refused.
 */
function regexLiteral(pattern: RegExp): string {
  if (/\(\?[=!<]|\\[1-9]/.test(pattern.source)) {
    throw new InvalidStackOptionError('module regex', pattern.source, 'RE2 syntax (no lookaround, no backreferences)');
  }
  return JSON.stringify(pattern.source);
}

export class KeepAliveCallerModuleStack extends TerraformStack {
  readonly caller: KeepAliveCaller;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const variable = (name: string, config: VariableConfig, rules: Rule[] = []) => {
      const declared = new TerraformVariable(this, name, config);
      for (const rule of rules) declared.addValidation(rule);
      return declared;
    };

    const name = variable(
      'name',
      {
        type: 'string',
        description: 'Name of the caller function; also names its log group, role (prefix) and security group.',
      },
      [
        {
          condition: `\${can(regex(${regexLiteral(FUNCTION_NAME_PATTERN)}, var.name))}`,
          errorMessage: 'The name variable must be 1 to 64 letters, digits, hyphens or underscores (a Lambda name).',
        },
        {
          // Not CALLER_NAME_PATTERN: Terraform's regex is RE2, which has no lookahead.
          condition: '${!startswith(var.name, "sg-")}',
          errorMessage: 'The name variable must not start with "sg-": it names the security group, which EC2 refuses.',
        },
      ],
    );
    const vpcId = variable('vpc_id', { type: 'string', description: 'ID of the existing VPC the caller runs in.' }, [
      { condition: '${startswith(var.vpc_id, "vpc-")}', errorMessage: 'The vpc_id variable must be a VPC ID (vpc-…).' },
    ]);
    const subnetIds = variable(
      'subnet_ids',
      {
        type: 'list(string)',
        description:
          'Private subnets of that VPC (two zones recommended) with a route to the Lambda API: a NAT gateway ' +
          'or a Lambda interface endpoint.',
      },
      [
        {
          condition:
            '${length(var.subnet_ids) >= 1 && alltrue([for id in var.subnet_ids : startswith(id, "subnet-")])}',
          errorMessage: 'The subnet_ids variable must list at least one subnet ID (subnet-…).',
        },
      ],
    );
    const securityGroupIds = variable(
      'security_group_ids',
      {
        type: 'list(string)',
        default: [],
        description:
          "Security groups for the function's network interfaces. Empty (the default): the module creates one " +
          'with no ingress and HTTPS egress only.',
      },
      [
        {
          condition: '${alltrue([for id in var.security_group_ids : startswith(id, "sg-")])}',
          errorMessage: 'The security_group_ids variable must list security group IDs (sg-…).',
        },
      ],
    );
    const calleeArn = variable(
      'callee_function_arn',
      {
        type: 'string',
        description:
          'Unqualified ARN of the function the caller invokes synchronously; the policy allows it and its ' +
          'versions and aliases, nothing else.',
      },
      [
        {
          condition: `\${can(regex(${regexLiteral(UNQUALIFIED_FUNCTION_ARN)}, var.callee_function_arn))}`,
          errorMessage:
            'The callee_function_arn variable must be an unqualified Lambda function ARN ' +
            '(arn:aws:lambda:<region>:<account>:function:<name>).',
        },
      ],
    );
    const callerVariables = declareCallerVariables(this, 'Lambda runtime of the caller.');
    const timeout = variable(
      'timeout_seconds',
      {
        type: 'number',
        default: LAMBDA_MAX_TIMEOUT_SECONDS,
        description: "The caller's timeout, 1..900 s; it must outlive the longest callee run it waits for.",
      },
      [
        {
          condition: wholeNumberCondition('timeout_seconds', 1, LAMBDA_MAX_TIMEOUT_SECONDS),
          errorMessage:
            'The timeout_seconds variable must be a whole number from 1 to ' +
            `${LAMBDA_MAX_TIMEOUT_SECONDS} (Lambda's maximum).`,
        },
      ],
    );
    const memory = variable(
      'memory_size',
      {
        type: 'number',
        default: DEFAULT_MEMORY_MB,
        description: `The caller's memory, ${LAMBDA_MEMORY_MIN_MB}..${LAMBDA_MEMORY_MAX_MB} MB.`,
      },
      [
        {
          condition: wholeNumberCondition('memory_size', LAMBDA_MEMORY_MIN_MB, LAMBDA_MEMORY_MAX_MB),
          errorMessage:
            'The memory_size variable must be a whole number from ' +
            `${LAMBDA_MEMORY_MIN_MB} to ${LAMBDA_MEMORY_MAX_MB} (MB).`,
        },
      ],
    );
    const retention = variable(
      'log_retention_days',
      {
        type: 'number',
        default: DEFAULT_LOG_RETENTION_DAYS,
        description: "Days CloudWatch Logs keeps the caller's log group (0 = never expire).",
      },
      [
        {
          condition: `\${contains([${LOG_RETENTION_DAYS.join(', ')}], var.log_retention_days)}`,
          errorMessage:
            `The log_retention_days variable must be one of ${LOG_RETENTION_DAYS.join(', ')} ` +
            '(the values CloudWatch Logs accepts).',
        },
      ],
    );
    const replaceGroups = variable('replace_security_groups_on_destroy', {
      type: 'bool',
      default: true,
      description:
        "On destroy, move the function's network interfaces to the VPC's default security group first, so the " +
        "module's own group is deleted at once instead of after Lambda releases the interfaces.",
    });
    const tags = variable(
      'tags',
      { type: 'map(string)', default: {}, description: 'Tags for every resource the module creates.' },
      [
        {
          condition: '${alltrue([for key in keys(var.tags) : !startswith(lower(key), "aws:")])}',
          errorMessage: 'The tags variable must not use the aws: prefix, which AWS reserves.',
        },
      ],
    );

    this.caller = new KeepAliveCaller(this, 'caller', {
      name: name.stringValue,
      vpcId: vpcId.stringValue,
      subnetIds: subnetIds.listValue,
      securityGroupIds: securityGroupIds.listValue,
      calleeFunctionArn: calleeArn.stringValue,
      code: lambdaCodeFromModuleFile(MODULE_ZIP_NAME),
      runtime: callerVariables.runtime.stringValue,
      keepalive: callerVariables.keepalive.booleanValue,
      keepaliveIdleSeconds: callerVariables.keepaliveIdleSeconds.numberValue,
      keepaliveProbeIntervalSeconds: callerVariables.keepaliveProbeIntervalSeconds.numberValue,
      keepaliveProbeCount: callerVariables.keepaliveProbeCount.numberValue,
      timeoutSeconds: timeout.numberValue,
      memoryMb: memory.numberValue,
      logRetentionDays: retention.numberValue,
      replaceSecurityGroupsOnDestroy: replaceGroups.booleanValue,
      tags: tags.value,
      logicalIds: 'module',
    });

    // Output construct ids differ from the variables' (one scope); the logical id is the output's name.
    const output = (outputName: string, value: unknown, description: string) =>
      new TerraformOutput(this, `output-${outputName}`, { value, description }).overrideLogicalId(outputName);
    const fn = this.caller.caller;
    output('function_name', fn.function.functionName, 'Name of the caller function.');
    output('function_arn', fn.function.arn, 'ARN of the caller function (invoke it, or grant others to).');
    output('role_arn', fn.role.arn, "ARN of the caller's execution role.");
    output('role_name', fn.role.name, "Name of the caller's execution role, to attach more policies to.");
    output(
      'security_group_id',
      this.caller.securityGroupId,
      'The security group the module created (no ingress, HTTPS egress only), or null when ' +
        'security_group_ids was given.',
    );
    output(
      'security_group_ids',
      this.caller.securityGroupIds,
      "The security groups of the function's interfaces (admit these on a Lambda interface endpoint).",
    );
    output('log_group_name', fn.logGroup.name, "The caller's CloudWatch log group.");
  }
}
