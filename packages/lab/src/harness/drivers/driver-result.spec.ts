/**
 * The driver result line: each outcome round-trips through stdout mixed with caller logs, the last line wins,
 * none is undefined, and thrown non-errors are described. Every line also says which Node printed it.
 */
import { describeThrown, formatDriverResult, parseDriverResult } from './driver-result';

describe('driver result line', () => {
  it('round-trips each outcome through stdout mixed with the caller logs', () => {
    const outcomes = [
      { outcome: 'ok' as const, result: { calleeResult: { sleptMs: 10 } }, elapsedMs: 12 },
      { outcome: 'error' as const, error: { name: 'ConnectionLostError', message: 'reset' }, elapsedMs: 7 },
      { outcome: 'timeout' as const, elapsedMs: 20_000 },
    ];
    for (const outcome of outcomes) {
      const stdout =
        `{"level":"INFO","message":"invoking"}\n${formatDriverResult(outcome)}` +
        `{"level":"INFO","message":"after"}\n`;
      expect(parseDriverResult(stdout)).toEqual({ ...outcome, node: process.version });
    }
  });

  it('takes the last result line and ignores log lines that merely mention the key', () => {
    const stdout =
      formatDriverResult({ outcome: 'timeout', elapsedMs: 1 }) +
      '{"message":"labDriverResult is printed below"}\n' +
      formatDriverResult({ outcome: 'ok', result: 1, elapsedMs: 2 });
    expect(parseDriverResult(stdout)).toEqual({ outcome: 'ok', result: 1, elapsedMs: 2, node: process.version });
  });

  it('returns undefined when the driver printed no result (killed, crashed, truncated)', () => {
    expect(parseDriverResult('')).toBeUndefined();
    expect(parseDriverResult('{"labDriverResult":{"outcome":"ok","elapsedMs":')).toBeUndefined();
    expect(parseDriverResult('{"labDriverResult":{"outcome":"weird","elapsedMs":1}}')).toBeUndefined();
    // A line without `node` (a driver older than this field) still parses, without it.
    expect(parseDriverResult('{"labDriverResult":{"outcome":"timeout","elapsedMs":1}}')).toEqual({
      outcome: 'timeout',
      elapsedMs: 1,
    });
  });

  it('describes thrown values that are not errors', () => {
    class ConnectionLostError extends Error {
      override name = 'ConnectionLostError';
    }
    expect(describeThrown(new ConnectionLostError('gone'))).toEqual({ name: 'ConnectionLostError', message: 'gone' });
    expect(describeThrown('boom')).toEqual({ name: 'string', message: 'boom' });
  });
});
