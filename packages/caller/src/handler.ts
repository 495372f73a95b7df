/**
 * The caller Lambda handler: validates its configuration and event, invokes the callee synchronously through
 * the keepalive client, and logs the outcome, with a hint when it fails.
 */
import { createLambdaClient, invokeSync, type KeepAliveSettings, keepAliveSettingsOf } from '@lambda-keepalive/client';
import type { Context } from 'aws-lambda';
import { type CallerConfig, readCallerConfig } from './caller-config';
import { parseCallerEvent, summariseCallerEvent } from './caller-event';
import { type CallerLogger, createDefaultLogger } from './caller-logger';
import { hintFor } from './error-hint';

export interface CallerResult<T = unknown> {
  calleeResult: T;
  /** Time spent in the synchronous invoke, as measured by the client. */
  elapsedMs: number;
  keepAlive: CallerKeepAlive;
}

/**
 * The keepalive the client applies, as reported in the result and the logs: the probe interval and count it
 * was given, and whether this runtime's Node honours them (false on 22.x, which keeps libuv's 1 s × 10).
 */
export interface CallerKeepAlive {
  enabled: boolean;
  idleSeconds: number;
  probeIntervalSeconds: number;
  probeCount: number;
  probeSettingsApplied: boolean;
}

export type CallerHandler = (event: unknown, context: Context) => Promise<CallerResult>;

/** The SDK's LambdaClient, named through the client package (the caller has no direct SDK dependency). */
type LambdaClient = ReturnType<typeof createLambdaClient>;

export interface CreateClientInput {
  env: NodeJS.ProcessEnv;
  logger: CallerLogger;
}

export interface CallerHandlerOptions {
  /** Defaults to process.env, read on the first invocation. */
  env?: NodeJS.ProcessEnv;
  logger?: CallerLogger;
  /** Defaults to the keepalive client's createLambdaClient (SDK endpoint/region/credentials chain). */
  createClient?: (input: CreateClientInput) => LambdaClient;
  now?: () => number;
}

interface CallerSetup {
  config: CallerConfig;
  client: LambdaClient;
  /** What the client applies (keepAliveSettingsOf), reported in the result and the logs. */
  settings: KeepAliveSettings;
}

const defaultCreateClient = ({ env, logger }: CreateClientInput): LambdaClient => createLambdaClient({ env, logger });

/**
 * Builds the caller handler. The LambdaClient (and its sockets) is made once per container, lazily
 * on the first invocation: a configuration error then fails that invocation with a clear message
 * instead of crashing the init phase, and is retried on the next one.
 */
export function createCallerHandler(options: CallerHandlerOptions = {}): CallerHandler {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createDefaultLogger();
  const createClient = options.createClient ?? defaultCreateClient;
  const now = options.now ?? Date.now;
  let setup: CallerSetup | undefined;

  const getSetup = (): CallerSetup => {
    if (setup === undefined) {
      const config = readCallerConfig(env);
      const client = createClient({ env, logger });
      setup = { config, client, settings: keepAliveSettingsOf(client) };
    }
    return setup;
  };

  return async (event, context) => {
    logger.addContext?.(context);
    const startedAt = now();
    let keepAlive: CallerResult['keepAlive'] | undefined;
    try {
      const { config, client, settings } = getSetup();
      const { maxSockets: _agentSetting, ...applied } = settings; // the result reports the socket setting only
      keepAlive = applied;
      const request = parseCallerEvent(event);
      logger.info('start', {
        event: summariseCallerEvent(request),
        calleeFunctionName: config.calleeFunctionName,
        keepAlive,
        remainingMs: context.getRemainingTimeInMillis(),
      });
      const response = await invokeSync(client, {
        functionName: config.calleeFunctionName,
        payload: {
          durationSeconds: request.durationSeconds,
          payload: request.payload,
          ...(request.fail === true ? { fail: true } : {}),
        },
        context,
      });
      logger.info('response', {
        elapsedMs: response.elapsedMs,
        statusCode: response.statusCode,
        attempts: response.attempts,
        executedVersion: response.executedVersion,
      });
      return { calleeResult: response.payload, elapsedMs: response.elapsedMs, keepAlive };
    } catch (error) {
      logger.error('error', { ...describeError(error), elapsedMs: now() - startedAt, keepAlive });
      throw error;
    }
  };
}

/** Name, message, hint and the diagnostic fields the project's errors carry — no values, no payloads. */
function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorName: 'NonError', errorMessage: String(error), hint: hintFor('') };
  const fields = error as unknown as Record<string, unknown>;
  const details = Object.fromEntries(
    ['field', 'rule', 'statusCode', 'errorType', 'attempts']
      .filter((key) => fields[key] !== undefined)
      .map((key) => [key, fields[key]]),
  );
  const cause = error.cause instanceof Error ? { causeName: error.cause.name, causeMessage: error.cause.message } : {};
  return { errorName: error.name, errorMessage: error.message, hint: hintFor(error.name), ...details, ...cause };
}
