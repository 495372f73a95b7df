// A Lambda context for tests, shaped like the runtime's: getRemainingTimeInMillis() counts down to a real
// deadline, which is what the callee's sleep budget and the client's invoke deadline read. Plain CommonJS
// (types in fake-lambda-context.d.ts) so a child process running a built bundle can require it too.

const { randomUUID } = require('node:crypto');

/** @param {import('./fake-lambda-context').FakeLambdaContextOptions} [options] */
function createFakeLambdaContext(options = {}) {
  const now = options.now ?? Date.now;
  const functionName = options.functionName ?? 'test-function';
  const deadline = now() + (options.timeoutMs ?? 30_000);
  const region = 'eu-west-1';
  const unsupported = (name) => () => {
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

module.exports = { createFakeLambdaContext };
