/** verdictOf: ok only with the callee's result, hung when nothing came back in time, error for the rest. */
import { verdictOf } from './verdict';

describe('verdictOf', () => {
  it('is ok only when the callee result came back', () => {
    expect(verdictOf({ outcome: { outcome: 'ok', result: {}, elapsedMs: 1 }, killedByRunner: false })).toBe('ok');
  });

  it('is hung when nothing came back before the deadline', () => {
    expect(verdictOf({ outcome: { outcome: 'timeout', elapsedMs: 1 }, killedByRunner: false })).toBe('hung');
    expect(verdictOf({ outcome: undefined, killedByRunner: true })).toBe('hung');
    const deadline = {
      outcome: 'error' as const,
      error: { name: 'DeadlineExceededError', message: 'x' },
      elapsedMs: 1,
    };
    expect(verdictOf({ outcome: deadline, killedByRunner: false })).toBe('hung');
  });

  it('is error for any other failure, and for a driver that died without a result', () => {
    const reset = {
      outcome: 'error' as const,
      error: { name: 'ConnectionLostError', message: 'ECONNRESET' },
      elapsedMs: 1,
    };
    expect(verdictOf({ outcome: reset, killedByRunner: false })).toBe('error');
    expect(verdictOf({ outcome: undefined, killedByRunner: false })).toBe('error');
  });

  it('judges a command client without a result line by its exit status, and killed by the runner as hung', () => {
    expect(verdictOf({ outcome: undefined, killedByRunner: false, exitCode: 0 })).toBe('ok');
    expect(verdictOf({ outcome: undefined, killedByRunner: false, exitCode: 255 })).toBe('error');
    expect(verdictOf({ outcome: undefined, killedByRunner: false, exitCode: null })).toBe('error');
    expect(verdictOf({ outcome: undefined, killedByRunner: true, exitCode: null })).toBe('hung');
    // A result line overrides the exit status.
    expect(verdictOf({ outcome: { outcome: 'timeout', elapsedMs: 1 }, killedByRunner: false, exitCode: 0 })).toBe(
      'hung',
    );
  });
});
