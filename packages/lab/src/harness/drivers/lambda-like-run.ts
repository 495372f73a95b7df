/**
 * Runs one call the way Lambda runs a handler: a context whose deadline is the function's timeout, and
 * at the timeout the run ends whatever the handler is doing (Lambda stops the sandbox). The outcome is
 * printed as the driver result line and the process exits — open sockets of a hung call must not keep
 * it alive, exactly as a timed-out Lambda does not linger.
 */
import { randomUUID } from 'node:crypto';
import { InvalidLabInputError } from '../../lab-errors';
import { type DriverOutcome, describeThrown, formatDriverResult } from './driver-result';

export interface DriverInput {
  /**
   * The event the driver's caller gets: from `durationSeconds` (callee duration in lab seconds, already
   * scaled) as `{durationSeconds}`, or given whole as `event` (the idle-limit finder's diagnostic event).
   */
  event: Record<string, unknown>;
  /** The caller's scaled Lambda timeout. */
  timeoutMs: number;
}

/** The subset of the aws-lambda Context the caller bundle and the client use. */
export interface LambdaLikeContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

export interface RunLikeLambdaOptions {
  functionName: string;
  timeoutMs: number;
  now?: () => number;
  write?: (line: string, done: () => void) => void;
  exit?: (code: number) => void;
}

/** argv[2] is the driver input as JSON; the runner builds it, a person can too. */
export function readDriverInput(json: string | undefined): DriverInput {
  let parsed: { durationSeconds?: unknown; event?: unknown; timeoutMs?: unknown };
  try {
    parsed = JSON.parse(json ?? '') as typeof parsed;
  } catch {
    throw new InvalidLabInputError(
      'driver input',
      json,
      'must be JSON {"durationSeconds","timeoutMs"} or {"event","timeoutMs"} as argv[2]',
    );
  }
  const { durationSeconds, event, timeoutMs } = parsed;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new InvalidLabInputError('driver input timeoutMs', timeoutMs, 'must be a number > 0');
  }
  if (event !== undefined) {
    if (durationSeconds !== undefined || typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw new InvalidLabInputError('driver input event', event, 'must be a JSON object, without durationSeconds');
    }
    return { event: event as Record<string, unknown>, timeoutMs };
  }
  if (typeof durationSeconds !== 'number' || !(durationSeconds >= 0)) {
    throw new InvalidLabInputError('driver input durationSeconds', durationSeconds, 'must be a number ≥ 0');
  }
  return { event: { durationSeconds }, timeoutMs };
}

export function createLambdaLikeContext(functionName: string, deadline: number, now: () => number): LambdaLikeContext {
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'lab',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
  };
}

export function runLikeLambda(
  invoke: (context: LambdaLikeContext) => Promise<unknown>,
  options: RunLikeLambdaOptions,
): void {
  const now = options.now ?? Date.now;
  const write = options.write ?? ((line, done) => process.stdout.write(line, () => done()));
  const exit = options.exit ?? ((code) => process.exit(code));
  const startedAt = now();
  let finished = false;
  const finish = (outcome: DriverOutcome): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    write(formatDriverResult(outcome), () => exit(0));
  };
  const timer = setTimeout(() => finish({ outcome: 'timeout', elapsedMs: now() - startedAt }), options.timeoutMs);
  const context = createLambdaLikeContext(options.functionName, startedAt + options.timeoutMs, now);
  let pending: Promise<unknown>;
  try {
    pending = invoke(context);
  } catch (thrown) {
    pending = Promise.reject(thrown);
  }
  pending.then(
    (result) => finish({ outcome: 'ok', result, elapsedMs: now() - startedAt }),
    (thrown: unknown) => finish({ outcome: 'error', error: describeThrown(thrown), elapsedMs: now() - startedAt }),
  );
}
