/**
 * The lines printed while a run goes: a banner with what the scale means, one line per finished cell with
 * a running count, and the verdict of the expectations. Plain text: it must work without a TTY (CI logs).
 */
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import { type CellResult, describeRuntime, REAL_SECONDS, type TimeScale } from '../harness';
import { expectedBoto3Verdict } from './boto3-expectations';
import type { ExpectationFailure } from './expectations';

export function formatRunBanner(
  timeScale: TimeScale,
  cellCount: number,
  concurrency: number,
  runtime?: LambdaRuntime,
): string {
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  return [
    `lab: scale ${round(timeScale.scale)} (asked ${timeScale.requestedScale}): ` +
      `NAT/endpoint idle ${timeScale.natIdleSeconds} s ≙ ${round(timeScale.natIdleRealSeconds)} s,`,
    `     keepalive idle ${timeScale.keepAliveIdleSeconds} s, ` +
      `caller timeout ${seconds(timeScale.callerTimeoutMs)} s, callee timeout ${timeScale.calleeTimeoutSeconds} s`,
    `lab: ${cellCount} cells, ${concurrency} at a time; ` +
      'durations below are real-equivalent, elapsed times are lab seconds',
    ...(runtime === undefined ? [] : [`lab: ${describeRuntime(runtime)}`]),
  ].join('\n');
}

export function formatCellProgress(result: CellResult, finished: number, total: number): string {
  const count = `[${String(finished).padStart(String(total).length)}/${total}]`;
  const error = result.error === undefined ? '' : `  ${result.error.name}`;
  const duration = `${result.durationSeconds} s`.padStart(6);
  const client = result.kernelProfile === undefined ? result.client : `${result.client} @${result.kernelProfile}`;
  const elapsed = (result.elapsedMs / 1000).toFixed(1).padStart(6);
  return (
    `${count} ${result.path.padEnd(8)} ${client.padEnd(16)} ${duration}  ${result.verdict.padEnd(5)} ` +
    `${elapsed} s  executions ${result.executions}${error}`
  );
}

export function formatExpectations(
  failures: readonly ExpectationFailure[],
  results: readonly CellResult[],
  idleLimitSeconds: number = REAL_SECONDS.idleLimit,
): string {
  if (failures.length > 0) return failures.map((failure) => `FAIL: ${failure.message}`).join('\n');
  // Claim only what this run checked: --clients / --durations may leave either expectation out.
  const shipped = results.some((cell) => cell.client === 'keepalive-client');
  const offPastLimit = results.some(
    (cell) => cell.client === 'keepalive-off' && cell.durationSeconds > idleLimitSeconds,
  );
  const boto3 = results.some((cell) => expectedBoto3Verdict(cell, idleLimitSeconds) !== undefined);
  return [
    shipped
      ? 'PASS: keepalive-client answered every cell exactly once.'
      : 'NOT CHECKED: keepalive-client was not in this run.',
    offPastLimit
      ? `PASS: keepalive-off failed past the ${idleLimitSeconds} s idle limit (the lab reproduces Hyperplane).`
      : `NOT CHECKED: no keepalive-off cell past the ${idleLimitSeconds} s idle limit in this run.`,
    ...(boto3 ? ['PASS: the boto3 rows showed their expected verdicts, each call running the callee once.'] : []),
  ].join('\n');
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
