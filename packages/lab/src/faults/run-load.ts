/**
 * The load row: `concurrency` long calls (past the idle limit, so keepalive matters) from ONE caller
 * process through the NAT path. All must complete, each callee run exactly once (executions = calls and
 * every result carries a distinct requestId), and the process must exit by itself once they have.
 * Reports wall time and peak RSS of the caller process and of the emulator (VmHWM).
 */

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_RUNTIME, type LambdaRuntime } from '@lambda-keepalive/runtimes';
import { driverCommandFor, openLabSession, type TimeScale, toLabSeconds } from '../harness';
import { spawnFaultDriver } from './driver-process';
import { EXIT_AFTER_SETTLE_LIMIT_MS } from './measurements';
import { FAULT_FILES } from './run-row';

/**
 * Unscaled allowance for a cold burst: the emulator starts one worker thread per concurrent execution
 * (~7 MiB each, measured by the emulator's concurrency spec) and 200 starts on 2 cores take seconds.
 */
export const COLD_BURST_ALLOWANCE_MS = 30_000;
export const LOAD_FUNCTION = 'fault-load';

export interface LoadResult {
  concurrency: number;
  labDurationSeconds: number;
  wallMs: number;
  ok: number;
  errors: Record<string, number>;
  distinctRequestIds: number;
  executions: number;
  callerPeakRssBytes: number | undefined;
  emulatorPeakRssBytes: number | undefined;
  exitAfterSettleMs: number | undefined;
  leakedResources: string[];
  unhandledRejections: number;
  namespacesLeft: string[];
  misses: string[];
}

export async function runLoad(
  timeScale: TimeScale,
  concurrency = 200,
  realDurationSeconds = 400,
  signal?: AbortSignal,
  runtime: LambdaRuntime = DEFAULT_RUNTIME,
): Promise<LoadResult> {
  const labDurationSeconds = toLabSeconds(timeScale, realDurationSeconds);
  const timeoutMs = timeScale.callerTimeoutMs + COLD_BURST_ALLOWANCE_MS;
  const session = await openLabSession({
    timeScale,
    runtime,
    cells: [],
    extraFunctions: [
      {
        name: LOAD_FUNCTION,
        handlerFile: require.resolve('@lambda-keepalive/callee'),
        timeoutSeconds: timeScale.calleeTimeoutSeconds + COLD_BURST_ALLOWANCE_MS / 1000,
      },
    ],
  });
  const namespaces = Object.values(session.network.namespaces);
  let measured: Omit<LoadResult, 'namespacesLeft' | 'misses'>;
  try {
    const { env } = driverCommandFor({ path: 'nat', client: 'keepalive-client', durationSeconds: 0 }, session);
    const input = { event: { durationSeconds: labDurationSeconds }, timeoutMs, concurrency };
    const startedAt = Date.now();
    const finished = await spawnFaultDriver(
      session,
      [join(FAULT_FILES.faultDriver, '..', 'load-driver.js'), JSON.stringify(input)],
      { ...env, CALLEE_FUNCTION_NAME: LOAD_FUNCTION },
      timeoutMs,
      signal,
    ).finished;
    const calls = parseCalls(finished.stdout);
    measured = {
      concurrency,
      labDurationSeconds,
      wallMs: (finished.hygiene?.settledAt ?? Date.now()) - startedAt,
      ok: calls?.ok ?? 0,
      errors: calls?.errors ?? { DriverCrashed: concurrency },
      distinctRequestIds: calls?.distinctRequestIds ?? 0,
      executions: (await session.executions())[LOAD_FUNCTION] ?? 0,
      callerPeakRssBytes: finished.hygiene?.peakRssBytes,
      emulatorPeakRssBytes: await peakRssOf(session.emulator.pid),
      exitAfterSettleMs: finished.exitAfterSettleMs,
      leakedResources: finished.leakedResources,
      unhandledRejections: finished.hygiene?.unhandledRejections ?? 0,
    };
  } finally {
    await session.close();
  }
  const { stdout } = await promisify(execFile)('ip', ['netns', 'list']);
  const namespacesLeft = namespaces.filter((name) => stdout.includes(name));
  return { ...measured, namespacesLeft, misses: judgeLoad({ ...measured, namespacesLeft }) };
}

export function judgeLoad(result: Omit<LoadResult, 'misses'>): string[] {
  const misses: string[] = [];
  if (result.ok !== result.concurrency)
    misses.push(`${result.ok}/${result.concurrency} calls completed (errors ${JSON.stringify(result.errors)})`);
  if (result.executions !== result.concurrency)
    misses.push(`emulator counted ${result.executions} executions for ${result.concurrency} calls`);
  if (result.distinctRequestIds !== result.ok)
    misses.push(`${result.distinctRequestIds} distinct callee requestIds for ${result.ok} results`);
  if (result.exitAfterSettleMs === undefined || result.exitAfterSettleMs > EXIT_AFTER_SETTLE_LIMIT_MS) {
    misses.push(
      `caller process did not exit by itself within ${EXIT_AFTER_SETTLE_LIMIT_MS} ms ` +
        `(${String(result.exitAfterSettleMs)})`,
    );
  }
  if (result.leakedResources.length > 0) misses.push(`left open: ${result.leakedResources.join(', ')}`);
  if (result.unhandledRejections > 0) misses.push(`${result.unhandledRejections} unhandled rejections`);
  if (result.namespacesLeft.length > 0) misses.push(`namespaces left: ${result.namespacesLeft.join(', ')}`);
  return misses;
}

function parseCalls(
  stdout: string,
): { ok: number; errors: Record<string, number>; distinctRequestIds: number } | undefined {
  const line = stdout.split('\n').find((text) => text.includes('"labLoadCalls"'));
  return line === undefined
    ? undefined
    : (JSON.parse(line) as { labLoadCalls: { ok: number; errors: Record<string, number>; distinctRequestIds: number } })
        .labLoadCalls;
}

/** VmHWM (peak resident set) of a live process, bytes. */
async function peakRssOf(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kib === undefined ? undefined : Number(kib) * 1024;
}
