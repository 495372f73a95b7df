/**
 * Runs a BUILT entry point (a package's dist/…/cli.js) as its own process, as a user's command does, and
 * collects its exit code and output. Specs using it test the shipped build, not the sources.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: readonly string[]): Promise<ScriptRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Fails the suite up front, saying what to do, when the entry has not been built. */
export function assertBuilt(script: string, buildCommand = 'pnpm build'): void {
  if (!existsSync(script)) throw new Error(`${script} is missing: build it first (${buildCommand})`);
}
