/**
 * Which process owns a lab run: /run/lambda-keepalive-lab/<runId>.json = { pid, startTime, namespaces }.
 * Written before the first namespace is created, removed after the last one is deleted, so
 * cleanupLeftoverLabs() can tell a crashed run's namespaces from those of a live parallel run.
 * The process start time (from /proc/<pid>/stat) guards against a recycled PID.
 */
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const DEFAULT_OWNER_DIRECTORY = '/run/lambda-keepalive-lab';

export interface OwnerRecord {
  runId: string;
  pid: number;
  startTime: string | null;
  namespaces: string[];
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); null when the process is gone. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: split after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

export function isOwnerAlive(record: Pick<OwnerRecord, 'pid' | 'startTime'>): boolean {
  const startTime = processStartTime(record.pid);
  if (startTime === null) return false;
  return record.startTime === null || record.startTime === startTime;
}

function recordPath(directory: string, runId: string): string {
  return join(directory, `${runId}.json`);
}

export async function writeOwnerRecord(
  runId: string,
  namespaces: string[],
  directory = DEFAULT_OWNER_DIRECTORY,
): Promise<void> {
  await mkdir(directory, { recursive: true });
  const record: OwnerRecord = { runId, pid: process.pid, startTime: processStartTime(process.pid), namespaces };
  // 'wx': fail if another run already claimed this run id.
  await writeFile(recordPath(directory, runId), `${JSON.stringify(record)}\n`, { flag: 'wx' });
}

export async function readOwnerRecord(
  runId: string,
  directory = DEFAULT_OWNER_DIRECTORY,
): Promise<OwnerRecord | undefined> {
  try {
    return JSON.parse(await readFile(recordPath(directory, runId), 'utf8')) as OwnerRecord;
  } catch {
    return undefined;
  }
}

export async function removeOwnerRecord(runId: string, directory = DEFAULT_OWNER_DIRECTORY): Promise<void> {
  await rm(recordPath(directory, runId), { force: true });
}

export function removeOwnerRecordSync(runId: string, directory = DEFAULT_OWNER_DIRECTORY): void {
  try {
    rmSync(recordPath(directory, runId), { force: true });
  } catch {
    // Best effort while the process exits.
  }
}
