/**
 * driverCommandFor: each client's driver, environment and path URL, keepalive on or off as the client says,
 * and nothing of the runner's AWS profile or NODE_OPTIONS passed on.
 */
import { driverSetting } from '../../test/support/driver-setting';
import { driverCommandFor } from './driver-command';

const setting = driverSetting(0.02, {
  PATH: '/usr/bin',
  AWS_PROFILE: 'prod',
  KEEPALIVE: 'off',
  NODE_OPTIONS: '--inspect',
  HOME: '/root',
});

describe('driverCommandFor', () => {
  it('runs the shipped caller with keepalive on and the scaled idle, through the path URL', () => {
    const command = driverCommandFor({ path: 'endpoint', client: 'keepalive-client', durationSeconds: 400 }, setting);
    expect(command.command).toBe('/usr/bin/node');
    expect(command.args[0]).toBe('/lab/dist/harness/drivers/caller-driver.js');
    expect(JSON.parse(command.args[1] ?? '')).toEqual({
      durationSeconds: 8,
      timeoutMs: setting.timeScale.callerTimeoutMs,
    });
    expect(command.env).toMatchObject({
      AWS_ENDPOINT_URL_LAMBDA: 'https://198.18.1.20:443',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'lab',
      AWS_SECRET_ACCESS_KEY: 'lab',
      NODE_EXTRA_CA_CERTS: '/tmp/lab-ca.pem',
      CALLEE_FUNCTION_NAME: 'callee-endpoint-keepalive-client-400s',
      KEEPALIVE: 'on',
      KEEPALIVE_IDLE_SECONDS: '1',
      KEEPALIVE_PROBE_INTERVAL_SECONDS: '1',
      KEEPALIVE_PROBE_COUNT: '6',
      PATH: '/usr/bin',
    });
  });

  it(
    'turns keepalive off for the keepalive-off client ' + 'and leaves the SDK clients without any KEEPALIVE variable',
    () => {
      const off = driverCommandFor({ path: 'nat', client: 'keepalive-off', durationSeconds: 360 }, setting);
      expect(off.env.KEEPALIVE).toBe('off');
      expect(off.env.KEEPALIVE_IDLE_SECONDS).toBeUndefined();
      expect(off.env.KEEPALIVE_PROBE_COUNT).toBeUndefined();
      for (const [client, mode] of [
        ['sdk-default', 'default'],
        ['sdk-own-agent', 'own-agent'],
      ] as const) {
        const sdk = driverCommandFor({ path: 'nat', client, durationSeconds: 100 }, setting);
        expect(sdk.args[0]).toBe('/lab/dist/harness/drivers/sdk-driver.js');
        expect(sdk.args[2]).toBe(mode);
        expect(sdk.env.KEEPALIVE).toBeUndefined();
        expect(sdk.env.AWS_ENDPOINT_URL_LAMBDA).toBe('https://198.18.3.10:443');
      }
    },
  );

  it('does not leak the runner AWS profile or NODE_OPTIONS into a driver', () => {
    const command = driverCommandFor({ path: 'nat', client: 'sdk-default', durationSeconds: 100 }, setting);
    expect(command.env.AWS_PROFILE).toBeUndefined();
    expect(command.env.NODE_OPTIONS).toBeUndefined();
    expect(command.env.HOME).toBe('/root');
  });
});
