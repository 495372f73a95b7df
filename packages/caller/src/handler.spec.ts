/**
 * createCallerHandler against the test-kit's real HTTPS Invoke server: what it sends and returns, one client
 * per container, callee failures and its own deadline as typed errors, and bad events, payloads or
 * configuration refused before anything is invoked.
 */
import https from 'node:https';
import { CalleeFunctionError, createLambdaClient } from '@lambda-keepalive/client';
import {
  createFakeLambdaContext,
  createRecordingLogger,
  type LambdaTestServer,
  type Respond,
  sendJson,
  setKeepAliveTakesIntervalAndCount,
  startLambdaTestServer,
  testClientConfig,
} from '@lambda-keepalive/test-kit';
import { type CreateClientInput, createCallerHandler } from './handler';

const CALLEE = 'callee-fn';
const calleeResult = {
  sleptMs: 200,
  requestId: 'callee-req',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:00.200Z',
};

const answerWithCalleeResult: Respond = (_invocation, res) => sendJson(res, 200, calleeResult);

describe('caller handler against a real HTTPS Invoke server', () => {
  let server: LambdaTestServer;
  const agents: https.Agent[] = [];

  beforeAll(async () => {
    server = await startLambdaTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.invocations.length = 0;
    server.respond = answerWithCalleeResult;
  });

  /** What the server saw: function name and the JSON payload the caller sent. */
  const received = () =>
    server.invocations.map(({ functionName, body }) => ({ functionName, payload: JSON.parse(body) }));
  afterEach(() => {
    for (const agent of agents.splice(0)) agent.destroy();
  });

  /** The production client, pointed at the test server and trusting its self-signed certificate. */
  function createTestClient({ env, logger, keepAlive }: CreateClientInput) {
    const agent = new https.Agent({ ca: server.ca });
    agents.push(agent);
    return createLambdaClient({ env, logger, httpsAgent: agent, clientConfig: testClientConfig(server), ...keepAlive });
  }

  function callerWith(env: NodeJS.ProcessEnv) {
    const logger = createRecordingLogger();
    const handler = createCallerHandler({ env, logger, createClient: createTestClient });
    return { handler, logger };
  }

  it('invokes the callee with {durationSeconds, payload} and returns the contracted shape', async () => {
    const { handler, logger } = callerWith({
      CALLEE_FUNCTION_NAME: CALLEE,
      KEEPALIVE: 'on',
      KEEPALIVE_IDLE_SECONDS: '30',
      KEEPALIVE_PROBE_INTERVAL_SECONDS: '4',
    });

    const result = await handler({ durationSeconds: 0.2, payload: { n: 1 } }, createFakeLambdaContext());

    expect(received()).toEqual([{ functionName: CALLEE, payload: { durationSeconds: 0.2, payload: { n: 1 } } }]);
    expect(result).toEqual({
      calleeResult,
      elapsedMs: expect.any(Number),
      keepAlive: {
        enabled: true,
        idleSeconds: 30,
        probeIntervalSeconds: 4,
        probeCount: 6,
        probeSettingsApplied: setKeepAliveTakesIntervalAndCount,
      },
      kernel: expect.objectContaining({ soKeepAliveOnlySurvives350sIdle: expect.anything() }),
    });
    const messages = logger.lines.map((line) => line.message);
    expect(messages[0]).toBe('start');
    expect(messages.at(-1)).toBe('response');
    expect(logger.lines[0]?.extra).toMatchObject({
      event: { durationSeconds: 0.2, payloadType: 'object', payloadBytes: 7 },
      calleeFunctionName: CALLEE,
      keepAlive: result.keepAlive,
      kernel: result.kernel,
    });
    expect(logger.lines.at(-1)?.extra).toMatchObject({ statusCode: 200 });
  });

  it('forwards fail: true to the callee (the callee-throws test hook) and nothing when it is absent', async () => {
    const { handler } = callerWith({ CALLEE_FUNCTION_NAME: CALLEE });
    await handler({ durationSeconds: 0, fail: true }, createFakeLambdaContext());
    expect(received()).toEqual([{ functionName: CALLEE, payload: { durationSeconds: 0, fail: true } }]);
  });

  it('reports keepalive off when KEEPALIVE=off and leaves the duration to the callee', async () => {
    const { handler } = callerWith({ CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE: 'off' });
    const result = await handler({}, createFakeLambdaContext());
    expect(result.keepAlive).toMatchObject({ enabled: false, probeSettingsApplied: false });
    // No durationSeconds in the event: none sent, so the callee applies its own default.
    expect(received()).toEqual([{ functionName: CALLEE, payload: {} }]);
  });

  it('creates the client once per container, on the first invocation', async () => {
    let created = 0;
    const handler = createCallerHandler({
      env: { CALLEE_FUNCTION_NAME: CALLEE },
      logger: createRecordingLogger(),
      createClient: (input) => {
        created += 1;
        return createTestClient(input);
      },
    });
    expect(created).toBe(0);
    await handler({ durationSeconds: 0 }, createFakeLambdaContext());
    await handler({ durationSeconds: 0 }, createFakeLambdaContext());
    expect(created).toBe(1);
    expect(server.invocations).toHaveLength(2);
  });

  it('surfaces a callee failure as the client CalleeFunctionError and logs it with a hint', async () => {
    server.respond = (_invocation, res) =>
      sendJson(
        res,
        200,
        { errorType: 'CalleeRequestedFailureError', errorMessage: 'the event asked the callee to fail', trace: [] },
        { 'X-Amz-Function-Error': 'Unhandled' },
      );
    const { handler, logger } = callerWith({ CALLEE_FUNCTION_NAME: CALLEE });

    const failure = handler({ durationSeconds: 1 }, createFakeLambdaContext());

    await expect(failure).rejects.toBeInstanceOf(CalleeFunctionError);
    await expect(failure).rejects.toMatchObject({
      name: 'CalleeFunctionError',
      errorType: 'CalleeRequestedFailureError',
    });
    expect(server.invocations).toHaveLength(1);
    expect(logger.lines.at(-1)).toMatchObject({
      level: 'error',
      message: 'error',
      extra: {
        errorName: 'CalleeFunctionError',
        errorType: 'CalleeRequestedFailureError',
        hint: expect.stringMatching(/callee ran and threw/),
      },
    });
  });

  it('gives up at its own Lambda deadline (context passed to the client) with DeadlineExceededError', async () => {
    server.respond = () => undefined; // the callee never answers
    const { handler, logger } = callerWith({ CALLEE_FUNCTION_NAME: CALLEE });

    // Remaining 1.6 s minus the client's 1 s margin: the invoke must stop after ~0.6 s.
    const failure = handler({ durationSeconds: 5 }, createFakeLambdaContext({ timeoutMs: 1600 }));

    await expect(failure).rejects.toMatchObject({ name: 'DeadlineExceededError' });
    expect(server.invocations).toHaveLength(1);
    expect(logger.lines.at(-1)?.extra).toMatchObject({
      errorName: 'DeadlineExceededError',
      hint: expect.stringMatching(/raise the caller timeout/),
      keepAlive: { enabled: true },
    });
  });

  it.each([
    ['a non-object event', 'now', /^event "now" is invalid: must be a JSON object/],
    ['a negative duration', { durationSeconds: -5 }, /^event.durationSeconds -5 is invalid/],
    ['a NaN duration', { durationSeconds: Number.NaN }, /^event.durationSeconds NaN is invalid/],
    [
      'a duration over 900 s',
      { durationSeconds: 901 },
      /^event.durationSeconds 901 is invalid: must be a finite number of seconds from 0 to 900/,
    ],
    ['a string duration', { durationSeconds: '5' }, /^event.durationSeconds "5" is invalid/],
    ['an unknown key', { duration: 5 }, /^event.duration 5 is invalid: is not a known field/],
  ])('rejects %s with a clear error and invokes nothing', async (_label, event, message) => {
    const { handler, logger } = callerWith({ CALLEE_FUNCTION_NAME: CALLEE });
    const failure = handler(event, createFakeLambdaContext());
    await expect(failure).rejects.toMatchObject({ name: 'InvalidCallerEventError' });
    await expect(failure).rejects.toThrow(message);
    expect(server.invocations).toHaveLength(0);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'error', extra: { errorName: 'InvalidCallerEventError' } });
  });

  it.each([
    ['not JSON-serialisable', { big: 1n }, /payload cannot be sent/],
    ['over the 6 MB synchronous limit', 'x'.repeat(6 * 1024 * 1024 + 1), /payload cannot be sent/],
  ])('rejects a payload %s with InvalidPayloadError and invokes nothing', async (_label, payload, message) => {
    const { handler } = callerWith({ CALLEE_FUNCTION_NAME: CALLEE });
    const failure = handler({ durationSeconds: 0, payload }, createFakeLambdaContext());
    await expect(failure).rejects.toMatchObject({ name: 'InvalidPayloadError' });
    await expect(failure).rejects.toThrow(message);
    expect(server.invocations).toHaveLength(0);
  });

  it.each([
    ['CALLEE_FUNCTION_NAME missing', {}, 'CallerConfigError', /CALLEE_FUNCTION_NAME undefined is invalid: must be set/],
    [
      'CALLEE_FUNCTION_NAME empty',
      { CALLEE_FUNCTION_NAME: '' },
      'CallerConfigError',
      /CALLEE_FUNCTION_NAME "" is invalid/,
    ],
    [
      'CALLEE_FUNCTION_NAME blank',
      { CALLEE_FUNCTION_NAME: '  ' },
      'CallerConfigError',
      /CALLEE_FUNCTION_NAME " {2}" is invalid/,
    ],
    ['KEEPALIVE not a switch', { CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE: 'maybe' }, 'InvalidOptionError', /KEEPALIVE/],
    [
      'KEEPALIVE_IDLE_SECONDS too long',
      { CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE_IDLE_SECONDS: '400' },
      'InvalidOptionError',
      /KEEPALIVE_IDLE_SECONDS .*400/,
    ],
    [
      'KEEPALIVE_IDLE_SECONDS not a number',
      { CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE_IDLE_SECONDS: 'abc' },
      'InvalidOptionError',
      /KEEPALIVE_IDLE_SECONDS is "abc": must be an integer from 1 to 340/,
    ],
    [
      'KEEPALIVE_IDLE_SECONDS zero',
      { CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE_IDLE_SECONDS: '0' },
      'InvalidOptionError',
      /KEEPALIVE_IDLE_SECONDS is "0": must be an integer from 1 to 340/,
    ],
    [
      'KEEPALIVE_IDLE_SECONDS 350',
      { CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE_IDLE_SECONDS: '350' },
      'InvalidOptionError',
      /KEEPALIVE_IDLE_SECONDS is "350": must be an integer from 1 to 340/,
    ],
    [
      'KEEPALIVE_IDLE_SECONDS negative',
      { CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE_IDLE_SECONDS: '-1' },
      'InvalidOptionError',
      /KEEPALIVE_IDLE_SECONDS is "-1": must be an integer/,
    ],
    [
      'KEEPALIVE_IDLE_SECONDS fractional',
      { CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE_IDLE_SECONDS: '3.5' },
      'InvalidOptionError',
      /KEEPALIVE_IDLE_SECONDS is "3.5": must be an integer/,
    ],
  ])('rejects %s with a clear error and invokes nothing', async (_label, env, name, message) => {
    let created = 0;
    const handler = createCallerHandler({
      env,
      logger: createRecordingLogger(),
      createClient: (input) => {
        created += 1;
        return createTestClient(input);
      },
    });
    const failure = handler({ durationSeconds: 1 }, createFakeLambdaContext());
    await expect(failure).rejects.toMatchObject({ name });
    await expect(failure).rejects.toThrow(message);
    expect(server.invocations).toHaveLength(0);
    expect(created).toBe(0);
  });
});
