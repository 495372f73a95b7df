/**
 * The runner–driver protocol: driver input read or refused, payloadBytes turned into the event's payload,
 * and hygiene and lingering lines found among the caller's logs.
 */
import {
  eventOf,
  formatExitLine,
  formatHygieneLine,
  formatLingeringLine,
  parseExitAt,
  parseHygieneLine,
  parseLingering,
  readFaultDriverInput,
} from './driver-protocol';

test('reads any event (bad ones included) and refuses a malformed driver input', () => {
  expect(readFaultDriverInput('{"event":"now","timeoutMs":5}')).toEqual({ event: 'now', timeoutMs: 5 });
  expect(() => readFaultDriverInput('{"timeoutMs":5}')).toThrow('"event" key');
  expect(() => readFaultDriverInput('{"event":{},"timeoutMs":0}')).toThrow('timeoutMs: 0 is invalid');
  expect(() => readFaultDriverInput('{"event":{},"timeoutMs":5,"concurrency":1.5}')).toThrow(
    'concurrency: 1.5 is invalid',
  );
  expect(() => readFaultDriverInput(undefined)).toThrow('must be JSON');
});

test('payloadBytes becomes the event payload (too big for argv)', () => {
  const event = eventOf({ event: { durationSeconds: 1 }, timeoutMs: 5, payloadBytes: 3 });
  expect(event).toEqual({ durationSeconds: 1, payload: 'xxx' });
});

test('hygiene and lingering lines are found among the caller logs; stdout’s own pipe is not a leak', () => {
  const hygiene = {
    startedAt: 1,
    settledAt: 2,
    activeResources: ['PipeWrap'],
    unhandledRejections: 0,
    peakRssBytes: 3,
  };
  const lingering = formatLingeringLine(['PipeWrap', 'TCPSocketWrap', 'Timeout']);
  const stdout = `{"level":"INFO"}\n${formatHygieneLine(hygiene)}${lingering}`;
  expect(parseHygieneLine(stdout)).toEqual(hygiene);
  expect(parseLingering(stdout)).toEqual(['TCPSocketWrap', 'Timeout']);
  expect(parseLingering('{"level":"INFO"}\n')).toEqual([]);
});

test('the exit line gives the driver’s own exit time among the caller logs; none when it was killed', () => {
  const stdout = `{"level":"INFO","message":"response"}\n${formatExitLine(1_700_000_000_123)}`;
  expect(parseExitAt(stdout)).toBe(1_700_000_000_123);
  expect(parseExitAt('{"level":"INFO","message":"response"}\n')).toBeUndefined();
  expect(parseExitAt('{"labDriverExit":{"at":"soon"}}\n')).toBeUndefined();
});
