/**
 * A LambdaClient whose sockets carry TCP keepalive from connect and which never re-sends a request
 * on its own: maxAttempts is 1 because the SDK's default (3, standard mode) retries ECONNRESET,
 * timeouts and 5xx — each a request that may already be running the callee (docs/aws-sdk-v3.md: one reset
 * ran a 400 s callee 3 times). invokeSync owns the few retries that are provably safe.
 */
import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';

import { InvalidOptionError } from './errors.js';
import { probesApplied } from './keepalive-probes.js';
import { type ResolvedKeepAliveOptions, rejectUnknownKeys } from './options.js';
import {
  createKeepAliveRequestHandler,
  type KeepAliveRequestHandlerOptions,
  keepAliveSettingsOfHandler,
  REQUEST_HANDLER_OPTION_KEYS,
} from './request-handler.js';

export interface CreateLambdaClientOptions extends KeepAliveRequestHandlerOptions {
  /** Passed to new LambdaClient() (region, endpoint, credentials...). Not requestHandler/maxAttempts/retryStrategy. */
  clientConfig?: LambdaClientConfig;
}

/** On the client itself, like the handler's (request-handler.ts): any copy of this package finds them. */
const CLIENT_SETTINGS = Symbol.for('@lambda-keepalive/client:client-settings');

export function createLambdaClient(options: CreateLambdaClientOptions = {}): LambdaClient {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError('options', options, 'must be an object');
  rejectUnknownKeys(options, [...REQUEST_HANDLER_OPTION_KEYS, 'clientConfig'], 'options');
  const { clientConfig = {}, ...handlerOptions } = options;
  validateClientConfig(clientConfig);
  const requestHandler = createKeepAliveRequestHandler(handlerOptions);
  const client = new LambdaClient({ ...clientConfig, maxAttempts: 1, requestHandler });
  const settings = keepAliveSettingsOfHandler(requestHandler);
  if (!settings) throw new Error('createLambdaClient: its own request handler has no keepalive settings recorded');
  Object.defineProperty(client, CLIENT_SETTINGS, { value: settings });
  return client;
}

/** What a client's sockets get: its resolved settings, and whether this Node honours the probe settings. */
export interface KeepAliveSettings extends ResolvedKeepAliveOptions {
  /** false when keepalive is off, or where the Node cannot set interval and count (22.x: libuv's 1 s × 10). */
  probeSettingsApplied: boolean;
}

/** The keepalive settings a client from createLambdaClient applies to its sockets. */
export function keepAliveSettingsOf(client: LambdaClient): KeepAliveSettings {
  const settings = findKeepAliveSettings(client);
  if (!settings)
    throw new InvalidOptionError('client', 'another LambdaClient', 'must be created by createLambdaClient');
  return { ...settings, probeSettingsApplied: probesApplied(settings) };
}

/** Like keepAliveSettingsOf, but undefined for clients made elsewhere (for error hints). */
export function findKeepAliveSettings(client: LambdaClient): ResolvedKeepAliveOptions | undefined {
  if (typeof client !== 'object' || client === null) return undefined;
  return (client as { [CLIENT_SETTINGS]?: ResolvedKeepAliveOptions })[CLIENT_SETTINGS];
}

function validateClientConfig(clientConfig: unknown): asserts clientConfig is LambdaClientConfig {
  if (typeof clientConfig !== 'object' || clientConfig === null) {
    throw new InvalidOptionError('clientConfig', clientConfig, 'must be a LambdaClientConfig object');
  }
  const config = clientConfig as LambdaClientConfig;
  if (config.requestHandler !== undefined) {
    throw new InvalidOptionError(
      'clientConfig.requestHandler',
      'set',
      'is created by createLambdaClient; pass httpsAgent or agentOptions instead',
    );
  }
  if (config.maxAttempts !== undefined && config.maxAttempts !== 1) {
    throw new InvalidOptionError(
      'clientConfig.maxAttempts',
      config.maxAttempts,
      'must be 1: SDK retries re-send requests that may have started the function; ' +
        'invokeSync retries only safe failures',
    );
  }
  if (config.retryStrategy !== undefined) {
    throw new InvalidOptionError(
      'clientConfig.retryStrategy',
      'set',
      'is not allowed: invokeSync owns retries (only failures proving the function did not start)',
    );
  }
}
