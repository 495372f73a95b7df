/**
 * parseCallerEvent accepts the documented shape and rejects anything else naming the field;
 * summariseCallerEvent describes the payload without its content.
 */
import { parseCallerEvent, summariseCallerEvent } from './caller-event';
import { InvalidCallerEventError } from './errors';

describe('parseCallerEvent', () => {
  it('accepts the documented shape, fractions included, and keeps the payload as is', () => {
    const payload = { nested: [1, 'two'] };
    expect(parseCallerEvent({ durationSeconds: 0.5, payload })).toEqual({ durationSeconds: 0.5, payload });
    expect(parseCallerEvent({ durationSeconds: 900 })).toEqual({ durationSeconds: 900 });
    expect(parseCallerEvent({ payload: null })).toEqual({ durationSeconds: undefined, payload: null });
  });

  it('keeps fail only when true (the callee-throws test hook)', () => {
    expect(parseCallerEvent({ durationSeconds: 1, fail: true })).toEqual({ durationSeconds: 1, fail: true });
    expect(parseCallerEvent({ durationSeconds: 1, fail: false })).toEqual({ durationSeconds: 1 });
  });

  it('treats a missing event (null) as {}', () => {
    expect(parseCallerEvent(null)).toEqual({});
    expect(parseCallerEvent({})).toEqual({ durationSeconds: undefined });
  });

  it.each([
    ['a string event', 'go', 'event', /must be a JSON object/],
    ['an array event', [], 'event', /must be a JSON object/],
    [
      'a negative duration',
      { durationSeconds: -1 },
      'event.durationSeconds',
      /-1 is invalid: must be a finite number of seconds from 0 to 900/,
    ],
    ['a NaN duration', { durationSeconds: Number.NaN }, 'event.durationSeconds', /NaN is invalid/],
    ['an infinite duration', { durationSeconds: -Infinity }, 'event.durationSeconds', /-Infinity is invalid/],
    ['a string duration', { durationSeconds: '10' }, 'event.durationSeconds', /"10" is invalid/],
    ['a duration over 900 s', { durationSeconds: 1000 }, 'event.durationSeconds', /1000 is invalid/],
    [
      'a misspelt key',
      { durationSecond: 5 },
      'event.durationSecond',
      /is not a known field \(allowed: durationSeconds, payload, fail; or findIdleLimit alone, the diagnostic\)/,
    ],
    ['a non-boolean fail flag', { fail: 'yes' }, 'event.fail', /"yes" is invalid: must be true or false when present/],
  ])('rejects %s naming the field and the rule', (_label, event, field, message) => {
    let caught: unknown;
    try {
      parseCallerEvent(event);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidCallerEventError);
    expect(caught).toMatchObject({ name: 'InvalidCallerEventError', field });
    expect((caught as Error).message).toMatch(message);
  });
});

describe('summariseCallerEvent', () => {
  it('describes the payload by type and size, never by content', () => {
    const summary = summariseCallerEvent({ durationSeconds: 3, payload: { secret: 'hunter2' } });
    expect(summary).toEqual({ durationSeconds: 3, payloadType: 'object', payloadBytes: 20 });
    expect(JSON.stringify(summary)).not.toContain('hunter2');
    expect(summariseCallerEvent({})).toEqual({
      durationSeconds: 'callee default',
      payloadType: 'undefined',
      payloadBytes: 0,
    });
  });
});
