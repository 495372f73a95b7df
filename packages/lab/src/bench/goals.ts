/**
 * The goals, checked against a run's numbers. Reported, never enforced: the bench is a
 * measurement (and a smoke run's tiny samples say nothing), so `pnpm bench` exits 0 whatever they say.
 */
import type { BenchDocument } from './document';

export interface GoalVerdict {
  goal: string;
  measured: string;
  met: boolean;
}

export function checkGoals(document: BenchDocument): GoalVerdict[] {
  const goals: GoalVerdict[] = [];
  const survival = document.survival?.rows.filter((row) => row.client === 'keepalive-client');
  if (survival && survival.length > 0) {
    const completed = survival.reduce((sum, row) => sum + row.completed, 0);
    const calls = survival.reduce((sum, row) => sum + row.calls, 0);
    goals.push({
      goal: 'survival: keepalive-client completes 100 % at every duration',
      measured: `${completed}/${calls}`,
      met: completed === calls,
    });
  }
  for (const row of document.detection?.results.filter((candidate) => candidate.client === 'keepalive-client') ?? []) {
    const median = row.detectedSeconds?.median;
    goals.push({
      goal: `detection (${row.fault}): keepalive-client within the physical bound ${row.boundSeconds} s`,
      measured:
        median === undefined ? 'never' : `median ${median.toFixed(2)} s, max ${row.detectedSeconds?.max.toFixed(2)} s`,
      // 0.5 s of process and scheduling latency on top of the kernel's own timing.
      met:
        row.detectedSeconds !== null && row.boundSeconds !== null && row.detectedSeconds.max <= row.boundSeconds + 0.5,
    });
  }
  const overhead = document.overhead;
  if (overhead) {
    goals.push({
      goal: 'overhead: p50 ≤ 1.02× sdk-default',
      measured: `${overhead.ratioP50.median.toFixed(3)}×`,
      met: overhead.ratioP50.median <= 1.02,
    });
    const connections = overhead.clients['keepalive-client']?.connectionsOpened ?? [];
    goals.push({
      goal: 'overhead: one TCP connection reused for all sequential calls',
      measured: `${connections.join(', ')} per process`,
      met: connections.every((count) => count === 1),
    });
  }
  const shipped = document.fanout?.clients['keepalive-client'];
  if (shipped) {
    goals.push({
      goal: 'fan-out: burst ≤ 1.2× one call',
      measured: `${shipped.slowdown.median.toFixed(2)}×`,
      met: shipped.slowdown.median <= 1.2 && shipped.failures === 0,
    });
  }
  const coldStart = document['cold-start'];
  if (coldStart) {
    goals.push({
      goal: 'cold start: bytes ≤ 0.7× esbuild-minify SDK bundle',
      measured: `${coldStart.bytesRatio.toFixed(2)}×`,
      met: coldStart.bytesRatio <= 0.7,
    });
    goals.push({
      goal: 'cold start: init ≤ 0.6× esbuild-minify SDK bundle',
      measured: `${coldStart.initRatio.median.toFixed(2)}×`,
      met: coldStart.initRatio.median <= 0.6,
    });
  }
  return goals;
}

export function renderGoals(goals: readonly GoalVerdict[]): string {
  if (goals.length === 0) return 'goals: none measured in this run';
  return [
    'goals:',
    ...goals.map((goal) => `  ${goal.met ? 'met   ' : 'MISSED'}  ${goal.goal} — ${goal.measured}`),
  ].join('\n');
}
