/**
 * The faults matrix (issue "Faults: nothing hangs, nothing runs twice, every failure is a clear error"):
 * each row says what is done to the lab, what the caller must see, how many executions the emulator may
 * count, and — for detection rows — the bound derived from the physics plus a stated slack.
 * Pure: durations come from the time scale (src/harness/time-scale.ts), nothing here touches the lab.
 *
 * Physics (docs/node-keepalive.md): the client's sockets carry TCP_KEEPIDLE = idle, TCP_KEEPINTVL = 1 s,
 * TCP_KEEPCNT = 10. A forgotten flow answers the next probe (≤ idle after the last answered one) with RST;
 * a blackhole is declared dead after ≤ idle + 10 × 1 s of unanswered probes.
 */
import { type LabPath, REAL_SECONDS, type TimeScale, toLabSeconds } from '../harness';

/** Scheduling slack on a shared 2-core machine: event-loop delay, nft/conntrack command latency. */
export const DETECTION_SLACK_MS = 2_000;
/** A mid-call fault is applied this long after the emulator started the callee (request surely sent). */
export const FAULT_AFTER_START_MS = 2_000;
/** A call meant to be cut by a fault sleeps 400 s (the original failure's callee), real-equivalent. */
const LONG_CALL_REAL_SECONDS = 400;

export type FaultPlan =
  | { kind: 'none' }
  | { kind: 'forget-flows'; afterStartMs: number }
  /** Held for holdMs or until the caller's error, whichever first. */
  | { kind: 'blackhole'; afterStartMs: number; holdMs: number; untilError: boolean }
  | { kind: 'reset-connections'; afterStartMs: number }
  | { kind: 'kill-service'; afterStartMs: number }
  | { kind: 'throttle'; times: number }
  | { kind: 'service-down' };

export interface FaultExpectation {
  outcome: 'ok' | 'error';
  errorName?: string;
  /** Every one must appear in the error message (field names, rules, the callee's type…). */
  messageIncludes?: string[];
  executions: number;
  /** From `measuredFrom` to the caller's settle, ms. */
  detectionBoundMs?: number;
  /** The fault's own timestamp (default), the emulator starting the callee, or the caller's handler start. */
  measuredFrom?: 'fault' | 'callee-start' | 'handler-start';
  /** Same interval must be at least this (e.g. the throttled row waited the Retry-Afters). */
  detectionMinMs?: number;
  /** Emulator lines of this event kind for the function, e.g. 2 `throttled`. */
  emulatorEvents?: { event: string; count: number };
  /** How the bound was derived, printed in the report. */
  boundRule?: string;
}

export interface FaultRow {
  id: string;
  /** The wording of the fault. */
  fault: string;
  path: LabPath;
  /** Rows sharing a key share one lab session (only rows that inject no fault). */
  sessionKey: string;
  callee: { handler: 'callee' | 'hanging'; timeoutSeconds: number };
  event: unknown;
  payloadBytes?: number;
  /** Caller environment overrides; null removes the variable. */
  env?: Record<string, string | null>;
  callerTimeoutMs: number;
  plan: FaultPlan;
  expect: FaultExpectation;
}

export function buildFaultRows(timeScale: TimeScale): FaultRow[] {
  const idleMs = timeScale.keepAliveIdleSeconds * 1000;
  const longCall = { durationSeconds: toLabSeconds(timeScale, LONG_CALL_REAL_SECONDS) };
  const callee = { handler: 'callee' as const, timeoutSeconds: timeScale.calleeTimeoutSeconds };
  const base = { callee, callerTimeoutMs: timeScale.callerTimeoutMs };
  const lost = (bound: number, rule: string): FaultExpectation => ({
    outcome: 'error',
    errorName: 'ConnectionLostError',
    messageIncludes: ['not retried'],
    executions: 1,
    detectionBoundMs: bound,
    boundRule: rule,
  });
  const blackholeBudgetMs = idleMs + 10 * 1000;
  // At least one probe is dropped (> idle), and well inside the smallest budget left after the blackhole
  // starts (10 × 1 s: the last answered probe may be up to idle before it).
  const shortBlackholeMs = idleMs + 1000;
  const tooLongIdle = timeScale.natIdleSeconds + 4;

  const perPath = (path: LabPath): FaultRow[] => [
    {
      ...base,
      id: `forget-flow/${path}`,
      fault: 'NAT forgets the flow mid-call (conntrack entry deleted)',
      path,
      sessionKey: `forget-flow/${path}`,
      event: longCall,
      plan: { kind: 'forget-flows', afterStartMs: FAULT_AFTER_START_MS },
      expect: lost(
        idleMs + DETECTION_SLACK_MS,
        `keepalive idle ${timeScale.keepAliveIdleSeconds} s (RST answers the next probe) + ` +
          `${DETECTION_SLACK_MS / 1000} s slack`,
      ),
    },
    {
      ...base,
      id: `blackhole-long/${path}`,
      fault: `NAT blackholes both directions longer than idle + 11 s`,
      path,
      sessionKey: `blackhole-long/${path}`,
      event: longCall,
      plan: {
        kind: 'blackhole',
        afterStartMs: FAULT_AFTER_START_MS,
        holdMs: blackholeBudgetMs + 1000 + DETECTION_SLACK_MS,
        untilError: true,
      },
      expect: lost(
        blackholeBudgetMs + 1000,
        `idle ${timeScale.keepAliveIdleSeconds} s + 10 unanswered probes × 1 s + 1 s`,
      ),
    },
    {
      ...base,
      id: `blackhole-short/${path}`,
      fault: `NAT blackhole of ${shortBlackholeMs / 1000} s (< probe budget), then back`,
      path,
      sessionKey: `blackhole-short/${path}`,
      event: longCall,
      plan: { kind: 'blackhole', afterStartMs: FAULT_AFTER_START_MS, holdMs: shortBlackholeMs, untilError: false },
      expect: { outcome: 'ok', executions: 1 },
    },
    {
      ...base,
      id: `keepalive-over-nat-idle/${path}`,
      path,
      sessionKey: `keepalive-over-nat-idle/${path}`,
      fault:
        `KEEPALIVE_IDLE_SECONDS ${tooLongIdle} ≥ NAT idle ${timeScale.natIdleSeconds} s ` +
        '(valid client value ≤ 340)',
      event: { durationSeconds: toLabSeconds(timeScale, 600) },
      env: { KEEPALIVE_IDLE_SECONDS: String(tooLongIdle) },
      plan: { kind: 'none' },
      expect: {
        ...lost(
          tooLongIdle * 1000 + DETECTION_SLACK_MS,
          `first probe at ${tooLongIdle} s hits the forgotten flow → RST; ` +
            `+ ${DETECTION_SLACK_MS / 1000} s slack, from the callee's start`,
        ),
        detectionMinMs: timeScale.natIdleSeconds * 1000,
        measuredFrom: 'callee-start',
      },
    },
  ];

  const deadlineTimeoutMs = 6_000;
  return [
    ...perPath('nat'),
    ...perPath('endpoint'),
    {
      ...base,
      id: 'service-reset/nat',
      fault: 'service resets the connection mid-call',
      path: 'nat',
      sessionKey: 'service-reset',
      event: longCall,
      plan: { kind: 'reset-connections', afterStartMs: FAULT_AFTER_START_MS },
      expect: lost(DETECTION_SLACK_MS, `RST arrives at once; ${DETECTION_SLACK_MS / 1000} s slack`),
    },
    {
      ...base,
      id: 'service-killed/nat',
      fault: 'emulator process killed mid-call',
      path: 'nat',
      sessionKey: 'service-killed',
      event: longCall,
      plan: { kind: 'kill-service', afterStartMs: FAULT_AFTER_START_MS },
      expect: lost(
        DETECTION_SLACK_MS,
        `the kernel closes the dead process's sockets at once; ${DETECTION_SLACK_MS / 1000} s slack`,
      ),
    },
    {
      ...base,
      id: 'throttled-twice/nat',
      fault: '429 throttling twice, then capacity',
      path: 'nat',
      sessionKey: 'throttled-twice',
      event: { durationSeconds: 0.5 },
      plan: { kind: 'throttle', times: 2 },
      expect: {
        outcome: 'ok',
        executions: 1,
        emulatorEvents: { event: 'throttled', count: 2 },
        detectionMinMs: 2 * THROTTLE_RETRY_AFTER_SECONDS * 1000,
        boundRule: `waited 2 × Retry-After ${THROTTLE_RETRY_AFTER_SECONDS} s`,
      },
    },
    {
      ...base,
      id: 'service-down/nat',
      fault: 'service down before the call (connection refused)',
      path: 'nat',
      sessionKey: 'service-down',
      event: { durationSeconds: 0.5 },
      plan: { kind: 'service-down' },
      expect: {
        outcome: 'error',
        errorName: 'ServiceUnreachableError',
        messageIncludes: ['ECONNREFUSED', 'after 4 attempt(s)', 'did not run'],
        executions: 0,
      },
    },
    {
      ...base,
      id: 'callee-throws/nat',
      fault: 'callee throws',
      path: 'nat',
      sessionKey: 'callee-errors',
      event: { durationSeconds: 0.5, fail: true },
      plan: { kind: 'none' },
      expect: {
        outcome: 'error',
        errorName: 'CalleeFunctionError',
        messageIncludes: ['CalleeRequestedFailureError', 'Unhandled'],
        executions: 1,
      },
    },
    {
      ...base,
      id: 'callee-timeout/nat',
      fault: 'callee exceeds its own timeout (handler that never settles, timeout 2 s)',
      path: 'nat',
      sessionKey: 'callee-errors',
      callee: { handler: 'hanging', timeoutSeconds: 2 },
      event: { durationSeconds: 0.5 },
      plan: { kind: 'none' },
      expect: {
        outcome: 'error',
        errorName: 'CalleeFunctionError',
        messageIncludes: ['Sandbox.Timedout', 'Task timed out after 2'],
        executions: 1,
      },
    },
    {
      ...base,
      id: 'caller-deadline/nat',
      fault: `caller's deadline (${deadlineTimeoutMs / 1000} s timeout) shorter than the callee`,
      path: 'nat',
      sessionKey: 'callee-errors',
      event: longCall,
      callerTimeoutMs: deadlineTimeoutMs,
      plan: { kind: 'none' },
      expect: {
        outcome: 'error',
        errorName: 'DeadlineExceededError',
        executions: 1,
        detectionBoundMs: deadlineTimeoutMs,
        measuredFrom: 'handler-start',
        boundRule: `before the caller's own ${deadlineTimeoutMs / 1000} s timeout (client margin 1 s)`,
      },
    },
  ];
}

/** The emulator's Retry-After (EmulatorConfig.retryAfterSeconds default). */
export const THROTTLE_RETRY_AFTER_SECONDS = 1;

/** Real-equivalent seconds of the long calls, for the report. */
export const FAULT_REAL_SECONDS = { longCall: LONG_CALL_REAL_SECONDS, idleLimit: REAL_SECONDS.idleLimit } as const;
