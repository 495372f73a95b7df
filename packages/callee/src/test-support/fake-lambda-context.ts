import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface FakeLambdaContextOptions {
  functionName?: string;
  awsRequestId?: string;
  /** The function's configured timeout; the deadline is `now() + timeoutMs` at creation. */
  timeoutMs?: number;
  memoryLimitInMB?: number;
  /** Injectable clock (epoch ms), so a test can move time without sleeping. */
  now?: () => number;
}

/**
 * A Lambda context for tests, shaped like Powertools' testing-utils context but with a real
 * deadline: getRemainingTimeInMillis() counts down like the runtime's does, which is what the
 * callee's sleep budget and the client's invoke deadline read. Shared by the caller's tests.
 */
export function createFakeLambdaContext(options: FakeLambdaContextOptions = {}): Context {
  const now = options.now ?? Date.now;
  const functionName = options.functionName ?? 'test-function';
  const deadline = now() + (options.timeoutMs ?? 30_000);
  const region = 'eu-west-1';
  const unsupported = (name: string) => (): never => {
    throw new Error(`context.${name}() is the legacy callback API; handlers here are async`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:123456789012:function:${functionName}`,
    memoryLimitInMB: String(options.memoryLimitInMB ?? 128),
    awsRequestId: options.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2026/01/01/[$LATEST]${randomUUID().replace(/-/g, '')}`,
    getRemainingTimeInMillis: () => Math.max(deadline - now(), 0),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}
