/**
 * FunctionRegistry: configuration refused by field, timeouts up to maxTimeoutSeconds, version and ARN
 * resolution (or a 404), injected throttles, and reserved/account concurrency answered with Lambda's Reason.
 */
import { InvalidEmulatorInputError } from './emulator-errors';
import { type EmulatedFunction, FunctionRegistry } from './function-registry';
import { LambdaServiceError } from './service-errors';

const options = {
  region: 'us-east-1',
  accountId: '123456789012',
  accountConcurrency: 3,
  retryAfterSeconds: 2,
  maxTimeoutSeconds: 900,
};
const base: EmulatedFunction = { name: 'f', handlerFile: __filename, timeoutSeconds: 3 };
const registry = (...functions: EmulatedFunction[]) => new FunctionRegistry(functions, options);

test.each([
  [{ ...base, name: 'bad name' }, 'functions[0].name'],
  [{ ...base, handlerFile: 'index.js' }, 'functions[0].handlerFile'],
  [{ ...base, handlerFile: '/nonexistent/bundle.js' }, 'functions[0].handlerFile'],
  [{ ...base, timeoutSeconds: 901 }, 'functions[0].timeoutSeconds'],
  [{ ...base, timeoutSeconds: 0 }, 'functions[0].timeoutSeconds'],
  [{ ...base, memoryMb: 64 }, 'functions[0].memoryMb'],
  [{ ...base, reservedConcurrency: -1 }, 'functions[0].reservedConcurrency'],
  [{ ...base, version: '$LATEST' }, 'functions[0].version'],
  [{ ...base, environment: { '1X': 'v' } }, 'functions[0].environment.1X'],
])('%j is rejected naming %s', (fn, field) => {
  expect(() => registry(fn)).toThrow(InvalidEmulatorInputError);
  expect(() => registry(fn)).toThrow(expect.objectContaining({ field }));
});

test('timeouts above 900 s are accepted only up to a raised maxTimeoutSeconds (the lab allowance)', () => {
  expect(() => registry({ ...base, timeoutSeconds: 900.5 })).toThrow(/<= 900 \(Lambda maximum\)/);
  const raised = new FunctionRegistry([{ ...base, timeoutSeconds: 901 }], { ...options, maxTimeoutSeconds: 901 });
  expect(raised.resolve('f', undefined).fn.timeoutSeconds).toBe(901);
  expect(
    () => new FunctionRegistry([{ ...base, timeoutSeconds: 902 }], { ...options, maxTimeoutSeconds: 901 }),
  ).toThrow(/timeoutSeconds: 902 is invalid: must be a number > 0 and <= 901 \(maxTimeoutSeconds\)/);
});

test('names must be unique and the list non-empty', () => {
  expect(() => registry(base, base)).toThrow(/functions\[1\]\.name: "f" is invalid: must be unique/);
  expect(() => registry()).toThrow(/functions: \[\] is invalid: must be a non-empty array/);
});

test('resolve gives the executed version and the addressed ARN, or a 404', () => {
  const functions = registry({ ...base, version: '2' });
  expect(functions.resolve('f', undefined)).toMatchObject({
    executedVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  });
  expect(functions.resolve('f', '2')).toMatchObject({
    executedVersion: '2',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:2',
  });
  expect(() => functions.resolve('f', '3')).toThrow(LambdaServiceError);
  expect(() => functions.resolve('g', undefined)).toThrow(
    'Function not found: arn:aws:lambda:us-east-1:123456789012:function:g',
  );
});

test('an injected throttle answers the next N invokes 429 with Retry-After, then capacity returns', () => {
  const functions = registry(base, { ...base, name: 'g' });
  functions.throttleNext('f', 2);
  expect(functions.takeInjectedThrottle('g')).toBeUndefined();
  const first = functions.takeInjectedThrottle('f');
  expect(first?.statusCode).toBe(429);
  expect(first?.headers).toEqual({ 'Retry-After': '2' });
  expect(functions.takeInjectedThrottle('f')?.statusCode).toBe(429);
  expect(functions.takeInjectedThrottle('f')).toBeUndefined();
  expect(() => functions.throttleNext('nope', 1)).toThrow(
    'throttle.function: "nope" is invalid: must name a configured function',
  );
  expect(() => functions.throttleNext('f', -1)).toThrow('throttle.times');
});

test('reserved and account concurrency throttle with the matching Reason', () => {
  const functions = registry({ ...base, reservedConcurrency: 1 }, { ...base, name: 'g' });
  expect(functions.tryAcquire('f')).toBeUndefined();
  expect(functions.tryAcquire('f')?.body).toEqual({
    Type: 'User',
    message: 'Rate Exceeded.',
    Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
  });
  expect(functions.tryAcquire('f')?.headers).toEqual({ 'Retry-After': '2' });
  expect(functions.tryAcquire('g')).toBeUndefined();
  expect(functions.tryAcquire('g')).toBeUndefined();
  expect(functions.tryAcquire('g')?.body.Reason).toBe('ConcurrentInvocationLimitExceeded');
  functions.release('f');
  expect(functions.activeCount('f')).toBe(0);
  expect(functions.tryAcquire('g')).toBeUndefined();
});
