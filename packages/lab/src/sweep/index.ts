/** The survival sweep (`pnpm lab`): paths × clients × durations, its expectations, table, chart and results. */
export { DEFAULT_DURATIONS_SECONDS } from './matrix';
export { type LabRunOptions, runLab } from './run';
