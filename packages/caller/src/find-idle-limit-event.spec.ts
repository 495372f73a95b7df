/**
 * The diagnostic event's defaults and every refusal, each naming the field under event.findIdleLimit and the
 * rule — including the caller's remaining time, which bounds the grid.
 */
import { InvalidCallerEventError } from './errors';
import {
  FIND_IDLE_LIMIT_DEFAULTS,
  isFindIdleLimitEvent,
  MAX_PROBES,
  parseFindIdleLimitEvent,
  summariseFindIdleLimit,
} from './find-idle-limit-event';

const PLENTY_MS = 900_000;

describe('isFindIdleLimitEvent', () => {
  it('is true for an object holding findIdleLimit, whatever else it holds', () => {
    expect(isFindIdleLimitEvent({ findIdleLimit: {} })).toBe(true);
    expect(isFindIdleLimitEvent({ findIdleLimit: 1, durationSeconds: 1 })).toBe(true);
    expect(isFindIdleLimitEvent({ durationSeconds: 1 })).toBe(false);
    expect(isFindIdleLimitEvent(null)).toBe(false);
    expect(isFindIdleLimitEvent([{ findIdleLimit: {} }])).toBe(false);
  });
});

describe('parseFindIdleLimitEvent', () => {
  it('fills the documented defaults (300–420 s, 10 s steps, 10 s margin)', () => {
    expect(parseFindIdleLimitEvent({ findIdleLimit: {} }, PLENTY_MS)).toEqual({
      fromSeconds: 300,
      toSeconds: 420,
      stepSeconds: 10,
      marginSeconds: 10,
    });
    expect(FIND_IDLE_LIMIT_DEFAULTS).toEqual({ fromSeconds: 300, toSeconds: 420, stepSeconds: 10, marginSeconds: 10 });
  });

  it('accepts fractions (the lab scales seconds) and fits a grid exactly into the remaining time', () => {
    const request = { fromSeconds: 18, toSeconds: 25.2, stepSeconds: 0.6, marginSeconds: 0.6 };
    // 25.2 + 0.6 + 1 s to report = 26.8 s: exactly what remains.
    expect(parseFindIdleLimitEvent({ findIdleLimit: request }, 26_800)).toEqual(request);
  });

  it('summarises the grid with its probe count', () => {
    expect(summariseFindIdleLimit(FIND_IDLE_LIMIT_DEFAULTS)).toEqual({
      findIdleLimit: { ...FIND_IDLE_LIMIT_DEFAULTS, probes: 13 },
    });
  });

  it.each([
    [
      'mixed with durationSeconds',
      { findIdleLimit: {}, durationSeconds: 5 },
      'event.durationSeconds',
      /cannot be combined with findIdleLimit/,
    ],
    ['mixed with payload', { payload: 1, findIdleLimit: {} }, 'event.payload', /cannot be combined/],
    ['mixed with fail', { findIdleLimit: {}, fail: true }, 'event.fail', /cannot be combined/],
    ['not an object', { findIdleLimit: 350 }, 'event.findIdleLimit', /350 is invalid: must be an object/],
    ['null', { findIdleLimit: null }, 'event.findIdleLimit', /must be an object/],
    ['an array', { findIdleLimit: [300, 400] }, 'event.findIdleLimit', /must be an object/],
    [
      'an unknown key inside',
      { findIdleLimit: { toSecond: 400 } },
      'event.findIdleLimit.toSecond',
      /is not a known field \(allowed: fromSeconds, toSeconds, stepSeconds, marginSeconds\)/,
    ],
    [
      'a string bound',
      { findIdleLimit: { fromSeconds: '300' } },
      'event.findIdleLimit.fromSeconds',
      /"300" is invalid: must be a number of seconds above 0/,
    ],
    ['a zero step', { findIdleLimit: { stepSeconds: 0 } }, 'event.findIdleLimit.stepSeconds', /above 0/],
    [
      'a range past 900 s',
      { findIdleLimit: { toSeconds: 901 } },
      'event.findIdleLimit.toSeconds',
      /901 is invalid: must be at most 900 s/,
    ],
    [
      'an upper bound below the default lower one',
      { findIdleLimit: { toSeconds: 200 } },
      'event.findIdleLimit.fromSeconds',
      /300 is invalid: must be below toSeconds \(300 s is the default\)/,
    ],
    [
      'a step wider than the range',
      { findIdleLimit: { fromSeconds: 340, toSeconds: 360, stepSeconds: 30 } },
      'event.findIdleLimit.stepSeconds',
      /must be at most toSeconds − fromSeconds/,
    ],
    [
      `more than ${MAX_PROBES} probes`,
      { findIdleLimit: { fromSeconds: 300, toSeconds: 420, stepSeconds: 1 } },
      'event.findIdleLimit.stepSeconds',
      /gives 121 probes; at most 50 run at once/,
    ],
    [
      'a zero margin',
      { findIdleLimit: { marginSeconds: 0 } },
      'event.findIdleLimit.marginSeconds',
      /0 is invalid: must be a number of seconds above 0 and at most 60/,
    ],
    [
      'a margin over a minute',
      { findIdleLimit: { marginSeconds: 61 } },
      'event.findIdleLimit.marginSeconds',
      /61 is invalid/,
    ],
    [
      'a margin that is no number',
      { findIdleLimit: { marginSeconds: 'ten' } },
      'event.findIdleLimit.marginSeconds',
      /"ten" is invalid/,
    ],
  ])('refuses %s, naming the field and the rule', (_label, event, field, message) => {
    expectRefusal(() => parseFindIdleLimitEvent(event, PLENTY_MS), field, message);
  });

  it("refuses a grid that cannot end within the caller's remaining time, saying how much is needed and left", () => {
    expectRefusal(
      () => parseFindIdleLimitEvent({ findIdleLimit: {} }, 300_000),
      'event.findIdleLimit.toSeconds',
      /420 is invalid: with marginSeconds \(10\) and 1 s to report needs 431 s, more than the caller's remaining 300 s/,
    );
    expectRefusal(
      () =>
        parseFindIdleLimitEvent(
          { findIdleLimit: { fromSeconds: 18, toSeconds: 25.2, stepSeconds: 0.6, marginSeconds: 0.6 } },
          26_799,
        ),
      'event.findIdleLimit.toSeconds',
      /needs 26.8 s, more than the caller's remaining 26.799 s/,
    );
  });
});

function expectRefusal(parse: () => unknown, field: string, message: RegExp): void {
  let caught: unknown;
  try {
    parse();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidCallerEventError);
  expect(caught).toMatchObject({ name: 'InvalidCallerEventError', field });
  expect((caught as Error).message).toMatch(message);
}
