/**
 * A fault driver as a child process in the vpc host: collects its output, notes when it exited relative
 * to the handler's settle (the hygiene line), and kills it only as a last resort — when it outlives its
 * Lambda-like timeout, or lingers after the handler settled (then it is reported, not hidden).
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { type DriverHygiene, parseExitAt, parseHygieneLine, parseLingering } from './driver-protocol';

/** Loading the SDK on a busy 2-core machine before the handler's clock starts. */
const START_MARGIN_MS = 10_000;
/** How long a settled driver may linger before it is killed (and reported). */
const LINGER_KILL_MS = 3_000;

export interface FinishedDriver {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  hygiene: DriverHygiene | undefined;
  exitAfterSettleMs: number | undefined;
  leakedResources: string[];
  killed: boolean;
}

export interface SpawningHost {
  nodeExecutable: string;
  spawnInVpc(command: string, args: string[], options: SpawnOptions): ChildProcess;
}

export function spawnFaultDriver(
  host: SpawningHost,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
  signal?: AbortSignal,
): { finished: Promise<FinishedDriver> } {
  const child = host.spawnInVpc(host.nodeExecutable, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killed = false;
  let lingerTimer: NodeJS.Timeout | undefined;
  const kill = (): void => {
    killed = true;
    child.kill('SIGKILL');
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (lingerTimer === undefined && parseHygieneLine(stdout) !== undefined)
      lingerTimer = setTimeout(kill, LINGER_KILL_MS);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const killTimer = setTimeout(kill, timeoutMs + START_MARGIN_MS);
  signal?.addEventListener('abort', kill, { once: true });
  const finished = new Promise<FinishedDriver>((resolve) => {
    const done = (exitCode: number | null): void => {
      const exitedAt = Date.now();
      clearTimeout(killTimer);
      clearTimeout(lingerTimer);
      signal?.removeEventListener('abort', kill);
      const hygiene = parseHygieneLine(stdout);
      resolve({
        stdout,
        stderr,
        exitCode,
        hygiene,
        // The driver's own clock from the handler settling to its 'exit' event: how long its event loop stayed
        // alive. OS teardown and this runner's scheduling come after; on a loaded machine they took seconds.
        exitAfterSettleMs:
          hygiene === undefined || killed ? undefined : (parseExitAt(stdout) ?? exitedAt) - hygiene.settledAt,
        leakedResources: parseLingering(stdout),
        killed,
      });
    };
    child.once('error', (error) => {
      stderr += String(error);
      done(null);
    });
    child.once('close', (code) => done(code));
  });
  return { finished };
}
