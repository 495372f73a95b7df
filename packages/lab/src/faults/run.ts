/**
 * `pnpm lab faults`: every fault row (each middlebox/emulator fault in its own lab, rows without a fault
 * sharing one), then the load row on its own (200 workers would skew the detection timings), then the
 * table, results.json, and the verdict. The last printed line names the output directory.
 */

import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { honoursKeepAliveProbes } from '@lambda-keepalive/node-binaries';
import { DEFAULT_RUNTIME, type LambdaRuntime } from '@lambda-keepalive/runtimes';
import { describeRuntime, readKernelHz, type TimeScale } from '../harness';
import { writeFileAtomically } from '../report';
import { buildBadInputRows } from './bad-input-rows';
import { renderBoundRules, renderFaultsTable } from './report';
import { buildFaultRows, type FaultRow, type RowPhysics } from './rows';
import { type LoadResult, runLoad } from './run-load';
import { type FaultRowResult, runFaultSession } from './run-row';

export interface FaultsRunOptions {
  timeScale: TimeScale;
  /** Whose Node runs the caller (and the SDK drivers). */
  runtime: LambdaRuntime;
  outDirectory: string;
  /** Row id prefixes to run (default all); "load" selects the load row. */
  only?: string[];
  loadConcurrency?: number;
}

/** Spacing of session starts: 15 labs + emulators starting at once would load the 2 cores for seconds. */
const SESSION_LAUNCH_INTERVAL_MS = 400;

/** The kernel's tick here and whether the runtime's Node applies the probe settings: what the bounds need. */
export function rowPhysics(runtime: LambdaRuntime): RowPhysics {
  return { kernelHz: readKernelHz(), probesHonoured: honoursKeepAliveProbes(runtime) };
}

export function selectRows(timeScale: TimeScale, only: readonly string[] | undefined, physics: RowPhysics): FaultRow[] {
  const rows = [...buildFaultRows(timeScale, physics), ...buildBadInputRows(timeScale)];
  return only === undefined ? rows : rows.filter((row) => only.some((prefix) => row.id.startsWith(prefix)));
}

export async function runFaultRows(
  rows: readonly FaultRow[],
  timeScale: TimeScale,
  signal?: AbortSignal,
  runtime: LambdaRuntime = DEFAULT_RUNTIME,
): Promise<FaultRowResult[]> {
  // Each driver listens for the abort: one listener per row is expected, not a leak.
  if (signal) setMaxListeners(rows.length + 10, signal);
  const sessions = new Map<string, FaultRow[]>();
  for (const row of rows) sessions.set(row.sessionKey, [...(sessions.get(row.sessionKey) ?? []), row]);
  const runs = [...sessions.values()].map(async (sessionRows, index) => {
    await sleep(index * SESSION_LAUNCH_INTERVAL_MS);
    return runFaultSession(sessionRows, timeScale, signal, runtime);
  });
  const results = (await Promise.all(runs)).flat();
  return rows.map((row) => {
    const result = results.find((candidate) => candidate.row.id === row.id);
    if (!result) throw new Error(`fault row ${row.id} has no result from its session`);
    return result;
  });
}

export async function runFaults(
  options: FaultsRunOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<{ passed: boolean; resultsFile: string }> {
  const startedAt = new Date();
  const rows = selectRows(options.timeScale, options.only, rowPhysics(options.runtime));
  const withLoad = options.only === undefined || options.only.includes('load');
  log(
    `lab faults: ${rows.length} rows${withLoad ? ' + load' : ''}, NAT idle ${options.timeScale.natIdleSeconds} s, ` +
      `keepalive idle ${options.timeScale.keepAliveIdleSeconds} s (scale ${options.timeScale.scale.toFixed(4)}); ` +
      describeRuntime(options.runtime),
  );
  const results = await runFaultRows(rows, options.timeScale, signal, options.runtime);
  let load: LoadResult | undefined;
  if (withLoad) {
    log(`load: ${options.loadConcurrency ?? 200} concurrent calls from one caller process…`);
    load = await runLoad(options.timeScale, options.loadConcurrency ?? 200, 400, signal, options.runtime);
  }
  const misses = results.reduce((sum, result) => sum + result.misses.length, 0) + (load?.misses.length ?? 0);
  const finishedAt = new Date();
  const resultsFile = join(options.outDirectory, 'results.json');
  await writeFileAtomically(
    resultsFile,
    `${JSON.stringify(
      {
        tool: '@lambda-keepalive/lab faults',
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        wallClockMs: finishedAt.getTime() - startedAt.getTime(),
        scale: options.timeScale,
        runtime: { name: options.runtime.name, node: options.runtime.node },
        rows: results,
        load,
        passed: misses === 0,
      },
      null,
      2,
    )}\n`,
  );
  log('');
  log(renderFaultsTable(results));
  log('');
  log('bounds:');
  log(renderBoundRules(results));
  if (load !== undefined) log(`\n${renderLoad(load)}`);
  log('');
  log(misses === 0 ? 'faults: every row met its expectation' : `faults: ${misses} missed expectation(s)`);
  log(`lab faults: ${(finishedAt.getTime() - startedAt.getTime()) / 1000} s`);
  log(`results: ${options.outDirectory} (results.json)`);
  return { passed: misses === 0, resultsFile };
}

export function renderLoad(load: LoadResult): string {
  const mib = (bytes: number | undefined): string =>
    bytes === undefined ? '?' : `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  return [
    `load (nat, ${load.concurrency} × ${load.labDurationSeconds} s from one caller process): ` +
      `${load.ok}/${load.concurrency} ok, executions ${load.executions}, ` +
      `distinct requestIds ${load.distinctRequestIds}, wall ${(load.wallMs / 1000).toFixed(1)} s`,
    `  peak RSS: caller ${mib(load.callerPeakRssBytes)}, emulator ${mib(load.emulatorPeakRssBytes)}; ` +
      `caller exited ${String(load.exitAfterSettleMs)} ms after the last call settled; ` +
      `left open: ${load.leakedResources.join(', ') || 'nothing'}`,
    ...load.misses.map((miss) => `  MISS: ${miss}`),
  ].join('\n');
}
