/**
 * The Terraform variables the caller stack and the generated module share: the Lambda runtime and the
 * caller's keepalive settings, each typed, described and validated with the same rule the code applies.
 */
import { KEEPALIVE_DEFAULTS, KEEPALIVE_ENV } from '@lambda-keepalive/client';
import { DEFAULT_RUNTIME, RUNTIME_NAMES } from '@lambda-keepalive/runtimes';
import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import {
  DEFAULT_PROBE_COUNT,
  DEFAULT_PROBE_INTERVAL_SECONDS,
  KEEPALIVE_PROBE_ENV,
  MAX_IDLE_SECONDS,
  MAX_PROBE_COUNT,
} from '../config/keepalive-settings';

export interface CallerVariables {
  readonly runtime: TerraformVariable;
  readonly keepalive: TerraformVariable;
  readonly keepaliveIdleSeconds: TerraformVariable;
  readonly keepaliveProbeIntervalSeconds: TerraformVariable;
  readonly keepaliveProbeCount: TerraformVariable;
}

/** `${…}` around a Terraform expression, for validation conditions written as Terraform reads them. */
const expression = (text: string): string => `\${${text}}`;

/** A whole number from `min` to `max` (a number or an expression such as `340 - var.x`). */
export function wholeNumberCondition(name: string, min: number, max: number | string): string {
  return expression(`floor(var.${name}) == var.${name} && var.${name} >= ${min} && var.${name} <= ${max}`);
}

/** A list of literal strings as a Terraform tuple expression. */
export const stringList = (values: readonly string[]): string => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

/**
 * The runtime variable: exactly the runtimes the bundles are tested on (@lambda-keepalive/runtimes); the
 * bundle targets the oldest, so one zip runs on each.
 */
export function declareRuntimeVariable(scope: Construct, description: string): TerraformVariable {
  const runtime = new TerraformVariable(scope, 'runtime', {
    type: 'string',
    default: DEFAULT_RUNTIME.name,
    description: `${description} One of ${RUNTIME_NAMES.join(', ')} (nodejs26.x is an AWS preview runtime).`,
  });
  runtime.addValidation({
    condition: expression(`contains(${stringList(RUNTIME_NAMES)}, var.runtime)`),
    errorMessage:
      `The runtime variable must be one of ${RUNTIME_NAMES.join(', ')}: the Lambda Node.js runtimes ` +
      'the caller and callee bundles are tested on.',
  });
  return runtime;
}

/** The runtime variable and the caller's keepalive variables (caller env KEEPALIVE, KEEPALIVE_*). */
export function declareCallerVariables(scope: Construct, runtimeDescription: string): CallerVariables {
  const runtime = declareRuntimeVariable(scope, runtimeDescription);

  const keepalive = new TerraformVariable(scope, 'keepalive', {
    type: 'bool',
    default: KEEPALIVE_DEFAULTS.enabled,
    description:
      `TCP keepalive on the caller's sockets (caller env ${KEEPALIVE_ENV.enabled}=on|off). ` +
      'false reproduces the 350 s NAT idle hang.',
  });

  const idle = new TerraformVariable(scope, 'keepalive_idle_seconds', {
    type: 'number',
    default: KEEPALIVE_DEFAULTS.idleSeconds,
    description:
      `Idle seconds before the first keepalive probe (caller env ${KEEPALIVE_ENV.idleSeconds}), ` +
      `1..${MAX_IDLE_SECONDS}.`,
  });
  // At or above 350 s the NAT forgets the flow first and the probe draws a RST (docs/hyperplane-idle-timeout.md).
  idle.addValidation({
    condition: wholeNumberCondition('keepalive_idle_seconds', 1, MAX_IDLE_SECONDS),
    errorMessage:
      `The keepalive_idle_seconds variable must be a whole number from 1 to ${MAX_IDLE_SECONDS}: AWS NAT ` +
      'gateways and interface endpoints drop TCP flows idle 350 s, so the first probe must come earlier.',
  });

  const interval = new TerraformVariable(scope, 'keepalive_probe_interval_seconds', {
    type: 'number',
    default: DEFAULT_PROBE_INTERVAL_SECONDS,
    description:
      `Seconds between keepalive probes (caller env ${KEEPALIVE_PROBE_ENV.intervalSeconds}), ` +
      `1..${MAX_IDLE_SECONDS} - keepalive_idle_seconds. Applied on Node >= 24; nodejs22.x keeps 1 s.`,
  });
  interval.addValidation({
    condition: wholeNumberCondition(
      'keepalive_probe_interval_seconds',
      1,
      `${MAX_IDLE_SECONDS} - var.keepalive_idle_seconds`,
    ),
    errorMessage:
      'The keepalive_probe_interval_seconds variable must be a whole number from 1 to ' +
      `${MAX_IDLE_SECONDS} - keepalive_idle_seconds (the client's rule: idle + interval stays below the 350 s ` +
      'idle limit).',
  });

  const count = new TerraformVariable(scope, 'keepalive_probe_count', {
    type: 'number',
    default: DEFAULT_PROBE_COUNT,
    description:
      `Unanswered probes before the connection is declared dead (caller env ${KEEPALIVE_PROBE_ENV.count}), ` +
      `1..${MAX_PROBE_COUNT}. Applied on Node >= 24; nodejs22.x keeps 10.`,
  });
  count.addValidation({
    condition: wholeNumberCondition('keepalive_probe_count', 1, MAX_PROBE_COUNT),
    errorMessage:
      `The keepalive_probe_count variable must be a whole number from 1 to ${MAX_PROBE_COUNT} ` +
      '(Linux caps TCP_KEEPCNT there).',
  });

  return {
    runtime,
    keepalive,
    keepaliveIdleSeconds: idle,
    keepaliveProbeIntervalSeconds: interval,
    keepaliveProbeCount: count,
  };
}
