// One base class for every error the callee throws, a subclass per failure.
// `name` is a string literal, never `this.constructor.name`: the bundle is minified and
// esbuild renames classes, while Lambda reports `error.name` as the invocation's errorType.

export class CalleeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CalleeError';
  }
}

/** An event or environment value broke a rule; nothing was slept. */
export class InvalidCalleeInputError extends CalleeError {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string) {
    super(`${field} ${describeValue(value)} is invalid: ${rule}`);
    this.name = 'InvalidCalleeInputError';
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** The requested sleep would run past the function's own timeout; refused before sleeping. */
export class SleepExceedsRemainingTimeError extends CalleeError {
  readonly requestedMs: number;
  readonly availableMs: number;

  constructor(requestedMs: number, availableMs: number, marginMs: number) {
    super(
      `requested sleep of ${requestedMs} ms does not fit: only ${Math.max(availableMs, 0)} ms available ` +
        `(remaining time minus a ${marginMs} ms margin); raise the function timeout or ask for less`,
    );
    this.name = 'SleepExceedsRemainingTimeError';
    this.requestedMs = requestedMs;
    this.availableMs = availableMs;
  }
}

/** The event asked for a failure (`fail: true`): lets callers test their error path end to end. */
export class CalleeRequestedFailure extends CalleeError {
  constructor() {
    super('the event asked the callee to fail (fail: true)');
    this.name = 'CalleeRequestedFailure';
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return `(${Array.isArray(value) ? 'array' : typeof value})`;
}
