// The lab runner's API (the CLI is dist/cli.js). Network and emulator have their own index files.
export { HELP_TEXT, parseLabCommand, type LabCommand } from './cli-options';
export { InvalidLabInputError, LabCommandError, LabError, LabPrivilegeError, LabSetupError, LabUsageError } from './lab-errors';
export { DEFAULT_SCALE, REAL_SECONDS, resolveTimeScale, toLabSeconds, toRealSeconds, type TimeScale } from './scale';
export type { CellResult } from './scenarios/cell-result';
export { checkExpectations, type ExpectationFailure } from './scenarios/expectations';
export { buildCells, DEFAULT_DURATIONS_SECONDS, LAB_CLIENTS, LAB_PATHS, type LabCell, type LabClient, type LabPath } from './scenarios/lab-matrix';
export { runLab, type LabRunOptions, type LabRunResult } from './scenarios/lab-run';
export { renderSurvivalChart } from './report/svg-chart';
export { renderResultsTable } from './report/table';
export type { ResultsDocument } from './report/results-file';
