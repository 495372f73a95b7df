/**
 * What the built-in boto3 rows must show (python-clients.ts), else the run exits 1. Past the idle limit:
 * - boto3-default hangs: no keepalive at all, like keepalive-off;
 * - boto3-tcp-keepalive and boto3-config-keepalive set SO_KEEPALIVE only (botocore/args.py
 *   `_compute_socket_options`, boto/botocore#2916), so the kernel's idle decides: they hang under
 *   linux-default (7200 s) and survive under `low`;
 * - boto3-keepidle sets its own TCP_KEEPIDLE and survives under any profile.
 * Below the limit every boto3 row is ok; every boto3 call runs the callee exactly once (retries are off).
 */
import {
  BOTO3_CLIENTS,
  type Boto3Client,
  type CellResult,
  cellLabel,
  type KernelProfileName,
  REAL_SECONDS,
} from '../harness';
import type { Verdict } from '../harness/verdict';
import type { ExpectationFailure } from './expectations';

export const BOTO3_PAST_LIMIT_VERDICTS: Record<Boto3Client, Record<KernelProfileName, Verdict>> = {
  'boto3-default': { 'linux-default': 'hung', low: 'hung' },
  'boto3-tcp-keepalive': { 'linux-default': 'hung', low: 'ok' },
  'boto3-config-keepalive': { 'linux-default': 'hung', low: 'ok' },
  'boto3-keepidle': { 'linux-default': 'ok', low: 'ok' },
};

export function expectedBoto3Verdict(
  cell: CellResult,
  idleLimitSeconds: number = REAL_SECONDS.idleLimit,
): Verdict | undefined {
  if (!(BOTO3_CLIENTS as readonly string[]).includes(cell.client)) return undefined;
  if (cell.durationSeconds < idleLimitSeconds) return 'ok';
  if (cell.durationSeconds === idleLimitSeconds) return undefined; // on the edge: either is honest
  return BOTO3_PAST_LIMIT_VERDICTS[cell.client as Boto3Client][cell.kernelProfile ?? 'linux-default'];
}

export function checkBoto3Expectations(
  results: readonly CellResult[],
  idleLimitSeconds: number = REAL_SECONDS.idleLimit,
): ExpectationFailure[] {
  const wrong = results.filter((cell) => {
    const expected = expectedBoto3Verdict(cell, idleLimitSeconds);
    return expected !== undefined && (cell.verdict !== expected || cell.executions !== 1);
  });
  if (wrong.length === 0) return [];
  return [
    {
      rule: 'boto3-rows-unexpected',
      message:
        `the boto3 rows must match their expected verdicts with exactly one execution (docs/command-clients.md); ` +
        `${wrong.length} cell(s) did not: ` +
        wrong
          .map(
            (cell) =>
              `${cellLabel(cell)} ${cell.verdict} ×${cell.executions} (expected ${expectedBoto3Verdict(cell)} ×1)`,
          )
          .join(', '),
      cells: wrong.map(cellLabel),
    },
  ];
}
