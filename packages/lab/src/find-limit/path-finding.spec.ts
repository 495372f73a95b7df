/** The lab's check of a finding against the NAT idle it set, and the line it prints. */
import type { IdleLimit } from '@lambda-keepalive/idle-limit';
import { formatPathFinding, judgePath } from './path-finding';
import type { IdleLimitSearch } from './search';

const search = (limit: IdleLimit, stop: IdleLimitSearch['stop'] = 'resolved'): IdleLimitSearch => ({
  limit,
  stop,
  contradictions: [],
  failed: [],
  rounds: [
    {
      grid: { fromSeconds: 100, toSeconds: 900, stepSeconds: 100 },
      answers: [100, 200, 300, 400].map((d) => ({ durationSeconds: d, outcome: d < 350 ? 'answered' : 'lost' })),
      limit,
    },
    {
      grid: { fromSeconds: 310, toSeconds: 390, stepSeconds: 10 },
      answers: [340, 350].map((d) => ({ durationSeconds: d, outcome: d < 350 ? 'answered' : 'lost' })),
      limit,
    },
  ],
});
const facts = { executions: 6, elapsedMs: 83_100, resolutionSeconds: 10, natIdleRealSeconds: 350 };
const between = (survivedSeconds: number, forgottenSeconds: number): IdleLimit => ({
  kind: 'between',
  survivedSeconds,
  forgottenSeconds,
});

describe('judgePath', () => {
  it('passes an interval within the resolution of the NAT idle and counts the calls and their cost', () => {
    const finding = judgePath('nat', search(between(340, 350)), facts);
    expect(finding).toMatchObject({ problems: [], calls: 6, executions: 6, calleeSeconds: 1690 });
    expect(formatPathFinding(finding)).toBe(
      'nat: forgets idle flows between 340 s and 350 s · 2 rounds, 6 calls, 1690 callee-seconds (real-equivalent)' +
        ' · 83.1 s lab\n  PASS',
    );
    // The answer arrives ~0.15 lab s late, so the limit can read a step early: still within the resolution.
    expect(judgePath('nat', search(between(337.8, 347.8)), facts).problems).toEqual([]);
  });

  it.each([
    [between(360, 370), /forgets at 350 s, not within 10 s/],
    [between(330, 340), /forgets at 350 s, not within 10 s/],
  ])('fails an interval away from the NAT idle: %p', (limit, problem) => {
    expect(judgePath('endpoint', search(limit), facts).problems.join()).toMatch(problem);
  });

  it('fails a search that stopped without an interval, a duplicate execution, a contradiction', () => {
    expect(judgePath('nat', search({ kind: 'above', survivedSeconds: 900 }, 'no-limit'), facts).problems).toEqual([
      'stopped (no-limit) without an interval: kept every flow: no idle limit up to 900 s',
    ]);
    expect(judgePath('nat', search(between(340, 350)), { ...facts, executions: 7 }).problems).toEqual([
      '6 probes ran the callee 7 times (exactly once each expected)',
    ]);
    const contradicted = { ...search(between(340, 350)), contradictions: [380] };
    expect(formatPathFinding(judgePath('nat', contradicted, facts))).toMatch(/FAIL: answers past .*: 380 s/);
  });
});
