/**
 * The faults matrix (issue "Faults: nothing hangs, nothing runs twice, every failure is a clear error"):
 * each row says what is done to the lab, what the caller must see, how many executions the emulator may
 * count, and — for detection rows — the bound derived from the physics plus a stated slack.
 * Pure: durations come from the time scale (src/harness/time-scale.ts), nothing here touches the lab.
 *
 * Physics (docs/node-keepalive.md): the client's sockets carry TCP_KEEPIDLE = idle and, where the runtime's
 * Node honours them (>= 24.19), TCP_KEEPINTVL / TCP_KEEPCNT = its probe interval and count, else libuv's 1 s × 10.
 * A forgotten flow answers the next probe with RST; a blackhole is declared dead after the next probe plus
 * `count` unanswered probes `interval` apart. WHEN the kernel sends those probes is the timer wheel's business
 * (src/harness/keepalive-timers.ts): each timer fires up to one wheel granularity late — 2.048 s for a 25 s
 * timer at HZ 250 — so every detection bound is that kernel worst case plus a stated slack for the processes.
 */
import {
  type KeepaliveTimingBounds,
  keepaliveTimingBounds,
  type LabPath,
  REAL_SECONDS,
  shippedClientKeepAlive,
  type TimeScale,
  toLabSeconds,
} from '../harness';

/** What the bounds depend on besides the time scale: the kernel's tick and the caller's Node. */
export interface RowPhysics {
  /** CONFIG_HZ of the kernel running the rows (readKernelHz); undefined = the worst HZ a kernel offers. */
  kernelHz: number | undefined;
  /** Whether the caller's Node applies the probe interval and count (honoursKeepAliveProbes). */
  probesHonoured: boolean;
}

/** Scheduling slack on a shared 2-core machine: event-loop delay, nft/conntrack command latency. */
export const DETECTION_SLACK_MS = 2_000;
/**
 * The RST (or the kernel giving up) → the caller's handler settling: libuv's read error → the SDK → the client →
 * the caller. Measured 6–24 ms with tcpdump in the vpc namespace against the driver's settle time (12 runs on
 * this 2-core machine); 0.5 s is twenty times that.
 */
export const ERROR_PATH_SLACK_MS = 500;
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

export function buildFaultRows(timeScale: TimeScale, physics: RowPhysics): FaultRow[] {
  const kernel = (idleSeconds = timeScale.keepAliveIdleSeconds): KeepaliveTimingBounds =>
    keepaliveTimingBounds(shippedClientKeepAlive(timeScale, physics.probesHonoured, idleSeconds), physics.kernelHz);
  const client = shippedClientKeepAlive(timeScale, physics.probesHonoured);
  const timers = kernel();
  const hz = typeof timers.hz === 'number' ? `HZ ${timers.hz}` : `${timers.hz} HZ`;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
  const probes = `${client.count} × ${client.intervalSeconds} s${physics.probesHonoured ? '' : ' (libuv)'}`;
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
  const blackholeBudgetMs = Math.ceil(timers.blackholeDeathMaxMs);
  // The short blackhole runs at a 1 s idle, so probes come about every second: it drops at least two of them,
  // and ends with the budget of unanswered probes (count × interval, at least 6 s) far from spent.
  const shortBlackhole = { idleSeconds: 1, holdMs: 3_000 };
  const tooLongIdle = timeScale.natIdleSeconds + 4;
  const tooLong = kernel(tooLongIdle);

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
        Math.ceil(timers.nextProbeMaxMs) + DETECTION_SLACK_MS,
        `next probe ≤ ${seconds(timers.nextProbeMaxMs)} (idle ${client.idleSeconds} s + timer wheel, ${hz}; ` +
          `RST answers it) + ${DETECTION_SLACK_MS / 1000} s slack`,
      ),
    },
    {
      ...base,
      id: `blackhole-long/${path}`,
      fault: `NAT blackholes both directions until the caller's kernel gives up (idle + ${probes})`,
      path,
      sessionKey: `blackhole-long/${path}`,
      event: longCall,
      plan: {
        kind: 'blackhole',
        afterStartMs: FAULT_AFTER_START_MS,
        holdMs: blackholeBudgetMs + ERROR_PATH_SLACK_MS + DETECTION_SLACK_MS,
        untilError: true,
      },
      expect: lost(
        blackholeBudgetMs + ERROR_PATH_SLACK_MS,
        `next probe + ${probes} unanswered ≤ ${seconds(timers.blackholeDeathMaxMs)} ` +
          `(idle ${client.idleSeconds} s, timer wheel ${hz}) + ${ERROR_PATH_SLACK_MS / 1000} s error path`,
      ),
    },
    {
      ...base,
      id: `blackhole-short/${path}`,
      fault:
        `NAT blackhole of ${shortBlackhole.holdMs / 1000} s at keepalive idle ${shortBlackhole.idleSeconds} s ` +
        `(≥ 2 probes dropped, < the ${probes} budget), then back`,
      path,
      sessionKey: `blackhole-short/${path}`,
      event: longCall,
      env: { KEEPALIVE_IDLE_SECONDS: String(shortBlackhole.idleSeconds) },
      plan: {
        kind: 'blackhole',
        afterStartMs: FAULT_AFTER_START_MS,
        holdMs: shortBlackhole.holdMs,
        untilError: false,
      },
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
        // The kernel arms the idle timer at connect, before the callee starts: measuring from the callee's start
        // can only shorten the time, never lengthen it.
        ...lost(
          Math.ceil(tooLong.firstProbeMaxMs) + ERROR_PATH_SLACK_MS,
          `first probe ≤ ${seconds(tooLong.firstProbeMaxMs)} after connect (idle ${tooLongIdle} s + timer ` +
            `wheel, ${hz}) hits the forgotten flow → RST; + ${ERROR_PATH_SLACK_MS / 1000} s error path, ` +
            "from the callee's start",
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
