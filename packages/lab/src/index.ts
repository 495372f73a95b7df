// @lambda-keepalive/lab: the lab (`pnpm lab`, dist/cli.js), its fault matrix (`pnpm lab faults`) and the
// bench (`pnpm bench`, dist/bench/cli.js). The pieces have their own index files: ./network (namespaces,
// NAT, endpoint), ./emulator (Lambda Invoke API), ./faults, ./bench, ./scale.
export { InvalidLabInputError, LabCommandError, LabError, LabPrivilegeError, LabSetupError, LabUsageError } from './lab-errors';
export { HELP_TEXT, parseLabCommand, type LabCommand } from './cli-options';
export { DEFAULT_SCALE, REAL_SECONDS, resolveTimeScale, toLabSeconds, toRealSeconds, type TimeScale } from './scale';
export type { CellResult } from './scenarios/cell-result';
export { checkExpectations, type ExpectationFailure } from './scenarios/expectations';
export { buildCells, DEFAULT_DURATIONS_SECONDS, LAB_CLIENTS, LAB_PATHS, type LabCell, type LabClient, type LabPath } from './scenarios/lab-matrix';
export { runLab, type LabRunOptions, type LabRunResult } from './scenarios/lab-run';
export { runFaults, type FaultsRunOptions } from './faults/faults-run';
export { BENCH_HELP_TEXT, parseBenchCommand, runBench, type BenchCommand, type BenchOptions, type BenchRunResult } from './bench';
export { renderSurvivalChart } from './report/svg-chart';
export { renderResultsTable } from './report/table';
export type { ResultsDocument } from './report/results-file';
