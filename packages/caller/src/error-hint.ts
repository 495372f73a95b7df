/**
 * One sentence per failure kind telling the reader of CloudWatch Logs where to look. The names
 * are the @lambda-keepalive/client error classes (matched by `name`, which the bundle keeps) and
 * the caller's own. The first one is the reason this project exists (docs/hyperplane-idle-timeout.md).
 */
const HINTS: Record<string, string> = {
  ConnectionLostError:
    'the connection to Lambda broke while waiting for the callee; a NAT gateway or interface VPC endpoint ' +
    'drops flows idle 350 s and answers with RST — keepalive must be on with KEEPALIVE_IDLE_SECONDS < 350 ' +
    '(see keepalive in this line). Not retried: the callee may have run.',
  DeadlineExceededError:
    'this function ran out of time before the callee answered: raise the caller timeout above the callee duration',
  CalleeFunctionError: 'the callee ran and threw: see errorType here and the callee log group',
  InvokeServiceError:
    'the Lambda service refused the invoke: see statusCode (404 name/permission, 429 throttled, 5xx service)',
  ServiceUnreachableError:
    'no connection to the Lambda endpoint: check the route (NAT gateway or interface endpoint with private DNS), ' +
    'security groups, and AWS_ENDPOINT_URL_LAMBDA if set',
  InvalidPayloadError: 'the payload cannot be sent to the callee (JSON only, 6 MB synchronous limit)',
  InvalidCallerEventError: 'fix the event: {"durationSeconds"?: 0..900, "payload"?: any JSON}',
  CallerConfigError: 'fix the function environment variables',
  InvalidOptionError: 'fix the KEEPALIVE* environment variables',
};

export function hintFor(errorName: string): string {
  return HINTS[errorName] ?? 'unexpected error: see errorMessage and the stack in this log group';
}
