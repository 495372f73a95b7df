/**
 * Sample counts per item: the full run (the sizes, a few minutes on 2 cores) and the smoke run
 * (CI: checks the bench works in seconds; the numbers mean nothing).
 */
import type { ColdStartSettings } from './cold-start';
import type { DetectionSettings } from './detection';
import type { FanoutSettings } from './fanout';
import type { OverheadSettings } from './overhead';
import type { ProbeTrafficSettings } from './probe-traffic';
import { DEFAULT_SURVIVAL, type SurvivalSettings } from './survival';

export interface BenchSettings {
  survival: SurvivalSettings;
  detection: DetectionSettings;
  overhead: OverheadSettings;
  fanout: FanoutSettings;
  coldStart: ColdStartSettings;
  probeTraffic: ProbeTrafficSettings;
}

export const FULL_SETTINGS: BenchSettings = {
  survival: DEFAULT_SURVIVAL,
  detection: { rounds: 4, faults: ['forget', 'blackhole'] },
  // 4 interleaved rounds × 500 = 2,000 sequential calls per client.
  overhead: { rounds: 4, callsPerRound: 500 },
  fanout: { rounds: 3, concurrency: 200, calleeSeconds: 5 },
  coldStart: { samples: 20 },
  probeTraffic: { durationSeconds: 400, baselineDurationSeconds: 300 },
};

export const SMOKE_SETTINGS: BenchSettings = {
  survival: { paths: ['nat'], durationsSeconds: [100] },
  // The blackhole bound is ≥ 11 s whatever the scale (10 probes 1 s apart): the smoke run checks forget only,
  // with the two clients that probe (the others never detect and would hold the round for its whole window).
  detection: { rounds: 1, faults: ['forget'], clients: ['keepalive-client', 'sdk-default'] },
  overhead: { rounds: 2, callsPerRound: 20 },
  fanout: { rounds: 1, concurrency: 10, calleeSeconds: 0.3 },
  coldStart: { samples: 2 },
  probeTraffic: { durationSeconds: 100, baselineDurationSeconds: 100 },
};
