/**
 * createCalleeHandler with a recording sleep and logger: the contracted result, the fail hook, and the
 * refusals (bad input, a sleep past the remaining time) that come before any sleeping.
 */
import { createFakeLambdaContext, createRecordingLogger } from '@lambda-keepalive/test-kit';
import { CalleeRequestedFailureError, InvalidCalleeInputError, SleepExceedsRemainingTimeError } from './errors';
import { createCalleeHandler } from './handler';

/** The real timer, wrapped so a test can see whether (and how long) the handler slept. */
function recordingSleep() {
  const calls: number[] = [];
  const sleep = (ms: number) => {
    calls.push(ms);
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  return { calls, sleep };
}

describe('callee handler', () => {
  it('sleeps the requested time and returns the contracted result', async () => {
    const logger = createRecordingLogger();
    const { calls, sleep } = recordingSleep();
    const handler = createCalleeHandler({ env: {}, logger, sleep });
    const context = createFakeLambdaContext({ awsRequestId: 'req-1', timeoutMs: 5000 });

    const result = await handler({ durationSeconds: 0.2 }, context);

    expect(calls).toEqual([200]);
    expect(result.requestId).toBe('req-1');
    expect(result.sleptMs).toBeGreaterThanOrEqual(199);
    expect(Date.parse(result.finishedAt) - Date.parse(result.startedAt)).toBe(result.sleptMs);
    expect(result.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(logger.lines.map((line) => line.message)).toEqual(['start', 'done']);
    expect(logger.lines[0]?.extra).toMatchObject({ requestedMs: 200, durationSource: 'event', fail: false });
  });

  it('takes the default duration from CALLEE_DEFAULT_SECONDS', async () => {
    const { calls, sleep } = recordingSleep();
    const handler = createCalleeHandler({
      env: { CALLEE_DEFAULT_SECONDS: '0.1' },
      logger: createRecordingLogger(),
      sleep,
    });

    const result = await handler({}, createFakeLambdaContext());

    expect(calls).toEqual([100]);
    expect(result.sleptMs).toBeGreaterThanOrEqual(99);
  });

  it('throws CalleeRequestedFailureError on fail: true without sleeping, and logs the error', async () => {
    const logger = createRecordingLogger();
    const { calls, sleep } = recordingSleep();
    const handler = createCalleeHandler({ env: {}, logger, sleep });

    const failure = handler({ fail: true, durationSeconds: 0.1 }, createFakeLambdaContext());

    await expect(failure).rejects.toThrow(CalleeRequestedFailureError);
    await expect(failure).rejects.toMatchObject({ name: 'CalleeRequestedFailureError' });
    expect(calls).toEqual([]);
    expect(logger.lines.at(-1)).toMatchObject({
      level: 'error',
      message: 'error',
      extra: { errorName: 'CalleeRequestedFailureError' },
    });
  });

  it('refuses, before sleeping, a duration beyond its remaining time minus the margin', async () => {
    const { calls, sleep } = recordingSleep();
    const handler = createCalleeHandler({ env: {}, logger: createRecordingLogger(), sleep, marginMs: 500 });
    const context = createFakeLambdaContext({ timeoutMs: 3000 });

    const refusal = handler({ durationSeconds: 2.9 }, context);

    await expect(refusal).rejects.toThrow(SleepExceedsRemainingTimeError);
    await expect(refusal).rejects.toThrow(/requested sleep of 2900 ms does not fit: only \d+ ms available/);
    expect(calls).toEqual([]);
  });

  it('refuses the 400 s default inside a shorter function timeout', async () => {
    const handler = createCalleeHandler({ env: {}, logger: createRecordingLogger() });
    await expect(handler(undefined, createFakeLambdaContext({ timeoutMs: 60_000 }))).rejects.toThrow(
      /requested sleep of 400000 ms does not fit/,
    );
  });

  it.each([
    ['not an object', 'sleep please', 'event'],
    ['a negative duration', { durationSeconds: -0.1 }, 'event.durationSeconds'],
    ['a NaN duration', { durationSeconds: Number.NaN }, 'event.durationSeconds'],
    ['a string duration', { durationSeconds: '1' }, 'event.durationSeconds'],
    ['a duration over 900 s', { durationSeconds: 901 }, 'event.durationSeconds'],
  ])('rejects an event that is %s, naming %s, without sleeping', async (_label, event, field) => {
    const logger = createRecordingLogger();
    const { calls, sleep } = recordingSleep();
    const handler = createCalleeHandler({ env: {}, logger, sleep });

    await expect(handler(event, createFakeLambdaContext())).rejects.toMatchObject({
      name: 'InvalidCalleeInputError',
      field,
    });
    expect(calls).toEqual([]);
    expect(logger.lines).toEqual([
      { level: 'error', message: 'error', extra: expect.objectContaining({ errorName: 'InvalidCalleeInputError' }) },
    ]);
  });

  it('rejects a bad CALLEE_DEFAULT_SECONDS naming the variable', async () => {
    const handler = createCalleeHandler({ env: { CALLEE_DEFAULT_SECONDS: 'ten' }, logger: createRecordingLogger() });
    const failure = handler({}, createFakeLambdaContext());
    await expect(failure).rejects.toThrow(InvalidCalleeInputError);
    await expect(failure).rejects.toThrow(/^CALLEE_DEFAULT_SECONDS "ten" is invalid/);
  });
});
