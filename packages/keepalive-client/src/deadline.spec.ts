/**
 * resolveDeadline picks the earlier of context and explicit deadline minus the margin; runWithin aborts at
 * the budget with a reason isDeadlineAbort recognises, and leaves no timer behind.
 */
import { isDeadlineAbort, resolveDeadline, runWithin } from './deadline.js';

describe('resolveDeadline', () => {
  it('is the earlier of context remaining time and explicit deadline, minus the margin', () => {
    const context = { getRemainingTimeInMillis: () => 10_000 };
    expect(resolveDeadline({ context, deadlineMarginMs: 1000 }, 100_000)).toBe(109_000);
    expect(resolveDeadline({ deadline: 105_000, deadlineMarginMs: 1000 }, 100_000)).toBe(104_000);
    expect(resolveDeadline({ context, deadline: 120_000, deadlineMarginMs: 500 }, 100_000)).toBe(109_500);
    expect(resolveDeadline({ deadlineMarginMs: 1000 }, 100_000)).toBeUndefined();
  });
});

describe('runWithin', () => {
  it('aborts the operation at the budget with a recognisable reason', async () => {
    const error = await runWithin(
      20,
      (signal) =>
        new Promise((_, reject) => {
          if (!signal) throw new Error('runWithin passed no signal although it was given a budget');
          signal.addEventListener('abort', () =>
            reject(Object.assign(new Error('aborted'), { name: 'AbortError', cause: signal.reason })),
          );
        }),
    ).catch((e: unknown) => e);
    expect(isDeadlineAbort(error)).toBe(true);
  });

  it('recognises the deadline when the handler rejects with the bare reason (node-http-handler ≤ 4.4.15)', async () => {
    const error = await runWithin(
      20,
      (signal) =>
        new Promise((_, reject) => {
          if (!signal) throw new Error('runWithin passed no signal although it was given a budget');
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DeadlineReached' });
    expect(isDeadlineAbort(error)).toBe(true);
  });

  it('does not take a failure before the deadline for the deadline', async () => {
    const early = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const error = await runWithin(60_000, async () => {
      throw early;
    }).catch((e: unknown) => e);
    expect(error).toBe(early);
    expect(isDeadlineAbort(error)).toBe(false);
  });

  it('passes no signal without a budget and clears its timer when the operation ends first', async () => {
    await expect(runWithin(undefined, async (signal) => signal)).resolves.toBeUndefined();
    let seen: AbortSignal | undefined;
    await runWithin(60_000, async (signal) => {
      seen = signal;
    });
    expect(seen?.aborted).toBe(false); // jest would report the 60 s timer as an open handle if it were left
  });

  it('does not mistake other aborts, or values it never saw, for the deadline', () => {
    expect(isDeadlineAbort(Object.assign(new Error('x'), { name: 'AbortError', cause: new Error('user') }))).toBe(
      false,
    );
    expect(isDeadlineAbort(undefined)).toBe(false);
    expect(isDeadlineAbort('DeadlineReached')).toBe(false);
  });
});
