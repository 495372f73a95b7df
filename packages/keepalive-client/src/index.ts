/**
 * The public API of @lambda-keepalive/client — every name here is listed, with why it is public, in the
 * package README ("Public API"); nothing else is exported, and index.spec.ts holds the list.
 */
export type { Clock } from './deadline.js';
export {
  CalleeFunctionError,
  ConnectionLostError,
  CredentialsUnavailableError,
  DeadlineExceededError,
  InvalidOptionError,
  InvalidPayloadError,
  InvokeServiceError,
  KeepAliveClientError,
  ServiceUnreachableError,
} from './errors.js';
export { type InvokeSyncInput, type InvokeSyncResult, invokeSync } from './invoke.js';
export type { AgentLike } from './keepalive-agent.js';
export {
  type CreateLambdaClientOptions,
  createLambdaClient,
  type KeepAliveSettings,
  keepAliveSettingsOf,
} from './lambda-client.js';
export type { KeepAliveLogger } from './logger.js';
export {
  KEEPALIVE_DEFAULTS,
  KEEPALIVE_ENV,
  type KeepAliveOptions,
  MAX_IDLE_SECONDS,
  MAX_PROBE_COUNT,
  type ResolvedKeepAliveOptions,
  resolveKeepAliveOptions,
} from './options.js';
export { createKeepAliveRequestHandler, type KeepAliveRequestHandlerOptions } from './request-handler.js';
export type { RetryPolicy } from './retry-policy.js';
