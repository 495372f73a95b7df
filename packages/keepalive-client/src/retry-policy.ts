/**
 * Which invoke failures may be retried: only those proving the function did not start.
 * Everything after the request may have been written (reset, socket timeout, 5xx) is final —
 * re-sending would run the callee again (docs/aws-sdk-v3.md, "Retries").
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Exponential backoff base (full jitter) when the service gives no Retry-After. */
  baseDelayMs: number;
  /** Cap of the exponential backoff. */
  maxDelayMs: number;
  /** Cap applied to a service Retry-After, so one header cannot park a caller for minutes. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
});

/** Resolution/refusal happen before a byte of the request exists on the wire. */
export const NOT_SENT_CODES: readonly string[] = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

export type Failure =
  | { kind: 'throttled'; retryAfterMs: number | undefined }
  | { kind: 'not-sent'; code: string }
  | { kind: 'no-credentials' }
  | { kind: 'final' };

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  errors?: unknown;
  retryAfterSeconds?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { headers?: Record<string, unknown> };
}

export function classifyFailure(error: unknown): Failure {
  const shape = (error ?? {}) as ErrorShape;
  // Checked first: a credentials endpoint that refuses (ECONNREFUSED) is not the Lambda endpoint, and the
  // SDK's provider chain has already tried what it can.
  if (shape.name === 'CredentialsProviderError') return { kind: 'no-credentials' };
  if (shape.$metadata?.httpStatusCode === 429 || shape.name === 'TooManyRequestsException') {
    return { kind: 'throttled', retryAfterMs: retryAfterMsOf(shape) };
  }
  const code = errorCodeOf(error);
  if (code !== undefined && NOT_SENT_CODES.includes(code)) return { kind: 'not-sent', code };
  return { kind: 'final' };
}

/** Node's code, also from an AggregateError (happy eyeballs tried several addresses). */
export function errorCodeOf(error: unknown): string | undefined {
  const shape = (error ?? {}) as ErrorShape;
  if (typeof shape.code === 'string') return shape.code;
  if (Array.isArray(shape.errors)) {
    const inner = (shape.errors as ErrorShape[]).find((e) => typeof e?.code === 'string');
    return inner?.code as string | undefined;
  }
  return undefined;
}

/** Delay before retry number `retryIndex` (0-based): the capped Retry-After, else full-jitter backoff. */
export function retryDelayMs(policy: RetryPolicy, failure: Failure, retryIndex: number, random: () => number): number {
  if (failure.kind === 'throttled' && failure.retryAfterMs !== undefined) {
    return Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/** Retry-After in seconds (the Lambda API sends seconds); the SDK maps it to retryAfterSeconds. */
function retryAfterMsOf(shape: ErrorShape): number | undefined {
  const raw = shape.retryAfterSeconds ?? shape.$response?.headers?.['retry-after'];
  const seconds =
    typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : typeof raw === 'number' ? raw : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}
