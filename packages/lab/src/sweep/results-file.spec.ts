/**
 * writeResultsFile and writeFileAtomically: results.json written whole into a new directory, an existing file
 * replaced whole, and a failed write leaving the old file and no temp file.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellResult } from '../../test/support/cell-results';
import { resolveTimeScale } from '../harness/time-scale';
import { writeFileAtomically } from '../report/atomic-file';
import { type ResultsDocument, writeResultsFile } from './results-file';

describe('results file', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'lab-results-spec-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes results.json (creating the output directory) and leaves no temp file', async () => {
    const cell = cellResult({ path: 'nat', client: 'keepalive-client', durationSeconds: 400 });
    const document: ResultsDocument = {
      tool: '@lambda-keepalive/lab',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:01:00.000Z',
      wallClockMs: 60_000,
      parameters: {
        paths: ['nat'],
        clients: ['keepalive-client'],
        durationsSeconds: [400],
        kernelProfiles: ['linux-default'],
        commandClients: [],
        concurrency: 28,
        runtime: { name: 'nodejs24.x', node: '24.22.3' },
      },
      scale: { ...resolveTimeScale(0.02), idleLimitSeconds: 350 },
      kernel: { 'linux-default': { timeSeconds: 7200, intervalSeconds: 75, probes: 9 } },
      cells: [cell],
      executions: { [cell.functionName]: 1 },
      expectations: { passed: true, failures: [] },
    };
    const out = join(directory, 'lab-results', 'run-1');
    const file = await writeResultsFile(out, document);
    expect(file).toBe(join(out, 'results.json'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(document);
    expect(await readdir(out)).toEqual(['results.json']);
  });

  it('replaces an existing file whole, and on failure keeps the old one and removes its temp file', async () => {
    const file = join(directory, 'chart.svg');
    await writeFile(file, 'old');
    await writeFileAtomically(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');

    // Renaming onto a directory fails after the temp file was written: nothing half-done may remain.
    const blocked = join(directory, 'blocked');
    await writeFileAtomically(join(blocked, 'x'), 'placeholder');
    await expect(writeFileAtomically(blocked, 'content')).rejects.toThrow();
    expect((await readdir(directory)).sort()).toEqual(['blocked', 'chart.svg']);
  });
});
