/** The Lambda service's own error answers (404, 413, 429, 415, 400, 500) as typed errors, and writing them. */
import type { ServerResponse } from 'node:http';

/**
 * An error the Lambda *service* answers instead of running the function. Wire format
 * (docs/lambda-invoke-api.md): the `x-amzn-errortype` header, which the SDK's AwsRestJsonProtocol reads first
 * to pick the typed exception, and a JSON body whose member names follow each error shape in @aws-sdk/client-lambda
 * 3.1164.0 (dist-cjs: ResourceNotFoundException has `Type`/`Message`; RequestTooLarge, TooManyRequests,
 * UnsupportedMediaType, InvalidRequestContent and InvalidParameterValue have `Type`/`message`;
 * TooManyRequests also `Reason` and the `Retry-After` header → `retryAfterSeconds`).
 */
export class LambdaServiceError extends Error {
  readonly statusCode: number;
  readonly errorType: string;
  readonly body: Record<string, string>;
  readonly headers: Record<string, string>;

  constructor(input: {
    statusCode: number;
    errorType: string;
    message: string;
    messageKey?: 'message' | 'Message';
    extraBody?: Record<string, string>;
    headers?: Record<string, string>;
  }) {
    super(input.message);
    this.name = input.errorType;
    this.statusCode = input.statusCode;
    this.errorType = input.errorType;
    this.body = { Type: 'User', [input.messageKey ?? 'message']: input.message, ...input.extraBody };
    this.headers = input.headers ?? {};
  }
}

export function resourceNotFound(functionArn: string): LambdaServiceError {
  return new LambdaServiceError({
    statusCode: 404,
    errorType: 'ResourceNotFoundException',
    message: `Function not found: ${functionArn}`,
    messageKey: 'Message',
  });
}

export function requestTooLarge(limitBytes: number): LambdaServiceError {
  return new LambdaServiceError({
    statusCode: 413,
    errorType: 'RequestTooLargeException',
    message: `Request must be smaller than ${limitBytes} bytes for the InvokeFunction operation`,
  });
}

/** Reason is `ReservedFunctionConcurrentInvocationLimitExceeded` when the function's own reservation is used up. */
export function tooManyRequests(reason: string, retryAfterSeconds: number): LambdaServiceError {
  return new LambdaServiceError({
    statusCode: 429,
    errorType: 'TooManyRequestsException',
    message: 'Rate Exceeded.',
    extraBody: { Reason: reason },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

export function unsupportedMediaType(contentType: string): LambdaServiceError {
  return new LambdaServiceError({
    statusCode: 415,
    errorType: 'UnsupportedMediaTypeException',
    message: `Unsupported content type: ${contentType}. The payload must be JSON.`,
  });
}

export function invalidRequestContent(detail: string): LambdaServiceError {
  return new LambdaServiceError({
    statusCode: 400,
    errorType: 'InvalidRequestContentException',
    message: `Could not parse request body into json: ${detail}`,
  });
}

export function invalidParameterValue(message: string): LambdaServiceError {
  return new LambdaServiceError({ statusCode: 400, errorType: 'InvalidParameterValueException', message });
}

export function serviceException(message: string): LambdaServiceError {
  return new LambdaServiceError({ statusCode: 500, errorType: 'ServiceException', message });
}

export function writeServiceError(response: ServerResponse, error: LambdaServiceError, requestId: string): void {
  const body = JSON.stringify(error.body);
  response.writeHead(error.statusCode, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': error.errorType,
    ...error.headers,
  });
  response.end(body);
}

/** Smithy input validation failures (pattern / enum) come back as a plain ValidationException, status 400. */
export function validationError(field: string, value: string, rule: string): LambdaServiceError {
  return new LambdaServiceError({
    statusCode: 400,
    errorType: 'ValidationException',
    message: `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${rule}`,
  });
}

export function unknownOperation(method: string, path: string): LambdaServiceError {
  return new LambdaServiceError({
    statusCode: 404,
    errorType: 'UnknownOperationException',
    message: `The emulator only serves POST /2015-03-31/functions/{FunctionName}/invocations, not ${method} ${path}`,
  });
}
