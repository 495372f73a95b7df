/**
 * The clients the loopback items compare, each built the way a user would write it, reading endpoint,
 * region and credentials from the standard environment (AWS_ENDPOINT_URL_LAMBDA — docs/aws-sdk-v3.md), and the
 * server's CA from NODE_EXTRA_CA_CERTS, so no client needs a custom agent just to trust the emulator:
 * - keepalive-client: createLambdaClient() + invokeSync() — the shipped path;
 * - sdk-default: new LambdaClient({}) + send(InvokeCommand) — the SDK's own agent (keepAlive, 50 sockets);
 * - sdk-own-agent: the SDK with a user-supplied `new https.Agent()` (no keepalive, unlimited sockets).
 * Both SDK paths decode the JSON payload, as invokeSync does, so the comparison is like for like.
 */
import { Agent } from 'node:https';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { createLambdaClient, invokeSync } from '@lambda-keepalive/client';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export const BENCH_CLIENTS = ['keepalive-client', 'sdk-default', 'sdk-own-agent'] as const;
export type BenchClient = (typeof BENCH_CLIENTS)[number];

export interface BenchInvoker {
  invoke(functionName: string, payload: unknown): Promise<unknown>;
  destroy(): void;
}

export function createBenchInvoker(client: BenchClient): BenchInvoker {
  if (client === 'keepalive-client') {
    const lambda = createLambdaClient();
    return {
      invoke: async (functionName, payload) => (await invokeSync(lambda, { functionName, payload })).payload,
      destroy: () => lambda.destroy(),
    };
  }
  const lambda =
    client === 'sdk-default'
      ? new LambdaClient({})
      : new LambdaClient({ requestHandler: new NodeHttpHandler({ httpsAgent: new Agent() }) });
  return {
    invoke: async (functionName, payload) => {
      const response = await lambda.send(
        new InvokeCommand({ FunctionName: functionName, Payload: JSON.stringify(payload) }),
      );
      if (response.FunctionError !== undefined) throw new Error(`${functionName} failed: ${response.FunctionError}`);
      return response.Payload === undefined ? undefined : JSON.parse(Buffer.from(response.Payload).toString('utf8'));
    },
    destroy: () => lambda.destroy(),
  };
}

export function isBenchClient(value: unknown): value is BenchClient {
  return typeof value === 'string' && (BENCH_CLIENTS as readonly string[]).includes(value);
}
