/**
 * What a set of probe answers says about a path's idle limit. A probe is `answered` (the callee's reply
 * arrived), `lost` (no reply by its duration plus a margin: the flow was forgotten while idle), or `failed`
 * (any other error — throttled, refused, a function error — which says nothing about idleness). The limit
 * lies between the longest answered probe below the shortest lost one and that lost one. Answers above the
 * shortest lost probe contradict an idle limit (another path, a flaky link, or a loss that was not idleness)
 * and are reported, not hidden.
 */

export type ProbeOutcome = 'answered' | 'lost' | 'failed';

export interface ProbeAnswer {
  durationSeconds: number;
  outcome: ProbeOutcome;
}

export type IdleLimit =
  /** Idle flows are kept at survivedSeconds and forgotten by forgottenSeconds. */
  | { kind: 'between'; survivedSeconds: number; forgottenSeconds: number }
  /** Every probe was answered: no limit at or below the longest probe. */
  | { kind: 'above'; survivedSeconds: number }
  /** Even the shortest lost probe had no answered one below it. */
  | { kind: 'below'; forgottenSeconds: number }
  /** No probe was answered or lost: every one failed for another reason. */
  | { kind: 'inconclusive' };

export interface IdleLimitFinding {
  limit: IdleLimit;
  /** Answered probes longer than the shortest lost one. */
  contradictions: number[];
  /** Probes that failed for a reason other than idleness. */
  failed: number[];
}

export function idleLimitFrom(answers: readonly ProbeAnswer[]): IdleLimitFinding {
  const durationsOf = (outcome: ProbeOutcome): number[] =>
    answers
      .filter((answer) => answer.outcome === outcome)
      .map((answer) => answer.durationSeconds)
      .sort((a, b) => a - b);
  const answered = durationsOf('answered');
  const lost = durationsOf('lost');
  const failed = durationsOf('failed');
  const forgottenSeconds = lost[0];
  if (forgottenSeconds === undefined) {
    const longest = answered.at(-1);
    const limit: IdleLimit =
      longest === undefined ? { kind: 'inconclusive' } : { kind: 'above', survivedSeconds: longest };
    return { limit, contradictions: [], failed };
  }
  const survivedSeconds = answered.filter((duration) => duration < forgottenSeconds).at(-1);
  const contradictions = answered.filter((duration) => duration > forgottenSeconds);
  const limit: IdleLimit =
    survivedSeconds === undefined
      ? { kind: 'below', forgottenSeconds }
      : { kind: 'between', survivedSeconds, forgottenSeconds };
  return { limit, contradictions, failed };
}

/** The interval's width, seconds; Infinity when one side is open. */
export function idleLimitWidth(limit: IdleLimit): number {
  return limit.kind === 'between' ? limit.forgottenSeconds - limit.survivedSeconds : Number.POSITIVE_INFINITY;
}

/** One sentence for a report: "forgets idle flows between 340 s and 350 s". */
export function describeIdleLimit(limit: IdleLimit): string {
  switch (limit.kind) {
    case 'between':
      return `forgets idle flows between ${seconds(limit.survivedSeconds)} and ${seconds(limit.forgottenSeconds)}`;
    case 'above':
      return `kept every flow: no idle limit up to ${seconds(limit.survivedSeconds)}`;
    case 'below':
      return `forgot even the shortest lost probe: the limit is below ${seconds(limit.forgottenSeconds)}`;
    case 'inconclusive':
      return 'no probe was answered or lost (every one failed for another reason): no finding';
  }
}

/** What the probes cost: the callee's billed run time is the sum of their durations. */
export function calleeSeconds(durations: readonly number[]): number {
  return Math.round(durations.reduce((sum, duration) => sum + duration, 0) * 1000) / 1000;
}

function seconds(value: number): string {
  return `${Number(value.toFixed(3))} s`;
}
