/** assertSleepFits: a sleep must end the margin before the deadline; a refusal states requested and available ms. */
import { SleepExceedsRemainingTimeError } from './errors';
import { assertSleepFits } from './sleep-budget';

describe('assertSleepFits', () => {
  it('accepts a sleep that ends at least the margin before the deadline', () => {
    expect(() => assertSleepFits(1000, 1500, 500)).not.toThrow();
  });

  it('refuses a sleep that would eat into the margin, saying requested vs available', () => {
    expect(() => assertSleepFits(1001, 1500, 500)).toThrow(SleepExceedsRemainingTimeError);
    expect(() => assertSleepFits(400_000, 300_000, 500)).toThrow(
      'requested sleep of 400000 ms does not fit: only 299500 ms available (remaining time minus a 500 ms margin)',
    );
  });

  it('reports 0 ms available when the remaining time is already below the margin', () => {
    expect(() => assertSleepFits(0, 100, 500)).toThrow(/only 0 ms available/);
  });
});
