/**
 * Summaries of raw samples, pure. Every bench figure is a ratio against a peer measured in the same run
 * (interleaved A B A B), so a noisy shared machine moves both sides of a pair together: the spread of the
 * per-pair ratios says how much to trust the median ratio.
 */
import { InvalidLabInputError } from '../lab-errors';

export interface Summary {
  n: number;
  median: number;
  p25: number;
  p75: number;
  p99: number;
  min: number;
  max: number;
}

/** Linear interpolation between closest ranks (the "R-7" / numpy default), q in [0, 1]. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new InvalidLabInputError('samples', samples, 'a quantile needs at least one sample');
  if (!(q >= 0 && q <= 1)) throw new InvalidLabInputError('q', q, 'must be in [0, 1]');
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

export function summarize(samples: readonly number[]): Summary {
  const finite = samples.filter((value) => Number.isFinite(value));
  if (finite.length !== samples.length)
    throw new InvalidLabInputError('samples', samples, `${samples.length - finite.length} are not finite numbers`);
  return {
    n: samples.length,
    median: quantile(samples, 0.5),
    p25: quantile(samples, 0.25),
    p75: quantile(samples, 0.75),
    p99: quantile(samples, 0.99),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** Ratio of a subject to its peer, one per interleaved pair, summarised. */
export interface RatioSummary {
  median: number;
  min: number;
  max: number;
  pairs: number;
}

export function pairedRatios(subject: readonly number[], peer: readonly number[]): RatioSummary {
  if (subject.length !== peer.length || subject.length === 0) {
    throw new InvalidLabInputError(
      'pairs',
      `${subject.length} subject vs ${peer.length} peer samples`,
      'need the same number, at least one',
    );
  }
  const ratios = subject.map((value, index) => value / (peer[index] as number));
  if (ratios.some((ratio) => !Number.isFinite(ratio)))
    throw new InvalidLabInputError('pairs', peer, 'a peer sample is 0, the ratio is not finite');
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), pairs: ratios.length };
}

/**
 * The order of the pair in round `index`: A B, B A, A B… so neither side always runs first (warmer
 * caches, a calmer machine at the start of a round).
 */
export function interleavedOrder<T>(subjects: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...subjects] : [...subjects].reverse();
}

/** "1.03× (0.98–1.07)" — median ratio and its spread over the pairs. */
export function formatRatio(ratio: RatioSummary): string {
  return `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`;
}
