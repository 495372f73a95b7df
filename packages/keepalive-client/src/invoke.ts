/**
 * Synchronous (RequestResponse) Lambda invoke that never runs the callee twice, stops at the
 * caller's deadline, and turns every outcome into a result or a typed error.
 */
import { InvokeCommand, type InvokeCommandOutput, type LambdaClient } from '@aws-sdk/client-lambda';

import { isDeadlineAbort, resolveDeadline, runWithin } from './deadline.js';
import {
  CalleeFunctionError,
  ConnectionLostError,
  CredentialsUnavailableError,
  DeadlineExceededError,
  InvalidOptionError,
  InvokeServiceError,
  KeepAliveClientError,
  ServiceUnreachableError,
} from './errors.js';
import { type InvokeSyncInput, type ParsedInvokeInput, parseInvokeInput } from './invoke-input.js';
import { findKeepAliveSettings } from './lambda-client.js';
import { HYPERPLANE_IDLE_LIMIT_SECONDS, type ResolvedKeepAliveOptions } from './options.js';
import { decodeInvokePayload, decodeLogTail } from './payload.js';
import { classifyFailure, errorCodeOf, type Failure, retryDelayMs } from './retry-policy.js';

export type { InvokeSyncInput } from './invoke-input.js';

export interface InvokeSyncResult<T = unknown> {
  payload: T;
  statusCode: number;
  executedVersion?: string;
  logTail?: string;
  elapsedMs: number;
  attempts: number;
}

export async function invokeSync<T = unknown>(
  client: LambdaClient,
  input: InvokeSyncInput,
): Promise<InvokeSyncResult<T>> {
  const request = parseInvokeInput(input);
  await assertClientDoesNotRetry(client);
  const { clock, retry } = request;
  const startedAt = clock.now();
  const deadlineAt = resolveDeadline(request, startedAt);
  const elapsed = () => clock.now() - startedAt;
  // Only called with a deadline: a budget, and so a deadline abort, exists only when deadlineAt does.
  const deadlineExceeded = (cause: unknown): DeadlineExceededError => {
    if (deadlineAt === undefined) throw new Error('invokeSync: deadline exceeded without a deadline', { cause });
    return new DeadlineExceededError(elapsed(), deadlineAt, { cause });
  };
  const command = new InvokeCommand({
    FunctionName: request.functionName,
    InvocationType: 'RequestResponse',
    LogType: request.logType,
    ...(request.qualifier === undefined ? {} : { Qualifier: request.qualifier }),
    ...(request.payload === undefined ? {} : { Payload: request.payload }),
  });
  let lastError: unknown;
  for (let attempts = 1; ; attempts++) {
    const budgetMs = deadlineAt === undefined ? undefined : deadlineAt - clock.now();
    if (budgetMs !== undefined && budgetMs <= 0) {
      throw deadlineExceeded(lastError);
    }
    let output: InvokeCommandOutput;
    try {
      output = await runWithin(budgetMs, (abortSignal) => client.send(command, abortSignal ? { abortSignal } : {}));
    } catch (error) {
      if (isDeadlineAbort(error)) throw deadlineExceeded(error);
      const failure = classifyFailure(error);
      if (failure.kind === 'final' || failure.kind === 'no-credentials' || attempts > retry.maxRetries) {
        throw toInvokeError(error, failure, attempts, elapsed(), findKeepAliveSettings(client));
      }
      const delayMs = retryDelayMs(retry, failure, attempts - 1, clock.random);
      if (deadlineAt !== undefined && clock.now() + delayMs >= deadlineAt) {
        throw new DeadlineExceededError(elapsed(), deadlineAt, { cause: error });
      }
      lastError = error;
      await clock.sleep(delayMs);
      continue;
    }
    return toResult<T>(output, request, attempts, elapsed());
  }
}

function toResult<T>(
  output: InvokeCommandOutput,
  request: ParsedInvokeInput,
  attempts: number,
  elapsedMs: number,
): InvokeSyncResult<T> {
  const payload = decodeInvokePayload(output.Payload);
  const logTail = decodeLogTail(output.LogResult);
  if (output.FunctionError) {
    const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
    throw new CalleeFunctionError(
      request.functionName,
      typeof body.errorType === 'string' ? body.errorType : 'UnknownError',
      typeof body.errorMessage === 'string' ? body.errorMessage : typeof payload === 'string' ? payload : '',
      Array.isArray(body.trace) ? body.trace.map(String) : [],
      output.FunctionError,
      logTail,
    );
  }
  return {
    payload: payload as T,
    statusCode: output.StatusCode ?? output.$metadata.httpStatusCode ?? 200,
    ...(output.ExecutedVersion === undefined ? {} : { executedVersion: output.ExecutedVersion }),
    ...(logTail === undefined ? {} : { logTail }),
    elapsedMs,
    attempts,
  };
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

function toInvokeError(
  error: unknown,
  failure: Failure,
  attempts: number,
  elapsedMs: number,
  keepAlive: ResolvedKeepAliveOptions | undefined,
): unknown {
  if (error instanceof KeepAliveClientError) return error;
  const shape = (error ?? {}) as SdkErrorShape;
  if (failure.kind === 'no-credentials')
    return new CredentialsUnavailableError(shape.message ?? 'unknown reason', { cause: error });
  if (failure.kind === 'not-sent') return new ServiceUnreachableError(failure.code, attempts, { cause: error });
  const statusCode = shape.$metadata?.httpStatusCode;
  if (typeof statusCode === 'number' && statusCode >= 400) {
    return new InvokeServiceError(statusCode, shape.name ?? 'UnknownError', shape.message ?? '', { cause: error });
  }
  // The SDK's connectionTimeout fires before TCP connects: nothing was sent.
  if (shape.name === 'TimeoutError' && /did not establish a connection/.test(shape.message ?? '')) {
    return new ServiceUnreachableError('CONNECT_TIMEOUT', attempts, { cause: error });
  }
  const code = errorCodeOf(error);
  // TimeoutError without a connect message = the SDK's socketTimeout/requestTimeout after sending.
  if ((code !== undefined && CONNECTION_LOST_CODES.includes(code)) || shape.name === 'TimeoutError') {
    return new ConnectionLostError(elapsedMs, keepAlive, connectionLostHint(keepAlive, elapsedMs), { cause: error });
  }
  return error; // e.g. configuration errors from the SDK: nothing of ours to add
}

const CONNECTION_LOST_CODES = ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE'];

function connectionLostHint(keepAlive: ResolvedKeepAliveOptions | undefined, elapsedMs: number): string {
  const limit =
    `AWS NAT gateways and interface endpoints drop TCP flows idle ${HYPERPLANE_IDLE_LIMIT_SECONDS} s ` +
    'and answer with RST';
  if (keepAlive && !keepAlive.enabled) return `; TCP keepalive was OFF — ${limit}: enable it (KEEPALIVE=on)`;
  if (!keepAlive)
    return `; this client was not made by createLambdaClient, so its sockets may lack TCP keepalive — ${limit}`;
  if (elapsedMs >= keepAlive.idleSeconds * 1000 && elapsedMs >= HYPERPLANE_IDLE_LIMIT_SECONDS * 1000) {
    return (
      `; the call lasted ${Math.round(elapsedMs / 1000)} s, beyond the ${HYPERPLANE_IDLE_LIMIT_SECONDS} s idle limit ` +
      `— check that keepalive probes (idle ${keepAlive.idleSeconds} s) reach the middlebox`
    );
  }
  return '';
}

/** A client with SDK retries would re-send a request that may have reached the function. */
async function assertClientDoesNotRetry(client: LambdaClient): Promise<void> {
  if (typeof (client as { send?: unknown })?.send !== 'function') {
    throw new InvalidOptionError('client', client, 'must be a LambdaClient (use createLambdaClient)');
  }
  const provider = (client.config as { maxAttempts?: unknown }).maxAttempts;
  const maxAttempts = typeof provider === 'function' ? await (provider as () => Promise<unknown>)() : provider;
  if (maxAttempts !== undefined && maxAttempts !== 1) {
    throw new InvalidOptionError(
      'client maxAttempts',
      maxAttempts,
      'must be 1: SDK retries re-send requests that may have started the function (use createLambdaClient)',
    );
  }
}
