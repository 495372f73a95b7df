/**
 * The callee Lambda handler: sleeps the requested time if it fits in the function's remaining time,
 * logs start, done or error, and returns how long it slept and when.
 */
import type { Context } from 'aws-lambda';
import { parseCalleeEvent } from './callee-event';
import { CalleeRequestedFailureError } from './errors';
import { assertSleepFits, DEFAULT_REMAINING_TIME_MARGIN_MS } from './sleep-budget';
import { createDefaultLogger, type StructuredLogger } from './structured-logger';

export interface CalleeResult {
  sleptMs: number;
  requestId: string;
  startedAt: string;
  finishedAt: string;
}

export type CalleeHandler = (event: unknown, context: Context) => Promise<CalleeResult>;

export interface CalleeHandlerOptions {
  env?: NodeJS.ProcessEnv;
  logger?: StructuredLogger;
  marginMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds the callee handler; `handler` in index.ts is the production instance. */
export function createCalleeHandler(options: CalleeHandlerOptions = {}): CalleeHandler {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createDefaultLogger();
  const marginMs = options.marginMs ?? DEFAULT_REMAINING_TIME_MARGIN_MS;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;

  return async (event, context) => {
    logger.addContext?.(context);
    const startedAt = now();
    try {
      const request = parseCalleeEvent(event, env);
      const remainingMs = context.getRemainingTimeInMillis();
      logger.info('start', {
        requestedMs: request.sleepMs,
        durationSource: request.source,
        remainingMs,
        fail: request.fail,
      });
      if (request.fail) throw new CalleeRequestedFailureError();
      assertSleepFits(request.sleepMs, remainingMs, marginMs);
      await sleep(request.sleepMs);
      const finishedAt = now();
      const result: CalleeResult = {
        sleptMs: finishedAt - startedAt,
        requestId: context.awsRequestId,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: new Date(finishedAt).toISOString(),
      };
      logger.info('done', { sleptMs: result.sleptMs });
      return result;
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'NonError', message: String(error) };
      logger.error('error', { errorName: name, errorMessage: message, elapsedMs: now() - startedAt });
      throw error;
    }
  };
}
