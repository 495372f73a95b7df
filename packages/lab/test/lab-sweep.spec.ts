/**
 * The runner against the real pieces, on every supported runtime: kernel NAT + interface endpoint in network
 * namespaces, the emulator CLI in the lambda-service host running the REAL callee bundle, the REAL caller
 * bundle in the vpc host on the runtime's own Node. Scale 0.02: NAT idle 7 s ≙ 350 s, a 400 s callee sleeps
 * 8 s, the caller's timeout is ~21 s. One session per runtime, one after the other (the cells are timed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { type LambdaRuntime, SUPPORTED_RUNTIMES } from '@lambda-keepalive/runtimes';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import type { CellResult } from '../src/harness/cell-result';
import { calleeFunctionName, cellLabel } from '../src/harness/clients';
import { runCell } from '../src/harness/run-cell';
import { openLabSession } from '../src/harness/session';
import { resolveTimeScale } from '../src/harness/time-scale';
import { buildCells } from '../src/sweep/matrix';
import { runSweep } from '../src/sweep/scheduler';

const timeScale = resolveTimeScale(0.02);
const cells = buildCells(['nat', 'endpoint'], ['keepalive-client', 'keepalive-off'], [100, 400]);
const gate = privilegeGate('lab sweep integration tests', checkLabPrivileges);
const results = new Map<string, CellResult[]>();
let namespaces: string[] = [];
let caCertificateFile = '';

async function sweepOn(runtime: LambdaRuntime): Promise<CellResult[]> {
  const session = await openLabSession({ timeScale, cells, runtime });
  namespaces.push(...Object.values(session.network.namespaces));
  caCertificateFile = session.caCertificateFile;
  try {
    const swept = await runSweep({
      cells,
      concurrency: cells.length,
      launchIntervalMs: 100,
      runCell: (cell, signal) => runCell(cell, session, signal),
    });
    const executions = await session.executions();
    return swept.map((result) => ({ ...result, executions: executions[result.functionName] ?? -1 }));
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  if (gate.skipReason !== undefined) return;
  namespaces = [];
  for (const runtime of SUPPORTED_RUNTIMES) results.set(runtime.name, await sweepOn(runtime));
}, 240_000);

const cellOn = (runtime: LambdaRuntime, path: string, client: string, durationSeconds: number): CellResult => {
  const found = results
    .get(runtime.name)
    ?.find((result) => result.path === path && result.client === client && result.durationSeconds === durationSeconds);
  if (found === undefined) throw new Error(`no result for ${runtime.name} ${path}/${client}/${durationSeconds}s`);
  return found;
};

describe.each(SUPPORTED_RUNTIMES.flatMap((runtime) => ['nat', 'endpoint'].map((path) => [runtime, path] as const)))(
  'on %s through the %s path',
  (runtime, path) => {
    const cell = (client: string, durationSeconds: number) => cellOn(runtime, path, client, durationSeconds);

    gate.it("the clients ran on the runtime's own Node", () => {
      for (const client of ['keepalive-client', 'keepalive-off']) {
        expect(cell(client, 100).driver.node).toBe(`v${runtime.node}`);
      }
    });

    gate.it('keepalive-client returns the callee result past the idle limit', () => {
      expect(cell('keepalive-client', 100).verdict).toBe('ok');
      const long = cell('keepalive-client', 400);
      expect(long.verdict).toBe('ok');
      expect(long.elapsedMs).toBeGreaterThanOrEqual(8_000); // the callee really slept its scaled 400 s
    });

    gate.it('keepalive-off survives a short call but not one past the idle limit, ending at the deadline', () => {
      expect(cell('keepalive-off', 100).verdict).toBe('ok');
      const lost = cell('keepalive-off', 400);
      expect(lost.verdict).toBe('hung');
      expect(lost.error?.name).toBe('DeadlineExceededError');
      // It waited until (about) the caller's deadline, far past the callee's 8 s.
      expect(lost.elapsedMs).toBeGreaterThan(timeScale.callerTimeoutMs - 2_000);
    });

    gate.it('the emulator ran each call exactly once', () => {
      const onPath = (results.get(runtime.name) ?? []).filter((result) => result.path === path);
      expect(onPath.map((result) => [cellLabel(result), result.executions])).toEqual(
        cells.filter((c) => c.path === path).map((c) => [cellLabel(c), 1]),
      );
    });
  },
);

gate.it('removes the namespaces and the temp files when the session closes', () => {
  const live = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  for (const namespace of namespaces) expect(live).not.toContain(namespace);
  expect(existsSync(caCertificateFile)).toBe(false);
});

gate.it(
  'opens a session at --scale 1: the emulator accepts the 900 s cell with its allowance (901 s timeout)',
  async () => {
    const realScale = resolveTimeScale(1);
    const [longest] = buildCells(['nat'], ['keepalive-client'], [900]);
    if (!longest) throw new Error('buildCells made no cell for nat × keepalive-client × 900 s');
    const session = await openLabSession({ timeScale: realScale, cells: [longest] });
    try {
      expect(realScale.calleeTimeoutSeconds).toBeGreaterThan(900);
      // The emulator is up with the 900 s cell's function registered (nothing invoked: no 15-minute wait).
      expect(await session.executions()).toEqual({ [calleeFunctionName(longest)]: 0 });
    } finally {
      await session.close();
    }
  },
);
