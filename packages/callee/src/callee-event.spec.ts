/**
 * parseCalleeEvent: where the sleep comes from (event, then CALLEE_DEFAULT_SECONDS, then 400 s), and every
 * rejected event or variable naming its field and the rule.
 */
import { parseCalleeEvent } from './callee-event';
import { InvalidCalleeInputError } from './errors';

describe('parseCalleeEvent', () => {
  it('takes event.durationSeconds, fractions included', () => {
    expect(parseCalleeEvent({ durationSeconds: 0.25 }, {})).toEqual({ sleepMs: 250, source: 'event', fail: false });
    expect(parseCalleeEvent({ durationSeconds: 900 }, {}).sleepMs).toBe(900_000);
    expect(parseCalleeEvent({ durationSeconds: 0 }, {}).sleepMs).toBe(0);
  });

  it('falls back to CALLEE_DEFAULT_SECONDS, then to 400 s', () => {
    expect(parseCalleeEvent({}, { CALLEE_DEFAULT_SECONDS: '1.5' })).toEqual({
      sleepMs: 1500,
      source: 'CALLEE_DEFAULT_SECONDS',
      fail: false,
    });
    expect(parseCalleeEvent({ durationSeconds: 2 }, { CALLEE_DEFAULT_SECONDS: '1.5' }).sleepMs).toBe(2000);
    expect(parseCalleeEvent({}, {})).toEqual({ sleepMs: 400_000, source: 'default', fail: false });
    expect(parseCalleeEvent(null, { CALLEE_DEFAULT_SECONDS: '' }).source).toBe('default');
  });

  it('reads fail: true', () => {
    expect(parseCalleeEvent({ fail: true, durationSeconds: 1 }, {}).fail).toBe(true);
  });

  it.each([
    ['a string event', 'hello', 'event', /must be a JSON object/],
    ['an array event', [1], 'event', /must be a JSON object/],
    ['a numeric event', 5, 'event', /must be a JSON object/],
    [
      'a negative duration',
      { durationSeconds: -1 },
      'event.durationSeconds',
      /-1 is invalid: must be a finite number of seconds from 0 to 900/,
    ],
    ['a NaN duration', { durationSeconds: Number.NaN }, 'event.durationSeconds', /NaN is invalid/],
    ['an infinite duration', { durationSeconds: Infinity }, 'event.durationSeconds', /Infinity is invalid/],
    ['a string duration', { durationSeconds: '5' }, 'event.durationSeconds', /"5" is invalid/],
    ['a duration over 900 s', { durationSeconds: 900.5 }, 'event.durationSeconds', /900.5 is invalid.*0 to 900/],
    ['a null duration', { durationSeconds: null }, 'event.durationSeconds', /null is invalid/],
    ['a non-boolean fail', { fail: 'yes' }, 'event.fail', /must be true or false/],
  ])('rejects %s naming the field and the rule', (_label, event, field, message) => {
    const error = captureError(() => parseCalleeEvent(event, {}));
    expect(error).toBeInstanceOf(InvalidCalleeInputError);
    expect(error).toMatchObject({ name: 'InvalidCalleeInputError', field });
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(field)).toBe(true);
  });

  it.each(['abc', '-3', '901', ' 5', '1e2', 'Infinity'])('rejects CALLEE_DEFAULT_SECONDS=%j', (value) => {
    const error = captureError(() => parseCalleeEvent({}, { CALLEE_DEFAULT_SECONDS: value }));
    expect(error).toMatchObject({ name: 'InvalidCalleeInputError', field: 'CALLEE_DEFAULT_SECONDS', value });
    expect(error.message).toMatch(/^CALLEE_DEFAULT_SECONDS .* is invalid: must be a finite number of seconds/);
  });
});

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}
