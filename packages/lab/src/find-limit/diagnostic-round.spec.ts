/** The round's translation between real-equivalent and lab seconds, and the caller's answers read back. */
import { resolveTimeScale } from '../harness/time-scale';
import { answersFromDiagnostic, probeFunctionName, toLabGrid } from './diagnostic-round';

const timeScale = resolveTimeScale(0.06);

describe('toLabGrid / answersFromDiagnostic', () => {
  it('scales the grid down and the answers back up', () => {
    expect(toLabGrid(timeScale, { fromSeconds: 100, toSeconds: 900, stepSeconds: 100 })).toEqual({
      fromSeconds: 6,
      toSeconds: 54,
      stepSeconds: 6,
    });
    const result = {
      findIdleLimit: {
        probes: [
          { durationSeconds: 20.4, outcome: 'answered', elapsedMs: 20_600 },
          { durationSeconds: 21, outcome: 'lost', elapsedMs: 23_000 },
          { durationSeconds: 21.6, outcome: 'failed', errorName: 'InvokeServiceError' },
        ],
      },
    };
    expect(answersFromDiagnostic(result, timeScale)).toEqual([
      { durationSeconds: 340, outcome: 'answered' },
      { durationSeconds: 350, outcome: 'lost' },
      { durationSeconds: 360, outcome: 'failed' },
    ]);
  });

  it.each([
    [{ calleeResult: {} }, /no findIdleLimit.probes/],
    [{ findIdleLimit: { probes: [] } }, /no findIdleLimit.probes/],
    [{ findIdleLimit: { probes: [{ durationSeconds: 1, outcome: 'maybe' }] } }, /without duration\/outcome/],
  ])('refuses a caller result it cannot read: %p', (result, message) => {
    expect(() => answersFromDiagnostic(result, timeScale)).toThrow(message);
  });

  it('names one probe function per path', () => {
    expect(probeFunctionName('nat')).toBe('idle-probe-nat');
  });
});
