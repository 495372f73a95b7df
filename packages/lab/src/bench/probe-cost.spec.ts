/**
 * The keepalive idle trade-off: probes, bytes, detection bounds and headroom per idle, idles Node cannot set
 * refused, and probe exchanges counted from forwarded packets.
 */
import { COMPARED_IDLE_SECONDS, idleCost, probeExchanges } from './probe-cost';

describe('probe cost', () => {
  it('prices an idle: probes per hour, bytes, detection bounds and headroom to 350 s', () => {
    expect(idleCost(60, 104)).toEqual({
      idleSeconds: 60,
      probesPerHour: 60,
      bytesPerHour: 6240,
      detectForgetSeconds: 60,
      detectBlackholeSeconds: 70,
      headroomSeconds: 290,
    });
    expect(idleCost(1, 104).probesPerHour).toBe(3600);
    expect(idleCost(300, 104)).toMatchObject({ probesPerHour: 12, headroomSeconds: 50 });
    expect(COMPARED_IDLE_SECONDS).toEqual([1, 60, 300]);
  });

  it('rejects idles Node cannot set and non-positive probe sizes', () => {
    expect(() => idleCost(0.5, 104)).toThrow(/idleSeconds: 0.5 is invalid/);
    expect(() => idleCost(60, 0)).toThrow(/bytesPerProbeExchange: 0/);
  });

  it('counts probe exchanges as the extra packets over the same call without keepalive, two per exchange', () => {
    expect(probeExchanges({ packets: 40, bytes: 4000 }, { packets: 20, bytes: 2960 })).toEqual({
      exchanges: 10,
      bytesPerExchange: 104,
    });
    expect(probeExchanges({ packets: 20, bytes: 2960 }, { packets: 20, bytes: 2960 })).toBeUndefined();
  });
});
