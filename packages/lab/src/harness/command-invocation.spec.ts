/**
 * commandClientInvocation: the standard environment (also in the variables older SDKs and the AWS CLI
 * read), the declaration's env on top, argv placeholders filled per cell, nothing of the runner's AWS_*.
 */
import { driverSetting } from '../../test/support/driver-setting';
import { commandClientInvocation } from './command-invocation';

const setting = driverSetting(0.06, {
  PATH: '/usr/bin',
  AWS_PROFILE: 'prod',
  AWS_CONFIG_FILE: '/root/.aws/config',
  HOME: '/root',
});

describe('commandClientInvocation', () => {
  const cell = { path: 'endpoint', client: 'my-cli', kernelProfile: 'low', durationSeconds: 400 } as const;

  it('fills the placeholders for the cell', () => {
    const invocation = commandClientInvocation(
      {
        name: 'my-cli',
        argv: [
          '/usr/bin/aws',
          '--endpoint-url',
          '{endpointUrl}',
          '--function-name',
          '{functionName}',
          '{payload}',
          't={timeoutSeconds}',
        ],
      },
      cell,
      setting,
    );
    expect(invocation.command).toBe('/usr/bin/aws');
    expect(invocation.args).toEqual([
      '--endpoint-url',
      'https://198.18.1.20:443',
      '--function-name',
      'callee-endpoint-my-cli-low-400s',
      '{"durationSeconds":24}',
      `t=${setting.timeScale.callerTimeoutMs / 1000}`,
    ]);
  });

  it('gives the standard environment, the declaration env last, and drops the runner AWS_* variables', () => {
    const { env } = commandClientInvocation(
      { name: 'my-cli', argv: ['/bin/true'], env: { AWS_MAX_ATTEMPTS: '1', AWS_REGION: 'eu-west-1' } },
      cell,
      setting,
    );
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      AWS_ENDPOINT_URL_LAMBDA: 'https://198.18.1.20:443',
      LAB_ENDPOINT_URL: 'https://198.18.1.20:443',
      AWS_CA_BUNDLE: '/tmp/lab-ca.pem',
      NODE_EXTRA_CA_CERTS: '/tmp/lab-ca.pem',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_REGION: 'eu-west-1',
      AWS_MAX_ATTEMPTS: '1',
      CALLEE_FUNCTION_NAME: 'callee-endpoint-my-cli-low-400s',
      LAB_PAYLOAD: '{"durationSeconds":24}',
      LAB_DURATION_SECONDS: '24',
      LAB_KEEPALIVE_IDLE_SECONDS: '4',
      LAB_KEEPALIVE_INTERVAL_SECONDS: '1',
      LAB_KEEPALIVE_COUNT: '6',
    });
    expect(env.AWS_PROFILE).toBeUndefined();
    expect(env.AWS_CONFIG_FILE).toBeUndefined();
  });
});
