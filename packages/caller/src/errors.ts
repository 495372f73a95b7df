// The caller's own failures; everything the invoke itself can raise comes from
// @lambda-keepalive/client (KeepAliveClientError subclasses) and is rethrown unchanged.
// `name` is a string literal so it survives minification (Lambda reports it as errorType).

export class CallerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CallerError';
  }
}

/** A field of the caller's event broke a rule; nothing was invoked. */
export class InvalidCallerEventError extends CallerError {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string) {
    super(`${field} ${describeValue(value)} is invalid: ${rule}`);
    this.name = 'InvalidCallerEventError';
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** An environment variable of the caller function is missing or wrong; nothing was invoked. */
export class CallerConfigError extends CallerError {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string, options?: { cause?: unknown }) {
    super(`environment variable ${field} ${describeValue(value)} is invalid: ${rule}`, options);
    this.name = 'CallerConfigError';
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** Shows a rejected value without dumping it: strings quoted and cut, objects by kind only. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return `(${Array.isArray(value) ? 'array' : typeof value})`;
}
