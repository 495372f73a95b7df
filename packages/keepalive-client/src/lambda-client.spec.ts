/**
 * createLambdaClient: a client that never retries on its own, reports its keepalive settings, and rejects
 * bad options at construction.
 */
import { LambdaClient } from '@aws-sdk/client-lambda';

import { setKeepAliveTakesIntervalAndCount } from '@lambda-keepalive/test-kit';
import { InvalidOptionError } from './errors.js';
import { createLambdaClient, keepAliveSettingsOf } from './lambda-client.js';

const clientConfig = { region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'not-a-secret' } };

describe('createLambdaClient', () => {
  it('never retries on its own: maxAttempts resolves to 1', async () => {
    const client = createLambdaClient({ env: {}, clientConfig });
    await expect(client.config.maxAttempts()).resolves.toBe(1);
    client.destroy();
  });

  it('reports the keepalive settings its sockets get (option > env > default)', () => {
    const client = createLambdaClient({
      maxSockets: 5,
      probeCount: 4,
      env: { KEEPALIVE_IDLE_SECONDS: '90', KEEPALIVE_PROBE_INTERVAL_SECONDS: '7', KEEPALIVE_PROBE_COUNT: '9' },
      clientConfig,
    });
    expect(keepAliveSettingsOf(client)).toEqual({
      enabled: true,
      idleSeconds: 90,
      probeIntervalSeconds: 7,
      probeCount: 4,
      maxSockets: 5,
      probeSettingsApplied: setKeepAliveTakesIntervalAndCount,
    });
    client.destroy();
  });

  it('reports that nothing is applied when keepalive is off', () => {
    const client = createLambdaClient({ env: { KEEPALIVE: 'off' }, clientConfig });
    expect(keepAliveSettingsOf(client)).toMatchObject({ enabled: false, probeSettingsApplied: false });
    client.destroy();
  });

  it('finds the settings from another copy of the package (settings live on the client and the handler)', () => {
    const client = createLambdaClient({ env: {}, idleSeconds: 42, clientConfig });
    let other: typeof import('./lambda-client.js') | undefined;
    jest.isolateModules(() => {
      other = require('./lambda-client');
    });
    if (!other || other.keepAliveSettingsOf === keepAliveSettingsOf) throw new Error('no second copy was loaded');
    expect(other.keepAliveSettingsOf(client)).toMatchObject({ idleSeconds: 42 });
    client.destroy();
  });

  it('keepAliveSettingsOf rejects clients it did not make', () => {
    const other = new LambdaClient(clientConfig);
    expect(() => keepAliveSettingsOf(other)).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError', field: 'client' }),
    );
    other.destroy();
  });

  it.each([
    ['clientConfig.maxAttempts', { clientConfig: { ...clientConfig, maxAttempts: 3 } }],
    ['clientConfig.retryStrategy', { clientConfig: { ...clientConfig, retryStrategy: {} } }],
    ['clientConfig.requestHandler', { clientConfig: { ...clientConfig, requestHandler: {} } }],
    ['clientConfig', { clientConfig: 'us-east-1' }],
    ['options.region', { region: 'us-east-1' }],
    ['KEEPALIVE_IDLE_SECONDS', { env: { KEEPALIVE_IDLE_SECONDS: '350' } }],
    ['idleSeconds', { idleSeconds: 3.5 }],
    ['probeIntervalSeconds', { idleSeconds: 300, probeIntervalSeconds: 41 }],
    ['KEEPALIVE_PROBE_COUNT', { env: { KEEPALIVE_PROBE_COUNT: '128' } }],
  ])('rejects bad %s at construction', (field, options) => {
    let caught: unknown;
    try {
      createLambdaClient(options as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidOptionError);
    expect((caught as InvalidOptionError).field).toBe(field);
  });

  it('accepts maxAttempts 1 explicitly', () => {
    const client = createLambdaClient({ env: {}, clientConfig: { ...clientConfig, maxAttempts: 1 } });
    expect(client).toBeInstanceOf(LambdaClient);
    client.destroy();
  });
});
