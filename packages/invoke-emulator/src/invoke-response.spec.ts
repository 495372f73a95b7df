/**
 * buildInvokeResponse and validateInvokePayload: success and function-error answers on the wire, the response
 * size limit, and which request payloads are accepted.
 */
import { buildInvokeResponse, RESPONSE_PAYLOAD_LIMIT_BYTES } from './invoke-response';
import { SYNC_PAYLOAD_LIMIT_BYTES, validateInvokePayload } from './request-payload';

test('a success has no X-Amz-Function-Error; the tail header only when asked', () => {
  const answer = buildInvokeResponse({
    requestId: 'r',
    executedVersion: '$LATEST',
    logTailBase64: undefined,
    outcome: { kind: 'ok', payload: '{"a":1}', heapUsedMb: 5 },
  });
  expect(answer).toEqual({
    statusCode: 200,
    body: '{"a":1}',
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': '7',
      'x-amzn-RequestId': 'r',
      'X-Amz-Executed-Version': '$LATEST',
    },
  });
});

test('a function error is 200 + Unhandled + the error document', () => {
  const error = { errorType: 'Sandbox.Timedout', errorMessage: 'late', trace: [] };
  const answer = buildInvokeResponse({
    requestId: 'r',
    executedVersion: '1',
    logTailBase64: 'bG9n',
    outcome: { kind: 'timeout', error, heapUsedMb: 5 },
  });
  expect(answer.statusCode).toBe(200);
  expect(answer.headers).toMatchObject({ 'X-Amz-Function-Error': 'Unhandled', 'X-Amz-Log-Result': 'bG9n' });
  expect(JSON.parse(answer.body)).toEqual(error);
});

test('a result over the response limit becomes Function.ResponseSizeTooLarge', () => {
  const answer = buildInvokeResponse({
    requestId: 'r',
    executedVersion: '$LATEST',
    logTailBase64: undefined,
    outcome: { kind: 'ok', payload: JSON.stringify('x'.repeat(RESPONSE_PAYLOAD_LIMIT_BYTES)), heapUsedMb: 5 },
  });
  expect(answer.headers['X-Amz-Function-Error']).toBe('Unhandled');
  expect(JSON.parse(answer.body).errorType).toBe('Function.ResponseSizeTooLarge');
});

test('payload validation: JSON or empty, JSON-compatible media types only', () => {
  expect(validateInvokePayload('application/octet-stream', Buffer.from(' '))).toBe('');
  expect(validateInvokePayload(undefined, Buffer.from('"just a string"'))).toBe('"just a string"');
  expect(() => validateInvokePayload('application/json', Buffer.from('{'))).toThrow(
    expect.objectContaining({ statusCode: 400, errorType: 'InvalidRequestContentException' }),
  );
  expect(() => validateInvokePayload('multipart/form-data; boundary=x', Buffer.from('{}'))).toThrow(
    expect.objectContaining({ statusCode: 415, errorType: 'UnsupportedMediaTypeException' }),
  );
  expect(SYNC_PAYLOAD_LIMIT_BYTES).toBe(6 * 1024 * 1024);
});
