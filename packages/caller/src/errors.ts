/**
 * The caller's own failures; everything the invoke itself can raise comes from
 * @lambda-keepalive/client (KeepAliveClientError subclasses) and is rethrown unchanged.
 * `name` is a string literal so it survives minification (Lambda reports it as errorType).
 */
import { describeValue } from '@lambda-keepalive/describe-value';

export class CallerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CallerError';
  }
}

/** A field of the caller's event broke a rule; nothing was invoked. */
export class InvalidCallerEventError extends CallerError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
  ) {
    super(`${field} ${describeValue(value)} is invalid: ${rule}`);
    this.name = 'InvalidCallerEventError';
  }
}

/** An environment variable of the caller function is missing or wrong; nothing was invoked. */
export class CallerConfigError extends CallerError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`environment variable ${field} ${describeValue(value)} is invalid: ${rule}`, options);
    this.name = 'CallerConfigError';
  }
}
