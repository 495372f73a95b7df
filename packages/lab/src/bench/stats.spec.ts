/**
 * The bench's statistics: interpolated quantiles, summaries that leave the samples' order alone, refused
 * empty or non-finite samples, per-round pairs, and alternating which side runs first.
 */
import { formatRatio, interleavedOrder, median, pairedRatios, quantile, summarize } from './stats';

describe('bench stats', () => {
  it('interpolates quantiles between closest ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([1, 2], 0.99)).toBeCloseTo(1.99);
    expect(median([7])).toBe(7);
  });

  it('summarises samples without reordering the caller array', () => {
    const samples = [5, 1, 9, 3, 7];
    expect(summarize(samples)).toEqual({
      n: 5,
      median: 5,
      p25: 3,
      p75: 7,
      p99: expect.closeTo(8.92, 5),
      min: 1,
      max: 9,
    });
    expect(samples).toEqual([5, 1, 9, 3, 7]);
  });

  it('refuses empty or non-finite samples, naming the problem', () => {
    expect(() => quantile([], 0.5)).toThrow(/samples: \[\] is invalid/);
    expect(() => quantile([1], 1.5)).toThrow(/q: 1.5 is invalid/);
    expect(() => summarize([1, Number.NaN])).toThrow(/1 are not finite/);
  });

  it('pairs subject and peer samples round by round', () => {
    expect(pairedRatios([2, 3, 8], [1, 3, 4])).toEqual({ median: 2, min: 1, max: 2, pairs: 3 });
    expect(() => pairedRatios([1, 2], [1])).toThrow(/2 subject vs 1 peer/);
    expect(() => pairedRatios([1], [0])).toThrow(/not finite/);
  });

  it('alternates which side of the pair runs first', () => {
    expect(interleavedOrder(['a', 'b'], 0)).toEqual(['a', 'b']);
    expect(interleavedOrder(['a', 'b'], 1)).toEqual(['b', 'a']);
    expect(formatRatio({ median: 1.034, min: 0.98, max: 1.071, pairs: 4 })).toBe('1.03× (0.98–1.07)');
  });
});
