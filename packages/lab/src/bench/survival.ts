/**
 * Survival: the lab sweep (src/sweep, the same run as `pnpm lab`) summarised as the fraction of calls
 * that completed, per client and path (goal: 100 % for keepalive-client at every duration up to 900 s).
 * The sweep's own results.json, chart and table land in <out>/survival.
 */

import { join } from 'node:path';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import {
  DEFAULT_KERNEL_PROFILE,
  LAB_CLIENTS,
  LAB_PATHS,
  type LabClient,
  type LabPath,
  type TimeScale,
} from '../harness';
import { DEFAULT_DURATIONS_SECONDS, runLab } from '../sweep';

export interface SurvivalSettings {
  paths: LabPath[];
  durationsSeconds: number[];
}

export interface SurvivalRow {
  client: LabClient;
  path: LabPath;
  completed: number;
  calls: number;
  /** Durations (real-equivalent s) whose call did not complete. */
  lostAt: number[];
  /** Calls whose callee ran more than once. */
  duplicates: number;
}

export interface SurvivalResult {
  settings: SurvivalSettings;
  rows: SurvivalRow[];
  sweepDirectory: string;
  expectationsPassed: boolean;
}

export const DEFAULT_SURVIVAL: SurvivalSettings = {
  paths: [...LAB_PATHS],
  durationsSeconds: [...DEFAULT_DURATIONS_SECONDS],
};

export async function runSurvivalBench(
  timeScale: TimeScale,
  settings: SurvivalSettings,
  outDirectory: string,
  log: (line: string) => void,
): Promise<SurvivalResult> {
  const sweepDirectory = join(outDirectory, 'survival');
  const run = await runLab(
    {
      timeScale,
      runtime: DEFAULT_RUNTIME,
      paths: settings.paths,
      clients: [...LAB_CLIENTS],
      commandClients: [],
      kernelProfiles: [DEFAULT_KERNEL_PROFILE],
      durationsSeconds: settings.durationsSeconds,
      outDirectory: sweepDirectory,
      concurrency: undefined,
    },
    // The sweep logs its table as one multi-line string: prefix every line, not just the first.
    (text) => {
      for (const line of text.split('\n')) log(`  survival │ ${line}`);
    },
  );
  const rows = settings.paths.flatMap((path) =>
    LAB_CLIENTS.map((client): SurvivalRow => {
      const cells = run.document.cells.filter((cell) => cell.client === client && cell.path === path);
      return {
        client,
        path,
        completed: cells.filter((cell) => cell.verdict === 'ok').length,
        calls: cells.length,
        lostAt: cells.filter((cell) => cell.verdict !== 'ok').map((cell) => cell.durationSeconds),
        duplicates: cells.filter((cell) => cell.executions > 1).length,
      };
    }),
  );
  return { settings, rows, sweepDirectory, expectationsPassed: run.passed };
}
