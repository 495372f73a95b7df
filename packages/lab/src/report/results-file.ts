import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { TimeScale } from '../scale';
import type { CellResult } from '../scenarios/cell-result';
import type { ExpectationFailure } from '../scenarios/expectations';
import type { LabClient, LabPath } from '../scenarios/lab-matrix';

/**
 * results.json: everything needed to re-read a run without re-running it — parameters, the time scale
 * (requested and effective), per-cell raw results with execution counts, and the expectations verdict.
 * Written atomically (temp file in the same directory + rename): a reader or a Ctrl-C never leaves a
 * half-written file behind.
 */
export const RESULTS_FILE_NAME = 'results.json';
export const CHART_FILE_NAME = 'survival.svg';

export interface ResultsDocument {
  tool: '@lambda-keepalive/lab';
  startedAt: string;
  finishedAt: string;
  wallClockMs: number;
  parameters: { paths: LabPath[]; clients: LabClient[]; durationsSeconds: number[]; concurrency: number };
  scale: TimeScale & { idleLimitSeconds: number };
  cells: CellResult[];
  /** The emulator's final execution counts by function name (one function per cell). */
  executions: Record<string, number>;
  expectations: { passed: boolean; failures: ExpectationFailure[] };
}

export async function writeFileAtomically(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function writeResultsFile(directory: string, document: ResultsDocument): Promise<string> {
  const file = join(directory, RESULTS_FILE_NAME);
  await writeFileAtomically(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
