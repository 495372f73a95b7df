/**
 * Keepalive settings: defaults, environment, validation — one precedence for all of them:
 *   explicit option  >  environment variable  >  default.
 * A bad value fails at construction (before any socket exists), naming whichever setting
 * supplied it (option name or env var name), the value and the rule.
 */
import { InvalidOptionError } from './errors.js';

export interface KeepAliveOptions {
  /** false = deliberately no TCP keepalive (to reproduce the NAT idle failure). Env KEEPALIVE. */
  enabled?: boolean;
  /** Seconds of idle before the first keepalive probe. Env KEEPALIVE_IDLE_SECONDS. */
  idleSeconds?: number;
  /** Seconds between unanswered probes (Node >= 24.19 / 26.4). Env KEEPALIVE_PROBE_INTERVAL_SECONDS. */
  probeIntervalSeconds?: number;
  /** Unanswered probes before the connection is declared dead (Node >= 24.19 / 26.4). Env KEEPALIVE_PROBE_COUNT. */
  probeCount?: number;
  /** Sockets per origin of the agent this package creates. Env KEEPALIVE_MAX_SOCKETS. */
  maxSockets?: number;
}

export interface ResolvedKeepAliveOptions {
  enabled: boolean;
  idleSeconds: number;
  probeIntervalSeconds: number;
  probeCount: number;
  maxSockets: number;
}

export const KEEPALIVE_DEFAULTS: Readonly<ResolvedKeepAliveOptions> = Object.freeze({
  enabled: true,
  idleSeconds: 60,
  // A blackholed flow is declared dead after idle + 5 s × 6 = idle + 30 s: an outage shorter than 30 s is
  // survived, and six losses in a row are needed (libuv's 1 s × 10 gives up after 10 s of loss; 10 s × 3
  // would need only three). Applied where the runtime's Node can set them (keepalive-probes.ts).
  probeIntervalSeconds: 5,
  probeCount: 6,
  // The SDK default of 50 queues the 51st concurrent long invoke behind a 400 s call (smithy
  // node-http-handler's default maxSockets; docs/aws-sdk-v3.md).
  maxSockets: 1000,
});

export const KEEPALIVE_ENV = Object.freeze({
  enabled: 'KEEPALIVE',
  idleSeconds: 'KEEPALIVE_IDLE_SECONDS',
  probeIntervalSeconds: 'KEEPALIVE_PROBE_INTERVAL_SECONDS',
  probeCount: 'KEEPALIVE_PROBE_COUNT',
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
/** Linux refuses a larger TCP_KEEPCNT (MAX_TCP_KEEPCNT in include/net/tcp.h). */
export const MAX_PROBE_COUNT = 127;

const PROBE_COUNT_RULE =
  `must be an integer from 1 to ${MAX_PROBE_COUNT} (Linux MAX_TCP_KEEPCNT): ` +
  'the unanswered probes after which the connection is declared dead';
const probeIntervalRule = (idleSeconds: number): string =>
  `must be an integer from 1 to ${MAX_IDLE_SECONDS} − idleSeconds (${idleSeconds}) = ` +
  `${MAX_IDLE_SECONDS - idleSeconds} seconds: after one lost probe the next must still reach the middlebox ` +
  `before it forgets the flow idle ${HYPERPLANE_IDLE_LIMIT_SECONDS} s (10 s margin)`;
const MAX_SOCKETS_RULE = 'must be an integer of at least 1';
const ENABLED_RULE = 'must be on or off (also accepted: true/false, 1/0, case-insensitive)';

const ON_WORDS = new Set(['on', 'true', '1']);
const OFF_WORDS = new Set(['off', 'false', '0']);
const DECIMAL_INTEGER = /^[0-9]+$/;

export const KEEPALIVE_OPTION_KEYS = [
  'enabled',
  'idleSeconds',
  'probeIntervalSeconds',
  'probeCount',
  'maxSockets',
] as const;

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
  rejectUnknownKeys(options, KEEPALIVE_OPTION_KEYS, 'options');
  const idleSeconds = resolveInteger('idleSeconds', options.idleSeconds, env, 1, MAX_IDLE_SECONDS, IDLE_RULE);
  const maxInterval = MAX_IDLE_SECONDS - idleSeconds;
  return {
    enabled: resolveEnabled(options.enabled, env[KEEPALIVE_ENV.enabled]),
    idleSeconds,
    probeIntervalSeconds: resolveInteger(
      'probeIntervalSeconds',
      options.probeIntervalSeconds,
      env,
      1,
      maxInterval,
      probeIntervalRule(idleSeconds),
    ),
    probeCount: resolveInteger('probeCount', options.probeCount, env, 1, MAX_PROBE_COUNT, PROBE_COUNT_RULE),
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
  key: 'idleSeconds' | 'probeIntervalSeconds' | 'probeCount' | 'maxSockets',
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
  if (envValue === undefined) {
    const fallback = KEEPALIVE_DEFAULTS[key];
    // Only the interval's bound moves (with idleSeconds), so only its default can break its rule; the
    // message then says the value is the default and what to change.
    if (fallback < min || fallback > max) {
      throw new InvalidOptionError(
        key,
        fallback,
        `${rule}; ${fallback} is the default: lower idleSeconds, or set ${key} (${envName})`,
      );
    }
    return fallback;
  }
  // Strict decimal digits: Number('') is 0, Number('1e2') is 100, parseInt('3.5') is 3 — all wrong here.
  const parsed = DECIMAL_INTEGER.test(envValue) ? Number(envValue) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new InvalidOptionError(envName, envValue, rule);
  }
  return parsed;
}
