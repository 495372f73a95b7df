/**
 * Every failure this package reports is a KeepAliveClientError subclass, so callers can
 * `instanceof`-check one base and switch on `name`. The SDK/Node error that caused it is
 * kept as `cause` (ES2022 error cause) — never swallowed.
 *
 * `name` is a string literal in each class, never `new.target.name`: bundlers that minify rename
 * classes (esbuild without keepNames makes it "t"), and Lambda reports `error.name` as errorType.
 */
import type { ResolvedKeepAliveOptions } from './options';

export class KeepAliveClientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeepAliveClientError';
  }
}

/** Renders a rejected value for a message: strings quoted so "" and " 60" are visible. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** A setting (option or environment variable, whichever supplied it) broke its rule. */
export class InvalidOptionError extends KeepAliveClientError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`${field} is ${describeValue(value)}: ${rule}`, options);
    this.name = 'InvalidOptionError';
  }
}

/** The invoke payload cannot be sent (not JSON-serialisable, or over the synchronous limit). */
export class InvalidPayloadError extends KeepAliveClientError {
  constructor(
    readonly field: string,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`${field} cannot be sent: ${rule}`, options);
    this.name = 'InvalidPayloadError';
  }
}

/** The callee ran and failed: HTTP 200 with X-Amz-Function-Error (Lambda API reference, Invoke: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). */
export class CalleeFunctionError extends KeepAliveClientError {
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    readonly errorMessage: string,
    readonly trace: string[],
    readonly functionError: string,
    readonly logTail?: string,
  ) {
    super(`${functionName} failed (${functionError}): ${errorType}: ${errorMessage}`);
    this.name = 'CalleeFunctionError';
  }
}

/**
 * The connection broke after the request may have reached the function. Never retried: the callee may
 * be running (the SDK's default retries ran a 400 s callee 3 times after one reset:
 * docs/hyperplane-idle-timeout.md).
 */
export class ConnectionLostError extends KeepAliveClientError {
  constructor(
    readonly elapsedMs: number,
    readonly keepAlive: ResolvedKeepAliveOptions | undefined,
    hint: string,
    options?: { cause?: unknown },
  ) {
    super(`connection lost after ${elapsedMs} ms; not retried because the function may have run${hint}`, options);
    this.name = 'ConnectionLostError';
  }
}

/** The caller's own deadline (Lambda remaining time minus a margin) came first. */
export class DeadlineExceededError extends KeepAliveClientError {
  constructor(
    readonly elapsedMs: number,
    readonly deadline: number,
    options?: { cause?: unknown },
  ) {
    super(
      `gave up after ${elapsedMs} ms at the deadline ${new Date(deadline).toISOString()} (remaining time minus margin)`,
      options,
    );
    this.name = 'DeadlineExceededError';
  }
}

/** The Lambda service answered with an error status (404, 413, 415, 429 exhausted, 5xx...). */
export class InvokeServiceError extends KeepAliveClientError {
  constructor(
    readonly statusCode: number | undefined,
    readonly errorType: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Lambda service error ${statusCode ?? 'without status'} ${errorType}: ${message}`, options);
    this.name = 'InvokeServiceError';
  }
}

/** Nothing was sent: the endpoint refused or did not resolve, also after the bounded retries. */
export class ServiceUnreachableError extends KeepAliveClientError {
  constructor(
    readonly code: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`Lambda endpoint unreachable (${code}) after ${attempts} attempt(s); the function did not run`, options);
    this.name = 'ServiceUnreachableError';
  }
}

/**
 * No AWS credentials could be had (the SDK's CredentialsProviderError): nothing was sent, and retrying
 * the invoke would not help. Kept apart from ServiceUnreachableError because a refused *credentials*
 * endpoint (container credentials, SnapStart) is not the Lambda endpoint.
 */
export class CredentialsUnavailableError extends KeepAliveClientError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`no AWS credentials for the Lambda call (${reason}); nothing was sent`, options);
    this.name = 'CredentialsUnavailableError';
  }
}
