/** The public API of @lambda-keepalive/client: createLambdaClient, invokeSync, the keepalive options and errors. */
export { type Clock, DEFAULT_DEADLINE_MARGIN_MS } from './deadline';
export * from './errors';
export { type InvokeSyncInput, type InvokeSyncResult, invokeSync } from './invoke';
export { type AgentLike, installKeepAliveOnAgent } from './keepalive-agent';
export {
  type CreateLambdaClientOptions,
  createLambdaClient,
  type KeepAliveSettings,
  keepAliveSettingsOf,
} from './lambda-client';
export type { KeepAliveLogger } from './logger';
export {
  KEEPALIVE_DEFAULTS,
  KEEPALIVE_ENV,
  type KeepAliveOptions,
  MAX_IDLE_SECONDS,
  MAX_PROBE_COUNT,
  type ResolvedKeepAliveOptions,
  resolveKeepAliveOptions,
} from './options';
export { SYNC_PAYLOAD_LIMIT_BYTES } from './payload';
export { createKeepAliveRequestHandler, type KeepAliveRequestHandlerOptions } from './request-handler';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
