/**
 * Runs one cell: starts its driver in the vpc host, waits for it to end, kills it if it outlives the
 * caller's timeout by KILL_MARGIN_MS (its own Lambda-like timeout should have ended it; the margin is
 * counted from spawn, so it also covers the driver loading the SDK on a busy machine), and reads the
 * emulator's execution count for the cell's function.
 */
import type { CellResult } from './cell-result';
import { calleeFunctionName, type LabCell } from './clients';
import { commandClientInvocation } from './command-invocation';
import { type DriverSetting, driverCommandFor } from './driver-command';
import { parseDriverResult } from './drivers/driver-result';
import { toLabSeconds } from './time-scale';
import { verdictOf } from './verdict';
import { runVpcProcess, type VpcSpawner } from './vpc-process';

export const KILL_MARGIN_MS = 10_000;

export interface CellHost extends DriverSetting, VpcSpawner {
  /** The emulator's execution counts by function name. */
  executions(): Promise<Record<string, number>>;
}

export async function runCell(cell: LabCell, host: CellHost, signal?: AbortSignal): Promise<CellResult> {
  const commandClient = host.commandClients?.get(cell.client);
  const command =
    commandClient === undefined ? driverCommandFor(cell, host) : commandClientInvocation(commandClient, cell, host);
  const { stdout, stderrTail, exitCode, exitSignal, killedByRunner, startedAt } = await runVpcProcess(host, command, {
    killAfterMs: host.timeScale.callerTimeoutMs + KILL_MARGIN_MS,
    signal,
  });
  const outcome = parseDriverResult(stdout);
  const functionName = calleeFunctionName(cell);
  const executions = (await host.executions())[functionName] ?? 0;
  return {
    ...cell,
    labDurationSeconds: toLabSeconds(host.timeScale, cell.durationSeconds),
    functionName,
    verdict: verdictOf({ outcome, killedByRunner, ...(commandClient === undefined ? {} : { exitCode }) }),
    elapsedMs: outcome?.elapsedMs ?? Date.now() - startedAt,
    ...(outcome?.outcome === 'error' ? { error: outcome.error } : {}),
    ...(outcome === undefined && !(commandClient !== undefined && exitCode === 0 && !killedByRunner)
      ? {
          error: {
            name: killedByRunner ? 'KilledByRunner' : missingResultName(commandClient, exitCode),
            message: lastLine(stderrTail),
          },
        }
      : {}),
    executions,
    driver: {
      exitCode,
      signal: exitSignal,
      killedByRunner,
      stderrTail,
      ...(outcome?.node === undefined ? {} : { node: outcome.node }),
    },
  };
}

/** A Node driver always prints a result line; a command client may just exit (docs/command-clients.md). */
function missingResultName(commandClient: unknown, exitCode: number | null): string {
  return commandClient === undefined ? 'DriverCrashed' : `ExitStatus${exitCode ?? 'Unknown'}`;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
