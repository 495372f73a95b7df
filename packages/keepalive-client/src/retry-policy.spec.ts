/**
 * classifyFailure retries only failures proving the function did not start; retryDelayMs honours a capped
 * Retry-After, else full-jitter exponential backoff.
 */
import { classifyFailure, DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-policy.js';

const policy = DEFAULT_RETRY_POLICY;

describe('classifyFailure: only failures proving the function did not start are retryable', () => {
  it.each([
    [
      { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 }, retryAfterSeconds: '2' },
      { kind: 'throttled', retryAfterMs: 2000 },
    ],
    [
      { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } },
      { kind: 'throttled', retryAfterMs: undefined },
    ],
    [
      { $metadata: { httpStatusCode: 429 }, $response: { headers: { 'retry-after': '1.5' } } },
      { kind: 'throttled', retryAfterMs: 1500 },
    ],
    [
      { name: 'TooManyRequestsException', retryAfterSeconds: 'soon' },
      { kind: 'throttled', retryAfterMs: undefined },
    ],
    [
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      { kind: 'not-sent', code: 'ECONNREFUSED' },
    ],
    [Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), { kind: 'not-sent', code: 'ENOTFOUND' }],
    [Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }), { kind: 'not-sent', code: 'EAI_AGAIN' }],
    [
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'all failed'),
      { kind: 'not-sent', code: 'ECONNREFUSED' },
    ],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), { kind: 'final' }],
    [Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), { kind: 'final' }],
    [{ name: 'TimeoutError', message: 'socket timed out' }, { kind: 'final' }],
    [{ name: 'ServiceException', $metadata: { httpStatusCode: 500 } }, { kind: 'final' }],
    [{ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } }, { kind: 'final' }],
    [undefined, { kind: 'final' }],
  ])('%p → %p', (error, expected) => {
    expect(classifyFailure(error)).toEqual(expected);
  });
});

describe('retryDelayMs', () => {
  it('uses Retry-After capped at maxRetryAfterMs', () => {
    expect(retryDelayMs(policy, { kind: 'throttled', retryAfterMs: 2000 }, 0, () => 0)).toBe(2000);
    expect(retryDelayMs(policy, { kind: 'throttled', retryAfterMs: 3_600_000 }, 0, () => 0)).toBe(
      policy.maxRetryAfterMs,
    );
  });

  it('otherwise full-jitter exponential backoff under maxDelayMs', () => {
    const notSent = { kind: 'not-sent', code: 'ECONNREFUSED' } as const;
    expect([0, 1, 2, 3].map((retry) => retryDelayMs(policy, notSent, retry, () => 0.999999))).toEqual([
      199, 399, 799, 1599,
    ]);
    expect(retryDelayMs(policy, notSent, 10, () => 0.5)).toBe(policy.maxDelayMs / 2);
    expect(retryDelayMs(policy, notSent, 3, () => 0)).toBe(0);
  });
});
