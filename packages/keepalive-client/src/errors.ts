/**
 * Every failure this package reports is a KeepAliveClientError subclass, so callers can
 * `instanceof`-check one base and switch on `name`. The SDK/Node error that caused it is
 * kept as `cause` (ES2022 error cause) — never swallowed.
 *
 * `name` is a string literal in each class (`errorName`), never `new.target.name`: bundlers that minify
 * rename classes (esbuild without keepNames makes it "t"), and Lambda reports `error.name` as errorType.
 *
 * `instanceof` also holds across copies of this package. A program that both imports and requires it loads
 * the ESM and the CommonJS build as two modules with two sets of classes (the dual-package hazard, Node docs
 * "Packages": dual CommonJS/ES module packages), and a bundle can hold both. So each class keeps its literal
 * name under a registry symbol (the same key in every copy), and `Symbol.hasInstance` also accepts a value
 * whose prototype chain holds a class of that name from any copy.
 */
import type { ResolvedKeepAliveOptions } from './options.js';

const CLASS_NAME = Symbol.for('@lambda-keepalive/client:error-class');

type ErrorClass = { readonly [CLASS_NAME]?: string; prototype: unknown };

export class KeepAliveClientError extends Error {
  /** The class's name as a literal, which minifiers keep; a subclass of yours inherits its parent's. */
  static readonly [CLASS_NAME]: string = 'KeepAliveClientError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = (new.target as ErrorClass)[CLASS_NAME] ?? 'KeepAliveClientError';
  }

  /** `x instanceof InvalidOptionError` for an error of that class or a subclass, from ANY copy of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of instanceof (any subclass)
    return isInstance(this, value);
  }
}

function isInstance(target: ErrorClass, value: unknown): boolean {
  const name = Object.hasOwn(target, CLASS_NAME) ? target[CLASS_NAME] : undefined;
  for (let proto = value; typeof proto === 'object' && proto !== null; ) {
    proto = Object.getPrototypeOf(proto);
    if (proto === target.prototype) return true;
    const cls = (proto as { constructor?: ErrorClass } | null)?.constructor;
    if (name !== undefined && cls !== undefined && Object.hasOwn(cls, CLASS_NAME) && cls[CLASS_NAME] === name) {
      return true;
    }
  }
  return false;
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
  static override readonly [CLASS_NAME]: string = 'InvalidOptionError';

  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`${field} is ${describeValue(value)}: ${rule}`, options);
  }
}

/** The invoke payload cannot be sent (not JSON-serialisable, or over the synchronous limit). */
export class InvalidPayloadError extends KeepAliveClientError {
  static override readonly [CLASS_NAME]: string = 'InvalidPayloadError';

  constructor(
    readonly field: string,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`${field} cannot be sent: ${rule}`, options);
  }
}

/** The callee ran and failed: HTTP 200 with X-Amz-Function-Error (Lambda API reference, Invoke: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). */
export class CalleeFunctionError extends KeepAliveClientError {
  static override readonly [CLASS_NAME]: string = 'CalleeFunctionError';

  constructor(
    readonly functionName: string,
    readonly errorType: string,
    readonly errorMessage: string,
    readonly trace: string[],
    readonly functionError: string,
    readonly logTail?: string,
  ) {
    super(`${functionName} failed (${functionError}): ${errorType}: ${errorMessage}`);
  }
}

/**
 * The connection broke after the request may have reached the function. Never retried: the callee may
 * be running (the SDK's default retries ran a 400 s callee 3 times after one reset:
 * docs/hyperplane-idle-timeout.md).
 */
export class ConnectionLostError extends KeepAliveClientError {
  static override readonly [CLASS_NAME]: string = 'ConnectionLostError';

  constructor(
    readonly elapsedMs: number,
    readonly keepAlive: ResolvedKeepAliveOptions | undefined,
    hint: string,
    options?: { cause?: unknown },
  ) {
    super(`connection lost after ${elapsedMs} ms; not retried because the function may have run${hint}`, options);
  }
}

/** The caller's own deadline (Lambda remaining time minus a margin) came first. */
export class DeadlineExceededError extends KeepAliveClientError {
  static override readonly [CLASS_NAME]: string = 'DeadlineExceededError';

  constructor(
    readonly elapsedMs: number,
    readonly deadline: number,
    options?: { cause?: unknown },
  ) {
    super(
      `gave up after ${elapsedMs} ms at the deadline ${new Date(deadline).toISOString()} (remaining time minus margin)`,
      options,
    );
  }
}

/** The Lambda service answered with an error status (404, 413, 415, 429 exhausted, 5xx...). */
export class InvokeServiceError extends KeepAliveClientError {
  static override readonly [CLASS_NAME]: string = 'InvokeServiceError';

  constructor(
    readonly statusCode: number | undefined,
    readonly errorType: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Lambda service error ${statusCode ?? 'without status'} ${errorType}: ${message}`, options);
  }
}

/** Nothing was sent: the endpoint refused or did not resolve, also after the bounded retries. */
export class ServiceUnreachableError extends KeepAliveClientError {
  static override readonly [CLASS_NAME]: string = 'ServiceUnreachableError';

  constructor(
    readonly code: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`Lambda endpoint unreachable (${code}) after ${attempts} attempt(s); the function did not run`, options);
  }
}

/**
 * No AWS credentials could be had (the SDK's CredentialsProviderError): nothing was sent, and retrying
 * the invoke would not help. Kept apart from ServiceUnreachableError because a refused *credentials*
 * endpoint (container credentials, SnapStart) is not the Lambda endpoint.
 */
export class CredentialsUnavailableError extends KeepAliveClientError {
  static override readonly [CLASS_NAME]: string = 'CredentialsUnavailableError';

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`no AWS credentials for the Lambda call (${reason}); nothing was sent`, options);
  }
}
