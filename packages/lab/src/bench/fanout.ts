/**
 * Fan-out: N concurrent calls of a callee sleeping S seconds from one process, wall time of the burst
 * over one lone call of the same callee in the same process (goal ≤ 1.2×), and the process's peak RSS.
 * sdk-default is shown too: its agent's maxSockets 50 queues calls 51…N, so N = 200 takes ~4 rounds of S
 * (docs/aws-sdk-v3.md). The emulator runs every call in its own worker thread (~25–45 ms CPU to start
 * one); a warm-up burst first starts N workers so the rounds measure the client, not worker start-up.
 */
import type { BenchClient } from './clients';
import type { LoopbackService } from './loopback-service';
import { interleavedOrder, pairedRatios, type RatioSummary, type Summary, summarize } from './stats';

export const FANOUT_CLIENTS: readonly BenchClient[] = ['keepalive-client', 'sdk-default'];

export interface FanoutSettings {
  rounds: number;
  concurrency: number;
  calleeSeconds: number;
}

export interface FanoutClientResult {
  /** burst ÷ lone call, per round. */
  slowdown: Summary;
  burstMs: number[];
  singleMs: number[];
  maxRssMiB: number[];
  connectionsOpened: number[];
  failures: number;
  firstFailure?: string;
}

export interface FanoutResult {
  settings: FanoutSettings & { warmUp: string };
  clients: Partial<Record<BenchClient, FanoutClientResult>>;
  /** keepalive-client's peak RSS ÷ sdk-default's, per round. */
  rssRatio: RatioSummary;
}

export async function runFanoutBench(
  service: LoopbackService,
  settings: FanoutSettings,
  log: (line: string) => void,
): Promise<FanoutResult> {
  const burst = { mode: 'fanout' as const, calls: settings.concurrency, durationSeconds: settings.calleeSeconds };
  // Warm-up: the shipped client opens all N at once, so the emulator starts N warm workers (kept for the run).
  await service.runClientProcess({ client: 'keepalive-client', ...burst });
  log(`  fanout: warm-up burst of ${settings.concurrency} done`);
  const runs = new Map<
    BenchClient,
    Array<{
      burstMs: number;
      singleMs: number;
      rssMiB: number;
      connections: number;
      failures: number;
      firstFailure?: string;
    }>
  >();
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const client of interleavedOrder(FANOUT_CLIENTS, round)) {
      const { result, connectionsOpened } = await service.runClientProcess({ client, ...burst });
      const list = runs.get(client) ?? [];
      list.push({
        burstMs: result.burstMs ?? Number.NaN,
        singleMs: result.singleMs ?? Number.NaN,
        rssMiB: Math.round((result.maxRssKiB / 1024) * 10) / 10,
        connections: connectionsOpened,
        failures: result.failures,
        firstFailure: result.firstFailure,
      });
      runs.set(client, list);
    }
    log(`  fanout: round ${round + 1}/${settings.rounds} done`);
  }
  const clients: Partial<Record<BenchClient, FanoutClientResult>> = {};
  for (const [client, list] of runs) {
    clients[client] = {
      slowdown: summarize(list.map((run) => run.burstMs / run.singleMs)),
      burstMs: list.map((run) => Math.round(run.burstMs)),
      singleMs: list.map((run) => Math.round(run.singleMs)),
      maxRssMiB: list.map((run) => run.rssMiB),
      connectionsOpened: list.map((run) => run.connections),
      failures: list.reduce((sum, run) => sum + run.failures, 0),
      firstFailure: list.find((run) => run.firstFailure !== undefined)?.firstFailure,
    };
  }
  return {
    settings: {
      ...settings,
      warmUp: `one keepalive-client burst of ${settings.concurrency} before the rounds (starts the emulator's workers)`,
    },
    clients,
    rssRatio: pairedRatios(clients['keepalive-client']?.maxRssMiB ?? [], clients['sdk-default']?.maxRssMiB ?? []),
  };
}
