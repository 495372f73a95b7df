/**
 * One process in the vpc host, run to its end: its stdout whole and the tail of its stderr collected, and
 * killed (SIGKILL) when it outlives `killAfterMs` from spawn or when `signal` aborts — the last resort
 * for a client whose own timeout should have ended it. Shared by a sweep cell (run-cell.ts) and a
 * find-limit round (find-limit/diagnostic-round.ts).
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { DriverCommand } from './driver-command';

/** Enough stderr to see a crash; stdout is parsed, so it is kept whole. */
const STDERR_TAIL_CHARS = 2000;

export interface VpcSpawner {
  /** network.spawnIn('vpc', …). */
  spawnInVpc(command: string, args: string[], options: SpawnOptions): ChildProcess;
}

export interface VpcProcessEnd {
  stdout: string;
  stderrTail: string;
  exitCode: number | null;
  exitSignal: string | null;
  killedByRunner: boolean;
  /** Date.now() just after spawn. */
  startedAt: number;
}

export async function runVpcProcess(
  host: VpcSpawner,
  { command, args, env }: DriverCommand,
  options: { killAfterMs: number; signal?: AbortSignal },
): Promise<VpcProcessEnd> {
  const { signal } = options;
  const child = host.spawnInVpc(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const startedAt = Date.now();
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr
    ?.setEncoding('utf8')
    .on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS)));

  let killedByRunner = false;
  const kill = (): void => {
    killedByRunner = true;
    child.kill('SIGKILL');
  };
  const killTimer = setTimeout(kill, options.killAfterMs);
  signal?.addEventListener('abort', kill, { once: true });
  const { exitCode, exitSignal } = await new Promise<{ exitCode: number | null; exitSignal: string | null }>(
    (resolve) => {
      child.once('error', (error) => {
        stderr += String(error);
        resolve({ exitCode: null, exitSignal: null });
      });
      child.once('close', (code, closeSignal) => resolve({ exitCode: code, exitSignal: closeSignal }));
    },
  );
  clearTimeout(killTimer);
  signal?.removeEventListener('abort', kill);
  return { stdout, stderrTail: stderr, exitCode, exitSignal, killedByRunner, startedAt };
}
