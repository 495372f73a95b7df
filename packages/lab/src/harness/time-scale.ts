/**
 * The ONE place where real (AWS) seconds become lab seconds.
 *
 * Real numbers (docs/hyperplane-idle-timeout.md, docs/lambda-invoke-api.md): Hyperplane forgets a flow
 * idle 350 s; a Lambda runs at most 900 s; the shipped client's keepalive idle is modelled as 60 s. The lab
 * runs them at a scale s so a sweep takes about a minute.
 *
 * Three things do NOT scale and shape the rule:
 * - conntrack timeouts are whole seconds, so the NAT idle is round(350·s) and the scale is then snapped to
 *   natIdle/350: every other duration scales by that effective s, so the 350 s limit stays exactly 350 s
 *   real-equivalent (otherwise s = 0.01 → 4 s NAT ≙ 400 s, and the 360 s cell would wrongly survive);
 * - Node's keepalive granularity is 1 s (setKeepAlive floors ms to seconds, < 1000 ms means "kernel
 *   default" 7200 s — docs/node-keepalive.md), so a scaled keepalive idle is at least 1 s;
 * - the SDK's own keepalive starts 3 s after the request with a 1 s idle (aws/aws-sdk-js-v3#4561),
 *   so the SDK reference survives only if the NAT idle is above 3 + 1 s.
 * The NAT idle must stay MIN_NAT_HEADROOM_SECONDS above every keepalive in play; a scale where that is
 * impossible is rejected with the smallest scale that works.
 */
import { KEEPALIVE_DEFAULTS } from '@lambda-keepalive/client';
import { InvalidLabInputError } from '../lab-errors';

export const REAL_SECONDS = {
  /** Hyperplane (NAT gateway, interface endpoint) idle timeout — VPC user guide. */
  idleLimit: 350,
  /** Keepalive idle of the shipped client (its default), well under the idle limit. */
  keepAliveIdle: KEEPALIVE_DEFAULTS.idleSeconds,
  /** The shipped client's probe interval once a probe goes unanswered (its default). */
  keepAliveProbeInterval: KEEPALIVE_DEFAULTS.probeIntervalSeconds,
  /** Lambda's maximum timeout: the caller's and the callee's configured timeout in the lab. */
  functionTimeout: 900,
} as const;

/** Unanswered probes before the shipped client's kernel gives up (its default): a count, so it does not scale. */
export const KEEPALIVE_PROBE_COUNT = KEEPALIVE_DEFAULTS.probeCount;

/** @smithy/node-http-handler set-socket-keep-alive: setKeepAlive(true, 1000) 3 s after the request starts. */
export const SDK_DELAYED_KEEPALIVE_SECONDS = { delay: 3, idle: 1 } as const;

/** Probes need room: first probe at idle, then libuv's fixed 1 s interval, plus scheduling jitter. */
export const MIN_NAT_HEADROOM_SECONDS = 3;

/**
 * Unscaled allowances over the scaled 900 s function timeouts, so the 900 s cell means "a callee sleeping
 * the Lambda maximum" instead of failing on lab overhead that does not shrink with the scale:
 * the callee refuses to sleep past its remaining time minus 500 ms (packages/callee sleep-budget) and
 * starts in a worker thread; the caller's client gives up 1 s before its deadline (keepalive-client
 * DEFAULT_DEADLINE_MARGIN_MS) and pays TLS + request time on top of the callee's sleep. 2 s, not 1: with
 * `--preset python` (112 cells, 56 boto3 processes starting at once on 2 cores) a 900 s callee started
 * 665 ms late and refused its 54 s sleep with only 53.8 s left (measured).
 */
export const CALLEE_TIMEOUT_ALLOWANCE_MS = 2000;
export const CALLER_TIMEOUT_ALLOWANCE_MS = CALLEE_TIMEOUT_ALLOWANCE_MS + 2000;

/**
 * Default scale: NAT idle 21 s ≙ 350 s, keepalive 4 s ≙ 60 s, so the 340 s / 360 s cells sit 0.6 s either
 * side of the limit — above the ~0.15 s the emulator adds before the callee sleeps (measured: at 0.02 the
 * 340 s cell flipped under load). A full default sweep then takes about a minute on 2 cores.
 */
export const DEFAULT_SCALE = 0.06;

/** The emulator must accept the allowance above Lambda's 900 s (EmulatorConfig.maxTimeoutSeconds). */
export const LAB_MAX_FUNCTION_TIMEOUT_SECONDS = REAL_SECONDS.functionTimeout + CALLEE_TIMEOUT_ALLOWANCE_MS / 1000;

export interface TimeScale {
  /** What the user asked for. */
  requestedScale: number;
  /** natIdleSeconds / 350: the factor every other duration is multiplied by. */
  scale: number;
  /** conntrack established timeout of both middleboxes, whole seconds. */
  natIdleSeconds: number;
  /** What natIdleSeconds models, real-equivalent: 350 (Hyperplane) unless --nat-idle models another middlebox. */
  natIdleRealSeconds: number;
  /** KEEPALIVE_IDLE_SECONDS for the shipped caller, whole seconds ≥ 1. */
  keepAliveIdleSeconds: number;
  /** KEEPALIVE_PROBE_INTERVAL_SECONDS for the shipped caller, whole seconds ≥ 1 (TCP_KEEPINTVL's unit). */
  keepAliveProbeIntervalSeconds: number;
  /** KEEPALIVE_PROBE_COUNT for the shipped caller (unscaled). */
  keepAliveProbeCount: number;
  /** The caller's (scaled) Lambda timeout the drivers enforce, ms, with its allowance. */
  callerTimeoutMs: number;
  /** The callee's (scaled) Lambda timeout in the emulator, seconds (fractions allowed), with its allowance. */
  calleeTimeoutSeconds: number;
}

export function resolveTimeScale(requestedScale: number): TimeScale {
  if (
    typeof requestedScale !== 'number' ||
    !Number.isFinite(requestedScale) ||
    requestedScale <= 0 ||
    requestedScale > 1
  ) {
    throw new InvalidLabInputError('scale', requestedScale, 'must be a number in (0, 1] (1 = real AWS seconds)');
  }
  const natIdleSeconds = Math.round(REAL_SECONDS.idleLimit * requestedScale);
  const scale = natIdleSeconds / REAL_SECONDS.idleLimit;
  const keepAliveIdleSeconds = scaledKeepAliveIdle(natIdleSeconds);
  const problem = headroomProblem(natIdleSeconds, keepAliveIdleSeconds);
  if (problem !== undefined) {
    throw new InvalidLabInputError(
      'scale',
      requestedScale,
      `${problem}; the smallest scale that keeps the NAT idle ${MIN_NAT_HEADROOM_SECONDS} s ` +
        `above every keepalive is ${smallestScale()}`,
    );
  }
  return {
    requestedScale,
    scale,
    natIdleSeconds,
    natIdleRealSeconds: REAL_SECONDS.idleLimit,
    keepAliveIdleSeconds,
    keepAliveProbeIntervalSeconds: Math.max(1, Math.round(REAL_SECONDS.keepAliveProbeInterval * scale)),
    keepAliveProbeCount: KEEPALIVE_PROBE_COUNT,
    callerTimeoutMs: Math.round(REAL_SECONDS.functionTimeout * scale * 1000) + CALLER_TIMEOUT_ALLOWANCE_MS,
    calleeTimeoutSeconds: toLabSeconds({ scale }, REAL_SECONDS.functionTimeout) + CALLEE_TIMEOUT_ALLOWANCE_MS / 1000,
  };
}

/** The longest idle `--nat-idle` takes: the highest TCP idle timeout AWS middleboxes can be set to (NLB, NFW). */
export const MAX_MODELLED_NAT_IDLE_SECONDS = 6000;

/**
 * The same time scale with both middleboxes forgetting flows after `realSeconds` instead of 350 s (a path
 * with an NLB or a Network Firewall at its own idle setting). Everything else keeps its scale; the NAT idle
 * is rounded to whole lab seconds (conntrack's unit), so the modelled idle is that rounding, read back.
 * `keepAliveHeadroom` (the sweep, the faults) also requires the NAT idle to stay above every keepalive
 * the lab's clients use; the idle-limit finder runs keepalive-off only and skips it.
 */
export function withNatIdle(
  timeScale: TimeScale,
  realSeconds: number,
  options: { field: string; keepAliveHeadroom: boolean },
): TimeScale {
  if (!Number.isFinite(realSeconds) || realSeconds <= 0 || realSeconds > MAX_MODELLED_NAT_IDLE_SECONDS) {
    throw new InvalidLabInputError(
      options.field,
      realSeconds,
      `must be a number of real-equivalent seconds in (0, ${MAX_MODELLED_NAT_IDLE_SECONDS}]`,
    );
  }
  const natIdleSeconds = Math.round(realSeconds * timeScale.scale);
  if (natIdleSeconds < 1) {
    throw new InvalidLabInputError(
      options.field,
      realSeconds,
      `gives a NAT idle of ${natIdleSeconds} s at scale ${timeScale.scale}; conntrack needs ≥ 1 s (raise --scale)`,
    );
  }
  const problem = options.keepAliveHeadroom
    ? headroomProblem(natIdleSeconds, timeScale.keepAliveIdleSeconds)
    : undefined;
  if (problem !== undefined) {
    throw new InvalidLabInputError(
      options.field,
      realSeconds,
      `${problem}: the NAT idle must stay ${MIN_NAT_HEADROOM_SECONDS} s above every keepalive (raise --scale)`,
    );
  }
  return { ...timeScale, natIdleSeconds, natIdleRealSeconds: natIdleSeconds / timeScale.scale };
}

/** Real-equivalent seconds → lab seconds (ms precision). */
export function toLabSeconds(timeScale: Pick<TimeScale, 'scale'>, realSeconds: number): number {
  return Math.round(realSeconds * timeScale.scale * 1000) / 1000;
}

/** Lab milliseconds → real-equivalent seconds (for reading results on the real time axis). */
export function toRealSeconds(timeScale: Pick<TimeScale, 'scale'>, labMs: number): number {
  return labMs / 1000 / timeScale.scale;
}

function scaledKeepAliveIdle(natIdleSeconds: number): number {
  return Math.max(1, Math.round((REAL_SECONDS.keepAliveIdle * natIdleSeconds) / REAL_SECONDS.idleLimit));
}

function headroomProblem(natIdleSeconds: number, keepAliveIdleSeconds: number): string | undefined {
  if (natIdleSeconds - keepAliveIdleSeconds < MIN_NAT_HEADROOM_SECONDS) {
    return (
      `it gives a NAT idle of ${natIdleSeconds} s (round(350·scale)) ` +
      `and a keepalive idle of ${keepAliveIdleSeconds} s (≥ 1 s, Node's granularity)`
    );
  }
  const sdkFirstProbe = SDK_DELAYED_KEEPALIVE_SECONDS.delay + SDK_DELAYED_KEEPALIVE_SECONDS.idle;
  if (natIdleSeconds - sdkFirstProbe < MIN_NAT_HEADROOM_SECONDS) {
    return (
      `it gives a NAT idle of ${natIdleSeconds} s, ` +
      `but the SDK's own keepalive probes first ${sdkFirstProbe} s after the request (unscaled)`
    );
  }
  return undefined;
}

/** Smallest NAT idle meeting both headroom rules, as a scale (computed, so the message never goes stale). */
function smallestScale(): number {
  let natIdleSeconds = 1;
  while (headroomProblem(natIdleSeconds, scaledKeepAliveIdle(natIdleSeconds)) !== undefined) natIdleSeconds += 1;
  return natIdleSeconds / REAL_SECONDS.idleLimit;
}
