/**
 * The probes an idle-limit search sends: callee durations on an even grid, checked before anything is
 * invoked. A probe is one synchronous call to a callee that just sleeps its duration; the connection is
 * idle for that long, so a middlebox that forgets idle flows loses every answer past its limit
 * (docs/hyperplane-idle-timeout.md). Consumers name the fields in their own errors: the problem checker
 * returns the field and the rule rather than throwing.
 */

export interface ProbeGrid {
  /** Shortest callee duration, seconds (fractions allowed). */
  fromSeconds: number;
  /** Longest callee duration, seconds: always probed, even when the steps do not land on it. */
  toSeconds: number;
  /** Distance between neighbouring probes, seconds: the resolution of one round. */
  stepSeconds: number;
}

export interface ProbeGridLimits {
  /** The longest duration a callee may sleep (Lambda's 900 s maximum timeout, or the lab's scaled one). */
  maxSeconds: number;
  /** Probes run at once: each is a concurrent callee execution and an open connection. */
  maxProbes: number;
}

export interface ProbeGridProblem {
  field: keyof ProbeGrid;
  rule: string;
}

/** Durations are kept to the millisecond: a grid of 0.06-scaled seconds must not drift by float steps. */
const MILLISECOND = 1000;

/** The first rule the grid breaks, or undefined when it is fine. */
export function probeGridProblem(grid: ProbeGrid, limits: ProbeGridLimits): ProbeGridProblem | undefined {
  for (const field of ['fromSeconds', 'toSeconds', 'stepSeconds'] as const) {
    const value: unknown = grid[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      return { field, rule: 'must be a number of seconds above 0 (fractions allowed)' };
    }
  }
  if (grid.toSeconds > limits.maxSeconds) {
    return { field: 'toSeconds', rule: `must be at most ${limits.maxSeconds} s (the longest a callee may run)` };
  }
  if (grid.fromSeconds >= grid.toSeconds) return { field: 'fromSeconds', rule: 'must be below toSeconds' };
  if (grid.stepSeconds > grid.toSeconds - grid.fromSeconds) {
    return { field: 'stepSeconds', rule: 'must be at most toSeconds − fromSeconds (two probes at least)' };
  }
  const probes = countProbes(grid);
  if (probes > limits.maxProbes) {
    return {
      field: 'stepSeconds',
      rule: `gives ${probes} probes; at most ${limits.maxProbes} run at once (a larger step or a narrower range)`,
    };
  }
  return undefined;
}

/**
 * fromSeconds, fromSeconds + step, …, and toSeconds last. A last step that falls within half a step of
 * toSeconds (rounding) is moved onto it rather than followed by a near-duplicate probe.
 */
export function gridDurations(grid: ProbeGrid): number[] {
  const durations: number[] = [];
  for (let index = 0; grid.fromSeconds + index * grid.stepSeconds <= grid.toSeconds + 1e-9; index++) {
    durations.push(toMilliseconds(grid.fromSeconds + index * grid.stepSeconds));
  }
  const to = toMilliseconds(grid.toSeconds);
  const last = durations.at(-1) ?? grid.fromSeconds;
  if (to - last < grid.stepSeconds / 2) durations[durations.length - 1] = to;
  else durations.push(to);
  return durations;
}

/** Cheap upper bound first, so a 1e-9 s step is refused without building a huge array. */
function countProbes(grid: ProbeGrid): number {
  const bound = Math.floor((grid.toSeconds - grid.fromSeconds) / grid.stepSeconds) + 2;
  return bound > 10_000 ? bound : gridDurations(grid).length;
}

/**
 * The next round's grid strictly inside (survivedSeconds, forgottenSeconds): `probes` evenly spaced
 * durations, so a round narrows the interval to a (probes + 1)th of its width.
 */
export function gridBetween(survivedSeconds: number, forgottenSeconds: number, probes: number): ProbeGrid {
  if (!(forgottenSeconds > survivedSeconds) || !Number.isInteger(probes) || probes < 1) {
    throw new RangeError(
      `gridBetween: needs survived < forgotten and probes ≥ 1 (got ${survivedSeconds}, ${forgottenSeconds}, ${probes})`,
    );
  }
  const stepSeconds = (forgottenSeconds - survivedSeconds) / (probes + 1);
  return {
    fromSeconds: toMilliseconds(survivedSeconds + stepSeconds),
    toSeconds: toMilliseconds(forgottenSeconds - stepSeconds),
    stepSeconds: toMilliseconds(stepSeconds),
  };
}

function toMilliseconds(seconds: number): number {
  return Math.round(seconds * MILLISECOND) / MILLISECOND;
}
