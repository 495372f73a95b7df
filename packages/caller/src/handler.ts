/**
 * The caller Lambda handler: validates its configuration and event, invokes the callee synchronously through
 * the keepalive client — or, for the diagnostic event, probes the path's idle limit with a keepalive-off
 * client — and logs the outcome with the kernel's keepalive defaults, with a hint when it fails.
 */
import { createLambdaClient, invokeSync, type KeepAliveSettings, keepAliveSettingsOf } from '@lambda-keepalive/client';
import type { Context } from 'aws-lambda';
import { type CallerConfig, readCallerConfig } from './caller-config';
import { parseCallerEvent, summariseCallerEvent } from './caller-event';
import { type CallerLogger, createDefaultLogger } from './caller-logger';
import { hintFor } from './error-hint';
import { findIdleLimit, type IdleLimitReport } from './find-idle-limit';
import { isFindIdleLimitEvent, parseFindIdleLimitEvent, summariseFindIdleLimit } from './find-idle-limit-event';
import { type KernelKeepAlive, PROC_NET_IPV4_DIR, readKernelKeepAlive } from './kernel-keepalive';

export interface CallerResult<T = unknown> {
  calleeResult: T;
  /** Time spent in the synchronous invoke, as measured by the client. */
  elapsedMs: number;
  keepAlive: CallerKeepAlive;
  /** This container's kernel keepalive defaults (what an SO_KEEPALIVE-only client would get). */
  kernel: KernelKeepAlive;
}

/** The diagnostic event's result: the idle-limit finding, and what the probes ran with. */
export interface FindIdleLimitResult {
  findIdleLimit: IdleLimitReport;
  /** The whole invocation, diagnostic included. */
  elapsedMs: number;
  /** The probes' client: keepalive off, so an idle flow is not kept alive by probes. */
  keepAlive: CallerKeepAlive;
  kernel: KernelKeepAlive;
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

export type CallerHandler = (event: unknown, context: Context) => Promise<CallerResult | FindIdleLimitResult>;

/** The SDK's LambdaClient, named through the client package (the caller has no direct SDK dependency). */
type LambdaClient = ReturnType<typeof createLambdaClient>;

export interface CreateClientInput {
  env: NodeJS.ProcessEnv;
  logger: CallerLogger;
  /** The diagnostic's client: TCP keepalive off (over KEEPALIVE) and a socket for every concurrent probe. */
  keepAlive?: { enabled: false; maxSockets: number };
}

export interface CallerHandlerOptions {
  /** Defaults to process.env, read on the first invocation. */
  env?: NodeJS.ProcessEnv;
  logger?: CallerLogger;
  /** Defaults to the keepalive client's createLambdaClient (SDK endpoint/region/credentials chain). */
  createClient?: (input: CreateClientInput) => LambdaClient;
  now?: () => number;
  /** Where tcp_keepalive_time/_intvl/_probes are read; default /proc/sys/net/ipv4 (tests use a directory). */
  kernelDir?: string;
}

interface CallerSetup {
  config: CallerConfig;
  client: LambdaClient;
  /** What the client applies (keepAliveSettingsOf), reported in the result and the logs. */
  settings: KeepAliveSettings;
}

const defaultCreateClient = ({ env, logger, keepAlive }: CreateClientInput): LambdaClient =>
  createLambdaClient({ env, logger, ...keepAlive });

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
  const kernelDir = options.kernelDir ?? PROC_NET_IPV4_DIR;
  let setup: CallerSetup | undefined;
  // Once per container: the sysctls do not change under a running function.
  let kernel: KernelKeepAlive | undefined;

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
    kernel ??= readKernelKeepAlive(kernelDir);
    let keepAlive: CallerKeepAlive | undefined;
    try {
      const { config, client, settings } = getSetup();
      keepAlive = reportedKeepAlive(settings);
      const logStart = (eventSummary: unknown): void =>
        logger.info('start', {
          event: eventSummary,
          calleeFunctionName: config.calleeFunctionName,
          keepAlive,
          kernel,
          remainingMs: context.getRemainingTimeInMillis(),
        });
      if (isFindIdleLimitEvent(event)) {
        const request = parseFindIdleLimitEvent(event, context.getRemainingTimeInMillis());
        const summary = summariseFindIdleLimit(request);
        const probeClient = createClient({
          env,
          logger,
          keepAlive: { enabled: false, maxSockets: summary.findIdleLimit.probes },
        });
        keepAlive = reportedKeepAlive(keepAliveSettingsOf(probeClient));
        logStart(summary);
        try {
          const report = await findIdleLimit(request, probeInvoker(probeClient, config.calleeFunctionName), now);
          logger.info('diagnostic', { ...report });
          return { findIdleLimit: report, elapsedMs: now() - startedAt, keepAlive, kernel };
        } finally {
          probeClient.destroy(); // its sockets would sit idle in the container until the next diagnostic
        }
      }
      const request = parseCallerEvent(event);
      logStart(summariseCallerEvent(request));
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
      return { calleeResult: response.payload, elapsedMs: response.elapsedMs, keepAlive, kernel };
    } catch (error) {
      logger.error('error', { ...describeError(error), elapsedMs: now() - startedAt, keepAlive, kernel });
      throw error;
    }
  };
}

/** The result reports the socket setting only, not the agent's pool size. */
function reportedKeepAlive({ maxSockets: _agentSetting, ...applied }: KeepAliveSettings): CallerKeepAlive {
  return applied;
}

/**
 * One probe = one request: no retries (maxRetries 0), not even the client's safe ones, so every probe is
 * exactly one callee execution and its elapsed time is one idle wait; its own deadline, no margin taken off.
 */
function probeInvoker(client: LambdaClient, functionName: string) {
  return ({ durationSeconds, deadline }: { durationSeconds: number; deadline: number }) =>
    invokeSync(client, {
      functionName,
      payload: { durationSeconds },
      deadline,
      deadlineMarginMs: 0,
      retry: { maxRetries: 0 },
    });
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
