/** The probe grid: its durations, the rules it is checked against, and the next round's grid. */
import { gridBetween, gridDurations, probeGridProblem } from './probe-grid';

const LIMITS = { maxSeconds: 900, maxProbes: 20 };

describe('gridDurations', () => {
  it('steps from fromSeconds to toSeconds inclusive', () => {
    expect(gridDurations({ fromSeconds: 300, toSeconds: 400, stepSeconds: 25 })).toEqual([300, 325, 350, 375, 400]);
  });

  it('always ends on toSeconds, even off the step', () => {
    expect(gridDurations({ fromSeconds: 100, toSeconds: 350, stepSeconds: 100 })).toEqual([100, 200, 300, 350]);
  });

  it('keeps scaled seconds to the millisecond (no float drift) and no near-duplicate last probe', () => {
    const durations = gridDurations({ fromSeconds: 0.6, toSeconds: 1.8, stepSeconds: 0.6 });
    expect(durations).toEqual([0.6, 1.2, 1.8]);
    const inner = gridDurations(gridBetween(340, 350, 8));
    expect(inner).toHaveLength(8);
    expect(inner[0]).toBeCloseTo(341.111, 3);
    expect(inner[7]).toBeCloseTo(348.889, 3);
  });
});

describe('probeGridProblem', () => {
  it('accepts a sane grid', () => {
    expect(probeGridProblem({ fromSeconds: 300, toSeconds: 400, stepSeconds: 10 }, LIMITS)).toBeUndefined();
  });

  it.each([
    [{ fromSeconds: 0, toSeconds: 400, stepSeconds: 10 }, 'fromSeconds', /above 0/],
    [{ fromSeconds: 300, toSeconds: Number.NaN, stepSeconds: 10 }, 'toSeconds', /above 0/],
    [{ fromSeconds: 300, toSeconds: 400, stepSeconds: -1 }, 'stepSeconds', /above 0/],
    [{ fromSeconds: 300, toSeconds: '400' as unknown as number, stepSeconds: 10 }, 'toSeconds', /number/],
    [{ fromSeconds: 300, toSeconds: 901, stepSeconds: 10 }, 'toSeconds', /at most 900 s/],
    [{ fromSeconds: 400, toSeconds: 400, stepSeconds: 10 }, 'fromSeconds', /below toSeconds/],
    [{ fromSeconds: 300, toSeconds: 400, stepSeconds: 200 }, 'stepSeconds', /two probes/],
    [{ fromSeconds: 100, toSeconds: 900, stepSeconds: 10 }, 'stepSeconds', /81 probes; at most 20/],
    [{ fromSeconds: 1, toSeconds: 900, stepSeconds: 1e-9 }, 'stepSeconds', /at most 20/],
  ])('%p → %s', (grid, field, rule) => {
    const problem = probeGridProblem(grid, LIMITS);
    expect(problem?.field).toBe(field);
    expect(problem?.rule).toMatch(rule);
  });
});

describe('gridBetween', () => {
  it('puts `probes` durations strictly inside the interval, evenly', () => {
    expect(gridDurations(gridBetween(300, 400, 4))).toEqual([320, 340, 360, 380]);
  });

  it('one probe is the midpoint', () => {
    expect(gridDurations(gridBetween(300, 400, 1))).toEqual([350]);
  });

  it('refuses an empty interval', () => {
    expect(() => gridBetween(400, 400, 3)).toThrow(RangeError);
    expect(() => gridBetween(300, 400, 0)).toThrow(RangeError);
  });
});
