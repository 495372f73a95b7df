/**
 * runLikeLambda prints the result, the thrown error, or a timeout at the deadline and exits, with a context
 * counting down to it; readDriverInput refuses bad input by field.
 */
import { type DriverOutcome, parseDriverResult } from './driver-result';
import { createLambdaLikeContext, type LambdaLikeContext, readDriverInput, runLikeLambda } from './lambda-like-run';

function run(invoke: (context: LambdaLikeContext) => Promise<unknown>, timeoutMs: number) {
  return new Promise<{ outcome: DriverOutcome | undefined; code: number }>((resolve) => {
    let printed = '';
    runLikeLambda(invoke, {
      functionName: 'caller',
      timeoutMs,
      write: (line, done) => {
        printed += line;
        done();
      },
      exit: (code) => resolve({ outcome: parseDriverResult(printed), code }),
    });
  });
}

describe('runLikeLambda', () => {
  it('prints the handler result with the elapsed time and exits 0', async () => {
    const { outcome, code } = await run(async () => ({ calleeResult: 'done' }), 60_000);
    expect(code).toBe(0);
    expect(outcome).toMatchObject({ outcome: 'ok', result: { calleeResult: 'done' } });
  });

  it('prints the thrown error name and message (sync or async throws)', async () => {
    class DeadlineExceededError extends Error {
      override name = 'DeadlineExceededError';
    }
    await expect(run(async () => Promise.reject(new DeadlineExceededError('late')), 60_000)).resolves.toMatchObject({
      outcome: { outcome: 'error', error: { name: 'DeadlineExceededError', message: 'late' } },
    });
    const throwsSync = (): Promise<unknown> => {
      throw new RangeError('bad');
    };
    await expect(run(throwsSync, 60_000)).resolves.toMatchObject({
      outcome: { outcome: 'error', error: { name: 'RangeError' } },
    });
  });

  it('ends with a timeout outcome when the handler never answers, like Lambda at its timeout', async () => {
    const { outcome } = await run(() => new Promise(() => undefined), 5);
    expect(outcome?.outcome).toBe('timeout');
  });

  it('gives the handler a context whose remaining time counts down to the deadline', () => {
    let clock = 1_000;
    const context = createLambdaLikeContext('caller', 1_500, () => clock);
    expect(context.getRemainingTimeInMillis()).toBe(500);
    clock = 2_000;
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });
});

describe('readDriverInput', () => {
  it('accepts the runner JSON and rejects anything else naming the field', () => {
    expect(readDriverInput('{"durationSeconds":7.2,"timeoutMs":20000}')).toEqual({
      event: { durationSeconds: 7.2 },
      timeoutMs: 20000,
    });
    expect(readDriverInput('{"event":{"findIdleLimit":{}},"timeoutMs":9000}')).toEqual({
      event: { findIdleLimit: {} },
      timeoutMs: 9000,
    });
    expect(() => readDriverInput('{"event":[],"timeoutMs":1}')).toThrow(
      /event: \[\] is invalid: must be a JSON object/,
    );
    expect(() => readDriverInput('{"event":{},"durationSeconds":1,"timeoutMs":1}')).toThrow(/without durationSeconds/);
    expect(() => readDriverInput(undefined)).toThrow(/driver input: .* must be JSON/);
    expect(() => readDriverInput('{"durationSeconds":-1,"timeoutMs":1}')).toThrow(/durationSeconds: -1 is invalid/);
    expect(() => readDriverInput('{"durationSeconds":1}')).toThrow(/timeoutMs: undefined is invalid/);
  });
});
