/**
 * One `pnpm lab` run: lab up, every cell, lab down (always), then the table, results.json, the chart and
 * the expectations verdict. The last printed line names the output directory. The keepalive sysctls are
 * per network namespace, so each kernel profile gets its own lab session (network + emulator), all up at
 * once: the cells of every profile run side by side like one sweep.
 */
import { join } from 'node:path';
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import {
  type CellResult,
  type CommandClient,
  describeRuntime,
  type KernelProfileName,
  type LabCell,
  type LabPath,
  REAL_SECONDS,
  runCell,
  type TimeScale,
} from '../harness';
import { writeFileAtomically } from '../report';
import { checkExpectations } from './expectations';
import { buildCells } from './matrix';
import { executionKey, openProfileSessions } from './profile-sessions';
import { formatCellProgress, formatExpectations, formatRunBanner } from './progress';
import { CHART_FILE_NAME, type ResultsDocument, writeResultsFile } from './results-file';
import { runSweep } from './scheduler';
import { renderSurvivalChart } from './survival-chart';
import { renderResultsTable } from './table';

/** Spacing of driver launches (see sweep.ts): 56 cells start within ~8 s, far below the longest cell. */
export const LAUNCH_INTERVAL_MS = 150;

/** Cells within 10 % below the idle limit (the 340 s cell): launched first, see scheduler.ts. */
export function isJustBelowIdleLimit(cell: LabCell, idleLimitSeconds: number = REAL_SECONDS.idleLimit): boolean {
  return cell.durationSeconds < idleLimitSeconds && cell.durationSeconds >= idleLimitSeconds * 0.9;
}

export interface LabRunOptions {
  timeScale: TimeScale;
  paths: LabPath[];
  /** Node-driver clients (LAB_CLIENTS) and command clients' names, in table order. */
  clients: string[];
  /** Declarations of every non-Node client in `clients` (the built-in boto3 ones and the user's). */
  commandClients: CommandClient[];
  /** Each client runs under each profile, unless its declaration pins one. */
  kernelProfiles: KernelProfileName[];
  /** Real-equivalent callee durations. */
  durationsSeconds: number[];
  /** Absolute output directory. */
  outDirectory: string;
  /** Cells running at once; undefined = all cells (a waiting call costs no CPU). */
  concurrency: number | undefined;
  /** Whose Node runs the clients (the caller bundle and the SDK drivers). */
  runtime: LambdaRuntime;
}

export interface LabRunResult {
  passed: boolean;
  document: ResultsDocument;
  resultsFile: string;
  chartFile: string;
}

export async function runLab(
  options: LabRunOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<LabRunResult> {
  const startedAt = new Date();
  const idleLimitSeconds = options.timeScale.natIdleRealSeconds;
  const pinned = new Map(
    options.commandClients.flatMap((client) =>
      client.kernelProfile === undefined ? [] : [[client.name, client.kernelProfile] as const],
    ),
  );
  const cells = buildCells(options.paths, options.clients, options.durationsSeconds, {
    profiles: options.kernelProfiles,
    pinned,
  });
  const concurrency = options.concurrency ?? cells.length;
  log(formatRunBanner(options.timeScale, cells.length, concurrency, options.runtime));
  const profiles = [...new Set(cells.map((cell) => cell.kernelProfile))];
  const sessions = await openProfileSessions({
    timeScale: options.timeScale,
    cells,
    runtime: options.runtime,
    commandClients: options.commandClients,
  });
  let results: CellResult[];
  let executions: Record<string, number>;
  try {
    results = await runSweep({
      cells,
      concurrency,
      signal,
      launchIntervalMs: LAUNCH_INTERVAL_MS,
      launchFirst: (cell) => isJustBelowIdleLimit(cell, idleLimitSeconds),
      runCell: (cell, cellSignal) => runCell(cell, sessions.sessionOf(cell), cellSignal),
      onCellDone: (result, finished, total) => log(formatCellProgress(result, finished, total)),
    });
    // Final counts: a late duplicate execution (a retry after the driver gave up) still shows here.
    executions = await sessions.executions();
  } finally {
    await sessions.close();
  }
  const finalResults = results.map((result) => ({
    ...result,
    executions: executions[executionKey(result)] ?? result.executions,
  }));
  const kernel = sessions.kernel;
  const failures = checkExpectations(finalResults, idleLimitSeconds);
  const finishedAt = new Date();
  const document: ResultsDocument = {
    tool: '@lambda-keepalive/lab',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    wallClockMs: finishedAt.getTime() - startedAt.getTime(),
    parameters: {
      paths: options.paths,
      clients: options.clients,
      durationsSeconds: options.durationsSeconds,
      kernelProfiles: options.kernelProfiles,
      commandClients: options.commandClients,
      concurrency,
      runtime: { name: options.runtime.name, node: options.runtime.node },
    },
    scale: { ...options.timeScale, idleLimitSeconds },
    kernel,
    cells: finalResults,
    executions,
    expectations: { passed: failures.length === 0, failures },
  };
  const resultsFile = await writeResultsFile(options.outDirectory, document);
  const chartFile = join(options.outDirectory, CHART_FILE_NAME);
  const subtitle =
    `scale ${Number(options.timeScale.scale.toFixed(6))} · ` +
    `NAT idle ${options.timeScale.natIdleSeconds} s ≙ ${Number(idleLimitSeconds.toFixed(2))} s · ` +
    `paths ${options.paths.join(', ')} · ` +
    `kernel ${profiles.join(', ')} · ` +
    `${options.runtime.name} (Node ${options.runtime.node})`;
  await writeFileAtomically(chartFile, renderSurvivalChart(finalResults, { subtitle, idleLimitSeconds }));

  log('');
  log(renderResultsTable(finalResults, { caption: `${describeRuntime(options.runtime)}:` }));
  log('');
  log(formatExpectations(failures, finalResults, idleLimitSeconds));
  log(`lab: ${cells.length} cells in ${(document.wallClockMs / 1000).toFixed(1)} s`);
  log(`results: ${options.outDirectory} (results.json, ${CHART_FILE_NAME})`);
  return { passed: failures.length === 0, document, resultsFile, chartFile };
}
