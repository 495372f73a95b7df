/** The round-by-round search against simulated paths: it must land on the limit within the resolution. */
import type { ProbeAnswer, ProbeGrid } from '@lambda-keepalive/idle-limit';
import { gridDurations } from '@lambda-keepalive/idle-limit';
import { FIRST_ROUND_GRID, MAX_ROUNDS, searchDurations, searchIdleLimit } from './search';

/** A path forgetting flows idle at least `limit` s (a NAT's conntrack timeout), `overhead` s added to each. */
function pathWithLimit(limit: number, overhead = 0) {
  const grids: ProbeGrid[] = [];
  const run = async (grid: ProbeGrid): Promise<ProbeAnswer[]> => {
    grids.push(grid);
    return gridDurations(grid).map((durationSeconds) => ({
      durationSeconds,
      outcome: durationSeconds + overhead >= limit ? 'lost' : 'answered',
    }));
  };
  return { run, grids };
}

describe('searchIdleLimit', () => {
  it.each([350, 300, 345, 60, 5, 899])('finds a %p s limit within a 10 s resolution', async (limit) => {
    const path = pathWithLimit(limit, 2.5);
    const search = await searchIdleLimit(10, path.run);
    expect(search.stop).toBe('resolved');
    if (search.limit.kind !== 'between') throw new Error(`expected an interval, got ${search.limit.kind}`);
    expect(search.limit.forgottenSeconds - search.limit.survivedSeconds).toBeLessThanOrEqual(10);
    expect(search.limit.survivedSeconds).toBeLessThan(limit);
    expect(search.limit.forgottenSeconds).toBeGreaterThanOrEqual(limit - 2.5);
    expect(path.grids[0]).toEqual(FIRST_ROUND_GRID);
  });

  it('takes two rounds of nine calls for 350 s at 10 s resolution and says what they cost', async () => {
    const search = await searchIdleLimit(10, pathWithLimit(350).run);
    expect(search.limit).toEqual({ kind: 'between', survivedSeconds: 340, forgottenSeconds: 350 });
    expect(search.rounds).toHaveLength(2);
    const durations = searchDurations(search);
    expect(durations).toHaveLength(18);
    expect(durations.slice(9)).toEqual([310, 320, 330, 340, 350, 360, 370, 380, 390]);
  });

  it('stops at once when every probe is answered (no limit up to 900 s)', async () => {
    const search = await searchIdleLimit(10, pathWithLimit(10_000).run);
    expect(search).toMatchObject({ stop: 'no-limit', limit: { kind: 'above', survivedSeconds: 900 } });
    expect(search.rounds).toHaveLength(1);
  });

  it('stops on a contradiction (a longer idle answered after a shorter one was lost)', async () => {
    const flaky = async (grid: ProbeGrid): Promise<ProbeAnswer[]> =>
      gridDurations(grid).map((durationSeconds) => ({
        durationSeconds,
        outcome: durationSeconds === 300 || durationSeconds >= 600 ? 'lost' : 'answered',
      }));
    const search = await searchIdleLimit(10, flaky);
    expect(search.stop).toBe('contradiction');
    expect(search.contradictions).toEqual([400, 500]);
  });

  it('stops when nothing was answered or lost', async () => {
    const failing = async (grid: ProbeGrid): Promise<ProbeAnswer[]> =>
      gridDurations(grid).map((durationSeconds) => ({ durationSeconds, outcome: 'failed' }));
    const search = await searchIdleLimit(10, failing);
    expect(search.stop).toBe('inconclusive');
    expect(search.failed).toHaveLength(9);
  });

  it('gives up after MAX_ROUNDS when the resolution is finer than the rounds can reach', async () => {
    const search = await searchIdleLimit(0.0001, pathWithLimit(350).run);
    expect(search.stop).toBe('max-rounds');
    expect(search.rounds).toHaveLength(MAX_ROUNDS);
  });
});
