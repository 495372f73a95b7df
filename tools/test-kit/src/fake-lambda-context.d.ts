/** Types of fake-lambda-context.js: a Lambda context with a real, counting-down deadline. */
import type { Context } from 'aws-lambda';

export interface FakeLambdaContextOptions {
  functionName?: string;
  awsRequestId?: string;
  /** The function's configured timeout; the deadline is `now() + timeoutMs` at creation. Default 30 s. */
  timeoutMs?: number;
  memoryLimitInMB?: number;
  /** Injectable clock (epoch ms), so a test can move time without sleeping. */
  now?: () => number;
}

export function createFakeLambdaContext(options?: FakeLambdaContextOptions): Context;
