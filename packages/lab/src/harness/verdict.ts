/** A cell's verdict (ok, hung or error), decided from how its driver ended. */
import type { DriverOutcome } from './drivers/driver-result';

/**
 * ok: the callee's result came back. hung: nothing came back until the caller's deadline — Hyperplane's
 * silent failure (the driver's Lambda-like timeout fired, the runner had to kill it, or the client
 * reported its own deadline). error: anything else (a RST surfacing as ECONNRESET, a function error…).
 */
export type Verdict = 'ok' | 'hung' | 'error';

/**
 * Errors that mean "the deadline passed with no answer": the shipped client's clear error at the
 * caller's deadline (contract: DeadlineExceededError) and the SDK's abort/timeout names.
 */
const DEADLINE_ERROR_NAMES: ReadonlySet<string> = new Set(['DeadlineExceededError', 'TimeoutError', 'AbortError']);

export interface DriverExit {
  /** Parsed result line, undefined when the driver printed none. */
  outcome: DriverOutcome | undefined;
  /** The runner killed the driver after the caller's timeout plus a margin. */
  killedByRunner: boolean;
  /**
   * A command client's exit status (docs/command-clients.md): without a result line, 0 is ok and anything
   * else an error. Absent for the Node drivers, whose missing result line is always an error.
   */
  exitCode?: number | null;
}

export function verdictOf(exit: DriverExit): Verdict {
  const { outcome } = exit;
  if (outcome === undefined) {
    if (exit.killedByRunner) return 'hung';
    return exit.exitCode === 0 ? 'ok' : 'error';
  }
  if (outcome.outcome === 'ok') return 'ok';
  if (outcome.outcome === 'timeout') return 'hung';
  return DEADLINE_ERROR_NAMES.has(outcome.error.name) ? 'hung' : 'error';
}
