/** The callee's time budget: refuses a sleep that would not end the margin before Lambda's deadline. */
import { SleepExceedsRemainingTimeError } from './errors';

/**
 * Kept free at the end of the invocation so the function returns (and logs) before Lambda kills it.
 * A killed callee gives its caller a Sandbox.Timedout error instead of a clear one.
 */
export const DEFAULT_REMAINING_TIME_MARGIN_MS = 500;

/**
 * Refuses, before any sleeping, a sleep that would run past the function's own deadline.
 * Failing fast with the numbers beats a timeout 15 minutes later with none.
 */
export function assertSleepFits(requestedMs: number, remainingMs: number, marginMs: number): void {
  const availableMs = remainingMs - marginMs;
  if (requestedMs > availableMs) {
    throw new SleepExceedsRemainingTimeError(requestedMs, availableMs, marginMs);
  }
}
