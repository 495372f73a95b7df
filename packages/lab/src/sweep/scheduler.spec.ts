/**
 * runSweep: bounded concurrency, longest cells first, results in cell order, aborts passed on to running
 * cells, spaced launches, and a bad concurrency refused.
 */
import { cellResult } from '../../test/support/cell-results';
import type { LabCell } from '../harness/clients';
import { buildCells } from './matrix';
import { runSweep } from './scheduler';

const cells = buildCells(['nat', 'endpoint'], ['keepalive-client', 'keepalive-off'], [100, 900, 400]);

describe('runSweep', () => {
  it(
    'never runs more cells at once than allowed, launches the longest first, ' + 'returns results in cell order',
    async () => {
      let running = 0;
      let mostAtOnce = 0;
      const launched: number[] = [];
      const progress: string[] = [];
      const results = await runSweep({
        cells,
        concurrency: 3,
        runCell: async (cell: LabCell) => {
          launched.push(cell.durationSeconds);
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await new Promise((resolve) => setImmediate(resolve));
          running -= 1;
          return cellResult(cell);
        },
        onCellDone: (_result, finished, total) => progress.push(`${finished}/${total}`),
      });
      expect(mostAtOnce).toBe(3);
      expect(launched.slice(0, 4)).toEqual([900, 900, 900, 900]);
      expect(results.map(({ path, client, durationSeconds }) => ({ path, client, durationSeconds }))).toEqual(cells);
      expect(progress).toHaveLength(cells.length);
      expect(progress.at(-1)).toBe(`${cells.length}/${cells.length}`);
    },
  );

  it('launches the cells launchFirst picks before all others, then the longest first', async () => {
    const launched: number[] = [];
    await runSweep({
      cells,
      concurrency: 1,
      launchFirst: (cell) => cell.durationSeconds === 400,
      runCell: async (cell: LabCell) => {
        launched.push(cell.durationSeconds);
        return cellResult(cell);
      },
    });
    expect(launched).toEqual([400, 400, 400, 400, 900, 900, 900, 900, 100, 100, 100, 100]);
  });

  it('stops launching and passes the abort on to the running cells when aborted (Ctrl-C)', async () => {
    const controller = new AbortController();
    let launched = 0;
    const sweep = runSweep({
      cells,
      concurrency: 2,
      signal: controller.signal,
      runCell: (cell, signal) => {
        launched += 1;
        // A hung cell: it only ends when the runner kills its driver.
        return new Promise((resolve) =>
          signal.addEventListener('abort', () => resolve(cellResult(cell, { verdict: 'hung' }))),
        );
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('interrupted'));
    await expect(sweep).rejects.toThrow('interrupted');
    expect(launched).toBe(2);
  });

  it('spaces launches by launchIntervalMs', async () => {
    const clock = 1_000;
    const waited: number[] = [];
    let launched = 0;
    await runSweep({
      cells: cells.slice(0, 4),
      concurrency: 4,
      launchIntervalMs: 150,
      now: () => clock,
      delay: async (ms) => {
        waited.push(ms);
      },
      runCell: async (cell) => {
        launched += 1;
        return cellResult(cell);
      },
    });
    // All four workers start at t=1000: the first launches at once, the others wait their turn.
    expect(waited).toEqual([150, 300, 450]);
    expect(launched).toBe(4);
  });

  it('rejects a concurrency that is not a whole number ≥ 1', async () => {
    await expect(runSweep({ cells, concurrency: 0, runCell: async (cell) => cellResult(cell) })).rejects.toThrow(
      /concurrency: 0 is invalid/,
    );
  });
});
