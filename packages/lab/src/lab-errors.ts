/**
 * The lab's errors: one base class so the CLIs can tell "the lab refused or could not do it" (exit 2)
 * from a failure of the code under test, and a few subclasses that carry the facts a reader needs to act.
 * `cause` is always kept. Errors the emulated Lambda *service* answers to a client are not lab failures:
 * they are wire responses (emulator/service-errors.ts).
 */
export class LabError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A value given to the lab (CLI flag, option, emulator config, driver input) breaks a rule. */
export class InvalidLabInputError extends LabError {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string, options?: { cause?: unknown }) {
    super(`${field}: ${describeValue(value)} is invalid: ${rule}`, options);
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** The command line itself is wrong (unknown flag, missing value, stray argument). */
export class LabUsageError extends LabError {}

/** The process lacks what the lab needs (root / CAP_NET_ADMIN + CAP_SYS_ADMIN, ip, nft, conntrack). */
export class LabPrivilegeError extends LabError {}

/** An `ip`, `nft`, `conntrack` or `sysctl` invocation exited non-zero (or could not start). */
export class LabCommandError extends LabError {
  readonly command: string;
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;

  constructor(command: string, args: readonly string[], exitCode: number | null, stderr: string, cause?: unknown) {
    const shown = [command, ...args].join(' ');
    super(`Lab command failed (exit ${exitCode ?? 'none'}): ${shown}: ${stderr.trim() || 'no stderr'}`, { cause });
    this.command = command;
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/** The lab (network, emulator, drivers) could not be brought up or torn down; `step` says which part. */
export class LabSetupError extends LabError {
  readonly step: string;

  constructor(step: string, cause: unknown) {
    super(`lab set-up failed while ${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.step = step;
  }
}

const SHOWN_CHARACTERS = 120;

/** Shows a rejected value without dumping it: JSON, cut to a line (an option object may be large). */
function describeValue(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'object') return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS - 3)}...` : text;
}
