/**
 * The lab's errors: one base class so the CLIs can tell "the lab refused or could not do it" (exit 2)
 * from a failure of the code under test, and a few subclasses that carry the facts a reader needs to act.
 * `cause` is always kept. The network model and the emulator have their own families
 * (@lambda-keepalive/hyperplane-net, @lambda-keepalive/invoke-emulator).
 */
import { describeValue } from '@lambda-keepalive/describe-value';

export class LabError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LabError';
  }
}

/** A value given to the lab (CLI flag, option, driver input, declaration) breaks a rule. */
export class InvalidLabInputError extends LabError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`${field}: ${describeValue(value, 'json')} is invalid: ${rule}`, options);
    this.name = 'InvalidLabInputError';
  }
}

/** The command line itself is wrong (unknown flag, missing value, stray argument). */
export class LabUsageError extends LabError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LabUsageError';
  }
}

/** The lab (network, emulator, drivers) could not be brought up or torn down; `step` says which part. */
export class LabSetupError extends LabError {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`lab set-up failed while ${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'LabSetupError';
  }
}
