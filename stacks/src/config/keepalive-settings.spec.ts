/**
 * keepAliveEnvironment: the caller's KEEPALIVE and KEEPALIVE_* variables with the client's defaults, literal
 * values checked with the client's rules (the probe interval bounded by 340 - idle), tokens passed through.
 */
import { TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import { InvalidStackOptionError } from '../errors';
import { keepAliveEnvironment } from './keepalive-settings';

describe('keepAliveEnvironment', () => {
  it('fills the defaults: on, idle 60 s, probes every 5 s, 6 of them', () => {
    expect(keepAliveEnvironment('c', {})).toEqual({
      KEEPALIVE: 'on',
      KEEPALIVE_IDLE_SECONDS: '60',
      KEEPALIVE_PROBE_INTERVAL_SECONDS: '5',
      KEEPALIVE_PROBE_COUNT: '6',
    });
    expect(keepAliveEnvironment('c', { keepalive: false, keepaliveIdleSeconds: 300 })).toMatchObject({
      KEEPALIVE: 'off',
      KEEPALIVE_IDLE_SECONDS: '300',
    });
  });

  it.each([
    [{ keepaliveIdleSeconds: 341 }, 'c.keepaliveIdleSeconds', 'an integer from 1 to 340'],
    [{ keepaliveIdleSeconds: 0 }, 'c.keepaliveIdleSeconds', 'an integer from 1 to 340'],
    [
      { keepaliveIdleSeconds: 300, keepaliveProbeIntervalSeconds: 41 },
      'c.keepaliveProbeIntervalSeconds',
      'an integer from 1 to 40',
    ],
    [{ keepaliveProbeIntervalSeconds: 0 }, 'c.keepaliveProbeIntervalSeconds', 'an integer from 1 to 280'],
    [{ keepaliveProbeCount: 128 }, 'c.keepaliveProbeCount', 'an integer from 1 to 127'],
    [{ keepaliveProbeCount: 2.5 }, 'c.keepaliveProbeCount', 'an integer from 1 to 127'],
  ])('refuses %j, naming %s', (input, field, rule) => {
    expect(() => keepAliveEnvironment('c', input)).toThrow(
      new InvalidStackOptionError(field, Object.values(input).at(-1), rule),
    );
  });

  it('accepts the bounds: idle 300 with interval 40, count 127', () => {
    expect(
      keepAliveEnvironment('c', {
        keepaliveIdleSeconds: 300,
        keepaliveProbeIntervalSeconds: 40,
        keepaliveProbeCount: 127,
      }),
    ).toMatchObject({ KEEPALIVE_PROBE_INTERVAL_SECONDS: '40', KEEPALIVE_PROBE_COUNT: '127' });
  });

  it('turns variables into references and a boolean variable into a conditional', () => {
    const json = Testing.synthScope((scope) => {
      const on = new TerraformVariable(scope, 'on', { type: 'bool' });
      const idle = new TerraformVariable(scope, 'idle', { type: 'number' });
      new TerraformVariable(scope, 'probe', { type: 'number' });
      const environment = keepAliveEnvironment('c', {
        keepalive: on.booleanValue,
        keepaliveIdleSeconds: idle.numberValue,
        keepaliveProbeIntervalSeconds: 10,
      });
      new TerraformOutput(scope, 'out', { value: environment });
    });
    expect(JSON.parse(json).output.out.value).toEqual({
      KEEPALIVE: '${var.on ? "on" : "off"}',
      KEEPALIVE_IDLE_SECONDS: '${var.idle}',
      // A literal interval next to a variable idle is checked against the widest bound, 1..339.
      KEEPALIVE_PROBE_INTERVAL_SECONDS: '10',
      KEEPALIVE_PROBE_COUNT: '6',
    });
  });
});
