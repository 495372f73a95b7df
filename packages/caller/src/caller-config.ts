/** The caller's configuration, read from its environment: the callee's name and the keepalive settings. */
import { type ResolvedKeepAliveOptions, resolveKeepAliveOptions } from '@lambda-keepalive/client';
import { CallerConfigError } from './errors';

export interface CallerConfig {
  calleeFunctionName: string;
  /** From KEEPALIVE / KEEPALIVE_IDLE_SECONDS / KEEPALIVE_MAX_SOCKETS, else the client's defaults. */
  keepAlive: ResolvedKeepAliveOptions;
}

/**
 * Reads and validates the caller's environment before anything is invoked. The keepalive
 * variables are validated by the client (its InvalidOptionError names the variable, the value
 * and the rule). Region, credentials and the endpoint are not read here: the SDK takes them from
 * its standard variables (AWS_REGION, AWS_ENDPOINT_URL_LAMBDA — docs/aws-sdk-v3.md).
 */
export function readCallerConfig(env: NodeJS.ProcessEnv): CallerConfig {
  const name = env.CALLEE_FUNCTION_NAME;
  if (name === undefined || name.trim() === '' || /\s/.test(name)) {
    throw new CallerConfigError(
      'CALLEE_FUNCTION_NAME',
      name,
      'must be set to the callee function name, ARN or partial ARN (no spaces)',
    );
  }
  return { calleeFunctionName: name, keepAlive: resolveKeepAliveOptions(undefined, env) };
}
