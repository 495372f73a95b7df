/**
 * resolveTimeScale: real numbers at scale 1, a whole-second NAT idle with the scale snapped to it, keepalive
 * at least 1 s, room for the 900 s cell, and scales that cannot work refused.
 */
import { InvalidLabInputError } from '../lab-errors';
import {
  CALLEE_TIMEOUT_ALLOWANCE_MS,
  CALLER_TIMEOUT_ALLOWANCE_MS,
  DEFAULT_SCALE,
  LAB_MAX_FUNCTION_TIMEOUT_SECONDS,
  resolveTimeScale,
  toLabSeconds,
  toRealSeconds,
  withNatIdle,
} from './time-scale';

describe('resolveTimeScale', () => {
  it('runs the real numbers at scale 1', () => {
    const scale = resolveTimeScale(1);
    expect(scale).toEqual({
      requestedScale: 1,
      scale: 1,
      natIdleSeconds: 350,
      natIdleRealSeconds: 350,
      keepAliveIdleSeconds: 60,
      keepAliveProbeIntervalSeconds: 5,
      keepAliveProbeCount: 6,
      callerTimeoutMs: 900_000 + CALLER_TIMEOUT_ALLOWANCE_MS,
      calleeTimeoutSeconds: 900 + CALLEE_TIMEOUT_ALLOWANCE_MS / 1000,
    });
    expect(toLabSeconds(scale, 400)).toBe(400);
    // The emulator is told to accept it (--scale 1 once failed: 901 s > Lambda's 900 s maximum).
    expect(scale.calleeTimeoutSeconds).toBeLessThanOrEqual(LAB_MAX_FUNCTION_TIMEOUT_SECONDS);
  });

  it('uses whole-second NAT idle and snaps the scale to it so 350 s stays the limit', () => {
    const scale = resolveTimeScale(0.05); // 350 × 0.05 = 17.5 → 18 s
    expect(scale.natIdleSeconds).toBe(18);
    expect(scale.scale).toBeCloseTo(18 / 350, 12);
    expect(toRealSeconds(scale, scale.natIdleSeconds * 1000)).toBeCloseTo(350, 9);
    expect(toLabSeconds(scale, 360)).toBeGreaterThan(scale.natIdleSeconds);
    expect(toLabSeconds(scale, 340)).toBeLessThan(scale.natIdleSeconds);
  });

  it('keeps the keepalive idle at least 1 s (Node granularity) and well under the NAT idle', () => {
    const scale = resolveTimeScale(0.02);
    expect(scale.natIdleSeconds).toBe(7);
    expect(scale.keepAliveIdleSeconds).toBe(1);
    expect(scale.calleeTimeoutSeconds).toBeCloseTo(18 + CALLEE_TIMEOUT_ALLOWANCE_MS / 1000, 9);
    expect(scale.callerTimeoutMs).toBe(18_000 + CALLER_TIMEOUT_ALLOWANCE_MS);
    expect(resolveTimeScale(0.2).keepAliveIdleSeconds).toBe(12);
  });

  it('scales the probe interval like the idle (at least 1 s, TCP_KEEPINTVL is whole seconds) but not the count', () => {
    expect(resolveTimeScale(DEFAULT_SCALE)).toMatchObject({ keepAliveProbeIntervalSeconds: 1, keepAliveProbeCount: 6 });
    expect(resolveTimeScale(0.5)).toMatchObject({ keepAliveProbeIntervalSeconds: 3, keepAliveProbeCount: 6 });
  });

  it(
    'gives the callee of the 900 s cell room for its remaining-time margin, ' + 'and the caller room to wait for it',
    () => {
      const scale = resolveTimeScale(DEFAULT_SCALE);
      expect(scale.natIdleSeconds).toBe(21);
      expect(scale.keepAliveIdleSeconds).toBe(4);
      // callee: 900·s of sleep + its 500 ms margin must fit; caller: that + its 1 s deadline margin.
      expect(scale.calleeTimeoutSeconds * 1000).toBeGreaterThanOrEqual(900 * scale.scale * 1000 + 500);
      expect(scale.callerTimeoutMs).toBeGreaterThan(scale.calleeTimeoutSeconds * 1000 + 1000);
    },
  );

  it(
    'rejects a scale whose NAT idle cannot stay several seconds above the keepalives, ' + 'naming the smallest scale',
    () => {
      expect(() => resolveTimeScale(0.01)).toThrow(InvalidLabInputError);
      expect(() => resolveTimeScale(0.01)).toThrow(
        /scale: 0.01 is invalid: .*NAT idle of 4 s.*smallest scale .* is 0.02/,
      );
      // 6 s would leave 5 s over the client's 1 s keepalive but only 2 s over the SDK's first probe at 3 + 1 s.
      expect(() => resolveTimeScale(6 / 350)).toThrow(/SDK's own keepalive/);
      expect(() => resolveTimeScale(0.0186)).not.toThrow();
    },
  );

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects scale %p outside (0, 1]', (value) => {
    expect(() => resolveTimeScale(value)).toThrow(/scale: .* must be a number in \(0, 1\]/);
  });
});

describe('withNatIdle (--nat-idle: another middlebox idle)', () => {
  const field = '--nat-idle';

  it('keeps the scale and rounds the modelled idle to whole lab seconds', () => {
    const base = resolveTimeScale(DEFAULT_SCALE);
    const modelled = withNatIdle(base, 300, { field, keepAliveHeadroom: true });
    expect(modelled).toEqual({ ...base, natIdleSeconds: 18, natIdleRealSeconds: 300 });
    // 310 × 0.06 = 18.6 → 19 s, which models 316.67 s: the rounding is reported, not hidden.
    expect(withNatIdle(base, 310, { field, keepAliveHeadroom: true }).natIdleRealSeconds).toBeCloseTo(316.667, 3);
  });

  it('refuses values outside (0, 6000] and idles below one lab second', () => {
    const base = resolveTimeScale(DEFAULT_SCALE);
    expect(() => withNatIdle(base, 0, { field, keepAliveHeadroom: false })).toThrow(/--nat-idle: 0 .*\(0, 6000\]/);
    expect(() => withNatIdle(base, 6001, { field, keepAliveHeadroom: false })).toThrow(/\(0, 6000\]/);
    expect(() => withNatIdle(base, 5, { field, keepAliveHeadroom: false })).toThrow(/NAT idle of 0 s .*raise --scale/);
  });

  it('requires headroom over the keepalive only where keepalive clients run', () => {
    const base = resolveTimeScale(DEFAULT_SCALE); // keepalive idle 4 s
    expect(() => withNatIdle(base, 100, { field, keepAliveHeadroom: true })).toThrow(/3 s above every keepalive/);
    expect(withNatIdle(base, 100, { field, keepAliveHeadroom: false }).natIdleSeconds).toBe(6);
  });
});
