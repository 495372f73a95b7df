/**
 * Driver for the `keepalive-client` and `keepalive-off` clients: the REAL caller bundle
 * (packages/caller/dist/index.js) run like Lambda runs it, inside the lab's vpc host.
 *
 *   node dist/harness/drivers/caller-driver.js '{"durationSeconds":7.2,"timeoutMs":20000}'
 *   node dist/harness/drivers/caller-driver.js '{"event":{"findIdleLimit":{…}},"timeoutMs":60000}'
 *
 * The caller reads everything else from its environment, as in AWS: CALLEE_FUNCTION_NAME, KEEPALIVE,
 * KEEPALIVE_IDLE_SECONDS, AWS_ENDPOINT_URL_LAMBDA, AWS_REGION, credentials, NODE_EXTRA_CA_CERTS.
 */
import { type LambdaLikeContext, readDriverInput, runLikeLambda } from './lambda-like-run';

type CallerHandler = (event: Record<string, unknown>, context: LambdaLikeContext) => Promise<unknown>;

const input = readDriverInput(process.argv[2]);
// Loaded before the clock starts: Lambda's init phase is not part of the function timeout either.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { handler } = require(require.resolve('@lambda-keepalive/caller')) as { handler: CallerHandler };

runLikeLambda((context) => handler(input.event, context), {
  functionName: 'caller',
  timeoutMs: input.timeoutMs,
});
