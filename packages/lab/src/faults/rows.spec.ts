/**
 * The faults matrix: detection bounds from the keepalive physics (the kernel's timer wheel at this HZ, the
 * runtime's probe settings), a valid too-long keepalive, both paths covered with unique ids and function
 * names, and no injected fault in shared sessions.
 */
import { resolveTimeScale } from '../harness/time-scale';
import { buildBadInputRows } from './bad-input-rows';
import { buildFaultRows, DETECTION_SLACK_MS, ERROR_PATH_SLACK_MS, type FaultRow } from './rows';
import { faultFunctionName } from './run-row';

const timeScale = resolveTimeScale(0.06); // NAT idle 21 s, keepalive idle 4 s, probes 1 s × 6
const rows = buildFaultRows(timeScale, { kernelHz: 250, probesHonoured: true });
const libuvRows = buildFaultRows(timeScale, { kernelHz: 250, probesHonoured: false });
const rowIn = (table: FaultRow[], id: string): FaultRow => {
  const found = table.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no fault row ${id}`);
  return found;
};
const row = (id: string): FaultRow => rowIn(rows, id);

test('a forgotten flow: the next probe (idle + the wheel, HZ 250: at most 4.252 s) + slack', () => {
  expect(row('forget-flow/nat').expect.detectionBoundMs).toBe(4_252 + DETECTION_SLACK_MS);
  expect(rowIn(libuvRows, 'forget-flow/nat').expect.detectionBoundMs).toBe(4_252 + DETECTION_SLACK_MS);
});

test('a blackhole: the next probe + count unanswered probes, on the wheel, + the error path', () => {
  // Node >= 24.19: 1 s × 6 → 4.252 + 6.152 = 10.404 s, within the goal idle + interval × count + 1 s = 11 s.
  expect(row('blackhole-long/endpoint').expect.detectionBoundMs).toBe(10_404 + ERROR_PATH_SLACK_MS);
  expect(row('blackhole-long/endpoint').expect.detectionBoundMs).toBeLessThanOrEqual((4 + 1 * 6 + 1) * 1000);
  // Node 22 keeps libuv's 1 s × 10: 4.252 + 10.248 = 14.5 s.
  expect(rowIn(libuvRows, 'blackhole-long/nat').expect.detectionBoundMs).toBe(14_500 + ERROR_PATH_SLACK_MS);
});

test('a short blackhole drops probes but ends inside the probe budget, on every runtime', () => {
  for (const table of [rows, libuvRows]) {
    const short = rowIn(table, 'blackhole-short/nat');
    expect(short.env).toEqual({ KEEPALIVE_IDLE_SECONDS: '1' }); // a probe about every 1.032 s at most
    expect(short.plan).toMatchObject({ kind: 'blackhole', untilError: false });
    if (short.plan.kind !== 'blackhole') throw new Error('not a blackhole plan');
    expect(short.plan.holdMs).toBeGreaterThanOrEqual(2 * 1_032); // at least two probes fall inside it
    expect(short.plan.holdMs).toBeLessThan((6 - 1) * 1_000); // the 6th probe of the budget gets through
  }
});

test('keepalive above the NAT idle: the first probe (25 s + the wheel: 27.048 s after connect) + error path', () => {
  expect(row('keepalive-over-nat-idle/nat').expect).toMatchObject({
    detectionBoundMs: 27_048 + ERROR_PATH_SLACK_MS,
    detectionMinMs: 21_000,
    measuredFrom: 'callee-start',
  });
});

test('an unknown HZ takes the worst a kernel offers: never a tighter bound than HZ 250', () => {
  const unknown = buildFaultRows(timeScale, { kernelHz: undefined, probesHonoured: true });
  for (const id of ['forget-flow/nat', 'blackhole-long/nat', 'keepalive-over-nat-idle/nat']) {
    expect(rowIn(unknown, id).expect.detectionBoundMs).toBeGreaterThanOrEqual(row(id).expect.detectionBoundMs ?? 0);
  }
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
