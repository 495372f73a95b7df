/**
 * Entry of one execution environment (a worker thread): loads the function's bundle once, then runs one
 * invocation at a time. Console and raw stdout/stderr writes are captured and sent to the emulator thread
 * (which keeps the per-invocation log tail), never printed: the CLI's stdout carries JSON lines.
 *
 * Only node built-ins and two small local modules are imported, so the file runs both compiled
 * (dist/emulator/invocation-worker.js) and bundled on the fly from source under ts-jest (worker-script.ts).
 */
import { format } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { createLambdaContext } from './lambda-context';
import { type ConsoleLevel, formatConsoleLine } from './log-tail';
import { type InvokeMessage, toFunctionErrorPayload, type WorkerMessage, type WorkerSetup } from './worker-protocol';

type Handler = (event: unknown, context: object, callback: (error?: unknown, result?: unknown) => void) => unknown;

const port = parentPort;
if (!port) throw new Error('invocation-worker must run in a worker thread');
const setup = workerData as WorkerSetup;
let currentRequestId: string | undefined;
let handler: Handler | undefined;

const send = (message: WorkerMessage): void => port.postMessage(message);
const heapUsedMb = (): number => Math.round(getHeapStatistics().used_heap_size / 1048576);
const emitLog = (text: string): void => send({ type: 'log', requestId: currentRequestId, text });

// The Node.js runtime patches console.* to prefix time, request id and level.
const consoleLevels: Record<string, ConsoleLevel> = {
  log: 'INFO',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  debug: 'DEBUG',
  trace: 'TRACE',
};
for (const [method, level] of Object.entries(consoleLevels)) {
  (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
    emitLog(formatConsoleLine(new Date(), String(currentRequestId), level, format(...args)));
}
// Loggers with their own Console on process.stdout (e.g. Powertools) write here: capture those too.
for (const stream of [process.stdout, process.stderr]) {
  stream.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    emitLog(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as typeof stream.write;
}

// As the Node.js runtime does: report the error on the current invocation, then the environment dies.
process.on('uncaughtException', (error) => failFatally(toFunctionErrorPayload(error)));
process.on('unhandledRejection', (reason) =>
  failFatally({
    errorType: 'Runtime.UnhandledPromiseRejection',
    errorMessage: String(reason),
    trace: reason instanceof Error ? (reason.stack ?? '').split('\n') : [],
  }),
);

function failFatally(error: ReturnType<typeof toFunctionErrorPayload>): void {
  send({ type: 'error', requestId: currentRequestId, error, fatal: true, heapUsedMb: heapUsedMb() });
  process.exit(129);
}

function loadHandler(): Handler {
  if (handler) return handler;
  let exported: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS by contract
    exported = require(setup.handlerFile);
  } catch (error) {
    throw Object.assign(new Error(`${String(error)}`), { name: 'Runtime.ImportModuleError', cause: error });
  }
  const found = setup.handlerExport
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], exported);
  if (typeof found !== 'function') {
    throw Object.assign(new Error(`${setup.handlerFile}.${setup.handlerExport} is undefined or not exported`), {
      name: 'Runtime.HandlerNotFound',
    });
  }
  handler = found as Handler;
  return handler;
}

function runHandler(message: InvokeMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const callback = (error?: unknown, result?: unknown) => (error ? reject(error) : resolve(result));
    const context = Object.assign(createLambdaContext(message.context), {
      done: callback,
      succeed: (result: unknown) => resolve(result),
      fail: (error: unknown) => reject(error),
    });
    const event: unknown = message.payload === '' ? {} : JSON.parse(message.payload);
    const fn = loadHandler();
    const returned = fn(event, context, callback);
    // Promise handlers settle by their promise; callback-style handlers (3 parameters) by the callback.
    if (returned && typeof (returned as PromiseLike<unknown>).then === 'function') {
      (returned as PromiseLike<unknown>).then(resolve, reject);
    } else if (fn.length < 3) {
      resolve(returned);
    }
  });
}

port.on('message', (message: InvokeMessage) => {
  const requestId = message.context.awsRequestId;
  currentRequestId = requestId;
  runHandler(message).then(
    (result) => {
      let payload: string;
      try {
        payload = JSON.stringify(result === undefined ? null : result);
      } catch (error) {
        send({
          type: 'error',
          requestId,
          error: toFunctionErrorPayload(error, 'Runtime.MarshalError'),
          fatal: false,
          heapUsedMb: heapUsedMb(),
        });
        return;
      }
      send({ type: 'result', requestId, payload, heapUsedMb: heapUsedMb() });
    },
    (error: unknown) =>
      send({ type: 'error', requestId, error: toFunctionErrorPayload(error), fatal: false, heapUsedMb: heapUsedMb() }),
  );
});
