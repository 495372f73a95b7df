/**
 * Root-only: a real child process builds a lab, then dies by Ctrl-C (SIGINT), SIGTERM or process.exit;
 * the exit registry must leave no namespace and no owner record behind, and the signal must still kill
 * the process. The child runs this package's TypeScript bundled on the fly with esbuild.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { buildSync } from 'esbuild';
import { checkLabPrivileges } from './privileges';

let workDirectory: string;
let childScript: string;
const gate = privilegeGate('exit teardown process tests', checkLabPrivileges);

beforeAll(async () => {
  if (gate.skipReason !== undefined) return;
  workDirectory = mkdtempSync(join(tmpdir(), 'lk-exit-teardown-'));
  childScript = join(workDirectory, 'child.js');
  const contents = `
    import { createLabNetwork } from './lab-network';
    createLabNetwork({ idleSeconds: 5 }).then((lab) => {
      console.log(JSON.stringify({ runId: lab.runId }));
      if (process.argv[2] === 'exit') process.exit(3);
      setInterval(() => undefined, 1000); // stay alive until signalled
    });`;
  buildSync({
    stdin: { contents, resolveDir: __dirname, loader: 'ts' },
    bundle: true,
    platform: 'node',
    outfile: childScript,
    logLevel: 'error',
  });
});

afterAll(() => {
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

async function runChild(
  mode: 'wait' | 'exit',
  signal?: NodeJS.Signals,
): Promise<{ runId: string; code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [childScript, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (code, sig) => resolve([code, sig])),
  );
  const firstLine = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  );
  const { runId } = JSON.parse(firstLine) as { runId: string };
  if (signal) child.kill(signal);
  const [code, exitSignal] = await exited;
  return { runId, code, signal: exitSignal };
}

const labNamespaces = (runId: string): string[] =>
  execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`lk-${runId}-`));

describe('process exit teardown (root)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: the lab is removed and the process still dies of the signal',
    async (signal) => {
      if (gate.skipReason !== undefined) return;
      const result = await runChild('wait', signal);
      expect(result.signal).toBe(signal);
      expect(labNamespaces(result.runId)).toEqual([]);
      expect(existsSync(`/run/lambda-keepalive-lab/${result.runId}.json`)).toBe(false);
    },
  );

  gate.it('process.exit(): the lab is removed synchronously in the exit hook', async () => {
    const result = await runChild('exit');
    expect(result.code).toBe(3);
    expect(labNamespaces(result.runId)).toEqual([]);
    expect(existsSync(`/run/lambda-keepalive-lab/${result.runId}.json`)).toBe(false);
  });
});
