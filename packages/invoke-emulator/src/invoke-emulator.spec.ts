/**
 * startInvokeEmulator through the real SDK: each invocation type, qualifiers and ARNs, per-function
 * environments, typed service errors, and counting the TCP connections it accepts.
 */
import {
  InvalidRequestContentException,
  InvokeCommand,
  type LambdaClient,
  RequestTooLargeException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UnsupportedMediaTypeException,
} from '@aws-sdk/client-lambda';
import {
  decodePayload,
  encodePayload,
  HandlerDirectory,
  sdkClient,
  startTestEmulator,
  waitFor,
} from '../test/support/emulator-test-kit';
import type { EmulatorEvent } from './invocation-runner';
import type { RunningEmulator } from './invoke-emulator';

const handlers = new HandlerDirectory();
const echoFile = handlers.write(
  'echo',
  `
exports.handler = async (event, context) => {
  console.log('echo', JSON.stringify(event));
  return { event, requestId: context.awsRequestId, functionName: context.functionName,
    functionVersion: context.functionVersion, invokedFunctionArn: context.invokedFunctionArn,
    memoryLimitInMB: context.memoryLimitInMB, logGroupName: context.logGroupName, logStreamName: context.logStreamName,
    remainingMs: context.getRemainingTimeInMillis(),
    env: { GREETING: process.env.GREETING ?? null, ONLY_B: process.env.ONLY_B ?? null,
      LEAK: process.env.LK_EMULATOR_SPEC_LEAK ?? null,
      AWS_LAMBDA_FUNCTION_NAME: process.env.AWS_LAMBDA_FUNCTION_NAME } };
};`,
);
const sleepFile = handlers.write(
  'sleep',
  `
exports.handler = async (event) => {
  await new Promise((r) => setTimeout(r, event.ms));
  return { sleptMs: event.ms };
};`,
);

let emulator: RunningEmulator;
let events: EmulatorEvent[];
let client: LambdaClient;
let caCertPem: string;

beforeAll(async () => {
  process.env.LK_EMULATOR_SPEC_LEAK = 'must-not-reach-functions';
  const started = await startTestEmulator(
    [
      {
        name: 'echo',
        handlerFile: echoFile,
        timeoutSeconds: 30,
        memoryMb: 256,
        version: '3',
        environment: { GREETING: 'hello-from-a' },
      },
      { name: 'echo-b', handlerFile: echoFile, timeoutSeconds: 30, environment: { ONLY_B: 'b' } },
      { name: 'single', handlerFile: sleepFile, timeoutSeconds: 30, reservedConcurrency: 1 },
    ],
    { region: 'eu-west-1', accountId: '210987654321' },
  );
  ({ emulator, events } = started);
  caCertPem = started.certs.caCertPem;
  client = sdkClient(emulator, caCertPem);
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
  handlers.remove();
  delete process.env.LK_EMULATOR_SPEC_LEAK;
});

const invoke = (input: ConstructorParameters<typeof InvokeCommand>[0]) => client.send(new InvokeCommand(input));
const countsBefore = () => ({ ...emulator.executions() });

test('RequestResponse returns 200, the handler result and a Lambda-like context', async () => {
  const before = countsBefore();
  const output = await invoke({ FunctionName: 'echo', Payload: encodePayload({ a: 1 }) });
  const result = decodePayload(output.Payload) as Record<string, unknown>;
  expect(output.StatusCode).toBe(200);
  expect(output.FunctionError).toBeUndefined();
  expect(output.ExecutedVersion).toBe('$LATEST');
  expect(result).toMatchObject({
    event: { a: 1 },
    functionName: 'echo',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:210987654321:function:echo',
    memoryLimitInMB: '256',
    logGroupName: '/aws/lambda/echo',
  });
  expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(result.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  expect(result.remainingMs).toBeGreaterThan(25_000);
  expect(result.remainingMs).toBeLessThanOrEqual(30_000);
  expect(emulator.executions().echo).toBe((before.echo ?? 0) + 1);
});

test('an empty payload reaches the handler as {}', async () => {
  const output = await invoke({ FunctionName: 'echo' });
  expect((decodePayload(output.Payload) as { event: unknown }).event).toEqual({});
});

test('LogType Tail returns base64 of the invocation log', async () => {
  const output = await invoke({ FunctionName: 'echo', LogType: 'Tail', Payload: encodePayload({ tail: true }) });
  const { requestId } = decodePayload(output.Payload) as { requestId: string };
  const log = Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
  expect(log).toContain(`START RequestId: ${requestId} Version: $LATEST`);
  expect(log).toMatch(new RegExp(`Z\\t${requestId}\\tINFO\\techo {"tail":true}\\n`));
  expect(log).toContain(`END RequestId: ${requestId}`);
  expect(log).toMatch(new RegExp(`REPORT RequestId: ${requestId}\\tDuration: [\\d.]+ ms`));
});

test('Event answers 202 at once and runs the function once, afterwards', async () => {
  const before = countsBefore().single ?? 0;
  const output = await invoke({ FunctionName: 'single', InvocationType: 'Event', Payload: encodePayload({ ms: 300 }) });
  expect(output.StatusCode).toBe(202);
  expect(emulator.executions().single).toBeLessThanOrEqual(before + 1);
  await waitFor(() =>
    events.some(
      (e) =>
        e.event === 'invocation-end' && e.function === 'single' && e.invocationType === 'Event' && e.outcome === 'ok',
    ),
  );
  expect(emulator.executions().single).toBe(before + 1);
});

test('DryRun answers 204 and starts nothing', async () => {
  const before = countsBefore();
  const eventsBefore = events.length;
  const output = await invoke({ FunctionName: 'echo', InvocationType: 'DryRun', Payload: encodePayload({}) });
  expect(output.StatusCode).toBe(204);
  expect(emulator.executions()).toEqual(before);
  expect(events.length).toBe(eventsBefore);
});

test('the Qualifier, name:qualifier, partial and full ARNs select the configured version', async () => {
  const forms = [
    { FunctionName: 'echo', Qualifier: '3' },
    { FunctionName: 'echo:3' },
    { FunctionName: '210987654321:function:echo:3' },
    { FunctionName: 'arn:aws:lambda:eu-west-1:210987654321:function:echo', Qualifier: '3' },
  ];
  for (const form of forms) {
    const output = await invoke(form);
    expect(output.ExecutedVersion).toBe('3');
    expect(decodePayload(output.Payload)).toMatchObject({
      functionVersion: '3',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:210987654321:function:echo:3',
    });
  }
  const latest = await invoke({ FunctionName: 'echo', Qualifier: '$LATEST' });
  expect(latest.ExecutedVersion).toBe('$LATEST');
  await expect(invoke({ FunctionName: 'echo', Qualifier: '4' })).rejects.toBeInstanceOf(ResourceNotFoundException);
});

test('each function sees its own environment and nothing of the emulator process', async () => {
  const a = decodePayload((await invoke({ FunctionName: 'echo' })).Payload) as { env: Record<string, unknown> };
  const b = decodePayload((await invoke({ FunctionName: 'echo-b' })).Payload) as { env: Record<string, unknown> };
  expect(a.env).toEqual({ GREETING: 'hello-from-a', ONLY_B: null, LEAK: null, AWS_LAMBDA_FUNCTION_NAME: 'echo' });
  expect(b.env).toEqual({ GREETING: null, ONLY_B: 'b', LEAK: null, AWS_LAMBDA_FUNCTION_NAME: 'echo-b' });
});

test('an unknown function is a typed ResourceNotFoundException (404)', async () => {
  const error = await invoke({ FunctionName: 'missing' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResourceNotFoundException);
  expect(error).toMatchObject({
    $metadata: { httpStatusCode: 404 },
    Type: 'User',
    message: 'Function not found: arn:aws:lambda:eu-west-1:210987654321:function:missing',
  });
});

test('a payload over 6 MB is a typed RequestTooLargeException (413) and runs nothing', async () => {
  const before = countsBefore();
  const payload = Buffer.from(JSON.stringify({ blob: 'x'.repeat(6_291_456) }));
  const error = await invoke({ FunctionName: 'echo', Payload: payload }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestTooLargeException);
  expect(error).toMatchObject({ $metadata: { httpStatusCode: 413 } });
  expect(emulator.executions()).toEqual(before);
});

test('exhausted reservedConcurrency is a typed TooManyRequestsException (429) with Retry-After', async () => {
  const before = countsBefore().single ?? 0;
  const running = invoke({ FunctionName: 'single', Payload: encodePayload({ ms: 800 }) });
  await waitFor(() => (emulator.executions().single ?? 0) === before + 1);
  const error = await invoke({ FunctionName: 'single', Payload: encodePayload({ ms: 1 }) }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TooManyRequestsException);
  expect(error).toMatchObject({
    $metadata: { httpStatusCode: 429 },
    retryAfterSeconds: '1',
    Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
  });
  expect((decodePayload((await running).Payload) as { sleptMs: number }).sleptMs).toBe(800);
  expect(emulator.executions().single).toBe(before + 1);
});

test('a body that is not JSON is a typed InvalidRequestContentException (400)', async () => {
  const error = await invoke({ FunctionName: 'echo', Payload: Buffer.from('{not json') }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidRequestContentException);
  expect(error).toMatchObject({ $metadata: { httpStatusCode: 400 } });
});

test('an unsupported Content-Type is a typed UnsupportedMediaTypeException (415)', async () => {
  const xmlClient = sdkClient(emulator, caCertPem);
  xmlClient.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers['content-type'] = 'application/xml';
      return next(args);
    },
    { step: 'build' },
  );
  try {
    const error = await xmlClient
      .send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('<a/>') }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedMediaTypeException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 415 } });
  } finally {
    xmlClient.destroy();
  }
});

test(
  'counts the TCP connections it accepts: a keep-alive client reuses one, ' + 'a fresh client opens another',
  async () => {
    const before = emulator.connectionsAccepted();
    await invoke({ FunctionName: 'echo', Payload: encodePayload({ n: 1 }) });
    await invoke({ FunctionName: 'echo', Payload: encodePayload({ n: 2 }) });
    const afterReuse = emulator.connectionsAccepted();
    expect(afterReuse - before).toBeLessThanOrEqual(1);
    const fresh = sdkClient(emulator, caCertPem);
    try {
      await fresh.send(new InvokeCommand({ FunctionName: 'echo', Payload: encodePayload({ n: 3 }) }));
    } finally {
      fresh.destroy();
    }
    expect(emulator.connectionsAccepted()).toBe(afterReuse + 1);
  },
);
