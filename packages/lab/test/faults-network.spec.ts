/**
 * Middlebox faults through both paths, each row in its own lab (a forget/blackhole hits every flow of a
 * middlebox), all rows at once, the caller on the default runtime. Default scale 0.06: NAT idle 21 s,
 * keepalive idle 4 s, probes 1 s × 6 where the runtime's Node applies them (libuv's 1 s × 10 where not). ~35 s.
 */

import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { buildFaultRows } from '../src/faults/rows';
import { rowPhysics, runFaultRows } from '../src/faults/run';
import type { FaultRowResult } from '../src/faults/run-row';
import { keepaliveTimingBounds, shippedClientKeepAlive } from '../src/harness/keepalive-timers';
import { resolveTimeScale } from '../src/harness/time-scale';
import { expectRowMet, resultOf } from './support/faults';

const timeScale = resolveTimeScale(0.06);
const physics = rowPhysics(DEFAULT_RUNTIME);
const client = shippedClientKeepAlive(timeScale, physics.probesHonoured);
const kernel = keepaliveTimingBounds(client, physics.kernelHz);
const rows = buildFaultRows(timeScale, physics).filter((row) => /^(forget-flow|blackhole|keepalive-over)/.test(row.id));
const lab = privilegeGate('faults network tests', checkLabPrivileges);
let results: FaultRowResult[] = [];

beforeAll(async () => {
  if (lab.skipReason === undefined) results = await runFaultRows(rows, timeScale);
}, 110_000);

describe.each(['nat', 'endpoint'])('through the %s path', (path) => {
  lab.it(
    "NAT forgets the flow: ConnectionLostError within the next probe (the kernel's worst case) + 2 s, callee ran once",
    () => {
      const result = resultOf(results, `forget-flow/${path}`);
      expectRowMet(result);
      expect(result.measured.error?.name).toBe('ConnectionLostError');
      expect(result.measured.detectionMs).toBeLessThanOrEqual(kernel.nextProbeMaxMs + 2_000);
      expect(result.measured.executions).toBe(1);
    },
  );

  lab.it(
    'long blackhole: ConnectionLostError after count unanswered probes, within the next probe + count × interval',
    () => {
      const result = resultOf(results, `blackhole-long/${path}`);
      expectRowMet(result);
      expect(result.measured.detectionMs).toBeLessThanOrEqual(kernel.blackholeDeathMaxMs + 500);
      // The kernel gives up only after `count` probes went unanswered, `interval` apart, from the blackhole on:
      // 6 × 1 s where Node applies the client's probe settings (24/26), libuv's 10 × 1 s on 22.
      expect(result.measured.detectionMs).toBeGreaterThanOrEqual(client.count * client.intervalSeconds * 1000);
    },
  );

  lab.it('short blackhole (probes lost, fewer than the budget): the call completes normally, once', () => {
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
