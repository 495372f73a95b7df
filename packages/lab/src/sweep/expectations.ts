/**
 * What a lab run must show, else it exits non-zero:
 * - the shipped client (`keepalive-client`) returns the callee's result in every cell, with exactly one
 *   execution (contract: no duplicate executions);
 * - the original failure reproduces: `keepalive-off` does NOT survive a callee longer than the idle limit —
 *   if it does, the lab's NAT is not behaving like Hyperplane and the other rows prove nothing;
 * - the boto3 rows show their own expected verdicts (boto3-expectations.ts).
 */
import { type CellResult, cellLabel, REAL_SECONDS } from '../harness';
import { checkBoto3Expectations } from './boto3-expectations';

export interface ExpectationFailure {
  rule: 'shipped-client-failed' | 'original-failure-not-reproduced' | 'boto3-rows-unexpected';
  message: string;
  cells: string[];
}

/** `idleLimitSeconds`: the idle the lab's middleboxes model (real-equivalent; 350 unless --nat-idle). */
export function checkExpectations(
  results: readonly CellResult[],
  idleLimitSeconds: number = REAL_SECONDS.idleLimit,
): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  const shippedFailed = results.filter(
    (cell) => cell.client === 'keepalive-client' && (cell.verdict !== 'ok' || cell.executions !== 1),
  );
  if (shippedFailed.length > 0) {
    failures.push({
      rule: 'shipped-client-failed',
      message:
        'keepalive-client (the shipped client) must return the callee result with exactly one execution; ' +
        `it did not in ${shippedFailed.length} cell(s): ${shippedFailed.map(describeCell).join(', ')}`,
      cells: shippedFailed.map(cellLabel),
    });
  }
  const offSurvived = results.filter(
    (cell) => cell.client === 'keepalive-off' && cell.durationSeconds > idleLimitSeconds && cell.verdict === 'ok',
  );
  if (offSurvived.length > 0) {
    failures.push({
      rule: 'original-failure-not-reproduced',
      message:
        `keepalive-off survived a callee longer than the ${idleLimitSeconds} s idle limit ` +
        `in ${offSurvived.length} cell(s) (${offSurvived.map(cellLabel).join(', ')}): ` +
        'the lab is not reproducing Hyperplane',
      cells: offSurvived.map(cellLabel),
    });
  }
  return [...failures, ...checkBoto3Expectations(results, idleLimitSeconds)];
}

function describeCell(cell: CellResult): string {
  const why =
    cell.verdict === 'ok'
      ? `${cell.executions} executions`
      : cell.error
        ? `${cell.verdict} (${cell.error.name})`
        : cell.verdict;
  return `${cellLabel(cell)} ${why}`;
}
