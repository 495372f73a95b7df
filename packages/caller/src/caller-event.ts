/**
 * The caller's event: validation of {durationSeconds, payload, fail} (unknown keys rejected), and the
 * summary the start log line carries instead of the payload.
 */
import { InvalidCallerEventError } from './errors';

/** Lambda's ceiling on a function timeout: the callee can never run longer. */
export const MAX_DURATION_SECONDS = 900;

export interface CallerEvent {
  /** How long the callee sleeps; omitted → the callee's own default (400 s). */
  durationSeconds?: number;
  /** Passed to the callee untouched; must be JSON. */
  payload?: unknown;
  /**
   * Test hook: true asks the callee to throw its CalleeRequestedFailureError, so the caller's handling of a
   * callee function error can be exercised end to end (the lab's "callee throws" fault). Forwarded only
   * when true; the default path sends nothing extra.
   */
  fail?: boolean;
}

const KNOWN_KEYS = new Set(['durationSeconds', 'payload', 'fail']);

/**
 * Validates the event. Unknown keys are REJECTED: a typo such as "durationSecond" would otherwise
 * be dropped silently and the callee would sleep its 400 s default.
 */
export function parseCallerEvent(event: unknown): CallerEvent {
  // A function invoked without a payload receives null: same as {}.
  if (event === null || event === undefined) return {};
  if (typeof event !== 'object' || Array.isArray(event)) {
    throw new InvalidCallerEventError('event', event, 'must be a JSON object such as {"durationSeconds": 5}');
  }
  const record = event as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !KNOWN_KEYS.has(key));
  if (unknownKey !== undefined) {
    throw new InvalidCallerEventError(
      `event.${unknownKey}`,
      record[unknownKey],
      'is not a known field (allowed: durationSeconds, payload, fail; or findIdleLimit alone, the diagnostic)',
    );
  }
  const { durationSeconds } = record;
  if (durationSeconds !== undefined) {
    if (
      typeof durationSeconds !== 'number' ||
      !Number.isFinite(durationSeconds) ||
      durationSeconds < 0 ||
      durationSeconds > MAX_DURATION_SECONDS
    ) {
      throw new InvalidCallerEventError(
        'event.durationSeconds',
        durationSeconds,
        `must be a finite number of seconds from 0 to ${MAX_DURATION_SECONDS} (fractions allowed)`,
      );
    }
  }
  const { fail } = record;
  if (fail !== undefined && typeof fail !== 'boolean') {
    throw new InvalidCallerEventError(
      'event.fail',
      fail,
      'must be true or false when present (true makes the callee throw)',
    );
  }
  return {
    durationSeconds,
    ...('payload' in record ? { payload: record.payload } : {}),
    ...(fail === true ? { fail } : {}),
  };
}

/** What the start log line says about the event: never the payload itself (it may hold anything). */
export function summariseCallerEvent(event: CallerEvent): Record<string, unknown> {
  const payloadJson = event.payload === undefined ? undefined : safeStringify(event.payload);
  return {
    durationSeconds: event.durationSeconds ?? 'callee default',
    ...(event.fail === true ? { fail: true } : {}),
    payloadType: event.payload === null ? 'null' : Array.isArray(event.payload) ? 'array' : typeof event.payload,
    payloadBytes: payloadJson === undefined ? 0 : Buffer.byteLength(payloadJson),
  };
}

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined; // the client rejects it with InvalidPayloadError; the summary just says 0
  }
}
