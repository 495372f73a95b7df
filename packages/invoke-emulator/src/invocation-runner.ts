/**
 * Runs invocations on the functions' worker pools: writes each one's log as the Node.js runtime does,
 * counts started executions, and emits the CLI's JSON-line events.
 */
import type { FunctionRegistry, InvocationTarget } from './function-registry';
import { logGroupNameOf } from './lambda-context';
import { endLines, InvocationLog, startLine } from './log-tail';
import { FunctionWorkerPool, type InvocationOutcome } from './worker-pool';
import type { WorkerScript } from './worker-script';

export type InvocationEndOutcome = 'ok' | 'error' | 'timeout';

/** The CLI's JSON-line events (docs/emulator-protocol.md), also given to an `onEvent` listener. */
export type EmulatorEvent =
  | { event: 'ready'; url: string }
  | { event: 'invocation-start'; function: string; requestId: string; invocationType: string }
  | {
      event: 'invocation-end';
      function: string;
      requestId: string;
      outcome: InvocationEndOutcome;
      durationMs: number;
      invocationType: string;
    }
  /** A synchronous invoke answered 429 by an injected throttle (lab fault; no execution started). */
  | { event: 'throttled'; function: string; requestId: string; injected: true };

export interface InvocationRequest {
  target: InvocationTarget;
  requestId: string;
  payload: string;
  invocationType: 'RequestResponse' | 'Event';
  clientContext: string | undefined;
}

export interface InvocationResult {
  outcome: InvocationOutcome;
  log: InvocationLog;
}

/**
 * Runs invocations on the functions' worker pools, counts *started* executions (what exactly-once
 * assertions need: a DryRun, a throttled or a rejected request never starts one) and reports events.
 */
export class InvocationRunner {
  private readonly pools = new Map<string, FunctionWorkerPool>();
  private readonly counts: Record<string, number> = {};
  private readonly asyncQueue: InvocationRequest[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly registry: FunctionRegistry,
    private readonly options: {
      script: WorkerScript;
      region: string;
      onEvent: (event: EmulatorEvent) => void;
    },
  ) {
    for (const fn of registry.list()) this.counts[fn.name] = 0;
  }

  executions(): Record<string, number> {
    return { ...this.counts };
  }

  /** The caller must hold a concurrency slot (registry.tryAcquire); it is released here. */
  async runAcquired(request: InvocationRequest): Promise<InvocationResult> {
    const { target, requestId } = request;
    const { fn, executedVersion } = target;
    const log = new InvocationLog();
    const started = Date.now();
    this.counts[fn.name] = (this.counts[fn.name] ?? 0) + 1;
    this.options.onEvent({
      event: 'invocation-start',
      function: fn.name,
      requestId,
      invocationType: request.invocationType,
    });
    log.append(startLine(requestId, executedVersion));
    const run = this.poolFor(target).run({
      payload: request.payload,
      timeoutMs: fn.timeoutSeconds * 1000,
      onLog: (text) => log.append(text),
      context: {
        awsRequestId: requestId,
        functionName: fn.name,
        functionVersion: executedVersion,
        memoryLimitInMB: String(fn.memoryMb),
        invokedFunctionArn: target.invokedFunctionArn,
        logGroupName: logGroupNameOf(fn.name),
        deadlineMs: started + fn.timeoutSeconds * 1000,
        clientContext: request.clientContext,
      },
    });
    this.inFlight.add(run);
    try {
      const outcome = await run;
      const durationMs = Date.now() - started;
      log.append(endLines({ requestId, durationMs, memoryMb: fn.memoryMb, maxMemoryUsedMb: outcome.heapUsedMb }));
      const end = outcome.kind === 'ok' ? 'ok' : outcome.kind;
      this.options.onEvent({
        event: 'invocation-end',
        function: fn.name,
        requestId,
        outcome: end,
        durationMs,
        invocationType: request.invocationType,
      });
      return { outcome, log };
    } finally {
      this.inFlight.delete(run);
      this.registry.release(fn.name);
      this.drainAsyncQueue();
    }
  }

  /**
   * Event invocations are accepted at once (202) and run when the function has a free slot, as Lambda's
   * internal queue does. Not emulated: the service's two automatic retries of a failed async invocation.
   */
  enqueueAsync(request: InvocationRequest): void {
    this.asyncQueue.push(request);
    this.drainAsyncQueue();
  }

  async close(): Promise<void> {
    this.asyncQueue.length = 0;
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    await Promise.allSettled([...this.inFlight]);
  }

  poolSizes(): Record<string, { idle: number; total: number; started: number }> {
    return Object.fromEntries([...this.pools].map(([key, pool]) => [key, pool.size()]));
  }

  private drainAsyncQueue(): void {
    for (let index = 0; index < this.asyncQueue.length; ) {
      const request = this.asyncQueue[index] as InvocationRequest;
      if (this.registry.tryAcquire(request.target.fn.name) !== undefined) {
        index += 1;
        continue;
      }
      this.asyncQueue.splice(index, 1);
      void this.runAcquired(request);
    }
  }

  private poolFor(target: InvocationTarget): FunctionWorkerPool {
    const key = `${target.fn.name}:${target.executedVersion}`;
    let pool = this.pools.get(key);
    if (!pool) {
      const { fn } = target;
      pool = new FunctionWorkerPool({
        script: this.options.script,
        region: this.options.region,
        setup: { handlerFile: fn.handlerFile, handlerExport: fn.handlerExport },
        functionName: fn.name,
        functionVersion: target.executedVersion,
        memoryMb: fn.memoryMb,
        environment: fn.environment,
      });
      this.pools.set(key, pool);
    }
    return pool;
  }
}
