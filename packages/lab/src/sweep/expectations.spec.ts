/**
 * checkExpectations: a run passes only when the shipped client survives every cell exactly once and
 * keepalive-off fails past the idle limit; each failure names its cells.
 */
import { cellResult } from '../../test/support/cell-results';
import { checkExpectations } from './expectations';

describe('checkExpectations', () => {
  const expected = [
    cellResult({ path: 'nat', client: 'keepalive-client', durationSeconds: 400 }),
    cellResult({ path: 'nat', client: 'keepalive-off', durationSeconds: 340 }),
    cellResult(
      { path: 'nat', client: 'keepalive-off', durationSeconds: 400 },
      { verdict: 'hung', error: { name: 'DeadlineExceededError', message: '' } },
    ),
    cellResult({ path: 'nat', client: 'sdk-own-agent', durationSeconds: 400 }, { verdict: 'hung' }),
  ];

  it('passes when the shipped client survives once and keepalive-off fails past the limit', () => {
    expect(checkExpectations(expected)).toEqual([]);
  });

  it('fails when the shipped client hangs, errors or runs the callee twice, naming the cells', () => {
    const failures = checkExpectations([
      ...expected,
      cellResult(
        { path: 'endpoint', client: 'keepalive-client', durationSeconds: 600 },
        { verdict: 'error', error: { name: 'ConnectionLostError', message: '' } },
      ),
      cellResult({ path: 'endpoint', client: 'keepalive-client', durationSeconds: 900 }, { executions: 2 }),
    ]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.rule).toBe('shipped-client-failed');
    expect(failures[0]?.cells).toEqual(['endpoint/keepalive-client/600s', 'endpoint/keepalive-client/900s']);
    expect(failures[0]?.message).toMatch(/error \(ConnectionLostError\).*2 executions/);
  });

  it('fails when keepalive-off survives past the idle limit: the lab is not reproducing Hyperplane', () => {
    const failures = checkExpectations([
      ...expected,
      cellResult({ path: 'endpoint', client: 'keepalive-off', durationSeconds: 360 }),
    ]);
    expect(failures.map((failure) => failure.rule)).toEqual(['original-failure-not-reproduced']);
    expect(failures[0]?.message).toMatch(/not reproducing Hyperplane/);
  });

  it('moves the limit with --nat-idle: past 300 s keepalive-off must fail, at 340 s too', () => {
    const survivedAt340 = cellResult({ path: 'nat', client: 'keepalive-off', durationSeconds: 340 });
    expect(checkExpectations([survivedAt340])).toEqual([]);
    expect(checkExpectations([survivedAt340], 300)).toEqual([
      expect.objectContaining({ rule: 'original-failure-not-reproduced', cells: ['nat/keepalive-off/340s'] }),
    ]);
    expect(checkExpectations([survivedAt340], 300)[0]?.message).toMatch(/longer than the 300 s idle limit/);
  });
});
