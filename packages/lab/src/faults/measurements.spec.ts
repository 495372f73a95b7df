/**
 * judgeFaultRow: a row within its bound with clean hygiene passes, each way to miss is named; referenceTime
 * is the fault's moment unless the row says otherwise.
 */
import { resolveTimeScale } from '../harness/time-scale';
import { type FaultRowMeasurement, judgeFaultRow, referenceTime } from './measurements';
import { buildFaultRows, type FaultRow } from './rows';

const rows = buildFaultRows(resolveTimeScale(0.06), { kernelHz: 250, probesHonoured: true });
const row = (id: string): FaultRow => {
  const found = rows.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no fault row ${id}`);
  return found;
};
const forget = row('forget-flow/nat');
const clean: FaultRowMeasurement['hygiene'] = {
  exitCode: 0,
  exitAfterSettleMs: 10,
  leakedResources: [],
  unhandledRejection: false,
  namespacesLeft: [],
};
const lost = (detectionMs: number, extra: Partial<FaultRowMeasurement> = {}): FaultRowMeasurement => ({
  outcome: 'error',
  error: { name: 'ConnectionLostError', message: 'connection lost after 1 ms; not retried because…' },
  executions: 1,
  detectionMs,
  hygiene: clean,
  ...extra,
});

test('a row within its bound with clean hygiene passes', () => {
  expect(judgeFaultRow(forget, lost(2_100))).toEqual([]);
});

test('each way to miss is named: too slow, ran twice, wrong error, lingering process, leftovers', () => {
  expect(judgeFaultRow(forget, lost(6_500))).toEqual(['took 6500 ms, bound 6252 ms']); // 4.252 s next probe + 2 s slack
  expect(judgeFaultRow(forget, lost(1_000, { executions: 2 }))).toEqual(['executions 2, expected 1']);
  expect(
    judgeFaultRow(forget, { ...lost(1_000), outcome: 'timeout', error: undefined, detectionMs: undefined }),
  ).toEqual([
    'expected error, got timeout',
    'expected ConnectionLostError, got no error',
    'error message lacks "not retried"',
    'no detection time measured',
  ]);
  expect(
    judgeFaultRow(
      forget,
      lost(1_000, {
        hygiene: {
          ...clean,
          exitAfterSettleMs: undefined,
          leakedResources: ['Timeout'],
          unhandledRejection: true,
          namespacesLeft: ['lk-x-vpc'],
        },
      }),
    ),
  ).toEqual([
    'process did not exit by itself within 1000 ms of the handler settling (undefined ms)',
    'left open after the handler returned: Timeout',
    'unhandled rejection in the caller process',
    'namespaces left: lk-x-vpc',
  ]);
});

test('the reference time is the fault unless the row says otherwise', () => {
  const times = {
    fault: { fault: 'forget-flows' as const, at: 5, appliedAt: 6, detail: '' },
    calleeStartAt: 3,
    handlerStartAt: 1,
  };
  expect(referenceTime(forget, times)).toBe(5);
  expect(referenceTime(row('keepalive-over-nat-idle/nat'), times)).toBe(3);
  expect(referenceTime(row('caller-deadline/nat'), times)).toBe(1);
});
