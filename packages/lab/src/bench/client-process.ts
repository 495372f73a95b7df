/**
 * One client in a fresh Node process, driven by the loopback items (overhead, fanout):
 *
 *   node dist/bench/client-process.js \
 *     '{"client":"sdk-default","mode":"sequential","functionName":"f","calls":500,"durationSeconds":0}'
 *
 * A process per client and round: each client loads only its own code, the peak RSS is its own, and its
 * first call opens its own connection (the emulator counts connections per run of this process).
 * Prints ONE JSON line (BenchProcessResult) and exits.
 */

import { InvalidLabInputError } from '../lab-errors';
import { type BenchClient, createBenchInvoker, isBenchClient } from './clients';

export interface BenchProcessInput {
  client: BenchClient;
  /** sequential: `calls` calls one after another; fanout: one call, then `calls` at once. */
  mode: 'sequential' | 'fanout';
  functionName: string;
  calls: number;
  /** What the callee sleeps, seconds (0 for the overhead item). */
  durationSeconds: number;
}

export interface BenchProcessResult {
  /** sequential: each call's latency, ms. */
  latenciesMs?: number[];
  /** fanout: the lone call, then the whole burst, ms. */
  singleMs?: number;
  burstMs?: number;
  /** Calls that threw (message of the first one). */
  failures: number;
  firstFailure?: string;
  /** process.resourceUsage().maxRSS, KiB: the peak of this client's process. */
  maxRssKiB: number;
}

export function readBenchProcessInput(json: string | undefined): BenchProcessInput {
  const input = JSON.parse(json ?? 'null') as Partial<BenchProcessInput> | null;
  if (input === null || !isBenchClient(input.client))
    throw new InvalidLabInputError('client', input?.client, 'must be a bench client');
  if (input.mode !== 'sequential' && input.mode !== 'fanout')
    throw new InvalidLabInputError('mode', input.mode, 'must be sequential or fanout');
  if (!Number.isInteger(input.calls) || (input.calls ?? 0) < 1)
    throw new InvalidLabInputError('calls', input.calls, 'must be an integer ≥ 1');
  if (typeof input.functionName !== 'string' || typeof input.durationSeconds !== 'number') {
    throw new InvalidLabInputError(
      'functionName, durationSeconds',
      [input.functionName, input.durationSeconds],
      'must be a string and a number',
    );
  }
  return input as BenchProcessInput;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function runBenchProcess(input: BenchProcessInput): Promise<BenchProcessResult> {
  const invoker = createBenchInvoker(input.client);
  const payload = { durationSeconds: input.durationSeconds };
  let failures = 0;
  let firstFailure: string | undefined;
  const call = async (): Promise<void> => {
    try {
      await invoker.invoke(input.functionName, payload);
    } catch (error) {
      failures += 1;
      firstFailure ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  };
  try {
    if (input.mode === 'sequential') {
      const latenciesMs: number[] = [];
      for (let index = 0; index < input.calls; index += 1) latenciesMs.push(await timed(call));
      return { latenciesMs, failures, firstFailure, maxRssKiB: process.resourceUsage().maxRSS };
    }
    const singleMs = await timed(call);
    const burstMs = await timed(() => Promise.all(Array.from({ length: input.calls }, call)));
    return { singleMs, burstMs, failures, firstFailure, maxRssKiB: process.resourceUsage().maxRSS };
  } finally {
    invoker.destroy();
  }
}

if (require.main === module) {
  runBenchProcess(readBenchProcessInput(process.argv[2])).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
