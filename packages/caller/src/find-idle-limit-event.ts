/**
 * The caller's diagnostic event, `{"findIdleLimit": {fromSeconds?, toSeconds?, stepSeconds?, marginSeconds?}}`:
 * its defaults and its validation, all before anything is invoked. The grid rules are @lambda-keepalive/idle-limit's
 * (probeGridProblem); the caller adds what only it knows — the probe cap it accepts and its own remaining time.
 */
import { gridDurations, type ProbeGrid, probeGridProblem } from '@lambda-keepalive/idle-limit';
import { MAX_DURATION_SECONDS } from './caller-event';
import { InvalidCallerEventError } from './errors';

export interface FindIdleLimitRequest extends ProbeGrid {
  /** A probe with no reply marginSeconds after its duration is `lost`. */
  marginSeconds: number;
}

/**
 * 300–420 s in 10 s steps brackets the 350 s NAT gateway / interface endpoint idle limit
 * (docs/hyperplane-idle-timeout.md) with 13 probes; a 10 s margin covers a callee's cold start and the Invoke
 * round trip, so an answer is never taken for a loss.
 */
export const FIND_IDLE_LIMIT_DEFAULTS: Readonly<FindIdleLimitRequest> = Object.freeze({
  fromSeconds: 300,
  toSeconds: 420,
  stepSeconds: 10,
  marginSeconds: 10,
});

/**
 * Every probe is one concurrent callee execution (and one open connection). 50 is 5 % of the default account
 * quota of 1,000 concurrent executions, and covers a 10 s resolution over 500 s in one round; an account with
 * a lower quota (new accounts may start lower) gets TooManyRequestsException for the probes above it, and the
 * result reports them as `failed` with that name — lower the count (a larger step) there.
 * (Lambda quotas, "New AWS accounts have reduced concurrency": https://docs.aws.amazon.com/lambda/latest/dg/limits.html)
 */
export const MAX_PROBES = 50;

/** A margin above a minute only delays the finding: an answer comes within seconds of the callee's end. */
export const MAX_MARGIN_SECONDS = 60;

/** Time kept, after the last probe's deadline, to summarise, log and return before the caller's own timeout. */
export const REPORT_RESERVE_SECONDS = 1;

const FIELDS = ['fromSeconds', 'toSeconds', 'stepSeconds', 'marginSeconds'] as const;

/** Whether the event asks for the diagnostic (then parseFindIdleLimitEvent, not parseCallerEvent, applies). */
export function isFindIdleLimitEvent(event: unknown): event is Record<string, unknown> {
  return typeof event === 'object' && event !== null && !Array.isArray(event) && Object.hasOwn(event, 'findIdleLimit');
}

/** Validates the diagnostic event against the caller's remaining time; throws InvalidCallerEventError. */
export function parseFindIdleLimitEvent(event: Record<string, unknown>, remainingMs: number): FindIdleLimitRequest {
  const mixed = Object.keys(event).find((key) => key !== 'findIdleLimit');
  if (mixed !== undefined) {
    throw new InvalidCallerEventError(
      `event.${mixed}`,
      event[mixed],
      'cannot be combined with findIdleLimit (the diagnostic event holds findIdleLimit alone)',
    );
  }
  const given = event.findIdleLimit;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new InvalidCallerEventError(
      'event.findIdleLimit',
      given,
      'must be an object such as {"fromSeconds": 300, "toSeconds": 420, "stepSeconds": 10} ({} for the defaults)',
    );
  }
  const record = given as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknownKey !== undefined) {
    throw new InvalidCallerEventError(
      `event.findIdleLimit.${unknownKey}`,
      record[unknownKey],
      `is not a known field (allowed: ${FIELDS.join(', ')})`,
    );
  }
  const request = { ...FIND_IDLE_LIMIT_DEFAULTS, ...definedOnly(record) } as FindIdleLimitRequest;
  const refuse = (field: (typeof FIELDS)[number], rule: string): never => {
    const defaulted = record[field] === undefined ? ` (${request[field]} s is the default)` : '';
    throw new InvalidCallerEventError(`event.findIdleLimit.${field}`, request[field], `${rule}${defaulted}`);
  };
  const problem = probeGridProblem(request, { maxSeconds: MAX_DURATION_SECONDS, maxProbes: MAX_PROBES });
  if (problem !== undefined) refuse(problem.field, problem.rule);
  const { marginSeconds } = request;
  if (
    typeof marginSeconds !== 'number' ||
    !Number.isFinite(marginSeconds) ||
    marginSeconds <= 0 ||
    marginSeconds > MAX_MARGIN_SECONDS
  ) {
    refuse(
      'marginSeconds',
      `must be a number of seconds above 0 and at most ${MAX_MARGIN_SECONDS} (fractions allowed)`,
    );
  }
  // In whole milliseconds, so 25.2 + 0.6 + 1 fits 26,800 ms despite floating-point sums.
  const neededMs = Math.round((request.toSeconds + marginSeconds + REPORT_RESERVE_SECONDS) * 1000);
  if (neededMs > remainingMs) {
    refuse(
      'toSeconds',
      `with marginSeconds (${marginSeconds}) and ${REPORT_RESERVE_SECONDS} s to report needs ` +
        `${seconds(neededMs / 1000)}, more than the caller's remaining ${seconds(remainingMs / 1000)} ` +
        "(raise the caller's timeout or lower toSeconds)",
    );
  }
  return {
    fromSeconds: request.fromSeconds,
    toSeconds: request.toSeconds,
    stepSeconds: request.stepSeconds,
    marginSeconds,
  };
}

/** What the start log line says about the diagnostic: the grid and how many probes it makes. */
export function summariseFindIdleLimit(request: FindIdleLimitRequest): {
  findIdleLimit: FindIdleLimitRequest & { probes: number };
} {
  return { findIdleLimit: { ...request, probes: gridDurations(request).length } };
}

/** An explicit `undefined` cannot come from JSON; treat it as omitted all the same. */
function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function seconds(value: number): string {
  return `${Number(value.toFixed(3))} s`;
}
