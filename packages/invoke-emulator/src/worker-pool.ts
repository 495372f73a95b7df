/**
 * Worker threads as Lambda's warm execution environments: a pool per function version, and each
 * invocation's outcome (result, function error or timeout).
 */
import { Worker } from 'node:worker_threads';
import { createFunctionEnvironment, createLogStreamName, type LambdaContextFields } from './lambda-context';
import type { FunctionErrorPayload, WorkerMessage, WorkerSetup } from './worker-protocol';
import type { WorkerScript } from './worker-script';

export type InvocationOutcome =
  | { kind: 'ok'; payload: string; heapUsedMb: number }
  | { kind: 'error' | 'timeout'; error: FunctionErrorPayload; heapUsedMb: number };

export interface PoolInvocation {
  /** Everything but the log stream, which belongs to the execution environment (worker) that runs it. */
  context: Omit<LambdaContextFields, 'logStreamName'>;
  payload: string;
  timeoutMs: number;
  onLog(text: string): void;
}

export interface FunctionPoolOptions {
  script: WorkerScript;
  setup: WorkerSetup;
  functionName: string;
  functionVersion: string;
  memoryMb: number;
  region: string;
  environment: Record<string, string>;
}

interface Running {
  requestId: string;
  startedAt: number;
  timer: NodeJS.Timeout;
  onLog(text: string): void;
  settle(outcome: InvocationOutcome): void;
}

interface ExecutionEnvironment {
  worker: Worker;
  logStreamName: string;
  running: Running | undefined;
  lastHeapUsedMb: number;
}

/**
 * Warm execution environments of one function version: a worker thread each, one invocation at a time,
 * reused while healthy (Lambda's warm sandboxes). A worker that times out is terminated (V8 stops even a
 * `while (true)`); one that exits or throws uncaught is dropped; the next invocation starts a fresh one.
 * Each worker gets its own `env` copy, so functions never see each other's (or the emulator's) variables.
 */
export class FunctionWorkerPool {
  private readonly idle: ExecutionEnvironment[] = [];
  private readonly all = new Set<ExecutionEnvironment>();
  private closed = false;
  started = 0;

  constructor(private readonly options: FunctionPoolOptions) {}

  run(invocation: PoolInvocation): Promise<InvocationOutcome> {
    if (this.closed) return Promise.resolve(exitOutcome(invocation.context.awsRequestId, 'the emulator is closing', 0));
    const environment = this.idle.pop() ?? this.spawn();
    return new Promise((resolve) => {
      const requestId = invocation.context.awsRequestId;
      const startedAt = Date.now();
      const timer = setTimeout(() => this.timeOut(environment), invocation.timeoutMs);
      environment.running = { requestId, startedAt, timer, onLog: invocation.onLog, settle: resolve };
      environment.worker.postMessage({
        type: 'invoke',
        payload: invocation.payload,
        context: { ...invocation.context, logStreamName: environment.logStreamName },
      });
    });
  }

  size(): { idle: number; total: number; started: number } {
    return { idle: this.idle.length, total: this.all.size, started: this.started };
  }

  async close(): Promise<void> {
    this.closed = true;
    const environments = [...this.all];
    for (const environment of environments)
      this.finish(
        environment,
        exitOutcome(environment.running?.requestId ?? '', 'the emulator is closing', environment.lastHeapUsedMb),
      );
    await Promise.all(environments.map((environment) => this.discard(environment)));
  }

  private spawn(): ExecutionEnvironment {
    const { script, setup, functionName, functionVersion, memoryMb, region, environment: variables } = this.options;
    const logStreamName = createLogStreamName(functionVersion);
    const worker = new Worker(script.source, {
      eval: script.eval,
      workerData: setup,
      env: createFunctionEnvironment({
        functionName,
        functionVersion,
        memoryMb,
        region,
        logStreamName,
        handlerFile: setup.handlerFile,
        handlerExport: setup.handlerExport,
        environment: variables,
      }),
      // The function's memory size caps its V8 heap; exceeding it kills only this worker.
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      // Anything written past the worker's patched console/stdout must not reach the emulator's stdout.
      stdout: true,
      stderr: true,
    });
    const environment: ExecutionEnvironment = { worker, logStreamName, running: undefined, lastHeapUsedMb: 0 };
    this.all.add(environment);
    this.started += 1;
    for (const stream of [worker.stdout, worker.stderr]) {
      stream.on('data', (chunk: Buffer) => environment.running?.onLog(chunk.toString('utf8')));
    }
    worker.on('message', (message: WorkerMessage) => this.onMessage(environment, message));
    worker.on('error', (error: Error & { code?: string }) => {
      const running = environment.running;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.finish(environment, {
        kind: 'error',
        heapUsedMb: environment.lastHeapUsedMb,
        error: outOfMemory
          ? {
              errorType: 'Runtime.OutOfMemory',
              trace: [],
              errorMessage: `RequestId: ${running?.requestId ?? ''} Error: Runtime exited with error: signal: killed`,
            }
          : { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') },
      });
      void this.discard(environment);
    });
    worker.on('exit', (code) => {
      this.finish(
        environment,
        exitOutcome(
          environment.running?.requestId ?? '',
          code === 0 ? undefined : `exit status ${code}`,
          environment.lastHeapUsedMb,
        ),
      );
      void this.discard(environment);
    });
    return environment;
  }

  private onMessage(environment: ExecutionEnvironment, message: WorkerMessage): void {
    const running = environment.running;
    if (message.type === 'log') {
      running?.onLog(message.text);
      return;
    }
    environment.lastHeapUsedMb = message.heapUsedMb;
    if (!running || message.requestId !== running.requestId) {
      // An error between invocations (a stray timer throwing) ends the environment, as it ends a runtime.
      if (message.type === 'error' && message.fatal) void this.discard(environment);
      return;
    }
    this.finish(
      environment,
      message.type === 'result'
        ? { kind: 'ok', payload: message.payload, heapUsedMb: message.heapUsedMb }
        : { kind: 'error', error: message.error, heapUsedMb: message.heapUsedMb },
    );
    if (message.type === 'error' && message.fatal) void this.discard(environment);
    else if (!this.closed && this.all.has(environment)) this.idle.push(environment);
  }

  private timeOut(environment: ExecutionEnvironment): void {
    const running = environment.running;
    if (!running) return;
    // Lambda's own text for a timed-out invocation (GitHub alexa-samples/skill-sample-nodejs-smarthome-switch#18;
    // errorType Sandbox.Timedout per the Lambda troubleshooting guide "troubleshooting-timeouts").
    const seconds = ((Date.now() - running.startedAt) / 1000).toFixed(2);
    const message = `${new Date().toISOString()} ${running.requestId} Task timed out after ${seconds} seconds`;
    running.onLog(`${message}\n`);
    this.finish(environment, {
      kind: 'timeout',
      heapUsedMb: environment.lastHeapUsedMb,
      error: { errorType: 'Sandbox.Timedout', errorMessage: message, trace: [] },
    });
    void this.discard(environment);
  }

  private finish(environment: ExecutionEnvironment, outcome: InvocationOutcome): void {
    const running = environment.running;
    if (!running) return;
    environment.running = undefined;
    clearTimeout(running.timer);
    running.settle(outcome);
  }

  private async discard(environment: ExecutionEnvironment): Promise<void> {
    if (!this.all.delete(environment)) return;
    const index = this.idle.indexOf(environment);
    if (index >= 0) this.idle.splice(index, 1);
    await environment.worker.terminate();
  }
}

/** The runtime process ended mid-invocation (process.exit, crash): Lambda answers Runtime.ExitError. */
function exitOutcome(requestId: string, reason: string | undefined, heapUsedMb: number): InvocationOutcome {
  const detail =
    reason === undefined ? 'Runtime exited without providing a reason' : `Runtime exited with error: ${reason}`;
  return {
    kind: 'error',
    heapUsedMb,
    error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${detail}`, trace: [] },
  };
}
