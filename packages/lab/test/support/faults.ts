/**
 * Shared by the faults-*.spec.ts files: the rows' results by id, and the expectation every row must meet
 * (its misses, spelled out on failure).
 */
import type { FaultRowResult } from '../../src/faults/run-row';

export function resultOf(results: readonly FaultRowResult[], id: string): FaultRowResult {
  const found = results.find((result) => result.row.id === id);
  if (found === undefined) throw new Error(`no result for row ${id}`);
  return found;
}

/** The row's own judgement (outcome, error, message, executions, bounds, hygiene) must hold. */
export function expectRowMet(result: FaultRowResult): void {
  expect({ id: result.row.id, misses: result.misses }).toEqual({ id: result.row.id, misses: [] });
}
