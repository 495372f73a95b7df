/**
 * The caller's keepalive settings as the stack and the module deploy them: the environment variables the
 * client reads, their defaults and their rules, checked at synth time when they are literals.
 */
import { KEEPALIVE_DEFAULTS, KEEPALIVE_ENV, MAX_IDLE_SECONDS, MAX_PROBE_COUNT } from '@lambda-keepalive/client';
import { Fn, type IResolvable, Token } from 'cdktf';
import { requireIntegerInRange, unlessToken } from './option-rules';

/**
 * The probe interval and count the client applies where the runtime's Node supports them (Node >= 24:
 * socket.setKeepAlive(enable, delay, interval, count), nodejs/node PR #63825), with the client's own names,
 * defaults and rules: every probe of the first round must reach the middlebox before its 350 s idle limit, so
 * the interval is at most MAX_IDLE_SECONDS - idle; Linux caps TCP_KEEPCNT at 127 (tcp(7)).
 */
export const KEEPALIVE_PROBE_ENV = Object.freeze({
  intervalSeconds: KEEPALIVE_ENV.probeIntervalSeconds,
  count: KEEPALIVE_ENV.probeCount,
});
export const DEFAULT_PROBE_INTERVAL_SECONDS = KEEPALIVE_DEFAULTS.probeIntervalSeconds;
export const DEFAULT_PROBE_COUNT = KEEPALIVE_DEFAULTS.probeCount;
export { MAX_IDLE_SECONDS, MAX_PROBE_COUNT };

/** What the caller's environment gets: literals, or Terraform tokens (variables) checked by their validation. */
export interface KeepAliveSettingsInput {
  readonly keepalive?: boolean | IResolvable;
  readonly keepaliveIdleSeconds?: number;
  readonly keepaliveProbeIntervalSeconds?: number;
  readonly keepaliveProbeCount?: number;
}

/**
 * The caller's keepalive environment: KEEPALIVE, KEEPALIVE_IDLE_SECONDS and the probe settings, defaults
 * filled, literals validated (field names prefixed by `owner`). A boolean token becomes a conditional.
 */
export function keepAliveEnvironment(owner: string, input: KeepAliveSettingsInput): Record<string, string> {
  const idle = unlessToken(input.keepaliveIdleSeconds ?? KEEPALIVE_DEFAULTS.idleSeconds, (value) =>
    requireIntegerInRange(`${owner}.keepaliveIdleSeconds`, value, 1, MAX_IDLE_SECONDS),
  );
  const interval = unlessToken(input.keepaliveProbeIntervalSeconds ?? DEFAULT_PROBE_INTERVAL_SECONDS, (value) =>
    Token.isUnresolved(idle)
      ? requireIntegerInRange(`${owner}.keepaliveProbeIntervalSeconds`, value, 1, MAX_IDLE_SECONDS - 1)
      : requireIntegerInRange(`${owner}.keepaliveProbeIntervalSeconds`, value, 1, MAX_IDLE_SECONDS - idle),
  );
  const count = unlessToken(input.keepaliveProbeCount ?? DEFAULT_PROBE_COUNT, (value) =>
    requireIntegerInRange(`${owner}.keepaliveProbeCount`, value, 1, MAX_PROBE_COUNT),
  );
  const enabled = input.keepalive ?? KEEPALIVE_DEFAULTS.enabled;
  return {
    [KEEPALIVE_ENV.enabled]: Token.isUnresolved(enabled)
      ? Fn.conditional(enabled, 'on', 'off')
      : onOff(enabled as boolean),
    [KEEPALIVE_ENV.idleSeconds]: environmentValue(idle),
    [KEEPALIVE_PROBE_ENV.intervalSeconds]: environmentValue(interval),
    [KEEPALIVE_PROBE_ENV.count]: environmentValue(count),
  };
}

const onOff = (enabled: boolean): string => (enabled ? 'on' : 'off');

/** Environment values are strings: a literal number as its digits, a number token as a string token. */
const environmentValue = (value: number): string => (Token.isUnresolved(value) ? Token.asString(value) : String(value));
