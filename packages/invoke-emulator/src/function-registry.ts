/**
 * The emulator's functions: their configuration checked, a FunctionName and Qualifier resolved to a version,
 * and running executions counted against reserved and account concurrency (429 when exhausted).
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { InvalidEmulatorInputError } from './emulator-errors';
import { type LambdaServiceError, resourceNotFound, tooManyRequests } from './service-errors';

/** One function of the emulator's configuration (docs/emulator-protocol.md). */
export interface EmulatedFunction {
  name: string;
  /** Absolute path to a CommonJS bundle (e.g. packages/callee/dist/index.js). */
  handlerFile: string;
  handlerExport?: string;
  /**
   * Lambda allows 1..900 s; fractions are allowed here because the lab scales time
   * (see EmulatorConfig.maxTimeoutSeconds).
   */
  timeoutSeconds: number;
  memoryMb?: number;
  environment?: Record<string, string>;
  /** Maximum concurrent executions; beyond it a synchronous invoke gets 429. 0 throttles everything. */
  reservedConcurrency?: number;
  /** A published version number the function may also be invoked as (Qualifier). */
  version?: string;
}

export interface RegisteredFunction extends Required<Omit<EmulatedFunction, 'reservedConcurrency' | 'version'>> {
  reservedConcurrency: number | undefined;
  version: string | undefined;
  /** Unqualified ARN, `arn:aws:lambda:<region>:<account>:function:<name>`. */
  arn: string;
}

export interface InvocationTarget {
  fn: RegisteredFunction;
  /** `X-Amz-Executed-Version`: $LATEST unless the qualifier names the configured version. */
  executedVersion: string;
  /** The ARN the caller addressed, qualified when it gave a qualifier (context.invokedFunctionArn). */
  invokedFunctionArn: string;
}

export interface RegistryOptions {
  region: string;
  accountId: string;
  accountConcurrency: number;
  retryAfterSeconds: number;
  maxTimeoutSeconds: number;
}

/** Lambda's maximum function timeout. */
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const EXPORT_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;
const ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const VERSION = /^[1-9][0-9]*$/;

/** The configured functions, how to address them, and how many of each run right now. */
export class FunctionRegistry {
  private readonly functions = new Map<string, RegisteredFunction>();
  private readonly active = new Map<string, number>();
  private readonly injectedThrottles = new Map<string, number>();
  private totalActive = 0;

  constructor(
    functions: readonly EmulatedFunction[],
    private readonly options: RegistryOptions,
  ) {
    if (!Array.isArray(functions) || functions.length === 0) {
      throw new InvalidEmulatorInputError('functions', functions, 'must be a non-empty array of functions');
    }
    functions.forEach((input, index) => {
      const fn = validateFunction(input, index, options);
      if (this.functions.has(fn.name)) {
        throw new InvalidEmulatorInputError(`functions[${index}].name`, fn.name, 'must be unique');
      }
      this.functions.set(fn.name, fn);
      this.active.set(fn.name, 0);
    });
  }

  list(): RegisteredFunction[] {
    return [...this.functions.values()];
  }

  /** Throws ResourceNotFoundException (404) for an unknown name or a qualifier that is not $LATEST/the version. */
  resolve(name: string, qualifier: string | undefined): InvocationTarget {
    const { region, accountId } = this.options;
    const addressed = `arn:aws:lambda:${region}:${accountId}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
    const fn = this.functions.get(name);
    if (!fn) throw resourceNotFound(addressed);
    if (qualifier === undefined || qualifier === '$LATEST') {
      return { fn, executedVersion: '$LATEST', invokedFunctionArn: addressed };
    }
    if (qualifier === fn.version) return { fn, executedVersion: fn.version, invokedFunctionArn: addressed };
    throw resourceNotFound(addressed);
  }

  /** Takes a concurrency slot, or returns the 429 the service would answer. */
  tryAcquire(name: string): LambdaServiceError | undefined {
    const fn = this.functions.get(name);
    const running = this.active.get(name) ?? 0;
    if (fn?.reservedConcurrency !== undefined && running >= fn.reservedConcurrency) {
      return tooManyRequests('ReservedFunctionConcurrentInvocationLimitExceeded', this.options.retryAfterSeconds);
    }
    if (this.totalActive >= this.options.accountConcurrency) {
      return tooManyRequests('ConcurrentInvocationLimitExceeded', this.options.retryAfterSeconds);
    }
    this.active.set(name, running + 1);
    this.totalActive += 1;
    return undefined;
  }

  /**
   * Lab fault: the next `times` synchronous invokes of `name` are answered 429 (with Retry-After) as if the
   * account were at its concurrency limit, then capacity returns. Unknown names are refused (a typo would
   * otherwise throttle nothing and the fault would silently not happen).
   */
  throttleNext(name: string, times: number): void {
    if (!this.functions.has(name))
      throw new InvalidEmulatorInputError('throttle.function', name, 'must name a configured function');
    if (!Number.isInteger(times) || times < 0)
      throw new InvalidEmulatorInputError('throttle.times', times, 'must be an integer >= 0');
    this.injectedThrottles.set(name, times);
  }

  /** Consumes one injected throttle of `name`, returning the 429 to answer, if one is armed. */
  takeInjectedThrottle(name: string): LambdaServiceError | undefined {
    const left = this.injectedThrottles.get(name) ?? 0;
    if (left <= 0) return undefined;
    this.injectedThrottles.set(name, left - 1);
    return tooManyRequests('ConcurrentInvocationLimitExceeded', this.options.retryAfterSeconds);
  }

  release(name: string): void {
    const running = this.active.get(name) ?? 0;
    if (running <= 0) return;
    this.active.set(name, running - 1);
    this.totalActive -= 1;
  }

  activeCount(name: string): number {
    return this.active.get(name) ?? 0;
  }
}

function validateFunction(input: EmulatedFunction, index: number, options: RegistryOptions): RegisteredFunction {
  const at = (field: string) => `functions[${index}].${field}`;
  if (typeof input !== 'object' || input === null)
    throw new InvalidEmulatorInputError(`functions[${index}]`, input, 'must be an object');
  const {
    name,
    handlerFile,
    handlerExport = 'handler',
    timeoutSeconds,
    memoryMb = 128,
    environment = {},
    reservedConcurrency,
    version,
  } = input;
  if (typeof name !== 'string' || !NAME.test(name))
    throw new InvalidEmulatorInputError(at('name'), name, `must match ${NAME.source}`);
  if (typeof handlerFile !== 'string' || !isAbsolute(handlerFile)) {
    throw new InvalidEmulatorInputError(
      at('handlerFile'),
      handlerFile,
      'must be an absolute path to a CommonJS bundle',
    );
  }
  if (!existsSync(handlerFile))
    throw new InvalidEmulatorInputError(at('handlerFile'), handlerFile, 'must exist (build the bundle first)');
  if (typeof handlerExport !== 'string' || !EXPORT_NAME.test(handlerExport)) {
    throw new InvalidEmulatorInputError(at('handlerExport'), handlerExport, 'must be an export name such as "handler"');
  }
  const { maxTimeoutSeconds } = options;
  if (typeof timeoutSeconds !== 'number' || !(timeoutSeconds > 0 && timeoutSeconds <= maxTimeoutSeconds)) {
    const limit =
      maxTimeoutSeconds === LAMBDA_MAX_TIMEOUT_SECONDS
        ? '900 (Lambda maximum)'
        : `${maxTimeoutSeconds} (maxTimeoutSeconds)`;
    throw new InvalidEmulatorInputError(at('timeoutSeconds'), timeoutSeconds, `must be a number > 0 and <= ${limit}`);
  }
  if (!Number.isInteger(memoryMb) || memoryMb < 128 || memoryMb > 10240) {
    throw new InvalidEmulatorInputError(at('memoryMb'), memoryMb, 'must be an integer from 128 to 10240');
  }
  if (typeof environment !== 'object' || environment === null || Array.isArray(environment)) {
    throw new InvalidEmulatorInputError(at('environment'), environment, 'must be an object of string values');
  }
  for (const [key, value] of Object.entries(environment)) {
    if (!ENV_KEY.test(key) || typeof value !== 'string') {
      throw new InvalidEmulatorInputError(
        at(`environment.${key}`),
        value,
        `key must match ${ENV_KEY.source} and value be a string`,
      );
    }
  }
  if (reservedConcurrency !== undefined && (!Number.isInteger(reservedConcurrency) || reservedConcurrency < 0)) {
    throw new InvalidEmulatorInputError(at('reservedConcurrency'), reservedConcurrency, 'must be an integer >= 0');
  }
  if (version !== undefined && (typeof version !== 'string' || !VERSION.test(version))) {
    throw new InvalidEmulatorInputError(at('version'), version, 'must be a published version number such as "1"');
  }
  return {
    name,
    handlerFile,
    handlerExport,
    timeoutSeconds,
    memoryMb,
    environment: { ...environment },
    reservedConcurrency,
    version,
    arn: `arn:aws:lambda:${options.region}:${options.accountId}:function:${name}`,
  };
}
