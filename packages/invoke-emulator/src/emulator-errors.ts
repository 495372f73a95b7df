/**
 * The emulator's own errors: one base class so a program embedding it can tell "the emulator refused its
 * configuration or could not start" from anything else; `cause` is always kept. Errors the emulated
 * Lambda *service* answers to a client are not these: they are wire responses (service-errors.ts).
 */
import { describeValue } from '@lambda-keepalive/describe-value';

export class EmulatorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmulatorError';
  }
}

/** A configuration value (file, function, certificate input, command) breaks a rule. */
export class InvalidEmulatorInputError extends EmulatorError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`${field}: ${describeValue(value, 'json')} is invalid: ${rule}`, options);
    this.name = 'InvalidEmulatorInputError';
  }
}
