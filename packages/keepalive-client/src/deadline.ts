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

/** Rejections that came after our own deadline signal fired, whatever shape the handler gave them. */
const rejectedAtDeadline = new WeakSet<object>();

/**
 * Runs `operation` with an AbortSignal that fires after `budgetMs` (none when undefined).
 * The timer is cleared however the operation ends — nothing is left behind.
 *
 * Whether a rejection is "the deadline" is decided from our own signal, not from the error's shape:
 * @smithy/node-http-handler up to 4.4.15 rejects with the abort reason itself, 4.4.16 and later with an
 * AbortError whose `cause` is the reason (buildAbortError in node-http-handler's node-http-handler.ts).
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
  } catch (error) {
    // Only our timer aborts this controller; WeakSet keys must be objects (a primitive is no abort error).
    if (controller.signal.aborted && error === Object(error)) rejectedAtDeadline.add(error as object);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether `error` is how runWithin's operation ended once its deadline had fired. */
export function isDeadlineAbort(error: unknown): boolean {
  return rejectedAtDeadline.has(error as object);
}
