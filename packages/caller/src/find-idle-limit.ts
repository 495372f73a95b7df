/**
 * Runs the diagnostic's probes: every duration of the grid at once, each ONE synchronous invoke of the sleeping
 * callee, judged by its own deadline (duration + margin from its start). A reply is `answered`; no reply by the
 * deadline is `lost` — with keepalive off the client sends nothing while it waits, so a middlebox that forgot
 * the idle flow leaves it waiting, never reset (docs/hyperplane-idle-timeout.md); anything else is `failed`,
 * with the error's name. The interval comes from @lambda-keepalive/idle-limit.
 */
import { DeadlineExceededError } from '@lambda-keepalive/client';
import {
  calleeSeconds,
  describeIdleLimit,
  gridDurations,
  type IdleLimit,
  idleLimitFrom,
  type ProbeOutcome,
} from '@lambda-keepalive/idle-limit';
import type { FindIdleLimitRequest } from './find-idle-limit-event';

/** One probe's invoke: resolves on the callee's reply, rejects otherwise (DeadlineExceededError at `deadline`). */
export type InvokeProbe = (probe: { durationSeconds: number; deadline: number }) => Promise<unknown>;

export interface ProbeReport {
  durationSeconds: number;
  outcome: ProbeOutcome;
  /** From the probe's start to its reply, its deadline, or its failure. */
  elapsedMs: number;
  /** The error's name, for a failed probe (e.g. InvokeServiceError, CalleeFunctionError). */
  errorName?: string;
  /** The service's or the callee's error type when the error carries one (e.g. TooManyRequestsException). */
  errorType?: string;
}

export interface IdleLimitReport {
  limit: IdleLimit;
  /** describeIdleLimit: "forgets idle flows between 340 s and 350 s". */
  finding: string;
  /** In grid order. */
  probes: ProbeReport[];
  /** Answered probes longer than the shortest lost one: the path did not behave like one idle limit. */
  contradictions: number[];
  /** Durations of the failed probes: they say nothing about idleness. */
  failed: number[];
  /** The sum of all probe durations: the callee run time asked for (a failed probe may have run less). */
  calleeSeconds: number;
  grid: FindIdleLimitRequest;
  /** The whole diagnostic: the longest probe's duration and margin, at most. */
  elapsedMs: number;
}

export async function findIdleLimit(
  request: FindIdleLimitRequest,
  invoke: InvokeProbe,
  now: () => number = Date.now,
): Promise<IdleLimitReport> {
  const durations = gridDurations(request);
  const startedAt = now();
  const probes = await Promise.all(
    durations.map(async (durationSeconds): Promise<ProbeReport> => {
      const probeStartedAt = now();
      const deadline = probeStartedAt + Math.round((durationSeconds + request.marginSeconds) * 1000);
      try {
        await invoke({ durationSeconds, deadline });
        return { durationSeconds, outcome: 'answered', elapsedMs: now() - probeStartedAt };
      } catch (error) {
        const elapsedMs = now() - probeStartedAt;
        if (error instanceof DeadlineExceededError) return { durationSeconds, outcome: 'lost', elapsedMs };
        return { durationSeconds, outcome: 'failed', elapsedMs, ...failureOf(error) };
      }
    }),
  );
  const { limit, contradictions, failed } = idleLimitFrom(probes);
  return {
    limit,
    finding: describeIdleLimit(limit),
    probes,
    contradictions,
    failed,
    calleeSeconds: calleeSeconds(durations),
    grid: request,
    elapsedMs: now() - startedAt,
  };
}

function failureOf(error: unknown): Pick<ProbeReport, 'errorName' | 'errorType'> {
  if (!(error instanceof Error)) return { errorName: 'NonError' };
  const { errorType } = error as { errorType?: unknown };
  return { errorName: error.name, ...(typeof errorType === 'string' ? { errorType } : {}) };
}
