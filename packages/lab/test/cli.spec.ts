/**
 * `pnpm lab` end to end: the built CLI (dist/cli/lab.js) as a process — usage errors, then a tiny real sweep
 * (root + netns) writing results.json and the chart into the directory its last line names.
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import { assertBuilt, runScript, skipReasonOf } from '@lambda-keepalive/test-kit';
import type { ResultsDocument } from '../src/sweep/results-file';

const CLI = resolve(__dirname, '..', 'dist', 'cli', 'lab.js');

const runCli = (args: string[]) => runScript(CLI, args);

beforeAll(() => assertBuilt(CLI));

describe('lab CLI', () => {
  it('refuses an unknown flag with exit 2 and a clear message, before touching the network', async () => {
    const { code, stderr, stdout } = await runCli(['--sacle', '1']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^lab: Unknown option '--sacle'.*--help/);
    expect(stdout).toBe('');
  });

  it('refuses a scale that cannot keep the NAT idle above the keepalives', async () => {
    const { code, stderr } = await runCli(['--scale', '0.01']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/scale: 0.01 is invalid: .*smallest scale/);
  });

  it('prints the help with exit 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--clients <list>');
  });

  describe('a tiny real sweep', () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'lab-cli-spec-'));
    });
    afterAll(async () => {
      await rm(out, { recursive: true, force: true });
    });

    it('runs, shows progress and the table, writes results.json and the chart, names the directory last', async () => {
      if (await skipReasonOf('lab CLI sweep', checkLabPrivileges)) return;
      const { code, stdout, stderr } = await runCli([
        '--scale',
        '0.02',
        '--paths',
        'nat',
        '--clients',
        'keepalive-client,keepalive-off',
        '--durations',
        '100,400',
        '--out',
        out,
      ]);
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      const lines = stdout.trimEnd().split('\n');
      expect(lines.filter((line) => /^\[\d\/4\] nat /.test(line))).toHaveLength(4);
      expect(stdout).toMatch(/nat\s+keepalive-off\s+linux-default\s+ok [0-9.]+s\s+hung [0-9.]+s/);
      expect(stdout).toContain('PASS: keepalive-client answered every cell exactly once');
      expect(stdout).toContain('PASS: keepalive-off failed past the 350 s idle limit');
      expect(lines.at(-1)).toBe(`results: ${out} (results.json, survival.svg)`);

      const document = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as ResultsDocument;
      expect(document.scale.natIdleSeconds).toBe(7);
      expect(document.parameters).toEqual({
        paths: ['nat'],
        clients: ['keepalive-client', 'keepalive-off'],
        durationsSeconds: [100, 400],
        kernelProfiles: ['linux-default'],
        commandClients: [],
        concurrency: 4,
        runtime: { name: DEFAULT_RUNTIME.name, node: DEFAULT_RUNTIME.node },
      });
      expect(new Set(document.cells.map((cell) => cell.driver.node))).toEqual(new Set([`v${DEFAULT_RUNTIME.node}`]));
      expect(document.cells.map((cell) => [cell.client, cell.durationSeconds, cell.verdict, cell.executions])).toEqual([
        ['keepalive-client', 100, 'ok', 1],
        ['keepalive-client', 400, 'ok', 1],
        ['keepalive-off', 100, 'ok', 1],
        ['keepalive-off', 400, 'hung', 1],
      ]);
      expect(document.expectations).toEqual({ passed: true, failures: [] });
      const svg = await readFile(join(out, 'survival.svg'), 'utf8');
      expect(svg.match(/<polyline class="series"/g)).toHaveLength(2);
      expect(svg).toContain('idle limit 350 s');
    });
  });
});
