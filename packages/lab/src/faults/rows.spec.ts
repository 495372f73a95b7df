/**
 * The faults matrix: detection bounds from the keepalive physics, a valid too-long keepalive, both paths
 * covered with unique ids and function names, and no injected fault in shared sessions.
 */
import { resolveTimeScale } from '../harness/time-scale';
import { buildBadInputRows } from './bad-input-rows';
import { buildFaultRows, DETECTION_SLACK_MS, type FaultRow } from './rows';
import { faultFunctionName } from './run-row';

const timeScale = resolveTimeScale(0.06); // NAT idle 21 s, keepalive idle 4 s
const rows = buildFaultRows(timeScale);
const row = (id: string): FaultRow => {
  const found = rows.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no fault row ${id}`);
  return found;
};

test('bounds follow the keepalive physics: idle + slack for RST, idle + 10 probes + 1 s for a blackhole', () => {
  expect(row('forget-flow/nat').expect.detectionBoundMs).toBe(4_000 + DETECTION_SLACK_MS);
  expect(row('blackhole-long/endpoint').expect.detectionBoundMs).toBe(15_000);
  const short = row('blackhole-short/nat').plan;
  // Longer than the idle (a probe is lost), shorter than the 10 × 1 s left in the worst phase.
  expect(short).toMatchObject({ kind: 'blackhole', untilError: false });
  if (short.kind === 'blackhole') expect(short.holdMs).toBeGreaterThan(4_000);
  if (short.kind === 'blackhole') expect(short.holdMs).toBeLessThan(10_000);
});

test('the too-long keepalive is a VALID client value (≤ 340) above the NAT idle', () => {
  const idle = Number(row('keepalive-over-nat-idle/nat').env?.KEEPALIVE_IDLE_SECONDS);
  expect(idle).toBeGreaterThan(timeScale.natIdleSeconds);
  expect(idle).toBeLessThanOrEqual(340);
});

test('path-dependent rows exist for both paths; ids and function names are unique and valid', () => {
  for (const prefix of ['forget-flow', 'blackhole-long', 'blackhole-short', 'keepalive-over-nat-idle']) {
    expect(
      rows.filter((candidate) => candidate.id.startsWith(`${prefix}/`)).map((candidate) => candidate.path),
    ).toEqual(['nat', 'endpoint']);
  }
  const all = [...rows, ...buildBadInputRows(timeScale)];
  const names = all.map(faultFunctionName);
  expect(new Set(names).size).toBe(all.length);
  for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
});

test('rows sharing a session inject no fault; every bad input expects zero executions', () => {
  const byKey = new Map<string, number>();
  for (const candidate of [...rows, ...buildBadInputRows(timeScale)])
    byKey.set(candidate.sessionKey, (byKey.get(candidate.sessionKey) ?? 0) + 1);
  for (const candidate of rows)
    if ((byKey.get(candidate.sessionKey) ?? 0) > 1) expect(candidate.plan.kind).toBe('none');
  expect(buildBadInputRows(timeScale).every((candidate) => candidate.expect.executions === 0)).toBe(true);
});
