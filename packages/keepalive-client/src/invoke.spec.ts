/**
 * invokeSync against a real HTTPS Invoke server: the wire format and decoded result, typed errors, retrying
 * only what proves nothing ran (429, refused connections), the deadline, and refusals before sending.
 */
import { once } from 'node:events';
import * as https from 'node:https';
import * as net from 'node:net';

import { LambdaClient } from '@aws-sdk/client-lambda';
import {
  type LambdaTestServer,
  sendJson,
  sendServiceError,
  startLambdaTestServer,
  testClientConfig,
} from '@lambda-keepalive/test-kit';
import {
  CalleeFunctionError,
  ConnectionLostError,
  CredentialsUnavailableError,
  DeadlineExceededError,
  InvalidOptionError,
  InvalidPayloadError,
  InvokeServiceError,
  ServiceUnreachableError,
} from './errors.js';
import { invokeSync } from './invoke.js';
import { createLambdaClient } from './lambda-client.js';
import { SYNC_PAYLOAD_LIMIT_BYTES } from './payload.js';

const NO_ENV = {};

describe('invokeSync against a real HTTPS Lambda endpoint', () => {
  let server: LambdaTestServer;
  let client: LambdaClient;
  const sleeps: number[] = [];
  const clock = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 };

  beforeAll(async () => {
    server = await startLambdaTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.invocations.length = 0;
    sleeps.length = 0;
    client = createLambdaClient({
      env: NO_ENV,
      agentOptions: { ca: server.ca },
      clientConfig: testClientConfig(server),
    });
  });
  afterEach(() => client.destroy());

  it('returns the decoded payload, version, log tail and sends the wire format', async () => {
    server.respond = (_, res) =>
      sendJson(
        res,
        200,
        { sleptMs: 5 },
        { 'x-amz-executed-version': '7', 'x-amz-log-result': Buffer.from('END RequestId: 1').toString('base64') },
      );
    const result = await invokeSync(client, {
      functionName: 'callee',
      qualifier: 'live',
      payload: { durationSeconds: 1 },
      logType: 'Tail',
    });
    expect(result).toMatchObject({
      payload: { sleptMs: 5 },
      statusCode: 200,
      executedVersion: '7',
      logTail: 'END RequestId: 1',
      attempts: 1,
    });
    expect(server.invocations).toHaveLength(1);
    const [seen] = server.invocations;
    expect(seen).toMatchObject({ functionName: 'callee', qualifier: 'live', body: '{"durationSeconds":1}' });
    expect(seen?.headers['x-amz-invocation-type']).toBe('RequestResponse');
    expect(seen?.headers['x-amz-log-type']).toBe('Tail');
  });

  it('decodes an empty payload to undefined', async () => {
    server.respond = (_, res) => {
      res.writeHead(200, { 'content-length': 0 });
      res.end();
    };
    const result = await invokeSync(client, { functionName: 'callee' });
    expect(result.payload).toBeUndefined();
    expect(server.invocations[0]?.body).toBe('');
  });

  it('turns X-Amz-Function-Error into CalleeFunctionError with the callee error fields', async () => {
    server.respond = (_, res) =>
      sendJson(
        res,
        200,
        { errorType: 'CalleeRequestedFailureError', errorMessage: 'asked to fail', trace: ['at a', 'at b'] },
        { 'x-amz-function-error': 'Unhandled' },
      );
    const error = await invokeSync(client, { functionName: 'callee', payload: { fail: true } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CalleeFunctionError);
    expect(error).toMatchObject({
      name: 'CalleeFunctionError',
      functionName: 'callee',
      errorType: 'CalleeRequestedFailureError',
      errorMessage: 'asked to fail',
      trace: ['at a', 'at b'],
      functionError: 'Unhandled',
    });
  });

  it('turns 404 into InvokeServiceError without retrying', async () => {
    server.respond = (_, res) => sendServiceError(res, 404, 'ResourceNotFoundException', 'Function not found: callee');
    const error = await invokeSync(client, { functionName: 'callee' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvokeServiceError);
    expect(error).toMatchObject({ statusCode: 404, errorType: 'ResourceNotFoundException' });
    expect(server.invocations).toHaveLength(1);
  });

  it('does not retry a 5xx (the function may have run)', async () => {
    server.respond = (_, res) => sendServiceError(res, 500, 'ServiceException', 'internal');
    const error = await invokeSync(client, { functionName: 'callee', clock }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvokeServiceError', statusCode: 500, errorType: 'ServiceException' });
    expect(server.invocations).toHaveLength(1);
  });

  it('retries 429 honouring Retry-After, then succeeds', async () => {
    let calls = 0;
    server.respond = (_, res) =>
      ++calls < 3
        ? sendServiceError(res, 429, 'TooManyRequestsException', 'Rate exceeded', { 'retry-after': '2' })
        : sendJson(res, 200, { ok: true });
    const result = await invokeSync(client, { functionName: 'callee', clock });
    expect(result).toMatchObject({ payload: { ok: true }, attempts: 3 });
    expect(server.invocations).toHaveLength(3);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('caps Retry-After and gives up on 429 after maxRetries with InvokeServiceError', async () => {
    server.respond = (_, res) =>
      sendServiceError(res, 429, 'TooManyRequestsException', 'Rate exceeded', { 'retry-after': '3600' });
    const error = await invokeSync(client, {
      functionName: 'callee',
      clock,
      retry: { maxRetries: 2, maxRetryAfterMs: 5000 },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvokeServiceError', statusCode: 429, errorType: 'TooManyRequestsException' });
    expect(server.invocations).toHaveLength(3);
    expect(sleeps).toEqual([5000, 5000]);
  });

  it('does not retry a connection reset after the request was written', async () => {
    server.respond = (_, __, req) => server.resetConnection(req);
    const error = await invokeSync(client, { functionName: 'callee', payload: {}, clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect((error as ConnectionLostError).keepAlive).toEqual({
      enabled: true,
      idleSeconds: 60,
      probeIntervalSeconds: 5,
      probeCount: 6,
      maxSockets: 1000,
    });
    expect(server.invocations).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('hints at the 350 s idle limit when keepalive was off', async () => {
    const offClient = createLambdaClient({
      enabled: false,
      env: NO_ENV,
      agentOptions: { ca: server.ca },
      clientConfig: testClientConfig(server),
    });
    server.respond = (_, __, req) => server.resetConnection(req);
    const error = await invokeSync(offClient, { functionName: 'callee' }).catch((e: unknown) => e);
    offClient.destroy();
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect((error as Error).message).toMatch(/keepalive was OFF.*350 s/);
  });

  it('stops at the deadline (context remaining time minus margin), aborting the request', async () => {
    server.respond = () => undefined; // never answers
    const context = { getRemainingTimeInMillis: () => 1300 };
    const error = await invokeSync(client, { functionName: 'callee', context, deadlineMarginMs: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as DeadlineExceededError).elapsedMs).toBeGreaterThanOrEqual(250);
    expect(server.invocations).toHaveLength(1);
    await waitFor(() => server.openConnections() === 0);
  });

  it('fails before sending when the deadline has already passed', async () => {
    const error = await invokeSync(client, {
      functionName: 'callee',
      deadline: Date.now() + 500,
      deadlineMarginMs: 1000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(server.invocations).toHaveLength(0);
  });

  it.each([
    ['over 6 MB', { big: 'x'.repeat(SYNC_PAYLOAD_LIMIT_BYTES) }, /6291456 bytes/],
    ['a BigInt', { n: 1n }, /BigInt/],
    [
      'a cycle',
      (() => {
        const o: Record<string, unknown> = {};
        o.self = o;
        return o;
      })(),
      /circular/,
    ],
    ['a function', () => 1, /top-level function/],
    ['undefined', undefined, /top-level undefined/],
  ])('rejects a payload that is %s before sending', async (_, payload, message) => {
    const error = await invokeSync(client, { functionName: 'callee', payload }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidPayloadError);
    expect((error as Error).message).toMatch(message);
    expect(server.invocations).toHaveLength(0);
  });

  it.each([
    ['functionName', { functionName: '' }],
    ['functionName', { functionName: 42 }],
    ['functionName', { functionName: 'has space' }],
    ['qualifier', { functionName: 'f', qualifier: '' }],
    ['qualifier', { functionName: 'f', qualifier: 3 }],
    ['deadline', { functionName: 'f', deadline: Number.NaN }],
    ['context', { functionName: 'f', context: {} }],
    ['deadlineMarginMs', { functionName: 'f', deadlineMarginMs: -1 }],
    ['deadlineMarginMs', { functionName: 'f', deadlineMarginMs: 1.5 }],
    ['logType', { functionName: 'f', logType: 'All' }],
    ['input.FunctionName', { functionName: 'f', FunctionName: 'f' }],
    ['retry.maxRetries', { functionName: 'f', retry: { maxRetries: -1 } }],
  ])('rejects bad %s before sending', async (field, input) => {
    const error = await invokeSync(client, input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).field).toBe(field);
    expect(server.invocations).toHaveLength(0);
  });
});

describe('invokeSync when the endpoint refuses connections', () => {
  it('retries ECONNREFUSED a bounded number of times, then ServiceUnreachableError', async () => {
    const port = await closedPort();
    const client = createLambdaClient({
      env: {},
      clientConfig: { ...testClientConfig({ endpoint: `https://127.0.0.1:${port}` }) },
      httpsAgent: new https.Agent({ keepAlive: false }),
    });
    const sleeps: number[] = [];
    const error = await invokeSync(client, {
      functionName: 'callee',
      retry: { maxRetries: 3, baseDelayMs: 100 },
      clock: { sleep: async (ms) => void sleeps.push(ms), random: () => 1 },
    }).catch((e: unknown) => e);
    client.destroy();
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', attempts: 4 });
    expect(sleeps).toEqual([100, 200, 400]); // full jitter with random() = 1: the exponential ceiling
  });
});

describe('invokeSync without credentials', () => {
  it(
    'fails at once with CredentialsUnavailableError, not as an unreachable Lambda endpoint, ' + 'and sends nothing',
    async () => {
      const server = await startLambdaTestServer();
      // What the SDK's container-credentials provider throws when its endpoint refuses (SnapStart, ECS).
      const refused = Object.assign(new Error('Failed to load credentials from the container endpoint'), {
        name: 'CredentialsProviderError',
        code: 'ECONNREFUSED',
      });
      const client = createLambdaClient({
        env: NO_ENV,
        agentOptions: { ca: server.ca },
        clientConfig: { ...testClientConfig(server), credentials: async () => Promise.reject(refused) },
      });
      const sleeps: number[] = [];
      const error = await invokeSync(client, {
        functionName: 'callee',
        clock: { sleep: async (ms) => void sleeps.push(ms) },
      }).catch((e: unknown) => e);
      client.destroy();
      await server.close();
      expect(error).toBeInstanceOf(CredentialsUnavailableError);
      expect(error).toMatchObject({ name: 'CredentialsUnavailableError', cause: refused });
      expect(String(error)).toMatch(/no AWS credentials .*container endpoint.*nothing was sent/);
      expect(sleeps).toEqual([]); // not retried
      expect(server.invocations).toHaveLength(0);
    },
  );
});

describe('invokeSync with a client that retries on its own', () => {
  it('refuses to send (the SDK would re-send a request that may have run)', async () => {
    const retrying = new LambdaClient({
      region: 'us-east-1',
      maxAttempts: 3,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    await expect(invokeSync(retrying, { functionName: 'f' })).rejects.toMatchObject({
      name: 'InvalidOptionError',
      field: 'client maxAttempts',
      value: 3,
    });
    retrying.destroy();
  });
});

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
