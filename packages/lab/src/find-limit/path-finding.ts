/**
 * One path's finding and whether it is right. Only the lab knows the truth (the NAT idle it set), so only
 * the lab can check the finder: the interval must lie within the resolution of the modelled idle, every
 * probe must have run its callee exactly once, and nothing may contradict an idle limit. The text is what
 * `./run lab find-limit` prints per path.
 */
import { calleeSeconds, describeIdleLimit } from '@lambda-keepalive/idle-limit';
import type { LabPath } from '../harness';
import { type IdleLimitSearch, searchDurations } from './search';

export interface PathFinding {
  path: LabPath;
  search: IdleLimitSearch;
  /** Probes sent (one callee execution each). */
  calls: number;
  /** The emulator's count for the path's probe function. */
  executions: number;
  /** Real-equivalent callee run time the probes cost. */
  calleeSeconds: number;
  /** Lab wall time of the path's rounds, ms. */
  elapsedMs: number;
  /** Why the finding is wrong; empty when it is right. */
  problems: string[];
}

export function judgePath(
  path: LabPath,
  search: IdleLimitSearch,
  facts: { executions: number; elapsedMs: number; resolutionSeconds: number; natIdleRealSeconds: number },
): PathFinding {
  const durations = searchDurations(search);
  const problems: string[] = [];
  const { limit } = search;
  const truth = facts.natIdleRealSeconds;
  if (search.stop !== 'resolved' || limit.kind !== 'between') {
    problems.push(`stopped (${search.stop}) without an interval: ${describeIdleLimit(limit)}`);
  } else if (
    limit.survivedSeconds >= truth + facts.resolutionSeconds ||
    limit.forgottenSeconds <= truth - facts.resolutionSeconds
  ) {
    problems.push(
      `the lab's NAT forgets at ${round(truth)} s, not within ${facts.resolutionSeconds} s of the interval`,
    );
  }
  if (search.contradictions.length > 0) {
    problems.push(`answers past the shortest lost probe: ${search.contradictions.map(round).join(', ')} s`);
  }
  if (facts.executions !== durations.length) {
    problems.push(`${durations.length} probes ran the callee ${facts.executions} times (exactly once each expected)`);
  }
  return {
    path,
    search,
    calls: durations.length,
    executions: facts.executions,
    calleeSeconds: calleeSeconds(durations),
    elapsedMs: facts.elapsedMs,
    problems,
  };
}

/** "nat: forgets idle flows between 340 s and 350 s · 2 rounds, 18 calls, 5 850 callee-seconds · 83.1 s" */
export function formatPathFinding(finding: PathFinding): string {
  const { search } = finding;
  const cost =
    `${search.rounds.length} round${search.rounds.length === 1 ? '' : 's'}, ${finding.calls} calls, ` +
    `${Math.round(finding.calleeSeconds)} callee-seconds (real-equivalent)`;
  const verdict = finding.problems.length === 0 ? 'PASS' : `FAIL: ${finding.problems.join('; ')}`;
  return (
    `${finding.path}: ${describeIdleLimit(search.limit)} · ${cost} · ${(finding.elapsedMs / 1000).toFixed(1)} s lab\n` +
    `  ${verdict}`
  );
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
