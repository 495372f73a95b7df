// Type-checked as CommonJS under module nodenext (a .cts file): the require condition's types resolve.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import {
  createKeepAliveRequestHandler,
  createLambdaClient,
  type InvokeSyncResult,
  invokeSync,
  type KeepAliveSettings,
} from '@lambda-keepalive/client';

const client: LambdaClient = createLambdaClient({ idleSeconds: 45, probeIntervalSeconds: 5, probeCount: 6 });
export const handler = createKeepAliveRequestHandler({ probeCount: 6 });
export async function call(): Promise<InvokeSyncResult<{ ok: boolean }>> {
  return invokeSync<{ ok: boolean }>(client, { functionName: 'callee', payload: { n: 1 } });
}
export const applied = (settings: KeepAliveSettings): boolean => settings.probeSettingsApplied;
// @ts-expect-error an unknown option is a type error: the types are real, not `any`
createLambdaClient({ idleSecond: 45 });
