/**
 * Driver for the SDK reference clients, without the caller bundle or @lambda-keepalive/client:
 *
 *   node dist/harness/drivers/sdk-driver.js '{"durationSeconds":7.2,"timeoutMs":20000}' default|own-agent
 *
 * - `default`: `new LambdaClient({})` — the SDK's own agent (keepAlive true, keepAliveMsecs 1000) gets
 *   setKeepAlive(true, 1000) 3 s after the request starts (aws/aws-sdk-js-v3#4561, docs/aws-sdk-v3.md), so it is
 *   expected to survive; default retries (maxAttempts 3) are kept on purpose so duplicates would show.
 * - `own-agent`: a user-supplied `new https.Agent()` (keepAlive false) replaces the SDK defaults entirely:
 *   no keepalive at all (docs/node-keepalive.md) — the common trap, expected to hang past the idle limit.
 * Endpoint, region and credentials come from the standard environment (AWS_ENDPOINT_URL_LAMBDA, …).
 */
import { Agent } from 'node:https';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { InvalidLabInputError } from '../../lab-errors';
import { readDriverInput, runLikeLambda } from './lambda-like-run';

type SdkMode = 'default' | 'own-agent';

const input = readDriverInput(process.argv[2]);
const mode = readMode(process.argv[3]);
const functionName = process.env.CALLEE_FUNCTION_NAME;
if (functionName === undefined || functionName === '') {
  throw new InvalidLabInputError(
    'CALLEE_FUNCTION_NAME',
    functionName,
    'must be set: the sdk driver needs the callee function name',
  );
}
const client =
  mode === 'default'
    ? new LambdaClient({})
    : new LambdaClient({ requestHandler: new NodeHttpHandler({ httpsAgent: new Agent() }) });

runLikeLambda(
  async () => {
    const response = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        Payload: JSON.stringify(input.event),
      }),
    );
    const payload: unknown =
      response.Payload === undefined ? undefined : JSON.parse(Buffer.from(response.Payload).toString('utf8'));
    if (response.FunctionError !== undefined) {
      const errorType = (payload as { errorType?: string } | undefined)?.errorType ?? response.FunctionError;
      throw Object.assign(new Error(`callee failed: ${errorType}`), { name: 'CalleeFunctionError' });
    }
    return { calleeResult: payload };
  },
  { functionName: 'caller', timeoutMs: input.timeoutMs },
);

function readMode(value: string | undefined): SdkMode {
  if (value === 'default' || value === 'own-agent') return value;
  throw new InvalidLabInputError('sdk driver mode (argv[3])', value, 'must be "default" or "own-agent"');
}
