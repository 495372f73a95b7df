/**
 * How the emulator answers a misbehaving function (throws, rejects, exits, loops, sleeps past its timeout,
 * lacks its export), as Lambda does, and the lab's faults: connection resets and injected throttles.
 */
import { InvokeCommand, type InvokeCommandOutput, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  decodePayload,
  encodePayload,
  HandlerDirectory,
  sdkClient,
  startTestEmulator,
  waitFor,
} from '../test/support/emulator-test-kit';
import type { RunningEmulator } from './invoke-emulator';

// One bundle whose event says how to misbehave, as the callee's `fail` flag does.
const handlers = new HandlerDirectory();
const misbehaveFile = handlers.write(
  'misbehave',
  `
class CalleeRequestedFailureError extends Error {
  constructor(m) { super(m); this.name = 'CalleeRequestedFailureError'; }
}
exports.handler = async (event) => {
  console.log('mode', event.mode);
  switch (event.mode) {
    case 'reject': throw new CalleeRequestedFailureError('asked to fail');
    case 'exit': process.exit(3);
    case 'loop': for (;;) {}
    case 'uncaught':
      setTimeout(() => { throw new RangeError('thrown from a timer'); }, 1);
      return new Promise(() => {});
    case 'unhandled-rejection':
      Promise.reject(new Error('nobody caught me'));
      return new Promise(() => {});
    case 'sleep': await new Promise((r) => setTimeout(r, event.ms)); return { slept: event.ms };
    default: return { ok: true, mode: event.mode ?? null };
  }
};`,
);
const syncThrowFile = handlers.write(
  'sync-throw',
  `
exports.handler = (event, context) => { throw new TypeError('synchronous ' + context.functionName); };`,
);
const callbackFile = handlers.write(
  'callback',
  `
exports.handler = (event, context, callback) => {
  setTimeout(() => callback(null, { viaCallback: event.n * 2 }), 5);
};`,
);
const noExportFile = handlers.write('no-export', `exports.somethingElse = () => 1;`);

let emulator: RunningEmulator;
let client: LambdaClient;

beforeAll(async () => {
  const started = await startTestEmulator([
    { name: 'misbehave', handlerFile: misbehaveFile, timeoutSeconds: 0.5 },
    { name: 'sync-throw', handlerFile: syncThrowFile, timeoutSeconds: 5 },
    { name: 'callback', handlerFile: callbackFile, timeoutSeconds: 5 },
    { name: 'no-export', handlerFile: noExportFile, timeoutSeconds: 5 },
  ]);
  emulator = started.emulator;
  client = sdkClient(emulator, started.certs.caCertPem);
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
  handlers.remove();
});

const invoke = (FunctionName: string, event: unknown = {}) =>
  client.send(
    new InvokeCommand({
      FunctionName,
      Payload: encodePayload(event),
      LogType: 'Tail',
    }),
  );
const errorOf = (output: InvokeCommandOutput) => {
  expect(output.StatusCode).toBe(200);
  expect(output.FunctionError).toBe('Unhandled');
  return decodePayload(output.Payload) as { errorType: string; errorMessage: string; trace: string[] };
};
const expectHealthy = async () =>
  expect(decodePayload((await invoke('misbehave', { mode: 'fine' })).Payload)).toEqual({ ok: true, mode: 'fine' });

test('a synchronous throw is an Unhandled function error with the error type, message and trace', async () => {
  const error = errorOf(await invoke('sync-throw'));
  expect(error.errorType).toBe('TypeError');
  expect(error.errorMessage).toBe('synchronous sync-throw');
  expect(error.trace[0]).toBe('TypeError: synchronous sync-throw');
});

test('a rejected promise keeps the error class name', async () => {
  const error = errorOf(await invoke('misbehave', { mode: 'reject' }));
  expect(error).toMatchObject({ errorType: 'CalleeRequestedFailureError', errorMessage: 'asked to fail' });
  await expectHealthy();
});

test('process.exit ends only the execution environment: Runtime.ExitError, then the next call runs', async () => {
  const error = errorOf(await invoke('misbehave', { mode: 'exit' }));
  expect(error.errorType).toBe('Runtime.ExitError');
  expect(error.errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3$/);
  await expectHealthy();
});

test('an infinite loop is stopped at the timeout and answered as Lambda does', async () => {
  const before = emulator.executions().misbehave ?? 0;
  const output = await invoke('misbehave', { mode: 'loop' });
  const error = errorOf(output);
  expect(error.errorType).toBe('Sandbox.Timedout');
  expect(error.errorMessage).toMatch(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [0-9a-f-]{36} Task timed out after 0\.\d\d seconds$/,
  );
  const log = Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
  expect(log).toContain('INFO\tmode loop');
  expect(log).toContain(error.errorMessage);
  await expectHealthy();
  expect(emulator.executions().misbehave).toBe(before + 2);
});

test('a sleep past the timeout is cut at the timeout', async () => {
  const started = Date.now();
  expect(errorOf(await invoke('misbehave', { mode: 'sleep', ms: 5_000 })).errorType).toBe('Sandbox.Timedout');
  expect(Date.now() - started).toBeLessThan(4_000);
});

test('an uncaught exception from a timer fails the invocation and the environment is replaced', async () => {
  const error = errorOf(await invoke('misbehave', { mode: 'uncaught' }));
  expect(error).toMatchObject({ errorType: 'RangeError', errorMessage: 'thrown from a timer' });
  await expectHealthy();
});

test('an unhandled rejection is Runtime.UnhandledPromiseRejection', async () => {
  const error = errorOf(await invoke('misbehave', { mode: 'unhandled-rejection' }));
  expect(error).toMatchObject({
    errorType: 'Runtime.UnhandledPromiseRejection',
    errorMessage: 'Error: nobody caught me',
  });
  await expectHealthy();
});

test('callback-style handlers answer through the callback', async () => {
  expect(decodePayload((await invoke('callback', { n: 21 })).Payload)).toEqual({ viaCallback: 42 });
});

test('a bundle without the handler export is Runtime.HandlerNotFound', async () => {
  const error = errorOf(await invoke('no-export'));
  expect(error.errorType).toBe('Runtime.HandlerNotFound');
  expect(error.errorMessage).toContain('no-export.js.handler is undefined or not exported');
});

test('resetActiveConnections aborts in-flight calls with a TCP RST; the execution still counts once', async () => {
  const before = emulator.executions().misbehave ?? 0;
  const pending = client.send(
    new InvokeCommand({ FunctionName: 'misbehave', Payload: encodePayload({ mode: 'sleep', ms: 300 }) }),
  );
  await waitFor(() => (emulator.executions().misbehave ?? 0) === before + 1);
  emulator.resetActiveConnections();
  await expect(pending).rejects.toThrow(/ECONNRESET/);
  await expectHealthy();
  expect(emulator.executions().misbehave).toBe(before + 2);
});

test(
  'throttleNext answers the next invokes 429 with Retry-After and starts no execution; ' + 'then the function runs',
  async () => {
    const before = emulator.executions().misbehave ?? 0;
    emulator.throttleNext('misbehave', 2);
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(invoke('misbehave', { mode: 'fine' })).rejects.toMatchObject({
        name: 'TooManyRequestsException',
        $metadata: { httpStatusCode: 429 },
        retryAfterSeconds: '1',
      });
    }
    expect(emulator.executions().misbehave).toBe(before);
    await expectHealthy();
    expect(emulator.executions().misbehave).toBe(before + 1);
  },
);
