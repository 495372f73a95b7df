/**
 * The lab's own cell runner (run-cell.ts, the drivers, the real caller bundle) with three bench knobs:
 * - the drivers' Lambda-like timeout is the bench's observation window, not the scaled 900 s, so a client
 *   that never detects a dead flow costs the window, not a minute;
 * - the SDK drivers get AWS_MAX_ATTEMPTS=1 when `sdkSingleAttempt` (the standard SDK variable): with the
 *   default 3 attempts the SDK answers a reset by re-sending the invoke — the callee runs again (docs/aws-sdk-v3.md
 *   "A keepalive idle longer…") — and the caller never sees the error the detection item times;
 * - the moment each driver's result line reaches this process is recorded (resultAt), on the same clock
 *   as the fault marks (src/faults), so detection = resultAt − fault.at.
 */
import type { ChildProcess } from 'node:child_process';
import {
  type CellHost,
  type CellResult,
  calleeFunctionName,
  DRIVER_RESULT_KEY,
  type LabCell,
  type LabSession,
  runCell,
} from '../harness';

export interface BenchCellResult extends CellResult {
  /** Epoch ms when the driver's result line arrived (undefined if it printed none). */
  resultAt: number | undefined;
}

export interface BenchCellHostOptions {
  windowMs: number;
  sdkSingleAttempt: boolean;
}

export function createBenchCellRunner(
  session: LabSession,
  options: BenchCellHostOptions,
): (cell: LabCell) => Promise<BenchCellResult> {
  const resultTimes = new Map<string, number>();
  const host: CellHost = {
    ...session,
    timeScale: { ...session.timeScale, callerTimeoutMs: options.windowMs },
    spawnInVpc: (command, args, spawnOptions) => {
      const sdkDriver = args.some((arg) => arg.endsWith('sdk-driver.js'));
      const env: NodeJS.ProcessEnv = {
        ...spawnOptions.env,
        ...(sdkDriver && options.sdkSingleAttempt ? { AWS_MAX_ATTEMPTS: '1' } : {}),
      };
      const child = session.spawnInVpc(command, args, { ...spawnOptions, env });
      watchResultLine(child, (at) => resultTimes.set(String(env.CALLEE_FUNCTION_NAME), at));
      return child;
    },
  };
  return async (cell) => {
    const result = await runCell(cell, host);
    return { ...result, resultAt: resultTimes.get(calleeFunctionName(cell)) };
  };
}

function watchResultLine(child: ChildProcess, onResult: (at: number) => void): void {
  let tail = '';
  const listener = (chunk: Buffer | string): void => {
    const text = tail + String(chunk);
    // Keep just enough to find the key split across two chunks.
    tail = text.slice(-DRIVER_RESULT_KEY.length);
    if (text.includes(DRIVER_RESULT_KEY)) {
      onResult(Date.now());
      child.stdout?.off('data', listener);
    }
  };
  child.stdout?.on('data', listener);
}
