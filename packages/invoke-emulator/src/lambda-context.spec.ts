/**
 * What a function sees: the remaining-time countdown stopping at 0, log stream names, and an environment of
 * reserved variables and its own, nothing else of the parent process.
 */
import { createFunctionEnvironment, createLambdaContext, createLogStreamName } from './lambda-context';

const fields = {
  awsRequestId: 'id-1',
  functionName: 'f',
  functionVersion: '$LATEST',
  memoryLimitInMB: '128',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  logGroupName: '/aws/lambda/f',
  logStreamName: '2026/01/02/[$LATEST]abc',
  deadlineMs: 10_000,
  clientContext: '{"custom":{"a":1}}',
};

test('getRemainingTimeInMillis counts down to the deadline and stops at 0', () => {
  let now = 4_000;
  const context = createLambdaContext(fields, () => now);
  expect(context.getRemainingTimeInMillis()).toBe(6_000);
  now = 9_999;
  expect(context.getRemainingTimeInMillis()).toBe(1);
  now = 12_000;
  expect(context.getRemainingTimeInMillis()).toBe(0);
  expect(context).toMatchObject({
    awsRequestId: 'id-1',
    functionName: 'f',
    memoryLimitInMB: '128',
    clientContext: { custom: { a: 1 } },
    callbackWaitsForEmptyEventLoop: true,
  });
});

test('the log stream name has the date, the version and 32 hex digits', () => {
  expect(createLogStreamName('7', new Date('2026-03-04T00:00:00Z'))).toMatch(/^2026\/03\/04\/\[7\][0-9a-f]{32}$/);
});

test('a function environment has the reserved variables and its own, nothing else of the parent', () => {
  const env = createFunctionEnvironment({
    functionName: 'f',
    functionVersion: '$LATEST',
    memoryMb: 256,
    region: 'eu-west-1',
    logStreamName: 's',
    handlerFile: '/b/index.js',
    handlerExport: 'handler',
    environment: { KEEPALIVE: 'on', AWS_REGION: 'override-allowed' },
    inherited: { PATH: '/usr/bin', SECRET_OF_THE_EMULATOR: 'x' },
  });
  expect(env).toMatchObject({
    AWS_REGION: 'override-allowed',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: 'f',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
    AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/f',
    KEEPALIVE: 'on',
    PATH: '/usr/bin',
  });
  expect(env).not.toHaveProperty('SECRET_OF_THE_EMULATOR');
});
