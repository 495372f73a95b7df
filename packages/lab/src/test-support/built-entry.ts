/**
 * Runs a BUILT entry point (dist/…/cli.js) as its own process, as `pnpm lab` / `pnpm bench` do, and
 * collects its exit code and output. The specs using it test the shipped build, not the sources.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface EntryRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBuiltEntry(script: string, args: readonly string[]): Promise<EntryRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Fails the suite up front, saying what to do, when the entry has not been built. */
export function assertBuilt(script: string): void {
  if (!existsSync(script)) throw new Error(`${script} is missing: build the lab first (pnpm --filter @lambda-keepalive/lab build)`);
}
