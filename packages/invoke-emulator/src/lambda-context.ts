/** What a function sees of Lambda: its context object, log group and stream names, and its environment variables. */
import { randomBytes } from 'node:crypto';

/** The context object the handler sees (the Node.js runtime's shape, as far as the lab needs it). */
export interface LambdaContext {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  /** A string, as the Node.js runtime gives it. */
  memoryLimitInMB: string;
  invokedFunctionArn: string;
  logGroupName: string;
  logStreamName: string;
  clientContext: unknown;
  identity: undefined;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

/**
 * The serialisable part of a Lambda context: built in the emulator thread, sent to the worker, turned
 * into the object the handler sees by createLambdaContext (functions cannot cross a thread boundary).
 */
export type LambdaContextFields = Omit<
  LambdaContext,
  'clientContext' | 'identity' | 'callbackWaitsForEmptyEventLoop' | 'getRemainingTimeInMillis'
> & {
  /** Epoch milliseconds when the function times out; getRemainingTimeInMillis counts down to it. */
  deadlineMs: number;
  /** Decoded X-Amz-Client-Context JSON text, if the caller sent one. */
  clientContext: string | undefined;
};

/** `now` is injectable so the countdown is testable without waiting. */
export function createLambdaContext(fields: LambdaContextFields, now: () => number = Date.now): LambdaContext {
  const { deadlineMs, clientContext, ...plain } = fields;
  return {
    ...plain,
    clientContext: clientContext === undefined ? undefined : JSON.parse(clientContext),
    identity: undefined,
    // The emulator answers when the handler settles (as with this flag false); the flag is kept for handlers
    // that set it. Lambda's "wait for an empty event loop" has no equivalent in a reused worker.
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - now()),
  };
}

/** `2026/01/31/[$LATEST]0123456789abcdef0123456789abcdef`, one per execution environment (worker). */
export function createLogStreamName(version: string, date: Date = new Date()): string {
  const day = date.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

export function logGroupNameOf(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/**
 * The environment one execution environment sees: the runtime's reserved variables, then the function's
 * own (which win, so the lab can hand a caller dummy credentials and AWS_ENDPOINT_URL_LAMBDA). Nothing
 * from the emulator's process.env leaks in except PATH and LANG, as in Lambda.
 */
export function createFunctionEnvironment(input: {
  functionName: string;
  functionVersion: string;
  memoryMb: number;
  region: string;
  logStreamName: string;
  handlerFile: string;
  handlerExport: string;
  environment: Record<string, string>;
  inherited?: NodeJS.ProcessEnv;
}): Record<string, string> {
  const inherited = input.inherited ?? process.env;
  const reserved: Record<string, string> = {
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split('.')[0]}.x`,
    AWS_LAMBDA_FUNCTION_NAME: input.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: input.functionVersion,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(input.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupNameOf(input.functionName),
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    _HANDLER: `${input.handlerFile}:${input.handlerExport}`,
  };
  for (const key of ['PATH', 'LANG'] as const) {
    const value = inherited[key];
    if (value !== undefined) reserved[key] = value;
  }
  return { ...reserved, ...input.environment };
}
