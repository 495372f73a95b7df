/**
 * The caller's deadline: a Lambda's remaining time (or an explicit epoch-ms deadline) minus a
 * margin, so the caller can still report the failure before its own runtime kills it.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export const DEFAULT_DEADLINE_MARGIN_MS = 1_000;

export interface DeadlineSource {
  deadline?: number;
  context?: { getRemainingTimeInMillis(): number };
  deadlineMarginMs: number;
}

/** Epoch ms at which to give up, or undefined for no deadline. The earlier of context and deadline wins. */
export function resolveDeadline(source: DeadlineSource, now: number): number | undefined {
  const candidates: number[] = [];
  if (source.context) candidates.push(now + source.context.getRemainingTimeInMillis());
  if (source.deadline !== undefined) candidates.push(source.deadline);
  return candidates.length === 0 ? undefined : Math.min(...candidates) - source.deadlineMarginMs;
}

/** Marks the abort reason so the caller can tell "our deadline" from any other abort. */
export class DeadlineReached extends Error {
  override name = 'DeadlineReached';
}

/**
 * Runs `operation` with an AbortSignal that fires after `budgetMs` (none when undefined).
 * The timer is cleared however the operation ends — nothing is left behind.
 */
export async function runWithin<T>(
  budgetMs: number | undefined,
  operation: (signal?: AbortSignal) => Promise<T>,
): Promise<T> {
  if (budgetMs === undefined) return operation(undefined);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineReached()), Math.max(0, budgetMs));
  try {
    return await operation(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

export function isDeadlineAbort(error: unknown): boolean {
  const shape = error as { name?: unknown; cause?: unknown } | undefined;
  return shape?.name === 'AbortError' && shape.cause instanceof DeadlineReached;
}
