/**
 * Runs cells with bounded concurrency. The lab network is shared and a waiting call costs almost no CPU,
 * so cells run side by side; launching the longest callee durations first keeps the sweep as short as
 * its longest cell. Launches are spaced (launchIntervalMs): every driver is a fresh Node process that
 * loads the SDK, and 56 of them starting at once on 2 cores delay the emulator's worker starts by up to
 * a second — added to the flow's idle time, that flips the 340 s cell (measured). The boto3 drivers cost
 * more (a Python process importing boto3, ~0.4 CPU-s each): launched last, the 340 s boto3 cells hung in
 * 3 of 14 cells (measured, default sweep), so cells `launchFirst` picks (those just below the idle limit,
 * whose verdict hinges on sub-second timing) go before all others, while the machine is still quiet.
 * Results come back in the cells' own order whatever order they finished in.
 */
import { setMaxListeners } from 'node:events';
import type { CellResult, LabCell } from '../harness';
import { InvalidLabInputError } from '../lab-errors';

export interface SweepOptions {
  cells: readonly LabCell[];
  concurrency: number;
  runCell(cell: LabCell, signal: AbortSignal): Promise<CellResult>;
  /** Called as each cell finishes, with the running count. */
  onCellDone?(result: CellResult, finished: number, total: number): void;
  /** Aborting stops launching cells and is passed on to the running ones (Ctrl-C). */
  signal?: AbortSignal;
  /** Cells launched before all others (then longest first, as the rest). */
  launchFirst?(cell: LabCell): boolean;
  /** Minimum time between two launches (default 0). */
  launchIntervalMs?: number;
  now?: () => number;
  delay?: (ms: number) => Promise<void>;
}

export async function runSweep(options: SweepOptions): Promise<CellResult[]> {
  const { cells, signal = new AbortController().signal } = options;
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new InvalidLabInputError('concurrency', options.concurrency, 'must be a whole number ≥ 1');
  }
  const launchOrder = cells
    .map((cell, index) => ({ cell, index }))
    .sort(
      (a, b) =>
        Number(options.launchFirst?.(b.cell) ?? false) - Number(options.launchFirst?.(a.cell) ?? false) ||
        b.cell.durationSeconds - a.cell.durationSeconds,
    );
  const results: CellResult[] = new Array<CellResult>(cells.length);
  const { launchIntervalMs = 0, now = Date.now, delay = defaultDelay } = options;
  let next = 0;
  let finished = 0;
  let nextLaunchAt = Number.NEGATIVE_INFINITY;
  const worker = async (): Promise<void> => {
    for (;;) {
      const item = launchOrder[next];
      if (item === undefined || signal.aborted) return;
      next += 1;
      const launchAt = Math.max(now(), nextLaunchAt);
      nextLaunchAt = launchAt + launchIntervalMs;
      if (launchAt > now()) await delay(launchAt - now());
      if (signal.aborted) return;
      const result = await options.runCell(item.cell, signal);
      results[item.index] = result;
      finished += 1;
      options.onCellDone?.(result, finished, cells.length);
    }
  };
  // Every running cell listens for the abort: more than the default 10 is expected, not a leak.
  setMaxListeners(options.concurrency + 10, signal);
  const abortReason = (): Error => (signal.reason instanceof Error ? signal.reason : new Error('sweep aborted'));
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, cells.length) }, worker));
  } catch (error) {
    // Once aborted, a cell failing because the lab is being torn down is a consequence, not the cause.
    throw signal.aborted ? abortReason() : error;
  }
  if (signal.aborted) throw abortReason();
  return results;
}

function defaultDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
