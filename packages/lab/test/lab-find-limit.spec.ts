/**
 * `./run lab find-limit` against the real pieces: the kernel NAT and interface endpoint forgetting idle
 * flows, the emulator running the REAL callee bundle, the REAL caller bundle's findIdleLimit diagnostic
 * as each round. It must find the 350 s Hyperplane idle and, with --nat-idle 300, a 300 s middlebox, on
 * both paths, within the resolution. Scale 0.04 makes both idles whole lab seconds (14 s and 12 s), so
 * 300 s is modelled exactly; the two searches run at once (two labs) to keep the file near a minute.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { type FindLimitResult, runFindLimit } from '../src/find-limit';
import { resolveTimeScale, withNatIdle } from '../src/harness/time-scale';

const RESOLUTION_SECONDS = 10;
const gate = privilegeGate('lab find-limit integration tests', checkLabPrivileges);
const found = new Map<number, FindLimitResult>();
const printed: string[] = [];
let outRoot = '';

beforeAll(async () => {
  if (gate.skipReason !== undefined) return;
  outRoot = await mkdtemp(join(tmpdir(), 'lk-find-limit-test-'));
  const base = resolveTimeScale(0.04);
  await Promise.all(
    [350, 300].map(async (natIdle) => {
      const timeScale = withNatIdle(base, natIdle, { field: '--nat-idle', keepAliveHeadroom: false });
      const result = await runFindLimit(
        {
          timeScale,
          paths: ['nat', 'endpoint'],
          resolutionSeconds: RESOLUTION_SECONDS,
          runtime: DEFAULT_RUNTIME,
          outDirectory: join(outRoot, String(natIdle)),
        },
        (line) => printed.push(line),
      );
      found.set(natIdle, result);
    }),
  );
}, 240_000);

afterAll(async () => {
  // What the finder printed, for the CI log: the intervals, the calls and the callee-seconds.
  if (printed.length > 0) process.stdout.write(`${printed.join('\n')}\n`);
  if (outRoot !== '') await rm(outRoot, { recursive: true, force: true });
});

describe.each([350, 300])('a middlebox forgetting flows idle %p s', (natIdle) => {
  describe.each(['nat', 'endpoint'])('through the %s path', (path) => {
    const finding = () => {
      const pathFinding = found.get(natIdle)?.findings.find((candidate) => candidate.path === path);
      if (pathFinding === undefined) throw new Error(`no finding for ${natIdle} s on ${path}`);
      return pathFinding;
    };

    gate.it('is found within the resolution, as an interval no wider than it', () => {
      const { search, problems } = finding();
      expect(problems).toEqual([]);
      expect(search.stop).toBe('resolved');
      if (search.limit.kind !== 'between') throw new Error(`no interval: ${search.limit.kind}`);
      const { survivedSeconds, forgottenSeconds } = search.limit;
      expect(forgottenSeconds - survivedSeconds).toBeLessThanOrEqual(RESOLUTION_SECONDS);
      // The closed interval holds the idle: a flow idle exactly the conntrack timeout still passes its answer
      // (the entry expires a few jiffies after it), so "kept 350 s, forgot 360 s" is a right answer too.
      expect(survivedSeconds).toBeLessThanOrEqual(natIdle);
      expect(forgottenSeconds).toBeGreaterThanOrEqual(natIdle);
    });

    gate.it('ran every probe exactly once and counted what it spent', () => {
      const { calls, executions, calleeSeconds, search } = finding();
      expect(search.rounds.length).toBeGreaterThanOrEqual(2);
      expect(executions).toBe(calls);
      const probed = search.rounds.flatMap((round) => round.answers.map((answer) => answer.durationSeconds));
      expect(probed).toHaveLength(calls);
      expect(calleeSeconds).toBeCloseTo(
        probed.reduce((sum, seconds) => sum + seconds, 0),
        -1,
      );
    });
  });

  gate.it('prints the interval per path and writes find-limit.json', async () => {
    const result = found.get(natIdle);
    if (result === undefined) throw new Error(`no result for ${natIdle} s`);
    expect(result.passed).toBe(true);
    const document = JSON.parse(await readFile(result.file, 'utf8')) as { passed: boolean; findings: unknown[] };
    expect(document).toMatchObject({ passed: true, findings: [{ path: 'nat' }, { path: 'endpoint' }] });
    expect(printed.join('\n')).toMatch(/nat: forgets idle flows between [\d.]+ s and [\d.]+ s · \d rounds, \d+ calls/);
  });
});
