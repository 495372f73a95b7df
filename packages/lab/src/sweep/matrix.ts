/** What a sweep is made of: network paths × clients × callee durations (real-equivalent seconds). */
import type { LabCell, LabClient, LabPath } from '../harness';

/** Straddles the 350 s idle limit closely (340 / 360) and reaches Lambda's 900 s maximum. */
export const DEFAULT_DURATIONS_SECONDS: readonly number[] = [100, 300, 340, 360, 400, 600, 900];

/** Row-major: path, then client, then duration — the order of the table and of results.json. */
export function buildCells(
  paths: readonly LabPath[],
  clients: readonly LabClient[],
  durations: readonly number[],
): LabCell[] {
  return paths.flatMap((path) =>
    clients.flatMap((client) => durations.map((durationSeconds) => ({ path, client, durationSeconds }))),
  );
}
