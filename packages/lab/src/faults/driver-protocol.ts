/**
 * What the runner and the fault drivers (fault-driver.ts, load-driver.ts) say to each other.
 * Input: argv[2] JSON. Output: the driver result line (drivers/driver-result.ts) plus ONE hygiene line,
 * printed after the handler settled: when it settled (the error timestamp detection times are measured
 * to) and which resources were still keeping the event loop alive.
 */
import { writeSync } from 'node:fs';
import { InvalidLabInputError } from '../lab-errors';

export const HYGIENE_KEY = 'labDriverHygiene';
/** Printed LINGER_CHECK_MS after the settle only if the process is still alive: what keeps it alive. */
export const LINGERING_KEY = 'labDriverLingering';
export const LINGER_CHECK_MS = 250;
/** The line the driver writes as its process exits: when (its own clock) its event loop ran dry. */
export const EXIT_KEY = 'labDriverExit';

export interface FaultDriverInput {
  /** The caller's event exactly as Lambda would hand it over (any JSON, valid or not). */
  event: unknown;
  /** The caller's Lambda-like timeout, ms. */
  timeoutMs: number;
  /**
   * Replace event.payload with a string of this many bytes (too large for argv: Linux caps one argument
   * at 128 KiB).
   */
  payloadBytes?: number;
  /** Load driver: how many concurrent invocations of the one handler instance. */
  concurrency?: number;
}

export interface DriverHygiene {
  /** Epoch ms when the handler started / settled (all of them, for the load driver). */
  startedAt: number;
  settledAt: number;
  /** process.getActiveResourcesInfo() a tick after the last handler settled (stdout's own writes excluded). */
  activeResources: string[];
  /** process 'unhandledRejection' events seen (the driver records them instead of crashing). */
  unhandledRejections: number;
  /** Peak RSS of the driver process, bytes (process.resourceUsage().maxRSS is KiB). */
  peakRssBytes: number;
  /** Load driver only: per-call outcome summary. */
  calls?: { ok: number; errors: Record<string, number>; distinctRequestIds: number };
}

export function readFaultDriverInput(json: string | undefined): FaultDriverInput {
  let parsed: Partial<FaultDriverInput>;
  try {
    parsed = JSON.parse(json ?? '') as Partial<FaultDriverInput>;
  } catch {
    throw new InvalidLabInputError('fault driver input', json, 'must be JSON {"event","timeoutMs"} as argv[2]');
  }
  if (typeof parsed !== 'object' || parsed === null || !('event' in parsed)) {
    throw new InvalidLabInputError(
      'fault driver input',
      parsed,
      'must be an object with an "event" key (null allowed)',
    );
  }
  const { timeoutMs, payloadBytes, concurrency } = parsed;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new InvalidLabInputError('fault driver input timeoutMs', timeoutMs, 'must be a number > 0');
  }
  for (const [field, value] of [
    ['payloadBytes', payloadBytes],
    ['concurrency', concurrency],
  ] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new InvalidLabInputError(`fault driver input ${field}`, value, 'must be an integer ≥ 1');
    }
  }
  return {
    event: parsed.event,
    timeoutMs,
    ...(payloadBytes === undefined ? {} : { payloadBytes }),
    ...(concurrency === undefined ? {} : { concurrency }),
  };
}

/** The event the handler gets: payloadBytes becomes event.payload (only for object events). */
export function eventOf(input: FaultDriverInput): unknown {
  if (input.payloadBytes === undefined) return input.event;
  const base = typeof input.event === 'object' && input.event !== null ? input.event : {};
  return { ...base, payload: 'x'.repeat(input.payloadBytes) };
}

/**
 * Resources that are the driver's own reporting, not the caller's: the stdout pipe and the write in
 * flight on it. Everything else still listed after the handler settled is a leak.
 */
export function leakedResources(activeResources: readonly string[]): string[] {
  return activeResources.filter((name) => !['PipeWrap', 'TTYWrap', 'WriteWrap', 'ShutdownWrap'].includes(name));
}

export function formatHygieneLine(hygiene: DriverHygiene): string {
  return `${JSON.stringify({ [HYGIENE_KEY]: hygiene })}\n`;
}

export function formatLingeringLine(activeResources: readonly string[]): string {
  return `${JSON.stringify({ [LINGERING_KEY]: activeResources })}\n`;
}

/** Resources still open LINGER_CHECK_MS after the settle, or [] when the process had exited by then. */
export function parseLingering(stdout: string): string[] {
  const line = stdout.split('\n').find((text) => text.includes(LINGERING_KEY));
  if (line === undefined) return [];
  try {
    const value = (JSON.parse(line) as Record<string, unknown>)[LINGERING_KEY];
    return Array.isArray(value) ? leakedResources(value.map(String)) : [];
  } catch {
    return [];
  }
}

/**
 * Prints the hygiene line a tick after the handler settled, then — only if the process is still alive
 * LINGER_CHECK_MS later — what keeps it alive (a socket closing in this very tick is not a leak; one
 * still open a quarter second later is). The check's timer is unref'd: it never keeps the process alive.
 */
export function reportHygiene(startedAt: number, settledAt: number, unhandledRejections: () => number): void {
  // Written synchronously: stdout to a pipe is asynchronous in Node, and nothing asynchronous runs at 'exit'.
  process.once('exit', () => writeSync(1, formatExitLine(Date.now())));
  setImmediate(() => {
    process.stdout.write(
      formatHygieneLine({
        startedAt,
        settledAt,
        activeResources: process.getActiveResourcesInfo(),
        unhandledRejections: unhandledRejections(),
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
      }),
    );
    setTimeout(
      () => process.stdout.write(formatLingeringLine(process.getActiveResourcesInfo())),
      LINGER_CHECK_MS,
    ).unref();
  });
}

export function parseHygieneLine(stdout: string): DriverHygiene | undefined {
  for (const line of stdout.split('\n').reverse()) {
    if (!line.includes(HYGIENE_KEY)) continue;
    try {
      const value = (JSON.parse(line) as Record<string, unknown>)[HYGIENE_KEY] as DriverHygiene | undefined;
      if (value !== undefined && typeof value.settledAt === 'number' && Array.isArray(value.activeResources))
        return value;
    } catch {
      // not ours
    }
  }
  return undefined;
}

export function formatExitLine(at: number): string {
  return `${JSON.stringify({ [EXIT_KEY]: { at } })}\n`;
}

/** When the driver's process exited by its own clock, or undefined when it printed no exit line (killed). */
export function parseExitAt(stdout: string): number | undefined {
  const line = stdout.split('\n').find((text) => text.includes(EXIT_KEY));
  if (line === undefined) return undefined;
  try {
    const value = (JSON.parse(line) as Record<string, { at?: unknown } | undefined>)[EXIT_KEY];
    return typeof value?.at === 'number' ? value.at : undefined;
  } catch {
    return undefined;
  }
}
