/**
 * The network model's errors: one base class, and subclasses carrying what a reader needs to act — the
 * field and rule of a bad input, the failed command and its stderr, the missing privilege, the set-up step.
 * `cause` is always kept.
 */
import { describeValue } from '@lambda-keepalive/describe-value';

export class HyperplaneNetError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HyperplaneNetError';
  }
}

/** A value given to the network model (idle seconds, run id, host, middlebox) breaks a rule. */
export class InvalidNetworkInputError extends HyperplaneNetError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`${field}: ${describeValue(value, 'json')} is invalid: ${rule}`, options);
    this.name = 'InvalidNetworkInputError';
  }
}

/** The process lacks what the model needs (root / CAP_NET_ADMIN + CAP_SYS_ADMIN, ip, nft, conntrack). */
export class NetworkPrivilegeError extends HyperplaneNetError {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkPrivilegeError';
  }
}

/** An `ip`, `nft`, `conntrack` or `sysctl` invocation exited non-zero (or could not start). */
export class NetworkCommandError extends HyperplaneNetError {
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    cause?: unknown,
  ) {
    const shown = [command, ...args].join(' ');
    super(`Network command failed (exit ${exitCode ?? 'none'}): ${shown}: ${stderr.trim() || 'no stderr'}`, { cause });
    this.name = 'NetworkCommandError';
  }
}

/** The network could not be built or removed; `step` says which part. */
export class NetworkSetupError extends HyperplaneNetError {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`network set-up failed while ${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'NetworkSetupError';
  }
}
