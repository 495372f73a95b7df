/**
 * Middlebox faults through both paths, each row in its own lab (a forget/blackhole hits every flow of a
 * middlebox), all rows at once. Default scale 0.06: NAT idle 21 s, keepalive idle 4 s. ~35 s.
 */

import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { buildFaultRows } from '../src/faults/rows';
import { rowPhysics, runFaultRows } from '../src/faults/run';
import type { FaultRowResult } from '../src/faults/run-row';
import { resolveTimeScale } from '../src/harness/time-scale';
import { expectRowMet, resultOf } from './support/faults';

const timeScale = resolveTimeScale(0.06);
const rows = buildFaultRows(timeScale, rowPhysics(DEFAULT_RUNTIME)).filter((row) =>
  /^(forget-flow|blackhole|keepalive-over)/.test(row.id),
);
const lab = privilegeGate('faults network tests', checkLabPrivileges);
let results: FaultRowResult[] = [];

beforeAll(async () => {
  if (lab.skipReason === undefined) results = await runFaultRows(rows, timeScale);
}, 110_000);

describe.each(['nat', 'endpoint'])('through the %s path', (path) => {
  lab.it(
    'NAT forgets the flow: ConnectionLostError within keepalive idle + 2 s of the deletion, callee ran once',
    () => {
      const result = resultOf(results, `forget-flow/${path}`);
      expectRowMet(result);
      expect(result.measured.error?.name).toBe('ConnectionLostError');
      expect(result.measured.detectionMs).toBeLessThanOrEqual(timeScale.keepAliveIdleSeconds * 1000 + 2_000);
      expect(result.measured.executions).toBe(1);
    },
  );

  lab.it(
    'long blackhole: ConnectionLostError within idle + 11 s (10 unanswered probes), not before the first probe',
    () => {
      const result = resultOf(results, `blackhole-long/${path}`);
      expectRowMet(result);
      expect(result.measured.detectionMs).toBeLessThanOrEqual(timeScale.keepAliveIdleSeconds * 1000 + 11_000);
      // The kernel gives up only after its probes went unanswered: at least 10 × 1 s after the blackhole began.
      expect(result.measured.detectionMs).toBeGreaterThanOrEqual(10_000);
    },
  );

  lab.it('short blackhole (a probe lost, fewer than 10): the call completes normally, once', () => {
    const result = resultOf(results, `blackhole-short/${path}`);
    expectRowMet(result);
    expect(result.measured.outcome).toBe('ok');
    expect(result.measured.attempts).toBe(1);
  });

  lab.it('keepalive idle ≥ NAT idle: ConnectionLostError after the NAT forgot the flow, NOT retried', () => {
    const result = resultOf(results, `keepalive-over-nat-idle/${path}`);
    expectRowMet(result);
    expect(result.measured.detectionMs).toBeGreaterThanOrEqual(timeScale.natIdleSeconds * 1000);
    expect(result.measured.executions).toBe(1);
  });
});

lab.it('every lab of the run is gone and no caller left a socket or timer open', () => {
  expect(results).toHaveLength(rows.length);
  for (const { measured } of results) {
    expect(measured.hygiene).toMatchObject({
      namespacesLeft: [],
      leakedResources: [],
      unhandledRejection: false,
      exitCode: 0,
    });
  }
});
