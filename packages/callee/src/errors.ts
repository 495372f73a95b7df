/**
 * One base class for every error the callee throws, a subclass per failure.
 * `name` is a string literal, never `this.constructor.name`: the bundle is minified and
 * esbuild renames classes, while Lambda reports `error.name` as the invocation's errorType.
 */
import { describeValue } from '@lambda-keepalive/describe-value';

export class CalleeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CalleeError';
  }
}

/** An event or environment value broke a rule; nothing was slept. */
export class InvalidCalleeInputError extends CalleeError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
  ) {
    super(`${field} ${describeValue(value)} is invalid: ${rule}`);
    this.name = 'InvalidCalleeInputError';
  }
}

/** The requested sleep would run past the function's own timeout; refused before sleeping. */
export class SleepExceedsRemainingTimeError extends CalleeError {
  constructor(
    readonly requestedMs: number,
    readonly availableMs: number,
    marginMs: number,
  ) {
    super(
      `requested sleep of ${requestedMs} ms does not fit: only ${Math.max(availableMs, 0)} ms available ` +
        `(remaining time minus a ${marginMs} ms margin); raise the function timeout or ask for less`,
    );
    this.name = 'SleepExceedsRemainingTimeError';
  }
}

/** The event asked for a failure (`fail: true`): lets callers test their error path end to end. */
export class CalleeRequestedFailureError extends CalleeError {
  constructor() {
    super('the event asked the callee to fail (fail: true)');
    this.name = 'CalleeRequestedFailureError';
  }
}
