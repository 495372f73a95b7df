/** Test support: a plausible CellResult for a cell, with the fields a spec cares about overridden. */
import type { CellResult } from '../../src/harness/cell-result';
import { calleeFunctionName, type LabCell } from '../../src/harness/clients';

/** A plausible cell result; specs override what they test. */
export function cellResult(cell: LabCell, overrides: Partial<CellResult> = {}): CellResult {
  return {
    ...cell,
    labDurationSeconds: cell.durationSeconds * 0.02,
    functionName: calleeFunctionName(cell),
    verdict: 'ok',
    elapsedMs: cell.durationSeconds * 20 + 150,
    executions: 1,
    driver: { exitCode: 0, signal: null, killedByRunner: false, stderrTail: '' },
    ...overrides,
  };
}
