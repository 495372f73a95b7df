/** The bench's results.json: the document every item's raw samples go into, and the machine it ran on. */
import { cpus, release, totalmem } from 'node:os';
import type { TimeScale } from '../harness';
import type { ColdStartResult } from './cold-start';
import type { DetectionResult } from './detection';
import type { FanoutResult } from './fanout';
import type { BenchItem } from './options';
import type { OverheadResult } from './overhead';
import type { ProbeTrafficResult } from './probe-traffic';
import type { SurvivalResult } from './survival';

/** results.json of a bench run: the machine, the options, what was skipped and why, every item's raw samples. */
export interface BenchDocument {
  tool: '@lambda-keepalive/lab bench';
  startedAt: string;
  finishedAt: string;
  wallClockMs: number;
  machine: MachineInfo;
  options: { smoke: boolean; items: BenchItem[]; timeScale: TimeScale; runtimes: string[] };
  skipped: Array<{ item: BenchItem; reason: string }>;
  survival?: SurvivalResult;
  /** One run per runtime. */
  detection?: DetectionResult[];
  overhead?: OverheadResult;
  fanout?: FanoutResult;
  /** One run per runtime (the bundles are the same; the Node that loads them differs). */
  'cold-start'?: ColdStartResult[];
  'probe-traffic'?: ProbeTrafficResult;
}

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kernel: string;
}

export function machineInfo(): MachineInfo {
  return {
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: release(),
  };
}
