/**
 * Errors of the lab runner (scale rule, CLI options, sweep set-up). One base class so the CLI can tell
 * "you asked for something invalid" (exit 2) from a failing lab; `cause` is kept for set-up failures.
 */
export class LabRunnerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A value the user gave (flag or parameter) breaks a rule; the message names field, value and rule. */
export class InvalidLabParameterError extends LabRunnerError {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string) {
    super(`${field}: ${formatValue(value)} is invalid: ${rule}`);
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** The lab could not be brought up or torn down (network, emulator, drivers); keeps the cause. */
export class LabSetupError extends LabRunnerError {
  readonly step: string;

  constructor(step: string, cause: unknown) {
    super(`lab set-up failed while ${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.step = step;
  }
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
