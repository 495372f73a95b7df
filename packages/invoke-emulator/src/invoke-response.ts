/** The HTTP answer to a synchronous invoke once the function has run, including Lambda's response size limit. */
import type { InvocationOutcome } from './worker-pool';

/** Lambda's synchronous response limit; a bigger result becomes a function error (Lambda quotas page). */
export const RESPONSE_PAYLOAD_LIMIT_BYTES = 6_291_556;

export interface InvokeHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The wire answer to a synchronous invoke (docs/lambda-invoke-api.md): always 200 once the function ran;
 * a failure is flagged by `X-Amz-Function-Error: Unhandled` with the error document as payload.
 */
export function buildInvokeResponse(input: {
  requestId: string;
  executedVersion: string;
  outcome: InvocationOutcome;
  logTailBase64: string | undefined;
}): InvokeHttpResponse {
  const { outcome } = input;
  let body: string;
  let failed = outcome.kind !== 'ok';
  if (outcome.kind === 'ok' && Buffer.byteLength(outcome.payload) > RESPONSE_PAYLOAD_LIMIT_BYTES) {
    failed = true;
    const limit = `${RESPONSE_PAYLOAD_LIMIT_BYTES} bytes`;
    body = JSON.stringify({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: `Response payload size exceeded maximum allowed payload size (${limit}).`,
    });
  } else {
    body = outcome.kind === 'ok' ? outcome.payload : JSON.stringify(outcome.error);
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'x-amzn-RequestId': input.requestId,
    'X-Amz-Executed-Version': input.executedVersion,
  };
  if (failed) headers['X-Amz-Function-Error'] = 'Unhandled';
  if (input.logTailBase64 !== undefined) headers['X-Amz-Log-Result'] = input.logTailBase64;
  return { statusCode: 200, headers, body };
}
