/** Kernel profiles: linux-default is the kernel's own, low follows the time scale and stays under the NAT idle. */
import { kernelProfileSettings } from './kernel-profiles';
import { resolveTimeScale } from './time-scale';

describe('kernel profiles', () => {
  it('linux-default is 7200/75/9 at any scale', () => {
    for (const scale of [0.06, 1]) {
      expect(kernelProfileSettings('linux-default', resolveTimeScale(scale))).toEqual({
        timeSeconds: 7200,
        intervalSeconds: 75,
        probes: 9,
      });
    }
  });

  it('low is the scaled shipped keepalive, its first probe well before the NAT forgets the flow', () => {
    const timeScale = resolveTimeScale(0.06);
    expect(kernelProfileSettings('low', timeScale)).toEqual({ timeSeconds: 4, intervalSeconds: 1, probes: 6 });
    expect(kernelProfileSettings('low', resolveTimeScale(1))).toEqual({
      timeSeconds: 60,
      intervalSeconds: 5,
      probes: 6,
    });
    expect(kernelProfileSettings('low', timeScale).timeSeconds).toBeLessThan(timeScale.natIdleSeconds);
  });
});
