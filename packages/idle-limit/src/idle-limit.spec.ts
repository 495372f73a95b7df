/** The interval a set of probe answers bounds, and how it is told. */
import { calleeSeconds, describeIdleLimit, idleLimitFrom, idleLimitWidth, type ProbeAnswer } from './idle-limit';

const answers = (spec: Record<number, ProbeAnswer['outcome']>): ProbeAnswer[] =>
  Object.entries(spec).map(([duration, outcome]) => ({ durationSeconds: Number(duration), outcome }));

describe('idleLimitFrom', () => {
  it('bounds the limit by the longest answered and the shortest lost probe', () => {
    const finding = idleLimitFrom(answers({ 300: 'answered', 340: 'answered', 350: 'lost', 400: 'lost' }));
    expect(finding.limit).toEqual({ kind: 'between', survivedSeconds: 340, forgottenSeconds: 350 });
    expect(finding.contradictions).toEqual([]);
    expect(idleLimitWidth(finding.limit)).toBe(10);
    expect(describeIdleLimit(finding.limit)).toBe('forgets idle flows between 340 s and 350 s');
  });

  it('does not care about the order of answers', () => {
    const finding = idleLimitFrom(answers({ 400: 'lost', 340: 'answered', 350: 'lost', 300: 'answered' }));
    expect(finding.limit).toEqual({ kind: 'between', survivedSeconds: 340, forgottenSeconds: 350 });
  });

  it('all answered: no limit up to the longest probe', () => {
    const finding = idleLimitFrom(answers({ 100: 'answered', 900: 'answered' }));
    expect(finding.limit).toEqual({ kind: 'above', survivedSeconds: 900 });
    expect(idleLimitWidth(finding.limit)).toBe(Number.POSITIVE_INFINITY);
    expect(describeIdleLimit(finding.limit)).toMatch(/no idle limit up to 900 s/);
  });

  it('all lost: below the shortest', () => {
    const finding = idleLimitFrom(answers({ 100: 'lost', 200: 'lost' }));
    expect(finding.limit).toEqual({ kind: 'below', forgottenSeconds: 100 });
    expect(describeIdleLimit(finding.limit)).toMatch(/below 100 s/);
  });

  it('failed probes are set aside and listed; nothing else is inconclusive', () => {
    const finding = idleLimitFrom(answers({ 300: 'failed', 400: 'failed' }));
    expect(finding.limit).toEqual({ kind: 'inconclusive' });
    expect(finding.failed).toEqual([300, 400]);
    expect(describeIdleLimit(finding.limit)).toMatch(/no finding/);
    const mixed = idleLimitFrom(answers({ 300: 'answered', 340: 'failed', 350: 'lost' }));
    expect(mixed.limit).toEqual({ kind: 'between', survivedSeconds: 300, forgottenSeconds: 350 });
    expect(mixed.failed).toEqual([340]);
  });

  it('reports answers above the shortest lost probe as contradictions', () => {
    const finding = idleLimitFrom(answers({ 300: 'answered', 350: 'lost', 380: 'answered', 400: 'lost' }));
    expect(finding.limit).toEqual({ kind: 'between', survivedSeconds: 300, forgottenSeconds: 350 });
    expect(finding.contradictions).toEqual([380]);
  });

  it('describes fractions to the millisecond', () => {
    expect(describeIdleLimit({ kind: 'between', survivedSeconds: 20.4, forgottenSeconds: 21.0004 })).toBe(
      'forgets idle flows between 20.4 s and 21 s',
    );
  });
});

describe('calleeSeconds', () => {
  it('is the sum of the probe durations', () => {
    expect(calleeSeconds([300, 310, 320])).toBe(930);
    expect(calleeSeconds([0.1, 0.2])).toBe(0.3);
    expect(calleeSeconds([])).toBe(0);
  });
});
