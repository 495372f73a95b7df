/** checkGoals and renderGoals: each goal named with the measured figure; a slow or missing detection is missed. */
import { resolveTimeScale } from '../harness/time-scale';
import type { BenchDocument } from './document';
import { checkGoals, renderGoals } from './goals';
import { summarize } from './stats';

const base: BenchDocument = {
  tool: '@lambda-keepalive/lab bench',
  startedAt: '',
  finishedAt: '',
  wallClockMs: 0,
  machine: { nproc: 2, cpuModel: 'x', memoryGiB: 1, node: 'v20', kernel: '6' },
  options: { smoke: false, items: [], timeScale: resolveTimeScale(0.06), runtimes: ['nodejs24.x'] },
  skipped: [],
};

describe('bench goals', () => {
  it('names each goal with the measured figure, met or missed', () => {
    const goals = checkGoals({
      ...base,
      overhead: {
        settings: { rounds: 2, callsPerRound: 1, calleeSleepMs: 0 },
        clients: {
          'keepalive-client': {
            latencyMs: summarize([1]),
            roundPercentilesMs: [],
            connectionsOpened: [1, 2],
            failures: 0,
            samplesMs: [],
          },
        },
        ratioP50: { median: 1.01, min: 1, max: 1.02, pairs: 2 },
        ratioP99: { median: 1.5, min: 1, max: 2, pairs: 2 },
      },
    });
    expect(goals).toEqual([
      { goal: 'overhead: p50 ≤ 1.02× sdk-default', measured: '1.010×', met: true },
      {
        goal: 'overhead: one TCP connection reused for all sequential calls',
        measured: '1, 2 per process',
        met: false,
      },
    ]);
    expect(renderGoals(goals)).toBe(
      'goals:\n  met     overhead: p50 ≤ 1.02× sdk-default — 1.010×\n' +
        '  MISSED  overhead: one TCP connection reused for all sequential calls — 1, 2 per process',
    );
  });

  it('counts a detection past its bound, or none at all, as missed', () => {
    const row = (detected: number[] | null) => ({
      fault: 'forget' as const,
      client: 'keepalive-client' as const,
      boundSeconds: 4,
      detectedSeconds: detected === null ? null : summarize(detected),
      ratioToBound: null,
      samples: [],
    });
    const detection = (rows: ReturnType<typeof row>[]) =>
      checkGoals({
        ...base,
        detection: [
          {
            runtime: { name: 'nodejs24.x', node: '24.22.3', probesHonoured: true, kernelHz: 250 },
            settings: {
              rounds: 1,
              faults: ['forget'],
              windowSeconds: 20,
              keepAliveIdleSeconds: 4,
              keepAliveProbes: { intervalSeconds: 1, count: 6 },
              sdkAttempts: 1,
              note: '',
            },
            results: rows,
          },
        ],
      });
    expect(detection([row([1, 3.9])])[0]?.met).toBe(true);
    expect(detection([row([1, 5])])[0]?.met).toBe(false);
    expect(detection([row(null)])[0]).toMatchObject({ measured: 'never', met: false });
    expect(renderGoals([])).toBe('goals: none measured in this run');
  });

  it('holds a blackhole to idle + interval × count + 1 s where the runtime honours the probes, per runtime', () => {
    const blackhole = (max: number, probesHonoured: boolean) =>
      checkGoals({
        ...base,
        detection: [
          {
            runtime: { name: probesHonoured ? 'nodejs26.x' : 'nodejs22.x', node: 'x', probesHonoured, kernelHz: 250 },
            settings: {
              rounds: 1,
              faults: ['blackhole'],
              windowSeconds: 30,
              keepAliveIdleSeconds: 4,
              keepAliveProbes: { intervalSeconds: 1, count: 6 },
              sdkAttempts: 1,
              note: '',
            },
            results: [
              {
                fault: 'blackhole',
                client: 'keepalive-client',
                boundSeconds: probesHonoured ? 10.404 : 14.5,
                detectedSeconds: summarize([max]),
                ratioToBound: null,
                samples: [],
              },
            ],
          },
        ],
      });
    const on26 = blackhole(10.6, true);
    expect(on26.map((goal) => goal.goal)).toEqual([
      'detection (blackhole) on nodejs26.x: keepalive-client within the physical bound 10.404 s',
      'detection (blackhole) on nodejs26.x: within idle + interval × count + 1 s = 4 + 1 × 6 + 1 = 11 s',
    ]);
    expect(on26.map((goal) => goal.met)).toEqual([true, true]);
    expect(blackhole(11.2, true).map((goal) => goal.met)).toEqual([false, false]);
    expect(blackhole(14.3, false)).toHaveLength(1); // Node 22 ignores the probe settings: no such goal
  });
});
