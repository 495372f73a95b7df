/** The callee's event: validates it and decides how long to sleep (event, then CALLEE_DEFAULT_SECONDS, then 400 s). */
import { InvalidCalleeInputError } from './errors';

/** Lambda's own ceiling on a function timeout: a longer sleep could never finish. */
export const MAX_SLEEP_SECONDS = 900;
/**
 * The original failure's callee ran ~400 s: longer than the 350 s Hyperplane idle timeout
 * (docs/hyperplane-idle-timeout.md).
 */
export const DEFAULT_SLEEP_SECONDS = 400;

export interface CalleeEvent {
  durationSeconds?: number;
  fail?: boolean;
  payload?: unknown;
}

export interface SleepRequest {
  sleepMs: number;
  /** Where the duration came from, for the log line. */
  source: 'event' | 'CALLEE_DEFAULT_SECONDS' | 'default';
  fail: boolean;
}

const RULE = `a finite number of seconds from 0 to ${MAX_SLEEP_SECONDS} (fractions allowed)`;

/**
 * Validates the event and decides how long to sleep: event.durationSeconds, else env
 * CALLEE_DEFAULT_SECONDS, else 400. Throws InvalidCalleeInputError naming the field and the rule.
 */
export function parseCalleeEvent(event: unknown, env: NodeJS.ProcessEnv): SleepRequest {
  // Lambda hands a null event to a function invoked without a payload; treat it as {}.
  const record = event === null || event === undefined ? {} : event;
  if (typeof record !== 'object' || Array.isArray(record)) {
    throw new InvalidCalleeInputError('event', record, 'must be a JSON object such as {"durationSeconds": 5}');
  }
  const { durationSeconds, fail } = record as Record<string, unknown>;
  if (fail !== undefined && typeof fail !== 'boolean') {
    throw new InvalidCalleeInputError('event.fail', fail, 'must be true or false when present');
  }
  const request = (seconds: number, source: SleepRequest['source']): SleepRequest => ({
    sleepMs: Math.round(seconds * 1000),
    source,
    fail: fail === true,
  });
  if (durationSeconds !== undefined) {
    return request(checkSeconds('event.durationSeconds', durationSeconds), 'event');
  }
  const fromEnv = env.CALLEE_DEFAULT_SECONDS;
  if (fromEnv !== undefined && fromEnv !== '') {
    // Number('') is 0 and Number(' 5 ') is 5: only a plain decimal string is accepted.
    const seconds = /^\d+(\.\d+)?$/.test(fromEnv) ? Number(fromEnv) : Number.NaN;
    return request(checkSeconds('CALLEE_DEFAULT_SECONDS', seconds, fromEnv), 'CALLEE_DEFAULT_SECONDS');
  }
  return request(DEFAULT_SLEEP_SECONDS, 'default');
}

function checkSeconds(field: string, seconds: unknown, shownValue: unknown = seconds): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SLEEP_SECONDS) {
    throw new InvalidCalleeInputError(field, shownValue, `must be ${RULE}`);
  }
  return seconds;
}
