/**
 * results.json: everything needed to re-read a run without re-running it — parameters, the time scale
 * (requested and effective), per-cell raw results with execution counts, and the expectations verdict.
 * Written atomically (report/atomic-file.ts).
 */
import { join } from 'node:path';
import type { TcpKeepaliveSettings } from '@lambda-keepalive/hyperplane-net';
import type { CellResult, CommandClient, KernelProfileName, LabPath, TimeScale } from '../harness';
import { writeFileAtomically } from '../report';
import type { ExpectationFailure } from './expectations';

export const RESULTS_FILE_NAME = 'results.json';
export const CHART_FILE_NAME = 'survival.svg';

export interface ResultsDocument {
  tool: '@lambda-keepalive/lab';
  startedAt: string;
  finishedAt: string;
  wallClockMs: number;
  parameters: {
    paths: LabPath[];
    clients: string[];
    durationsSeconds: number[];
    kernelProfiles: KernelProfileName[];
    /** The declarations of the command clients that ran (built-in boto3 ones included). */
    commandClients: CommandClient[];
    concurrency: number;
    /** The Lambda runtime whose Node ran the clients. */
    runtime: { name: string; node: string };
  };
  scale: TimeScale & { idleLimitSeconds: number };
  /** The vpc host's keepalive sysctls per kernel profile, as read back from the namespace. */
  kernel: Record<string, TcpKeepaliveSettings>;
  cells: CellResult[];
  /** The emulator's final execution counts by function name (one function per cell). */
  executions: Record<string, number>;
  expectations: { passed: boolean; failures: ExpectationFailure[] };
}

export async function writeResultsFile(directory: string, document: ResultsDocument): Promise<string> {
  const file = join(directory, RESULTS_FILE_NAME);
  await writeFileAtomically(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
