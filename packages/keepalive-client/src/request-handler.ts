/**
 * A NodeHttpHandler (@smithy/node-http-handler) whose agents put TCP keepalive on every socket at
 * connect — usable by ANY AWS SDK v3 client (`requestHandler: createKeepAliveRequestHandler()`).
 */
import * as http from 'node:http';
import * as https from 'node:https';

import { NodeHttpHandler } from '@smithy/node-http-handler';

import { InvalidOptionError } from './errors.js';
import { type AgentLike, installKeepAliveOnAgent } from './keepalive-agent.js';
import type { KeepAliveLogger } from './logger.js';
import {
  KEEPALIVE_OPTION_KEYS,
  type KeepAliveOptions,
  type ResolvedKeepAliveOptions,
  rejectUnknownKeys,
  resolveKeepAliveOptions,
} from './options.js';

export interface KeepAliveRequestHandlerOptions extends KeepAliveOptions {
  /** Your own agent (any keepAlive/keepAliveMsecs, or a proxy agent): keepalive is applied to its sockets. */
  httpsAgent?: https.Agent | AgentLike;
  /** Same for plain-http endpoints. */
  httpAgent?: http.Agent | AgentLike;
  /** Options for the https.Agent created when you pass no httpsAgent (e.g. `ca`). Not with httpsAgent. */
  agentOptions?: Omit<https.AgentOptions, 'maxSockets'>;
  logger?: KeepAliveLogger;
  /** Where KEEPALIVE* variables are read; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** ms to wait for TCP connect (nothing is sent before, so it is safe to give up); 0 = none. */
  connectionTimeout?: number;
}

export const REQUEST_HANDLER_OPTION_KEYS = [
  ...KEEPALIVE_OPTION_KEYS,
  'httpsAgent',
  'httpAgent',
  'agentOptions',
  'logger',
  'env',
  'connectionTimeout',
] as const;

/** Without it an unreachable (black-holed) endpoint waits for the kernel's SYN retries (~2 min). */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;

/**
 * The settings a handler applies live ON the handler, under a registry symbol, rather than in a module WeakMap
 * behind `instanceof NodeHttpHandler`: the handler may come from another copy of this package (its ESM and
 * CommonJS builds side by side) and is checked against no copy of @smithy/node-http-handler at all.
 */
const HANDLER_SETTINGS = Symbol.for('@lambda-keepalive/client:handler-settings');

export function createKeepAliveRequestHandler(options: KeepAliveRequestHandlerOptions = {}): NodeHttpHandler {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError('options', options, 'must be an object');
  rejectUnknownKeys(options, REQUEST_HANDLER_OPTION_KEYS, 'options');
  const { httpsAgent, httpAgent, agentOptions, logger, env } = options;
  const keepAliveOptions = Object.fromEntries(KEEPALIVE_OPTION_KEYS.map((key) => [key, options[key]]));
  const settings = resolveKeepAliveOptions(definedOnly(keepAliveOptions), env ?? process.env);
  const connectionTimeout = resolveConnectionTimeout(options.connectionTimeout);
  if (httpsAgent !== undefined && agentOptions !== undefined) {
    throw new InvalidOptionError(
      'agentOptions',
      'set',
      'configures the agent this package creates; with httpsAgent, configure your own agent instead',
    );
  }
  if (agentOptions !== undefined && (typeof agentOptions !== 'object' || agentOptions === null)) {
    throw new InvalidOptionError('agentOptions', agentOptions, 'must be an https.AgentOptions object');
  }
  if (agentOptions && 'maxSockets' in agentOptions) {
    throw new InvalidOptionError(
      'agentOptions.maxSockets',
      (agentOptions as https.AgentOptions).maxSockets,
      'use the maxSockets option (or KEEPALIVE_MAX_SOCKETS)',
    );
  }
  // Connection reuse (agent keepAlive) is independent of TCP keepalive; the socket setting is pinned per socket.
  const pool = { keepAlive: true, maxSockets: settings.maxSockets };
  const secureAgent = installKeepAliveOnAgent(
    httpsAgent ?? new https.Agent({ ...agentOptions, ...pool }),
    settings,
    logger,
    'httpsAgent',
  );
  const plainAgent = installKeepAliveOnAgent(httpAgent ?? new http.Agent(pool), settings, logger, 'httpAgent');
  const handler = new NodeHttpHandler({
    // The SDK accepts any object with destroy() as an agent (resolveDefaultConfig in node-http-handler).
    httpsAgent: secureAgent as https.Agent,
    httpAgent: plainAgent as http.Agent,
    ...(connectionTimeout > 0 ? { connectionTimeout } : {}),
  });
  Object.defineProperty(handler, HANDLER_SETTINGS, { value: Object.freeze({ ...settings }) });
  return handler;
}

/** What a handler made by createKeepAliveRequestHandler applies, or undefined for any other handler. */
export function keepAliveSettingsOfHandler(handler: unknown): ResolvedKeepAliveOptions | undefined {
  if (typeof handler !== 'object' || handler === null) return undefined;
  return (handler as { [HANDLER_SETTINGS]?: ResolvedKeepAliveOptions })[HANDLER_SETTINGS];
}

function resolveConnectionTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_CONNECTION_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidOptionError(
      'connectionTimeout',
      value,
      'must be an integer number of milliseconds, 0 or more (0 = none)',
    );
  }
  return value;
}

/** Explicitly passed `undefined` means "not set", so the environment still applies. */
function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
