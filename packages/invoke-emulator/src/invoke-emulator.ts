/**
 * startInvokeEmulator: the HTTPS Lambda Invoke endpoint the lab runs — routing, payload checks, typed
 * service errors, execution counts, and the fault controls (connection resets, throttles).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { InvalidEmulatorInputError } from './emulator-errors';
import { type EmulatedFunction, FunctionRegistry, LAMBDA_MAX_TIMEOUT_SECONDS } from './function-registry';
import { type EmulatorEvent, InvocationRunner } from './invocation-runner';
import { buildInvokeResponse } from './invoke-response';
import { parseInvokeRoute } from './invoke-route';
import {
  ASYNC_PAYLOAD_LIMIT_BYTES,
  readRequestBody,
  SYNC_PAYLOAD_LIMIT_BYTES,
  validateInvokePayload,
} from './request-payload';
import { LambdaServiceError, serviceException, writeServiceError } from './service-errors';
import { resolveInvocationWorkerScript } from './worker-script';

/** The emulator's configuration (docs/emulator-protocol.md); the knobs after `functions` are optional. */
export interface EmulatorConfig {
  host: string;
  /** 0 = ephemeral. */
  port: number;
  certPem: string;
  keyPem: string;
  functions: EmulatedFunction[];
  region?: string;
  accountId?: string;
  /** Account-wide concurrent executions (Lambda default 1000). */
  accountConcurrency?: number;
  /** `Retry-After` of a 429. */
  retryAfterSeconds?: number;
  /**
   * Largest function timeout accepted, default 900 (Lambda's maximum). The lab raises it by the unscaled
   * allowance of its time-scale rule (@lambda-keepalive/lab, src/harness/time-scale.ts), so `--scale 1`
   * can run the 900 s cell.
   */
  maxTimeoutSeconds?: number;
  onEvent?: (event: EmulatorEvent) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** Started executions per function name (DryRun, throttled and rejected requests start none). */
  executions(): Record<string, number>;
  /** Fault: every client connection is aborted with a TCP RST (socket.resetAndDestroy). */
  resetActiveConnections(): void;
  /** TCP connections accepted since start (the bench checks that a client reuses one connection). */
  connectionsAccepted(): number;
  /** Fault: answer the next `times` synchronous invokes of `functionName` with 429 + Retry-After. */
  throttleNext(functionName: string, times: number): void;
  close(): Promise<void>;
}

export async function startInvokeEmulator(config: EmulatorConfig): Promise<RunningEmulator> {
  validateServerConfig(config);
  const region = config.region ?? 'us-east-1';
  const registry = new FunctionRegistry(config.functions, {
    region,
    accountId: config.accountId ?? '123456789012',
    accountConcurrency: config.accountConcurrency ?? 1000,
    retryAfterSeconds: config.retryAfterSeconds ?? 1,
    maxTimeoutSeconds: config.maxTimeoutSeconds ?? LAMBDA_MAX_TIMEOUT_SECONDS,
  });
  const runner = new InvocationRunner(registry, {
    script: resolveInvocationWorkerScript(),
    region,
    onEvent: config.onEvent ?? (() => undefined),
  });
  const sockets = new Set<Socket>();
  let connectionsAccepted = 0;

  const server = createServer({ cert: config.certPem, key: config.keyPem }, (request, response) => {
    void handleInvoke(request, response, registry, runner, config.onEvent ?? (() => undefined));
  });
  // SDK clients reuse idle sockets; closing them after Node's default 5 s invites a reuse-vs-close race that
  // ends in ECONNRESET and an SDK retry, i.e. a duplicate execution. Keep them like a service front end does.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  // 'connection' gives the raw TCP socket under TLS: the one resetAndDestroy() can abort with RST.
  server.on('connection', (socket: Socket) => {
    connectionsAccepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;

  return {
    url: `https://${host}:${port}`,
    port,
    executions: () => runner.executions(),
    connectionsAccepted: () => connectionsAccepted,
    resetActiveConnections: () => {
      for (const socket of sockets) socket.resetAndDestroy();
    },
    throttleNext: (functionName, times) => registry.throttleNext(functionName, times),
    close: () => {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await runner.close();
        for (const socket of sockets) socket.destroy();
        await stopped;
      })();
      return closing;
    },
  };
}

async function handleInvoke(
  request: IncomingMessage,
  response: ServerResponse,
  registry: FunctionRegistry,
  runner: InvocationRunner,
  onEvent: (event: EmulatorEvent) => void,
): Promise<void> {
  const requestId = randomUUID();
  try {
    const route = parseInvokeRoute(request.method, request.url, request.headers);
    const limit = route.invocationType === 'Event' ? ASYNC_PAYLOAD_LIMIT_BYTES : SYNC_PAYLOAD_LIMIT_BYTES;
    const body = await readRequestBody(request, limit);
    const target = registry.resolve(route.functionName, route.qualifier);
    const payload = validateInvokePayload(request.headers['content-type'], body);
    const common = { 'x-amzn-RequestId': requestId, 'X-Amz-Executed-Version': target.executedVersion };
    if (route.invocationType === 'DryRun') {
      response.writeHead(204, common).end();
      return;
    }
    const invocation = {
      target,
      requestId,
      payload,
      invocationType: route.invocationType,
      clientContext: route.clientContext,
    };
    if (route.invocationType === 'Event') {
      runner.enqueueAsync(invocation);
      response.writeHead(202, { ...common, 'Content-Length': '0' }).end();
      return;
    }
    const injected = registry.takeInjectedThrottle(target.fn.name);
    if (injected) onEvent({ event: 'throttled', function: target.fn.name, requestId, injected: true });
    const throttled = injected ?? registry.tryAcquire(target.fn.name);
    if (throttled) throw throttled;
    const { outcome, log } = await runner.runAcquired(invocation);
    const answer = buildInvokeResponse({
      requestId,
      executedVersion: target.executedVersion,
      outcome,
      logTailBase64: route.logType === 'Tail' ? log.tailBase64() : undefined,
    });
    if (!response.destroyed) response.writeHead(answer.statusCode, answer.headers).end(answer.body);
  } catch (error) {
    if (response.headersSent || response.destroyed) return;
    const serviceError =
      error instanceof LambdaServiceError
        ? error
        : serviceException(`The emulator failed: ${error instanceof Error ? error.message : String(error)}`);
    writeServiceError(response, serviceError, requestId);
  }
}

function validateServerConfig(config: EmulatorConfig): void {
  if (typeof config !== 'object' || config === null)
    throw new InvalidEmulatorInputError('config', config, 'must be an object');
  if (typeof config.host !== 'string' || config.host === '') {
    throw new InvalidEmulatorInputError('host', config.host, 'must be an address to listen on, such as "127.0.0.1"');
  }
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new InvalidEmulatorInputError('port', config.port, 'must be an integer from 0 (ephemeral) to 65535');
  }
  for (const field of ['certPem', 'keyPem'] as const) {
    if (typeof config[field] !== 'string' || !config[field].includes('-----BEGIN')) {
      throw new InvalidEmulatorInputError(field, '(omitted)', 'must be a PEM string (see createServerCertificates)');
    }
  }
  const { maxTimeoutSeconds } = config;
  if (
    maxTimeoutSeconds !== undefined &&
    !(typeof maxTimeoutSeconds === 'number' && maxTimeoutSeconds > 0 && Number.isFinite(maxTimeoutSeconds))
  ) {
    throw new InvalidEmulatorInputError(
      'maxTimeoutSeconds',
      maxTimeoutSeconds,
      'must be a finite number of seconds > 0',
    );
  }
  for (const field of ['accountConcurrency', 'retryAfterSeconds'] as const) {
    const value = config[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new InvalidEmulatorInputError(field, value, 'must be an integer >= 0');
    }
  }
}
