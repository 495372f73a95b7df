/**
 * What one fault row measured, and the pure judgement of it against the row's expectation.
 */
import type { DriverOutcome } from '../harness';
import type { FaultMark } from './injection';
import type { FaultRow } from './rows';

export interface FaultRowMeasurement {
  outcome: DriverOutcome['outcome'] | 'crashed';
  error?: { name: string; message: string };
  /** Executions the emulator counted for the row's function (from its invocation-start lines if it was killed). */
  executions: number;
  fault?: FaultMark;
  /** Epoch ms: the runner saw the emulator start the callee; the caller's handler started / settled. */
  calleeStartAt?: number;
  handlerStartAt?: number;
  settledAt?: number;
  /** settledAt − the row's reference time (the fault, the callee's start or the handler's start). */
  detectionMs?: number;
  /** Invoke attempts the caller logged (its "response" line), when it succeeded. */
  attempts?: number;
  /** Emulator lines of the expectation's event kind for this function. */
  emulatorEventCount?: number;
  hygiene: {
    exitCode: number | null;
    /** From the handler's settle to the process's 'exit' event, its own clock; undefined when it was killed. */
    exitAfterSettleMs?: number;
    leakedResources: string[];
    unhandledRejection: boolean;
    /** Lab namespaces of this row's session still listed by `ip netns list` after teardown. */
    namespacesLeft: string[];
  };
}

/** Exit by itself within this long after the handler settled (Lambda would freeze anything still open). */
export const EXIT_AFTER_SETTLE_LIMIT_MS = 1_000;

export function referenceTime(
  row: FaultRow,
  measured: Pick<FaultRowMeasurement, 'fault' | 'calleeStartAt' | 'handlerStartAt'>,
): number | undefined {
  switch (row.expect.measuredFrom ?? 'fault') {
    case 'fault':
      return measured.fault?.at;
    case 'callee-start':
      return measured.calleeStartAt;
    case 'handler-start':
      return measured.handlerStartAt;
  }
}

/** Every way the row missed its expectation, as sentences; empty = passed. */
export function judgeFaultRow(row: FaultRow, measured: FaultRowMeasurement): string[] {
  const { expect } = row;
  const misses: string[] = [];
  const got = measured.error
    ? `${measured.outcome} ${measured.error.name}: ${measured.error.message}`
    : measured.outcome;
  if (measured.outcome !== expect.outcome) misses.push(`expected ${expect.outcome}, got ${got}`);
  if (expect.errorName !== undefined && measured.error?.name !== expect.errorName) {
    misses.push(`expected ${expect.errorName}, got ${measured.error?.name ?? 'no error'}`);
  }
  for (const text of expect.messageIncludes ?? []) {
    if (!(measured.error?.message ?? '').includes(text)) misses.push(`error message lacks ${JSON.stringify(text)}`);
  }
  if (measured.executions !== expect.executions)
    misses.push(`executions ${measured.executions}, expected ${expect.executions}`);
  const detection = measured.detectionMs;
  if (expect.detectionBoundMs !== undefined || expect.detectionMinMs !== undefined) {
    if (detection === undefined) misses.push('no detection time measured');
    else {
      if (expect.detectionBoundMs !== undefined && detection > expect.detectionBoundMs) {
        misses.push(`took ${detection} ms, bound ${expect.detectionBoundMs} ms`);
      }
      if (expect.detectionMinMs !== undefined && detection < expect.detectionMinMs) {
        misses.push(`took ${detection} ms, less than the ${expect.detectionMinMs} ms it must take`);
      }
    }
  }
  if (expect.emulatorEvents !== undefined && measured.emulatorEventCount !== expect.emulatorEvents.count) {
    misses.push(
      `${measured.emulatorEventCount ?? 0} "${expect.emulatorEvents.event}" lines, ` +
        `expected ${expect.emulatorEvents.count}`,
    );
  }
  const { hygiene } = measured;
  if (hygiene.exitCode !== 0) misses.push(`driver exit code ${String(hygiene.exitCode)}`);
  if (hygiene.exitAfterSettleMs === undefined || hygiene.exitAfterSettleMs > EXIT_AFTER_SETTLE_LIMIT_MS) {
    misses.push(
      `process did not exit by itself within ${EXIT_AFTER_SETTLE_LIMIT_MS} ms of the handler settling ` +
        `(${String(hygiene.exitAfterSettleMs)} ms)`,
    );
  }
  if (hygiene.leakedResources.length > 0)
    misses.push(`left open after the handler returned: ${hygiene.leakedResources.join(', ')}`);
  if (hygiene.unhandledRejection) misses.push('unhandled rejection in the caller process');
  if (hygiene.namespacesLeft.length > 0) misses.push(`namespaces left: ${hygiene.namespacesLeft.join(', ')}`);
  return misses;
}
