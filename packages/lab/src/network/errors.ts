/**
 * Errors of the lab network. One base class so callers can tell "the lab could not be built or driven"
 * apart from failures of the code under test; each subclass keeps the facts a reader needs to act.
 */
export class LabNetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A lab option failed validation: names the field, the value and the rule it broke. */
export class InvalidLabOptionError extends LabNetworkError {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string) {
    super(`Invalid lab option ${field}=${JSON.stringify(value)}: ${rule}`);
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** An `ip`, `nft`, `conntrack` or `sysctl` invocation exited non-zero (or could not start). */
export class LabCommandError extends LabNetworkError {
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

/** The process lacks what the lab needs (root / CAP_NET_ADMIN + CAP_SYS_ADMIN, ip, nft, conntrack). */
export class LabPrivilegeError extends LabNetworkError {}
