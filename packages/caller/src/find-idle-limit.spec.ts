/**
 * findIdleLimit with an injected probe invoke (the real one is tested in handler-find-idle-limit.spec.ts and
 * against the built bundle): all probes at once, one invoke each, each with its own deadline; outcomes from
 * the client's errors; the interval, contradictions, failures and callee-seconds in the report.
 */
import { CalleeFunctionError, DeadlineExceededError, InvokeServiceError } from '@lambda-keepalive/client';
import { findIdleLimit, type InvokeProbe } from './find-idle-limit';

const grid = { fromSeconds: 300, toSeconds: 400, stepSeconds: 20, marginSeconds: 10 };

/** Settles a probe as a path with an idle limit would: answers below `limitSeconds`, lost at or above it. */
function pathWithLimit(limitSeconds: number, overrides: Record<number, () => Promise<unknown>> = {}): InvokeProbe {
  return async ({ durationSeconds, deadline }) => {
    const override = overrides[durationSeconds];
    if (override) return override();
    if (durationSeconds < limitSeconds) return { sleptMs: durationSeconds * 1000 };
    throw new DeadlineExceededError(durationSeconds * 1000 + 10_000, deadline);
  };
}

describe('findIdleLimit', () => {
  it('runs every probe at once, one invoke each, before any has settled', async () => {
    const seen: number[] = [];
    const releases: Array<() => void> = [];
    const invoke: InvokeProbe = ({ durationSeconds }) => {
      seen.push(durationSeconds);
      return new Promise((resolve) => releases.push(() => resolve({})));
    };
    const running = findIdleLimit(grid, invoke);
    await Promise.resolve();
    expect(seen).toEqual([300, 320, 340, 360, 380, 400]);
    for (const release of releases) release();
    await expect(running).resolves.toMatchObject({ limit: { kind: 'above', survivedSeconds: 400 } });
    expect(seen).toHaveLength(6);
  });

  it('gives each probe the deadline duration + margin from its own start', async () => {
    const deadlines: Record<number, number> = {};
    let clock = 1_000_000;
    const now = () => clock++;
    await findIdleLimit(
      grid,
      async ({ durationSeconds, deadline }) => {
        deadlines[durationSeconds] = deadline;
      },
      now,
    );
    // now() is read once for the whole run, then once per probe start (in grid order) and once per settle.
    expect(deadlines[300]).toBe(1_000_001 + 310_000);
    expect(deadlines[320]).toBe(1_000_002 + 330_000);
  });

  it('reports the interval, each probe, and the callee-seconds of the whole grid', async () => {
    const report = await findIdleLimit(grid, pathWithLimit(350));
    expect(report).toMatchObject({
      limit: { kind: 'between', survivedSeconds: 340, forgottenSeconds: 360 },
      finding: 'forgets idle flows between 340 s and 360 s',
      contradictions: [],
      failed: [],
      calleeSeconds: 300 + 320 + 340 + 360 + 380 + 400,
      grid,
    });
    expect(report.probes.map(({ durationSeconds, outcome }) => [durationSeconds, outcome])).toEqual([
      [300, 'answered'],
      [320, 'answered'],
      [340, 'answered'],
      [360, 'lost'],
      [380, 'lost'],
      [400, 'lost'],
    ]);
    expect(report.probes.every((probe) => typeof probe.elapsedMs === 'number')).toBe(true);
  });

  it('reports other failures as failed with their names, and answers above a loss as contradictions', async () => {
    const throttled = async () => {
      throw new InvokeServiceError(429, 'TooManyRequestsException', 'Rate Exceeded.');
    };
    const threw = async () => {
      throw new CalleeFunctionError('callee', 'Error', 'boom', [], 'Unhandled');
    };
    const report = await findIdleLimit(grid, pathWithLimit(350, { 320: throttled, 340: threw, 380: async () => ({}) }));
    expect(report.limit).toEqual({ kind: 'between', survivedSeconds: 300, forgottenSeconds: 360 });
    expect(report.failed).toEqual([320, 340]);
    expect(report.contradictions).toEqual([380]);
    expect(report.probes.filter((probe) => probe.outcome === 'failed')).toEqual([
      {
        durationSeconds: 320,
        outcome: 'failed',
        elapsedMs: expect.any(Number),
        errorName: 'InvokeServiceError',
        errorType: 'TooManyRequestsException',
      },
      {
        durationSeconds: 340,
        outcome: 'failed',
        elapsedMs: expect.any(Number),
        errorName: 'CalleeFunctionError',
        errorType: 'Error',
      },
    ]);
  });

  it('is inconclusive when every probe failed, and names a non-Error rejection', async () => {
    const report = await findIdleLimit(grid, () => Promise.reject('not an error'));
    expect(report.limit).toEqual({ kind: 'inconclusive' });
    expect(report.probes[0]).toMatchObject({ outcome: 'failed', errorName: 'NonError' });
  });
});
