/** The progress lines: the banner's scale in lab seconds, one line per finished cell, the expectations verdict. */
import { runtimeNamed } from '@lambda-keepalive/runtimes';
import { cellResult } from '../../test/support/cell-results';
import { resolveTimeScale } from '../harness/time-scale';
import { formatCellProgress, formatExpectations, formatRunBanner } from './progress';

describe('progress lines', () => {
  it('says what the scale means in lab seconds', () => {
    const banner = formatRunBanner(resolveTimeScale(0.02), 56, 56);
    expect(banner).toContain('scale 0.02 (asked 0.02): NAT/endpoint idle 7 s ≙ 350 s');
    expect(banner).toContain('keepalive idle 1 s, caller timeout 22.0 s, callee timeout 20 s');
    expect(banner).toContain('56 cells, 56 at a time');
    expect(banner).not.toContain('the clients run on');
    const withRuntime = formatRunBanner(resolveTimeScale(0.02), 56, 56, runtimeNamed('nodejs26.x'));
    expect(withRuntime.split('\n').at(-1)).toMatch(/^lab: the clients run on nodejs26\.x \(Node 26\.\d+\.\d+\)$/);
  });

  it('prints one line per finished cell with the running count, verdict, elapsed, executions and error', () => {
    const line = formatCellProgress(
      cellResult(
        { path: 'endpoint', client: 'keepalive-off', durationSeconds: 400 },
        { verdict: 'hung', elapsedMs: 20_012, error: { name: 'DeadlineExceededError', message: '' } },
      ),
      7,
      56,
    );
    expect(line).toBe('[ 7/56] endpoint keepalive-off     400 s  hung    20.0 s  executions 1  DeadlineExceededError');
  });

  it('summarises the expectations, naming each failure and only claiming what the run checked', () => {
    const shipped = cellResult({ path: 'nat', client: 'keepalive-client', durationSeconds: 400 });
    const offPastLimit = cellResult(
      { path: 'nat', client: 'keepalive-off', durationSeconds: 400 },
      { verdict: 'hung' },
    );
    expect(formatExpectations([], [shipped, offPastLimit])).toBe(
      'PASS: keepalive-client answered every cell exactly once.\n' +
        'PASS: keepalive-off failed past the 350 s idle limit (the lab reproduces Hyperplane).',
    );
    expect(formatExpectations([], [shipped])).toMatch(/NOT CHECKED: no keepalive-off cell past the 350 s idle limit/);
    expect(formatExpectations([], [offPastLimit])).toMatch(/^NOT CHECKED: keepalive-client was not in this run/);
    expect(
      formatExpectations(
        [
          { rule: 'shipped-client-failed', message: 'keepalive-client lost nat/keepalive-client/900s', cells: [] },
          { rule: 'original-failure-not-reproduced', message: 'keepalive-off survived', cells: [] },
        ],
        [shipped, offPastLimit],
      ),
    ).toBe('FAIL: keepalive-client lost nat/keepalive-client/900s\nFAIL: keepalive-off survived');
  });
});
