/**
 * renderResultsTable: a row per path × client, a column per duration, aligned; cells that did not run exactly
 * once marked, and what the clients threw grouped below.
 */
import { cellResult } from '../../test/support/cell-results';
import { buildCells } from './matrix';
import { renderResultsTable } from './table';

describe('renderResultsTable', () => {
  const cells = buildCells(['nat', 'endpoint'], ['keepalive-client', 'keepalive-off'], [340, 400]);
  const results = cells.map((cell) =>
    cell.client === 'keepalive-off' && cell.durationSeconds === 400
      ? cellResult(cell, {
          verdict: 'hung',
          elapsedMs: 20_000,
          error: { name: 'DeadlineExceededError', message: 'no answer\nstack' },
        })
      : cellResult(cell, { elapsedMs: 8_150 }),
  );

  it('has a row per path × client and a column per duration with verdict and elapsed seconds', () => {
    const lines = renderResultsTable(results).split('\n');
    expect(lines[0]).toMatch(/^path\s+client\s+340 s\s+400 s$/);
    expect(lines[1]).toMatch(/^-+ {2}-+ {2}-+ {2}-+$/);
    expect(lines[2]).toMatch(/^nat\s+keepalive-client\s+ok 8\.2s\s+ok 8\.2s$/);
    expect(lines[3]).toMatch(/^nat\s+keepalive-off\s+ok 8\.2s\s+hung 20\.0s$/);
    expect(lines[4]).toMatch(/^endpoint\s+keepalive-client/);
    expect(lines[5]).toMatch(/^endpoint\s+keepalive-off\s+ok 8\.2s\s+hung 20\.0s$/);
  });

  it('puts a caption line first when given one (the run names the runtime there)', () => {
    const lines = renderResultsTable(results, { caption: 'the clients run on nodejs24.x (Node 24.22.3):' }).split('\n');
    expect(lines[0]).toBe('the clients run on nodejs24.x (Node 24.22.3):');
    expect(lines[1]).toMatch(/^path\s+client\s+340 s\s+400 s$/);
  });

  it('aligns the columns', () => {
    const lines = renderResultsTable(results).split('\n').slice(0, 6);
    const column400 = lines[0]?.indexOf('400 s');
    for (const line of lines.slice(2))
      expect(line.indexOf(line.includes('hung') ? 'hung' : 'ok 8.2s', 30)).toBe(column400);
  });

  it('marks cells whose callee did not run exactly once and groups what the clients threw', () => {
    const text = renderResultsTable([
      ...results,
      cellResult(
        { path: 'nat', client: 'sdk-default', durationSeconds: 400 },
        { verdict: 'error', executions: 3, error: { name: 'ECONNRESET', message: 'socket hang up' } },
      ),
    ]);
    expect(text).toMatch(/nat\s+sdk-default\s+-\s+error [0-9.]+s ×3/);
    expect(text).toContain('what the clients threw:');
    expect(text).toContain('  keepalive-off hung: DeadlineExceededError (no answer) — nat 400 s, endpoint 400 s');
    expect(text).toContain('  sdk-default error: ECONNRESET (socket hang up) — nat 400 s');
  });

  it('adds a kernel column and keeps each profile its own row when the cells name one', () => {
    const text = renderResultsTable([
      cellResult(
        { path: 'nat', client: 'boto3-tcp-keepalive', kernelProfile: 'linux-default', durationSeconds: 400 },
        { verdict: 'hung' },
      ),
      cellResult({ path: 'nat', client: 'boto3-tcp-keepalive', kernelProfile: 'low', durationSeconds: 400 }),
    ]);
    expect(text.split('\n')[0]).toMatch(/^path\s+client\s+kernel\s+400 s$/);
    expect(text).toMatch(/nat\s+boto3-tcp-keepalive\s+linux-default\s+hung/);
    expect(text).toMatch(/nat\s+boto3-tcp-keepalive\s+low\s+ok/);
  });
});
