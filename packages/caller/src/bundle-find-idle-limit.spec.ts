/**
 * The diagnostic event and the kernel facts through the BUILT bundle (dist/index.js) against the test-kit's
 * Invoke server, which answers probes up to 1.1 s after their duration and never answers longer ones (a
 * forgotten idle flow, as a keepalive-off client sees it). The bundle runs with a 10 s Lambda context.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Respond, sendJson, useBundleFixture } from '@lambda-keepalive/test-kit';
import type { FindIdleLimitResult } from './handler';

const THRESHOLD_SECONDS = 1.1;
const grid = { fromSeconds: 0.2, toSeconds: 2, stepSeconds: 0.2, marginSeconds: 0.5 };

const forgetsFlowsIdleOverThreshold: Respond = (invocation, res) => {
  const { durationSeconds } = JSON.parse(invocation.body) as { durationSeconds: number };
  if (durationSeconds > THRESHOLD_SECONDS) return;
  setTimeout(() => sendJson(res, 200, { sleptMs: durationSeconds * 1000 }), durationSeconds * 1000);
};

/** This host's values, read here on their own, to compare with what the bundle reports. */
function hostKernelValue(name: string): number | 'unknown' {
  try {
    const text = readFileSync(path.join('/proc/sys/net/ipv4', name), 'utf8').trim();
    return /^[0-9]+$/.test(text) ? Number(text) : 'unknown';
  } catch {
    return 'unknown';
  }
}

describe('built bundle: findIdleLimit diagnostic and kernel facts', () => {
  const fixture = useBundleFixture(path.join(__dirname, '../dist/index.js'));
  const hostKernel = {
    tcpKeepaliveTimeSeconds: hostKernelValue('tcp_keepalive_time'),
    tcpKeepaliveIntvlSeconds: hostKernelValue('tcp_keepalive_intvl'),
    tcpKeepaliveProbes: hostKernelValue('tcp_keepalive_probes'),
  };

  it("finds the server's threshold as the interval, with every probe, contradictions and callee-seconds", async () => {
    fixture.server.respond = forgetsFlowsIdleOverThreshold;
    const { outcome, logs } = await fixture.run({ CALLEE_FUNCTION_NAME: 'callee-fn' }, { findIdleLimit: grid });

    expect(outcome.outcome).toBe('result');
    const result = outcome.result as FindIdleLimitResult; // JSON of it, as the bundle printed it
    expect(result.findIdleLimit).toMatchObject({
      limit: { kind: 'between', survivedSeconds: 1, forgottenSeconds: 1.2 },
      finding: 'forgets idle flows between 1 s and 1.2 s',
      contradictions: [],
      failed: [],
      calleeSeconds: 11,
      grid,
    });
    const { probes } = result.findIdleLimit;
    expect(probes.map(({ durationSeconds }) => durationSeconds)).toEqual([
      0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2,
    ]);
    expect(probes.map(({ outcome: probeOutcome }) => probeOutcome)).toEqual([
      ...Array(5).fill('answered'),
      ...Array(5).fill('lost'),
    ]);
    for (const probe of probes) {
      const floorMs = (probe.durationSeconds + (probe.outcome === 'lost' ? grid.marginSeconds : 0)) * 1000;
      expect(probe.elapsedMs).toBeGreaterThanOrEqual(floorMs - 5);
    }
    // Concurrent: the whole run is about the longest probe's 2.5 s, not the 11 s of their sum.
    expect(result.elapsedMs).toBeLessThan(5000);
    expect(fixture.server.invocations).toHaveLength(10);
    expect(new Set(fixture.server.invocations.map(({ clientPort }) => clientPort)).size).toBe(10);
    expect(result.keepAlive).toMatchObject({ enabled: false });
    expect(result.kernel).toMatchObject(hostKernel);

    const start = logs.find((line) => line.message === 'start');
    expect(start).toMatchObject({ event: { findIdleLimit: { ...grid, probes: 10 } }, kernel: hostKernel });
    const diagnostic = logs.find((line) => line.message === 'diagnostic');
    expect(diagnostic).toMatchObject({ level: 'INFO', ...result.findIdleLimit });
    console.info(
      `bundle diagnostic: ${result.findIdleLimit.finding}; elapsed ${result.elapsedMs} ms; ` +
        `probes ${probes.map((p) => `${p.durationSeconds}:${p.outcome}:${p.elapsedMs}`).join(' ')}`,
    );
  }, 20_000);

  it('puts the kernel facts in the start line and the result of an ordinary invoke', async () => {
    const { outcome, logs } = await fixture.run({ CALLEE_FUNCTION_NAME: 'callee-fn' }, { durationSeconds: 0 });
    expect(outcome).toMatchObject({ outcome: 'result', result: { kernel: hostKernel } });
    const verdict = (outcome.result as { kernel: { soKeepAliveOnlySurvives350sIdle: unknown } }).kernel
      .soKeepAliveOnlySurvives350sIdle;
    expect(verdict).toBe(
      typeof hostKernel.tcpKeepaliveTimeSeconds === 'number' && typeof hostKernel.tcpKeepaliveIntvlSeconds === 'number'
        ? hostKernel.tcpKeepaliveTimeSeconds + hostKernel.tcpKeepaliveIntvlSeconds <= 340
        : 'unknown',
    );
    expect(logs[0]).toMatchObject({
      message: 'start',
      kernel: { ...hostKernel, soKeepAliveOnlySurvives350sIdle: verdict },
    });
  });

  it.each([
    [
      'an unknown key inside findIdleLimit',
      { findIdleLimit: { ...grid, resolution: 1 } },
      'event.findIdleLimit.resolution',
    ],
    ['more than 50 probes', { findIdleLimit: { ...grid, stepSeconds: 0.01 } }, 'event.findIdleLimit.stepSeconds'],
    [
      'a grid past the 10 s remaining time',
      { findIdleLimit: { ...grid, toSeconds: 9 } },
      'event.findIdleLimit.toSeconds',
    ],
    ['findIdleLimit mixed with a duration', { findIdleLimit: grid, durationSeconds: 1 }, 'event.durationSeconds'],
  ])('refuses %s before invoking anything (the server saw no request)', async (_label, event, field) => {
    const connectionsBefore = fixture.server.connectionPorts.length; // the fixture resets invocations only
    const { outcome, logs } = await fixture.run({ CALLEE_FUNCTION_NAME: 'callee-fn' }, event);
    expect(outcome).toMatchObject({
      outcome: 'error',
      name: 'InvalidCallerEventError',
      message: expect.stringContaining(`${field} `),
    });
    expect(fixture.server.invocations).toHaveLength(0);
    expect(fixture.server.connectionPorts).toHaveLength(connectionsBefore);
    expect(logs.at(-1)).toMatchObject({ message: 'error', errorName: 'InvalidCallerEventError', kernel: hostKernel });
  });
});
