/**
 * `pnpm bench --smoke` end to end: the built entry (dist/cli/bench.js) as a process, tiny sample counts.
 * Checks the bench WORKS — output structure, files, numbers finite and positive — never that the numbers
 * meet the goals (a smoke run's samples say nothing, and speed is not asserted in tests).
 */

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import { assertBuilt, runScript } from '@lambda-keepalive/test-kit';
import type { BenchDocument } from '../src/bench/document';

const CLI = resolve(__dirname, '..', 'dist', 'cli', 'bench.js');

const runBench = (args: string[]) => runScript(CLI, args);

/** Every number in the value (deep), with its path. */
function numbersIn(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  return [];
}

let outDirectory: string;

beforeAll(async () => {
  assertBuilt(CLI);
  outDirectory = await mkdtemp(join(tmpdir(), 'lk-bench-smoke-'));
});

afterAll(async () => {
  await rm(outDirectory, { recursive: true, force: true });
});

describe('pnpm bench', () => {
  it('refuses an unknown flag and an unknown item with exit 2, before measuring anything', async () => {
    const flag = await runBench(['--fast']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^bench: Unknown option '--fast'.*--help/);
    const item = await runBench(['--only', 'speed']);
    expect(item.code).toBe(2);
    expect(item.stderr).toMatch(
      /--only: "speed" is invalid: "speed" is not an item; must be among survival, detection/,
    );
    expect(flag.stdout + item.stdout).toBe('');
  });

  it(
    '--smoke runs every item (root ones when root, else names them skipped) ' + 'and writes results.json and the chart',
    async () => {
      const privileges = await checkLabPrivileges();
      if (!privileges.ok) process.stdout.write(`bench smoke: lab items will be skipped: ${privileges.reason}\n`);
      const { code, stdout, stderr } = await runBench(['--smoke', '--out', outDirectory]);
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });

      for (const heading of ['3. overhead', '4. fan-out', '5. cold start', 'goals:']) expect(stdout).toContain(heading);
      expect(stdout).toContain(`results: ${outDirectory}`);
      const document = JSON.parse(await readFile(join(outDirectory, 'results.json'), 'utf8')) as BenchDocument;
      expect(document.options.smoke).toBe(true);
      expect(document.overhead?.clients['keepalive-client']?.samplesMs.flat().length).toBe(2 * 20);
      expect(document.fanout?.clients['sdk-default']?.burstMs).toHaveLength(1);
      expect(document.options.runtimes).toEqual([DEFAULT_RUNTIME.name]); // --smoke: the default runtime only
      expect(document['cold-start']?.map((run) => run.runtime.name)).toEqual([DEFAULT_RUNTIME.name]);
      expect(document['cold-start']?.[0]?.bundles.caller.bytes).toBeGreaterThan(0);

      if (privileges.ok) {
        for (const heading of ['1. survival', '2. dead-flow detection', '6. probe traffic'])
          expect(stdout).toContain(heading);
        expect(document.skipped).toEqual([]);
        expect(document.survival?.rows.length).toBeGreaterThan(0);
        expect(
          document.detection?.[0]?.results.find((row) => row.client === 'keepalive-client')?.detectedSeconds?.median,
        ).toBeGreaterThan(0);
        expect(document.detection?.[0]?.runtime).toMatchObject({ name: DEFAULT_RUNTIME.name, probesHonoured: true });
        expect(document['probe-traffic']?.rows.every((row) => row.packets > 0 && row.bytes > 0)).toBe(true);
        expect(existsSync(join(outDirectory, 'survival', 'results.json'))).toBe(true);
      } else {
        expect(document.skipped.map((skip) => skip.item)).toEqual(['survival', 'detection', 'probe-traffic']);
        expect(stdout).toMatch(/skipped:\n {2}survival: needs root/);
      }

      // Structure, not goals: every figure is a real number, and the measured ones are not zero or negative.
      const numbers = numbersIn({
        overhead: document.overhead,
        fanout: document.fanout,
        coldStart: document['cold-start'],
        detection: document.detection,
      });
      expect(numbers.filter(([, value]) => !Number.isFinite(value))).toEqual([]);
      const measured = numbers.filter(([path]) =>
        /latencyMs|samplesMs|burstMs|singleMs|maxRssMiB|initMs|bytes|ratio/i.test(path),
      );
      expect(measured.length).toBeGreaterThan(50);
      expect(measured.filter(([, value]) => !(value > 0))).toEqual([]);

      const svg = await readFile(join(outDirectory, 'bench.svg'), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('Fan-out');
    },
  );
});
