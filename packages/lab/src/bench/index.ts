/** The bench (`pnpm bench`): the client against its peers, as ratios measured in one run. */
export { BENCH_ITEMS, type BenchItem, type BenchOptions } from './options';
export { runBench } from './run';
