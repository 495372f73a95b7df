/**
 * Dead-flow detection: a long call per client is in flight through a middlebox, the middlebox forgets
 * the flow (conntrack entries deleted → the next inside packet gets RST) or blackholes it (every packet
 * dropped), and we time fault → the caller's error, against the physical bound — the kernel's worst case for
 * the client's keepalive settings, timer wheel included (src/harness/keepalive-timers.ts):
 * - forget: the next keepalive probe (probes re-arm every idle while answered);
 * - blackhole: the next probe, then `count` unanswered probes `interval` apart — the client's probe settings
 *   where the runtime's Node honours them (>= 24.19), else libuv's 10 × 1 s (docs/node-keepalive.md).
 * keepalive-client's idle is the scaled 60 s; sdk-default's is 1 s (its setKeepAlive(true, 1000) 3 s after the
 * request, two arguments: libuv's 10 × 1 s everywhere); keepalive-off and sdk-own-agent never probe.
 * One run is one runtime: its Node runs every client.
 * Each round runs both faults at once on the two middleboxes (forget on one path, blackhole on the other,
 * swapped every round), all clients side by side. The fault comes a random time after the SDK's delayed
 * keepalive is armed, so the probe phase differs between rounds.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Middlebox } from '@lambda-keepalive/hyperplane-net';
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import type { RowPhysics } from '../faults';
import { type FaultMark, forgetFlows, startBlackhole, waitForExecutionStart } from '../faults';
import {
  calleeFunctionName,
  keepaliveTimingBounds,
  LAB_CLIENTS,
  type LabCell,
  type LabClient,
  type LabPath,
  LIBUV_PROBES,
  openLabSession,
  REAL_SECONDS,
  SDK_DELAYED_KEEPALIVE_SECONDS,
  shippedClientKeepAlive,
  type TimeScale,
} from '../harness';
import { type BenchCellResult, createBenchCellRunner } from './cell-host';
import { type Summary, summarize } from './stats';

export type DetectionFault = 'forget' | 'blackhole';
const PATH_BOX: Record<LabPath, Middlebox> = { nat: 'natGateway', endpoint: 'interfaceEndpoint' };

export interface DetectionSettings {
  rounds: number;
  faults: DetectionFault[];
  /**
   * Default: all. keepalive-off and sdk-own-agent never detect, so they hold every round open for the
   * whole window: the smoke run leaves them out to take seconds (their rows would only say "never").
   */
  clients?: LabClient[];
}

export interface DetectionSample {
  round: number;
  path: LabPath;
  /** Lab seconds from fault to the caller's result, or null when none came within the window. */
  detectedSeconds: number | null;
  outcome: string;
}

export interface DetectionClientResult {
  fault: DetectionFault;
  client: LabClient;
  /** Physical bound, lab seconds; null = the client never probes. */
  boundSeconds: number | null;
  detectedSeconds: Summary | null;
  /** median detected ÷ bound. */
  ratioToBound: number | null;
  samples: DetectionSample[];
}

export interface DetectionResult {
  /** The runtime whose Node ran every client in this run, and the physics its bounds assumed. */
  runtime: { name: string; node: string; probesHonoured: boolean; kernelHz: number | undefined };
  settings: DetectionSettings & {
    windowSeconds: number;
    keepAliveIdleSeconds: number;
    keepAliveProbes: { intervalSeconds: number; count: number };
    sdkAttempts: 1;
    note: string;
  };
  results: DetectionClientResult[];
}

/** The kernel's worst case for the client's keepalive, seconds (3 decimals); null = the client never probes. */
export function detectionBound(
  client: LabClient,
  fault: DetectionFault,
  timeScale: TimeScale,
  physics: RowPhysics,
): number | null {
  const settings =
    client === 'keepalive-client'
      ? shippedClientKeepAlive(timeScale, physics.probesHonoured)
      : client === 'sdk-default'
        ? { idleSeconds: SDK_DELAYED_KEEPALIVE_SECONDS.idle, ...LIBUV_PROBES }
        : null;
  if (settings === null) return null;
  const bounds = keepaliveTimingBounds(settings, physics.kernelHz);
  return (fault === 'forget' ? bounds.nextProbeMaxMs : bounds.blackholeDeathMaxMs) / 1000;
}

/**
 * The client threw because of the connection — not because its own deadline came (the caller bundle's
 * DeadlineExceededError, or the driver's timeout). The SDK names a reset or a probe timeout
 * `TimeoutError` ("read ECONNRESET", "read ETIMEDOUT"): for this item that IS the detection, although
 * the lab's survival verdict files TimeoutError under "hung".
 */
function detectedError(result: BenchCellResult): boolean {
  return (
    result.error !== undefined &&
    result.error.name !== 'DeadlineExceededError' &&
    result.error.name !== 'KilledByRunner'
  );
}

/**
 * Seconds from the fault to the client's connection error, or null when it was no detection: no error, the
 * client's own deadline, or an error that came BEFORE the fault (the call failed for another reason — once the
 * callee refused its sleep, and a detection of −6.8 s was counted).
 */
export function detectionSeconds(result: BenchCellResult, faultAt: number): number | null {
  if (!detectedError(result) || result.resultAt === undefined || !(result.resultAt >= faultAt)) return null;
  return (result.resultAt - faultAt) / 1000;
}

export async function runDetectionBench(
  timeScale: TimeScale,
  settings: DetectionSettings,
  log: (line: string) => void,
  runtime: LambdaRuntime,
  physics: RowPhysics,
): Promise<DetectionResult> {
  const idle = timeScale.keepAliveIdleSeconds;
  const clients = settings.clients ?? LAB_CLIENTS;
  const armSeconds = SDK_DELAYED_KEEPALIVE_SECONDS.delay + SDK_DELAYED_KEEPALIVE_SECONDS.idle;
  const longestBound = Math.max(
    ...settings.faults.map((fault) => detectionBound('keepalive-client', fault, timeScale, physics) ?? 0),
    armSeconds,
  );
  // Driver clock: start-up slack + arming + random phase (≤ idle) + the longest bound + 3 s to see it land.
  const windowSeconds = 2 + armSeconds + idle + longestBound + 3;
  // A distinct callee per round (the duration is part of its name): "started" must mean this round's call.
  const cellsOf = (round: number): LabCell[] =>
    (['nat', 'endpoint'] as const).flatMap((path) =>
      clients.map((client) => ({ path, client, durationSeconds: REAL_SECONDS.functionTimeout - round })),
    );
  const allCells = Array.from({ length: settings.rounds }, (_, round) => cellsOf(round)).flat();
  const session = await openLabSession({ timeScale, cells: allCells, runtime });
  const samples = new Map<string, DetectionSample[]>();
  try {
    const runCellInBench = createBenchCellRunner(session, { windowMs: windowSeconds * 1000, sdkSingleAttempt: true });
    for (let round = 0; round < settings.rounds; round += 1) {
      const faultOn: Partial<Record<LabPath, DetectionFault>> =
        round % 2 === 0
          ? { nat: settings.faults[0], endpoint: settings.faults[1] }
          : { nat: settings.faults[1], endpoint: settings.faults[0] };
      const cells = cellsOf(round).filter((cell) => faultOn[cell.path] !== undefined);
      const running = cells.map((cell) => runCellInBench(cell));
      await Promise.all(
        cells.map((cell) => waitForExecutionStart(session.emulator, calleeFunctionName(cell), windowSeconds * 1000)),
      );
      await sleep((armSeconds + Math.random() * idle) * 1000);
      const marks = new Map<LabPath, FaultMark>();
      const blackholes: Array<() => Promise<unknown>> = [];
      for (const [path, fault] of Object.entries(faultOn) as Array<[LabPath, DetectionFault | undefined]>) {
        if (fault === undefined) continue;
        if (fault === 'forget') marks.set(path, await forgetFlows(session.network, PATH_BOX[path]));
        else {
          const blackhole = await startBlackhole(session.network, PATH_BOX[path]);
          blackholes.push(() => blackhole.lift());
          marks.set(path, blackhole);
        }
      }
      let results: BenchCellResult[];
      try {
        results = await Promise.all(running);
      } finally {
        for (const lift of blackholes) await lift();
      }
      for (const result of results) {
        const fault = faultOn[result.path] as DetectionFault;
        const detected = detectionSeconds(result, marks.get(result.path)?.at ?? Number.NaN);
        const key = `${fault}\u0000${result.client}`;
        samples.set(key, [
          ...(samples.get(key) ?? []),
          {
            round,
            path: result.path,
            detectedSeconds: detected,
            outcome: result.error
              ? `${result.verdict}: ${result.error.name}: ${result.error.message.slice(0, 120)}`
              : result.verdict,
          },
        ]);
      }
      log(
        `  detection: round ${round + 1}/${settings.rounds} done (${Object.entries(faultOn)
          .filter(([, fault]) => fault !== undefined)
          .map(([path, fault]) => `${fault} on ${path}`)
          .join(', ')})`,
      );
    }
  } finally {
    await session.close();
  }
  const results = settings.faults.flatMap((fault) =>
    clients.map((client): DetectionClientResult => {
      const list = samples.get(`${fault}\u0000${client}`) ?? [];
      const detected = list.map((sample) => sample.detectedSeconds).filter((value): value is number => value !== null);
      const boundSeconds = detectionBound(client, fault, timeScale, physics);
      const summary = detected.length === list.length && detected.length > 0 ? summarize(detected) : null;
      return {
        fault,
        client,
        boundSeconds,
        detectedSeconds: summary,
        ratioToBound: summary !== null && boundSeconds !== null ? summary.median / boundSeconds : null,
        samples: list,
      };
    }),
  );
  const probes = shippedClientKeepAlive(timeScale, physics.probesHonoured);
  return {
    runtime: { name: runtime.name, node: runtime.node, ...physics },
    settings: {
      ...settings,
      windowSeconds,
      keepAliveIdleSeconds: idle,
      keepAliveProbes: { intervalSeconds: probes.intervalSeconds, count: probes.count },
      sdkAttempts: 1,
      note:
        'a client with no result within the window sends nothing on the dead flow: ' +
        'it would wait until its own (900 s) timeout',
    },
    results,
  };
}
