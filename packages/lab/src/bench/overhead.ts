/**
 * Overhead: latency of a 0 ms callee through the emulator on loopback, sequential calls, the shipped
 * client (createLambdaClient + invokeSync) against the bare SDK (LambdaClient.send(InvokeCommand)), and
 * the TCP connections each opened (goal: ≤ 1.02× the SDK's p50, one connection reused for every call).
 * Rounds interleave the clients (A B, B A, …), each round a fresh process per client; the ratio is taken
 * per round and summarised, so a noisy moment hits both sides of a pair.
 */
import type { BenchClient } from './clients';
import type { LoopbackService } from './loopback-service';
import { interleavedOrder, pairedRatios, quantile, type RatioSummary, type Summary, summarize } from './stats';

export const OVERHEAD_CLIENTS: readonly BenchClient[] = ['keepalive-client', 'sdk-default', 'sdk-own-agent'];

export interface OverheadSettings {
  rounds: number;
  callsPerRound: number;
}

export interface OverheadClientResult {
  latencyMs: Summary;
  /** Per round: [p50, p99] of that round's calls. */
  roundPercentilesMs: Array<{ p50: number; p99: number }>;
  /** Per round: TCP connections the process opened for its calls. */
  connectionsOpened: number[];
  failures: number;
  /** Raw latencies per round, ms. */
  samplesMs: number[][];
}

export interface OverheadResult {
  settings: OverheadSettings & { calleeSleepMs: 0 };
  clients: Partial<Record<BenchClient, OverheadClientResult>>;
  /** keepalive-client ÷ sdk-default, per round. */
  ratioP50: RatioSummary;
  ratioP99: RatioSummary;
}

export async function runOverheadBench(
  service: LoopbackService,
  settings: OverheadSettings,
  log: (line: string) => void,
): Promise<OverheadResult> {
  const rounds = new Map<BenchClient, Array<{ latenciesMs: number[]; connections: number; failures: number }>>();
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const client of interleavedOrder(OVERHEAD_CLIENTS, round)) {
      const { result, connectionsOpened } = await service.runClientProcess({
        client,
        mode: 'sequential',
        calls: settings.callsPerRound,
        durationSeconds: 0,
      });
      const list = rounds.get(client) ?? [];
      list.push({ latenciesMs: result.latenciesMs ?? [], connections: connectionsOpened, failures: result.failures });
      rounds.set(client, list);
    }
    log(`  overhead: round ${round + 1}/${settings.rounds} done`);
  }
  const clients: Partial<Record<BenchClient, OverheadClientResult>> = {};
  for (const [client, list] of rounds) {
    clients[client] = {
      latencyMs: summarize(list.flatMap((round) => round.latenciesMs)),
      roundPercentilesMs: list.map((round) => ({
        p50: quantile(round.latenciesMs, 0.5),
        p99: quantile(round.latenciesMs, 0.99),
      })),
      connectionsOpened: list.map((round) => round.connections),
      failures: list.reduce((sum, round) => sum + round.failures, 0),
      samplesMs: list.map((round) => round.latenciesMs.map((value) => Math.round(value * 1000) / 1000)),
    };
  }
  const subject = clients['keepalive-client']?.roundPercentilesMs ?? [];
  const peer = clients['sdk-default']?.roundPercentilesMs ?? [];
  return {
    settings: { ...settings, calleeSleepMs: 0 },
    clients,
    ratioP50: pairedRatios(
      subject.map((round) => round.p50),
      peer.map((round) => round.p50),
    ),
    ratioP99: pairedRatios(
      subject.map((round) => round.p99),
      peer.map((round) => round.p99),
    ),
  };
}
