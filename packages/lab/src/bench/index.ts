// `pnpm bench` (the CLI is dist/bench/cli.js): the client against its peers, as ratios measured in one run.
export { BENCH_HELP_TEXT, BENCH_ITEMS, parseBenchCommand, ROOT_ITEMS, type BenchCommand, type BenchItem, type BenchOptions } from './bench-options';
export { runBench, BENCH_FILES, type BenchRunResult } from './bench-run';
export type { BenchDocument, MachineInfo } from './bench-document';
export { checkGoals, type GoalVerdict } from './bench-goals';
export { idleCost, probeExchanges, type IdleCost } from './probe-cost';
export { pairedRatios, quantile, summarize, type RatioSummary, type Summary } from './stats';
