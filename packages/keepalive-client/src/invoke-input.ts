/** Validation of invokeSync's input: everything is checked before a socket is opened. */

import { type Clock, DEFAULT_DEADLINE_MARGIN_MS, systemClock } from './deadline.js';
import { InvalidOptionError } from './errors.js';
import { rejectUnknownKeys } from './options.js';
import { encodeInvokePayload } from './payload.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

export interface InvokeSyncInput {
  functionName: string;
  /** Any JSON-serialisable value; omit it to send no payload. */
  payload?: unknown;
  qualifier?: string;
  /** Epoch ms. With `context` too, the earlier wins. */
  deadline?: number;
  /** A Lambda context: the deadline is its remaining time. */
  context?: { getRemainingTimeInMillis(): number };
  /** Given up this many ms before the deadline (default 1000). */
  deadlineMarginMs?: number;
  logType?: 'None' | 'Tail';
  /** Bounds of the safe retries (throttling, refused/unresolved before sending). */
  retry?: Partial<RetryPolicy>;
  /** Injectable time and randomness (tests). */
  clock?: Partial<Clock>;
}

export interface ParsedInvokeInput {
  functionName: string;
  payload: Uint8Array | undefined;
  qualifier: string | undefined;
  deadline: number | undefined;
  context: { getRemainingTimeInMillis(): number } | undefined;
  deadlineMarginMs: number;
  logType: 'None' | 'Tail';
  retry: RetryPolicy;
  clock: Clock;
}

const INPUT_KEYS = [
  'functionName',
  'payload',
  'qualifier',
  'deadline',
  'context',
  'deadlineMarginMs',
  'logType',
  'retry',
  'clock',
];
// Lambda API limits: FunctionName (name, partial or full ARN) ≤ 170 chars; Qualifier pattern (|[a-zA-Z0-9$_-]+), ≤ 128.
const FUNCTION_NAME = /^[A-Za-z0-9_:.$-]{1,170}$/;
const QUALIFIER = /^[A-Za-z0-9$_-]{1,128}$/;

export function parseInvokeInput(input: InvokeSyncInput): ParsedInvokeInput {
  if (typeof input !== 'object' || input === null) throw new InvalidOptionError('input', input, 'must be an object');
  rejectUnknownKeys(input, INPUT_KEYS, 'input');
  const {
    functionName,
    qualifier,
    deadline,
    context,
    deadlineMarginMs = DEFAULT_DEADLINE_MARGIN_MS,
    logType = 'None',
  } = input;
  if (typeof functionName !== 'string' || !FUNCTION_NAME.test(functionName)) {
    throw new InvalidOptionError(
      'functionName',
      functionName,
      'must be a function name or ARN: 1-170 characters of letters, digits and _ - : . $',
    );
  }
  if (qualifier !== undefined && (typeof qualifier !== 'string' || !QUALIFIER.test(qualifier))) {
    throw new InvalidOptionError(
      'qualifier',
      qualifier,
      'must be a version or alias: 1-128 characters of letters, digits and $ _ -',
    );
  }
  if (deadline !== undefined && (typeof deadline !== 'number' || !Number.isFinite(deadline))) {
    throw new InvalidOptionError('deadline', deadline, 'must be a finite number of epoch milliseconds');
  }
  if (context !== undefined && typeof context?.getRemainingTimeInMillis !== 'function') {
    throw new InvalidOptionError('context', context, 'must be a Lambda context with getRemainingTimeInMillis()');
  }
  if (typeof deadlineMarginMs !== 'number' || !Number.isInteger(deadlineMarginMs) || deadlineMarginMs < 0) {
    throw new InvalidOptionError(
      'deadlineMarginMs',
      deadlineMarginMs,
      'must be an integer number of milliseconds, 0 or more',
    );
  }
  if (logType !== 'None' && logType !== 'Tail')
    throw new InvalidOptionError('logType', logType, 'must be None or Tail');
  return {
    functionName,
    payload: 'payload' in input ? encodeInvokePayload(input.payload) : undefined,
    qualifier,
    deadline,
    context,
    deadlineMarginMs,
    logType,
    retry: parseRetryPolicy(input.retry),
    clock: parseClock(input.clock),
  };
}

function parseRetryPolicy(retry: Partial<RetryPolicy> | undefined): RetryPolicy {
  if (retry === undefined) return { ...DEFAULT_RETRY_POLICY };
  if (typeof retry !== 'object' || retry === null) throw new InvalidOptionError('retry', retry, 'must be an object');
  rejectUnknownKeys(retry, Object.keys(DEFAULT_RETRY_POLICY), 'retry');
  const policy = { ...DEFAULT_RETRY_POLICY, ...retry };
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new InvalidOptionError(`retry.${key}`, value, 'must be an integer, 0 or more');
    }
  }
  return policy;
}

function parseClock(clock: Partial<Clock> | undefined): Clock {
  if (clock === undefined) return systemClock;
  if (typeof clock !== 'object' || clock === null) throw new InvalidOptionError('clock', clock, 'must be an object');
  rejectUnknownKeys(clock, ['now', 'sleep', 'random'], 'clock');
  for (const [key, value] of Object.entries(clock)) {
    if (typeof value !== 'function') throw new InvalidOptionError(`clock.${key}`, value, 'must be a function');
  }
  return { ...systemClock, ...clock };
}
