/**
 * The idle-limit search, as a person does it by hand with a sleeping callee — but concurrent: each round
 * calls the callee once per grid duration at the same time (one caller invocation running the caller's
 * `findIdleLimit` diagnostic), and the next round's grid lies inside the interval the answers left, so a
 * round narrows it to a (probes + 1)th. Round one spans 100–900 s (Lambda's longest call); an idle limit
 * below 100 s is searched from 0. It stops when the interval is no wider than the resolution, when every
 * probe was answered (no limit a Lambda call can reach), or when a round is inconclusive or contradicts
 * itself. Pure: the rounds are run by the caller of `searchIdleLimit`, in real-equivalent seconds.
 */
import {
  gridBetween,
  type IdleLimit,
  idleLimitFrom,
  idleLimitWidth,
  type ProbeAnswer,
  type ProbeGrid,
} from '@lambda-keepalive/idle-limit';

/** 100, 200, …, 900 s: nine concurrent calls, and the next round's 100 s gap takes nine more to reach 10 s. */
export const FIRST_ROUND_GRID: ProbeGrid = { fromSeconds: 100, toSeconds: 900, stepSeconds: 100 };
export const PROBES_PER_ROUND = 9;
/** 900 → 100 → 10 → 1 s: a fourth round is already below any resolution the lab can resolve. */
export const MAX_ROUNDS = 5;

export interface SearchRound {
  grid: ProbeGrid;
  answers: ProbeAnswer[];
  /** The interval after this round, from every answer so far. */
  limit: IdleLimit;
}

export interface IdleLimitSearch {
  limit: IdleLimit;
  rounds: SearchRound[];
  /** Why it stopped. */
  stop: 'resolved' | 'no-limit' | 'inconclusive' | 'contradiction' | 'max-rounds';
  /** Answered probes longer than the shortest lost one (any round). */
  contradictions: number[];
  /** Probes that failed for a reason other than idleness. */
  failed: number[];
}

export type RunRound = (grid: ProbeGrid, round: number) => Promise<ProbeAnswer[]>;

export async function searchIdleLimit(resolutionSeconds: number, runRound: RunRound): Promise<IdleLimitSearch> {
  const rounds: SearchRound[] = [];
  const everyAnswer: ProbeAnswer[] = [];
  let grid = FIRST_ROUND_GRID;
  for (let round = 1; ; round++) {
    const answers = await runRound(grid, round);
    everyAnswer.push(...answers);
    const finding = idleLimitFrom(everyAnswer);
    rounds.push({ grid, answers, limit: finding.limit });
    const done = (stop: IdleLimitSearch['stop']): IdleLimitSearch => ({
      limit: finding.limit,
      rounds,
      stop,
      contradictions: finding.contradictions,
      failed: finding.failed,
    });
    if (finding.contradictions.length > 0) return done('contradiction');
    const { limit } = finding;
    if (limit.kind === 'inconclusive') return done('inconclusive');
    if (limit.kind === 'above') return done('no-limit');
    if (idleLimitWidth(limit) <= resolutionSeconds) return done('resolved');
    if (round >= MAX_ROUNDS) return done('max-rounds');
    const survived = limit.kind === 'between' ? limit.survivedSeconds : 0;
    grid = gridBetween(survived, limit.forgottenSeconds, PROBES_PER_ROUND);
  }
}

/** Every duration the search called (as the rounds reported them), for the call count and the cost. */
export function searchDurations(search: IdleLimitSearch): number[] {
  return search.rounds.flatMap((round) => round.answers.map((answer) => answer.durationSeconds));
}
