/**
 * Runs fault rows against the real lab: one lab session (namespaces + kernel NAT + emulator CLI) per
 * session key, the REAL caller bundle in the vpc host (fault-driver.ts), the fault applied to the real
 * middlebox or emulator at its moment, then the measurement (fault-measurements.ts). Every session is
 * closed in a finally, and `ip netns list` is checked afterwards for the session's namespaces.
 */

import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { EmulatedFunction } from '@lambda-keepalive/invoke-emulator';
import { DEFAULT_RUNTIME, type LambdaRuntime } from '@lambda-keepalive/runtimes';
import { driverCommandFor, type LabSession, openLabSession, parseDriverResult, type TimeScale } from '../harness';
import { type FinishedDriver, spawnFaultDriver } from './driver-process';
import {
  type FaultMark,
  forgetFlows,
  killService,
  resetServiceConnections,
  startBlackhole,
  throttleService,
  waitForExecutionStart,
} from './injection';
import { type FaultRowMeasurement, judgeFaultRow, referenceTime } from './measurements';
import type { FaultRow } from './rows';

export interface FaultRowResult {
  row: FaultRow;
  functionName: string;
  measured: FaultRowMeasurement;
  misses: string[];
}

const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const FAULT_FILES = {
  faultDriver: join(PACKAGE_ROOT, 'dist', 'faults', 'driver.js'),
  hangingHandler: join(PACKAGE_ROOT, 'dist', 'faults', 'hanging-handler.js'),
};

/** Emulated function name of a row: [a-zA-Z0-9_-]{1,64}. */
export function faultFunctionName(row: Pick<FaultRow, 'id'>): string {
  return `fault-${row.id.replace(/[^a-zA-Z0-9]+/g, '-')}`.slice(0, 64);
}

/** Runs rows of one session key in one lab session (concurrently), then tears the session down. */
export async function runFaultSession(
  rows: readonly FaultRow[],
  timeScale: TimeScale,
  signal?: AbortSignal,
  runtime: LambdaRuntime = DEFAULT_RUNTIME,
): Promise<FaultRowResult[]> {
  const calleeBundle = require.resolve('@lambda-keepalive/callee');
  const functions: EmulatedFunction[] = rows.map((row) => ({
    name: faultFunctionName(row),
    handlerFile: row.callee.handler === 'hanging' ? FAULT_FILES.hangingHandler : calleeBundle,
    timeoutSeconds: row.callee.timeoutSeconds,
  }));
  const session = await openLabSession({ timeScale, cells: [], extraFunctions: functions, runtime });
  const namespaces = Object.values(session.network.namespaces);
  let measured: Array<{
    row: FaultRow;
    rowMeasured: Omit<FaultRowMeasurement, 'hygiene'> & {
      hygiene: Omit<FaultRowMeasurement['hygiene'], 'namespacesLeft'>;
    };
  }>;
  try {
    measured = await Promise.all(rows.map(async (row) => ({ row, rowMeasured: await runRowIn(row, session, signal) })));
  } finally {
    await session.close();
  }
  const { stdout } = await promisify(execFile)('ip', ['netns', 'list']);
  const namespacesLeft = namespaces.filter((name) => stdout.includes(name));
  return measured.map(({ row, rowMeasured }) => {
    const full: FaultRowMeasurement = { ...rowMeasured, hygiene: { ...rowMeasured.hygiene, namespacesLeft } };
    return { row, functionName: faultFunctionName(row), measured: full, misses: judgeFaultRow(row, full) };
  });
}

async function runRowIn(row: FaultRow, session: LabSession, signal?: AbortSignal) {
  const functionName = faultFunctionName(row);
  const { emulator, network } = session;
  let fault: FaultMark | undefined;
  if (row.plan.kind === 'throttle') fault = await throttleService(emulator, functionName, row.plan.times);
  if (row.plan.kind === 'service-down') fault = await killService(emulator);

  const base = driverCommandFor({ path: row.path, client: 'keepalive-client', durationSeconds: 0 }, session);
  const env: Record<string, string> = { ...base.env, CALLEE_FUNCTION_NAME: functionName };
  for (const [name, value] of Object.entries(row.env ?? {})) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  const input = {
    event: row.event,
    timeoutMs: row.callerTimeoutMs,
    ...(row.payloadBytes ? { payloadBytes: row.payloadBytes } : {}),
  };
  const driver = spawnFaultDriver(
    session,
    [FAULT_FILES.faultDriver, JSON.stringify(input)],
    env,
    row.callerTimeoutMs,
    signal,
  );

  // When the emulator starts the callee (the reference of "mid-call" faults); absent for rows that never invoke.
  const calleeStarted =
    row.plan.kind === 'service-down' || row.expect.executions === 0
      ? Promise.resolve(undefined)
      : Promise.race([
          waitForExecutionStart(emulator, functionName, row.callerTimeoutMs),
          driver.finished.then(() => undefined),
        ]).catch(() => undefined);
  const plan = row.plan;
  if ('afterStartMs' in plan) {
    const startedAt = await calleeStarted;
    if (startedAt !== undefined) {
      await sleep(Math.max(0, startedAt + plan.afterStartMs - Date.now()));
      if (plan.kind === 'forget-flows')
        fault = await forgetFlows(network, row.path === 'nat' ? 'natGateway' : 'interfaceEndpoint');
      if (plan.kind === 'reset-connections') fault = await resetServiceConnections(emulator);
      if (plan.kind === 'kill-service') fault = await killService(emulator);
      if (plan.kind === 'blackhole') {
        const blackhole = await startBlackhole(network, row.path === 'nat' ? 'natGateway' : 'interfaceEndpoint');
        const held = new AbortController();
        try {
          await Promise.race([
            sleep(plan.holdMs, undefined, { signal: held.signal }).catch(() => undefined),
            ...(plan.untilError ? [driver.finished] : []),
          ]);
        } finally {
          held.abort();
          fault = await blackhole.lift();
        }
      }
    }
  }
  const finished: FinishedDriver = await driver.finished;
  const calleeStartAt = await calleeStarted;
  const emulatorAlive = row.plan.kind !== 'kill-service' && row.plan.kind !== 'service-down';
  const startLines = emulator.lines.filter(
    (line) => line.event === 'invocation-start' && line.function === functionName,
  ).length;
  const executions = emulatorAlive ? ((await emulator.executions())[functionName] ?? 0) : startLines;
  const outcome = parseDriverResult(finished.stdout);
  const { hygiene } = finished;
  const measuredBase = { fault, calleeStartAt, handlerStartAt: hygiene?.startedAt };
  const reference = referenceTime(row, measuredBase);
  const expectedEvent = row.expect.emulatorEvents?.event;
  return {
    ...measuredBase,
    outcome: outcome?.outcome ?? ('crashed' as const),
    ...(outcome?.outcome === 'error' ? { error: outcome.error } : {}),
    ...(outcome === undefined
      ? { error: { name: 'DriverCrashed', message: finished.stderr.trim().split('\n').pop() ?? '' } }
      : {}),
    executions,
    settledAt: hygiene?.settledAt,
    detectionMs: hygiene === undefined || reference === undefined ? undefined : hygiene.settledAt - reference,
    attempts: attemptsLogged(finished.stdout),
    emulatorEventCount:
      expectedEvent === undefined
        ? undefined
        : emulator.lines.filter((line) => line.event === expectedEvent && line.function === functionName).length,
    hygiene: {
      exitCode: finished.exitCode,
      exitAfterSettleMs: finished.exitAfterSettleMs,
      leakedResources: finished.leakedResources,
      unhandledRejection: (hygiene?.unhandledRejections ?? 0) > 0,
    },
  };
}

/** The caller logs `{"message":"response",…,"attempts":N}` (Powertools JSON) on success. */
function attemptsLogged(stdout: string): number | undefined {
  for (const line of stdout.split('\n')) {
    if (!line.includes('"response"') || !line.includes('"attempts"')) continue;
    try {
      const parsed = JSON.parse(line) as { message?: unknown; attempts?: unknown };
      if (parsed.message === 'response' && typeof parsed.attempts === 'number') return parsed.attempts;
    } catch {
      // not a log line
    }
  }
  return undefined;
}
