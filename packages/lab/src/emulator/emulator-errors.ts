/**
 * Errors the emulator itself raises (bad configuration, misuse). Errors the emulated Lambda *service*
 * answers to a client live in service-errors.ts; errors a *function* produces are payloads, not throws.
 */
export class EmulatorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A configuration value broke a rule: names the field, the value and the rule. */
export class EmulatorConfigError extends EmulatorError {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string, options?: { cause?: unknown }) {
    super(`Invalid emulator config: ${field} = ${describeValue(value)}: ${rule}`, options);
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
