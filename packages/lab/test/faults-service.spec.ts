/**
 * Service-side faults, callee errors, deadlines and bad input, through the REAL caller bundle in the lab
 * (nat path: the path does not change these). Rows that kill or reset the emulator get their own lab;
 * the others share one. ~15 s.
 */

import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { buildBadInputRows } from '../src/faults/bad-input-rows';
import { buildFaultRows } from '../src/faults/rows';
import { rowPhysics, runFaultRows } from '../src/faults/run';
import type { FaultRowResult } from '../src/faults/run-row';
import { resolveTimeScale } from '../src/harness/time-scale';
import { expectRowMet, resultOf } from './support/faults';

const timeScale = resolveTimeScale(0.06);
const faultRows = buildFaultRows(timeScale, rowPhysics(DEFAULT_RUNTIME)).filter(
  (row) => row.path === 'nat' && !/^(forget-flow|blackhole|keepalive-over)/.test(row.id),
);
const badInputRows = buildBadInputRows(timeScale);
const lab = privilegeGate('faults service tests', checkLabPrivileges);
let results: FaultRowResult[] = [];

beforeAll(async () => {
  if (lab.skipReason === undefined) results = await runFaultRows([...faultRows, ...badInputRows], timeScale);
}, 110_000);

lab.it('service resets mid-call: ConnectionLostError at once, not retried', () => {
  const result = resultOf(results, 'service-reset/nat');
  expectRowMet(result);
  expect(result.measured.detectionMs).toBeLessThanOrEqual(2_000);
});

lab.it('emulator killed mid-call: a clear ConnectionLostError, not retried (1 execution before it died)', () => {
  expectRowMet(resultOf(results, 'service-killed/nat'));
});

lab.it('429 twice then capacity: retried after each Retry-After, succeeds, callee ran once', () => {
  const result = resultOf(results, 'throttled-twice/nat');
  expectRowMet(result);
  expect(result.measured.attempts).toBe(3);
  expect(result.measured.emulatorEventCount).toBe(2);
  expect(result.measured.detectionMs).toBeGreaterThanOrEqual(2_000);
});

lab.it('service down before the call: ServiceUnreachableError after 4 bounded attempts, nothing ran', () => {
  const result = resultOf(results, 'service-down/nat');
  expectRowMet(result);
  expect(result.measured.error?.message).toContain('after 4 attempt(s)');
});

lab.it('callee throws: CalleeFunctionError with the callee type and message, not retried', () => {
  const result = resultOf(results, 'callee-throws/nat');
  expectRowMet(result);
  expect(result.measured.error?.message).toContain('CalleeRequestedFailureError: the event asked the callee to fail');
});

lab.it('callee exceeds its timeout: CalleeFunctionError carrying "Task timed out"', () => {
  expectRowMet(resultOf(results, 'callee-timeout/nat'));
});

lab.it(
  "caller deadline shorter than the callee: DeadlineExceededError before the caller's own timeout, process exits",
  () => {
    const result = resultOf(results, 'caller-deadline/nat');
    expectRowMet(result);
    expect(result.measured.outcome).toBe('error'); // not the Lambda-like 'timeout'
    expect(result.measured.detectionMs).toBeLessThan(result.row.callerTimeoutMs);
  },
);

it.each(badInputRows.map((row) => [row.id, row] as const))(
  '%s: a clear error naming the field and rule, zero invocations',
  (id) => {
    if (lab.skipReason !== undefined) return;
    const result = resultOf(results, id);
    expectRowMet(result);
    expect(result.measured.executions).toBe(0);
  },
);
