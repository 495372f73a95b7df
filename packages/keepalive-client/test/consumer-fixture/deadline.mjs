// invokeSync against the spec's HTTPS server, which never answers: it must stop at its deadline with
// DeadlineExceededError whatever the installed @smithy/node-http-handler rejects with. Prints one JSON line.
import { createLambdaClient, DeadlineExceededError, invokeSync } from '@lambda-keepalive/client';

const lambda = createLambdaClient({
  env: {},
  agentOptions: { ca: process.env.CA },
  clientConfig: {
    region: 'us-east-1',
    endpoint: process.env.ENDPOINT,
    credentials: { accessKeyId: 'AKIDTESTTEST', secretAccessKey: 'test-secret-not-real' },
  },
});
const startedAt = Date.now();
try {
  await invokeSync(lambda, { functionName: 'callee', deadline: startedAt + 1500, deadlineMarginMs: 0 });
  console.log(JSON.stringify({ outcome: 'answered' }));
} catch (error) {
  console.log(
    JSON.stringify({
      name: error.name,
      deadlineExceeded: error instanceof DeadlineExceededError,
      elapsedMs: Date.now() - startedAt,
      causeName: error.cause?.name,
    }),
  );
}
lambda.destroy();
