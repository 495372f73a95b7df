/**
 * Keepalive settings: defaults, environment, validation — one precedence for all of them:
 *   explicit option  >  environment variable  >  default.
 * A bad value fails at construction (before any socket exists), naming whichever setting
 * supplied it (option name or env var name), the value and the rule.
 */
import { InvalidOptionError } from './errors';

export interface KeepAliveOptions {
  /** false = deliberately no TCP keepalive (to reproduce the NAT idle failure). Env KEEPALIVE. */
  enabled?: boolean;
  /** Seconds of idle before the first keepalive probe. Env KEEPALIVE_IDLE_SECONDS. */
  idleSeconds?: number;
  /** Sockets per origin of the agent this package creates. Env KEEPALIVE_MAX_SOCKETS. */
  maxSockets?: number;
}

export interface ResolvedKeepAliveOptions {
  enabled: boolean;
  idleSeconds: number;
  maxSockets: number;
}

export const KEEPALIVE_DEFAULTS: Readonly<ResolvedKeepAliveOptions> = Object.freeze({
  enabled: true,
  idleSeconds: 60,
  // The SDK default of 50 queues the 51st concurrent long invoke behind a 400 s call (smithy
  // node-http-handler's default maxSockets; docs/aws-sdk-v3.md).
  maxSockets: 1000,
});

export const KEEPALIVE_ENV = Object.freeze({
  enabled: 'KEEPALIVE',
  idleSeconds: 'KEEPALIVE_IDLE_SECONDS',
  maxSockets: 'KEEPALIVE_MAX_SOCKETS',
});

/**
 * Hyperplane (NAT gateway, interface endpoint, NLB) forgets flows idle 350 s (VPC User Guide, "Troubleshoot
 * NAT gateways": https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html).
 */
export const HYPERPLANE_IDLE_LIMIT_SECONDS = 350;
/** 10 s of margin below the limit: the first probe must reach the middlebox before it forgets. */
export const MAX_IDLE_SECONDS = 340;

const IDLE_RULE =
  `must be an integer from 1 to ${MAX_IDLE_SECONDS} seconds: AWS NAT gateways and interface endpoints ` +
  `drop TCP flows idle ${HYPERPLANE_IDLE_LIMIT_SECONDS} s, so the first probe must come earlier ` +
  '(and Node rounds keepalive delays below 1 s to the kernel default of 7200 s)';
const MAX_SOCKETS_RULE = 'must be an integer of at least 1';
const ENABLED_RULE = 'must be on or off (also accepted: true/false, 1/0, case-insensitive)';

const ON_WORDS = new Set(['on', 'true', '1']);
const OFF_WORDS = new Set(['off', 'false', '0']);
const DECIMAL_INTEGER = /^[0-9]+$/;

/** middy style: a misspelt option (`idleSecond`) is an error, not a silent default. */
export function rejectUnknownKeys(object: object, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new InvalidOptionError(`${where}.${key}`, key, `is not a known option (known: ${allowed.join(', ')})`);
    }
  }
}

export function resolveKeepAliveOptions(
  options: KeepAliveOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): ResolvedKeepAliveOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', options, 'must be an object');
  }
  rejectUnknownKeys(options, ['enabled', 'idleSeconds', 'maxSockets'], 'options');
  return {
    enabled: resolveEnabled(options.enabled, env[KEEPALIVE_ENV.enabled]),
    idleSeconds: resolveInteger('idleSeconds', options.idleSeconds, env, 1, MAX_IDLE_SECONDS, IDLE_RULE),
    maxSockets: resolveInteger('maxSockets', options.maxSockets, env, 1, Number.MAX_SAFE_INTEGER, MAX_SOCKETS_RULE),
  };
}

function resolveEnabled(option: unknown, envValue: string | undefined): boolean {
  if (option !== undefined) {
    if (typeof option !== 'boolean') throw new InvalidOptionError('enabled', option, 'must be true or false');
    return option;
  }
  if (envValue === undefined) return KEEPALIVE_DEFAULTS.enabled;
  const word = envValue.trim().toLowerCase();
  if (ON_WORDS.has(word)) return true;
  if (OFF_WORDS.has(word)) return false;
  throw new InvalidOptionError(KEEPALIVE_ENV.enabled, envValue, ENABLED_RULE);
}

function resolveInteger(
  key: 'idleSeconds' | 'maxSockets',
  option: unknown,
  env: NodeJS.ProcessEnv,
  min: number,
  max: number,
  rule: string,
): number {
  if (option !== undefined) {
    if (typeof option !== 'number' || !Number.isInteger(option) || option < min || option > max) {
      throw new InvalidOptionError(key, option, rule);
    }
    return option;
  }
  const envName = KEEPALIVE_ENV[key];
  const envValue = env[envName];
  if (envValue === undefined) return KEEPALIVE_DEFAULTS[key];
  // Strict decimal digits: Number('') is 0, Number('1e2') is 100, parseInt('3.5') is 3 — all wrong here.
  const parsed = DECIMAL_INTEGER.test(envValue) ? Number(envValue) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new InvalidOptionError(envName, envValue, rule);
  }
  return parsed;
}
