/**
 * Probe traffic: packets and bytes each middlebox forwarded (its nftables counter) for one long call per
 * client — the cost side of the keepalive idle. Two calls run at once, one per middlebox (the counters are
 * per box). The baseline is keepalive-off on a call BELOW the idle limit: it completes with no probe, so
 * (client − baseline) / 2 = probe exchanges (probe + ACK). keepalive-off at the long duration would hang
 * with its answer dropped, which is not a fair baseline.
 */
import type { Middlebox } from '@lambda-keepalive/hyperplane-net';
import {
  type LabCell,
  type LabClient,
  type LabPath,
  openLabSession,
  SDK_DELAYED_KEEPALIVE_SECONDS,
  type TimeScale,
  toLabSeconds,
} from '../harness';
import { createBenchCellRunner } from './cell-host';
import { COMPARED_IDLE_SECONDS, type IdleCost, idleCost, probeExchanges } from './probe-cost';

const PATH_BOX: Record<LabPath, Middlebox> = { nat: 'natGateway', endpoint: 'interfaceEndpoint' };

export interface ProbeTrafficSettings {
  /** Real-equivalent callee duration of the measured calls. */
  durationSeconds: number;
  /** Real-equivalent callee duration of the baseline call (below 350 s). */
  baselineDurationSeconds: number;
}

export interface ProbeTrafficRow {
  client: LabClient;
  path: LabPath;
  durationSeconds: number;
  verdict: string;
  packets: number;
  bytes: number;
  /** Measured probe exchanges (vs the baseline) and what the idle predicts. */
  probeExchanges: number | null;
  expectedExchanges: number | null;
}

export interface ProbeTrafficResult {
  settings: ProbeTrafficSettings & { labDurationSeconds: number; keepAliveIdleSeconds: number };
  rows: ProbeTrafficRow[];
  /** Measured from keepalive-client vs the baseline (same caller bundle, same request). */
  bytesPerProbeExchange: number | null;
  /** Per connection per hour, real seconds, for idle 1 / 60 / 300 at the measured exchange size. */
  idleCosts: IdleCost[];
}

export async function runProbeTrafficBench(
  timeScale: TimeScale,
  settings: ProbeTrafficSettings,
  log: (line: string) => void,
): Promise<ProbeTrafficResult> {
  const long = settings.durationSeconds;
  const rounds: LabCell[][] = [
    [
      { path: 'nat', client: 'keepalive-client', durationSeconds: long },
      { path: 'endpoint', client: 'sdk-default', durationSeconds: long },
    ],
    [
      { path: 'nat', client: 'keepalive-off', durationSeconds: settings.baselineDurationSeconds },
      { path: 'endpoint', client: 'sdk-own-agent', durationSeconds: long },
    ],
  ];
  const labDurationSeconds = toLabSeconds(timeScale, long);
  const session = await openLabSession({ timeScale, cells: rounds.flat() });
  const rows: ProbeTrafficRow[] = [];
  try {
    // The window: the long call plus 4 s; a hung client (no keepalive past the limit) costs no more.
    const runCellInBench = createBenchCellRunner(session, {
      windowMs: (labDurationSeconds + 4) * 1000,
      sdkSingleAttempt: false,
    });
    for (const cells of rounds) {
      const before = await Promise.all(cells.map((cell) => session.network.forwardedCounters(PATH_BOX[cell.path])));
      const results = await Promise.all(cells.map((cell) => runCellInBench(cell)));
      const after = await Promise.all(cells.map((cell) => session.network.forwardedCounters(PATH_BOX[cell.path])));
      results.forEach((result, index) => {
        // The bench runs only the Node drivers' clients (its cells come from LAB_CLIENTS).
        const client = result.client as LabClient;
        rows.push({
          client,
          path: result.path,
          durationSeconds: result.durationSeconds,
          verdict: result.verdict,
          packets: (after[index]?.packets ?? 0) - (before[index]?.packets ?? 0),
          bytes: (after[index]?.bytes ?? 0) - (before[index]?.bytes ?? 0),
          probeExchanges: null,
          expectedExchanges: expectedExchanges(client, labDurationSeconds, timeScale),
        });
      });
      log(`  probe-traffic: ${cells.map((cell) => `${cell.client}@${cell.path}`).join(' + ')} done`);
    }
  } finally {
    await session.close();
  }
  const baseline = rows.find((row) => row.client === 'keepalive-off');
  for (const row of rows) {
    // Only clients that probe: a difference for the others is connection handling (an agent without
    // keepAlive closes with FIN after the answer), not probes.
    if (baseline === undefined || row.expectedExchanges === null || row.verdict !== 'ok') continue;
    row.probeExchanges = probeExchanges(row, baseline)?.exchanges ?? 0;
  }
  const shipped = rows.find((row) => row.client === 'keepalive-client');
  const measured = shipped && baseline ? probeExchanges(shipped, baseline) : undefined;
  return {
    settings: { ...settings, labDurationSeconds, keepAliveIdleSeconds: timeScale.keepAliveIdleSeconds },
    rows,
    bytesPerProbeExchange: measured?.bytesPerExchange ?? null,
    idleCosts:
      measured === undefined ? [] : COMPARED_IDLE_SECONDS.map((idle) => idleCost(idle, measured.bytesPerExchange)),
  };
}

/** Probes a client sends in the call: one per idle from connect (ours) or from 3 s after the request (SDK). */
function expectedExchanges(client: LabClient, labDurationSeconds: number, timeScale: TimeScale): number | null {
  if (client === 'keepalive-client') return Math.floor(labDurationSeconds / timeScale.keepAliveIdleSeconds);
  if (client === 'sdk-default')
    return Math.max(
      0,
      Math.floor((labDurationSeconds - SDK_DELAYED_KEEPALIVE_SECONDS.delay) / SDK_DELAYED_KEEPALIVE_SECONDS.idle),
    );
  return null;
}
