/**
 * 200 concurrent long calls (400 s ≙ 24 s, past the 21 s NAT idle) from ONE caller process through the
 * NAT: all complete, each callee ran exactly once, the process exits by itself after the last one. ~50 s.
 */

import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { type LoadResult, runLoad } from '../src/faults/run-load';
import { resolveTimeScale } from '../src/harness/time-scale';

const timeScale = resolveTimeScale(0.06);
const lab = privilegeGate('faults load test', checkLabPrivileges);
let load: LoadResult | undefined;

beforeAll(async () => {
  if (lab.skipReason === undefined) load = await runLoad(timeScale, 200, 400);
  if (load)
    console.log(
      `load: wall ${load.wallMs} ms, caller peak ${load.callerPeakRssBytes} B, ` +
        `emulator peak ${load.emulatorPeakRssBytes} B`,
    );
}, 115_000);

lab.it('all 200 calls complete past the idle limit, each callee executed exactly once, nothing left open', () => {
  if (!load) throw new Error('the load run produced no result');
  expect(load.misses).toEqual([]);
  expect(load).toMatchObject({
    ok: 200,
    executions: 200,
    distinctRequestIds: 200,
    leakedResources: [],
    unhandledRejections: 0,
    namespacesLeft: [],
  });
  expect(load.exitAfterSettleMs).toBeLessThanOrEqual(1_000);
  // The calls really outlived the NAT idle: survival is keepalive's doing.
  expect(load.wallMs).toBeGreaterThan(timeScale.natIdleSeconds * 1000);
});
