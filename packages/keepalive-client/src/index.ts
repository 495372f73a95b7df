export * from './errors';
export type { KeepAliveLogger } from './logger';
export {
  type KeepAliveOptions,
  type ResolvedKeepAliveOptions,
  resolveKeepAliveOptions,
  KEEPALIVE_DEFAULTS,
  KEEPALIVE_ENV,
  MAX_IDLE_SECONDS,
} from './options';
export { type AgentLike, installKeepAliveOnAgent } from './keepalive-agent';
export { createKeepAliveRequestHandler, type KeepAliveRequestHandlerOptions } from './request-handler';
export { createLambdaClient, type CreateLambdaClientOptions, keepAliveSettingsOf } from './lambda-client';
export { invokeSync, type InvokeSyncInput, type InvokeSyncResult } from './invoke';
export { type RetryPolicy, DEFAULT_RETRY_POLICY } from './retry-policy';
export { type Clock, DEFAULT_DEADLINE_MARGIN_MS } from './deadline';
export { SYNC_PAYLOAD_LIMIT_BYTES } from './payload';
