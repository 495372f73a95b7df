/**
 * Fault-injection primitives for the lab (also used by src/bench for dead-flow detection): each one does
 * the fault to the REAL pieces — the kernel middleboxes (conntrack, nftables) or the emulator process —
 * and returns when it happened, on the same clock (Date.now) as the drivers' timestamps, so a caller's
 * detection time is `errorAt - fault.at`. `at` is taken just BEFORE the fault is applied: a measured
 * detection time can only be an over-estimate, never flatter the client.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LabNetwork, Middlebox } from '@lambda-keepalive/hyperplane-net';
import type { EmulatorLine, EmulatorProcess } from '../harness';

export type FaultKind = 'forget-flows' | 'blackhole' | 'reset-connections' | 'kill-service' | 'throttle';

export interface FaultMark {
  fault: FaultKind;
  /** Epoch ms just before the fault was applied. */
  at: number;
  /** Epoch ms when the fault was in place (the command returned). */
  appliedAt: number;
  /** Epoch ms when a temporary fault (blackhole) was lifted. */
  liftedAt?: number;
  detail: string;
}

/** What the network primitives need: a LabNetwork, or anything shaped like one. */
export type FaultNetwork = Pick<LabNetwork, 'forgetFlows' | 'setBlackhole'>;
/** What the service primitives need from the emulator CLI process. */
export type FaultService = Pick<EmulatorProcess, 'command' | 'kill' | 'waitForLine'>;

async function mark(fault: FaultKind, apply: () => Promise<string>, now: () => number = Date.now): Promise<FaultMark> {
  const at = now();
  const detail = await apply();
  return { fault, at, appliedAt: now(), detail };
}

/**
 * "NAT forgets the flow": deletes every conntrack entry of the middlebox. The inside host's next packet
 * (a keepalive probe) is then answered with RST, exactly what Hyperplane does after 350 s idle
 * (docs/hyperplane-idle-timeout.md).
 */
export function forgetFlows(network: FaultNetwork, box: Middlebox): Promise<FaultMark> {
  return mark('forget-flows', async () => `${box}: ${await network.forgetFlows(box)} conntrack entries deleted`);
}

export interface ActiveBlackhole extends FaultMark {
  /** Lets traffic through again; resolves with the mark including liftedAt. Safe to call twice. */
  lift(): Promise<FaultMark>;
}

/** Drops every forwarded packet of the middlebox, both directions, until lift(). */
export async function startBlackhole(network: FaultNetwork, box: Middlebox): Promise<ActiveBlackhole> {
  const started = await mark('blackhole', async () => {
    await network.setBlackhole(box, true);
    return `${box}: all forwarded packets dropped`;
  });
  let lifted: Promise<FaultMark> | undefined;
  return {
    ...started,
    lift: () => {
      lifted ??= network.setBlackhole(box, false).then(() => ({ ...started, liftedAt: Date.now() }));
      return lifted;
    },
  };
}

/**
 * A blackhole lasting `durationMs` (or until `signal` aborts, whichever first). The blackhole is lifted
 * even when the wait fails, so a fault never outlives its row.
 */
export async function blackholeFor(
  network: FaultNetwork,
  box: Middlebox,
  durationMs: number,
  signal?: AbortSignal,
): Promise<FaultMark> {
  const blackhole = await startBlackhole(network, box);
  try {
    await sleep(durationMs, undefined, { signal }).catch(() => undefined);
  } finally {
    await blackhole.lift();
  }
  return blackhole.lift();
}

/** "The service resets the connection": the emulator aborts every client connection with a TCP RST. */
export function resetServiceConnections(service: FaultService): Promise<FaultMark> {
  return mark('reset-connections', async () => {
    await service.command({ command: 'reset-connections' }, 'connections-reset');
    return 'emulator aborted its connections with RST';
  });
}

/** "The service process dies": SIGKILL to the emulator; resolves once it has exited. */
export function killService(service: FaultService): Promise<FaultMark> {
  return mark('kill-service', async () => {
    await service.kill();
    return 'emulator process killed (SIGKILL)';
  });
}

/** "429 throttling": the next `times` synchronous invokes of the function get 429 + Retry-After. */
export function throttleService(service: FaultService, functionName: string, times: number): Promise<FaultMark> {
  return mark('throttle', async () => {
    await service.command({ command: 'throttle', function: functionName, times }, 'throttle-armed');
    return `next ${times} invokes of ${functionName} answered 429`;
  });
}

/**
 * Waits until the emulator has STARTED the function (its invocation-start line): "mid-call" faults are
 * applied only once the request has certainly reached the callee. Resolves with the epoch ms it was seen.
 */
export async function waitForExecutionStart(
  service: FaultService,
  functionName: string,
  timeoutMs: number,
): Promise<number> {
  await service.waitForLine(
    (line: EmulatorLine) => line.event === 'invocation-start' && line.function === functionName,
    timeoutMs,
    `${functionName} to start`,
  );
  return Date.now();
}
