/** What a bench run measures (its items) and with which settings: the bench's options, parsed by cli/. */
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import type { TimeScale } from '../harness';

export const BENCH_ITEMS = ['survival', 'detection', 'overhead', 'fanout', 'cold-start', 'probe-traffic'] as const;
export type BenchItem = (typeof BENCH_ITEMS)[number];

/** Items that need network namespaces, nftables and conntrack (root). The others run on loopback. */
export const ROOT_ITEMS: ReadonlySet<BenchItem> = new Set(['survival', 'detection', 'probe-traffic']);

export interface BenchOptions {
  smoke: boolean;
  /** Runtimes whose Node runs the per-runtime items (cold start, detection). */
  runtimes: LambdaRuntime[];
  timeScale: TimeScale;
  items: BenchItem[];
  /** Absolute output directory. */
  outDirectory: string;
}
