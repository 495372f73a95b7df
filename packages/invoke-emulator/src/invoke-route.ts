/** Decodes an Invoke request's path, query and headers into what it asks for; bad ones get the service's errors. */
import type { IncomingHttpHeaders } from 'node:http';
import { invalidParameterValue, LambdaServiceError, unknownOperation, validationError } from './service-errors';

export const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;
export type InvocationType = (typeof INVOCATION_TYPES)[number];
export const LOG_TYPES = ['None', 'Tail'] as const;
export type LogType = (typeof LOG_TYPES)[number];

/** What an Invoke request asks for, decoded from its path, query and headers (docs/lambda-invoke-api.md). */
export interface InvokeRoute {
  functionName: string;
  /** From the `Qualifier` query or the `name:qualifier` / ARN suffix; undefined means unqualified ($LATEST). */
  qualifier: string | undefined;
  invocationType: InvocationType;
  logType: LogType;
  /** Base64 `X-Amz-Client-Context`, decoded to its JSON text, or undefined. */
  clientContext: string | undefined;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;
// Lambda API reference, Invoke, FunctionName: name, name:qualifier, partial ARN or full ARN.
const FULL_ARN = /^arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(?:-gov)?-[a-z]+-\d{1}:\d{12}:function:(.+)$/;
const PARTIAL_ARN = /^\d{12}:function:(.+)$/;
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const QUALIFIER = /^(?:\$LATEST|[a-zA-Z0-9_-]{1,128})$/;

export function parseInvokeRoute(
  method: string | undefined,
  rawUrl: string | undefined,
  headers: IncomingHttpHeaders,
): InvokeRoute {
  const url = new URL(rawUrl ?? '/', 'https://emulator.invalid');
  const match = INVOKE_PATH.exec(url.pathname);
  if (method !== 'POST' || !match?.[1]) throw unknownOperation(method ?? '?', url.pathname);
  const { name, qualifier: nameQualifier } = parseFunctionName(decodePathSegment(match[1]));
  const queryQualifier = url.searchParams.get('Qualifier') ?? undefined;
  if (queryQualifier !== undefined && !QUALIFIER.test(queryQualifier)) {
    throw validationError(
      'qualifier',
      queryQualifier,
      `Member must satisfy regular expression pattern: ${QUALIFIER.source}`,
    );
  }
  if (queryQualifier !== undefined && nameQualifier !== undefined && queryQualifier !== nameQualifier) {
    throw invalidParameterValue('The derived qualifier from the function name does not match the specified qualifier.');
  }
  return {
    functionName: name,
    qualifier: queryQualifier ?? nameQualifier,
    invocationType: enumHeader(headers, 'x-amz-invocation-type', 'invocationType', INVOCATION_TYPES, 'RequestResponse'),
    logType: enumHeader(headers, 'x-amz-log-type', 'logType', LOG_TYPES, 'None'),
    clientContext: decodeClientContext(singleHeader(headers, 'x-amz-client-context')),
  };
}

/** Splits any accepted FunctionName form into the bare name and an optional qualifier. */
export function parseFunctionName(raw: string): { name: string; qualifier: string | undefined } {
  const unprefixed = FULL_ARN.exec(raw)?.[1] ?? PARTIAL_ARN.exec(raw)?.[1] ?? raw;
  const [name = '', qualifier, ...rest] = unprefixed.split(':');
  if (!NAME.test(name) || rest.length > 0 || (qualifier !== undefined && !QUALIFIER.test(qualifier))) {
    throw validationError(
      'functionName',
      raw,
      'Member must be a function name (1-64 of [a-zA-Z0-9_-]), name:qualifier, a partial ARN or a full ARN',
    );
  }
  return { name, qualifier };
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    throw new LambdaServiceError({
      statusCode: 400,
      errorType: 'ValidationException',
      message: `FunctionName path segment is not valid percent-encoding: ${segment} (${String(cause)})`,
    });
  }
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function enumHeader<T extends string>(
  headers: IncomingHttpHeaders,
  header: string,
  field: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = singleHeader(headers, header);
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw validationError(field, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
}

function decodeClientContext(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = Buffer.from(value, 'base64').toString('utf8');
  try {
    JSON.parse(text);
  } catch {
    throw invalidRequestContentHeader();
  }
  return text;
}

function invalidRequestContentHeader(): LambdaServiceError {
  return new LambdaServiceError({
    statusCode: 400,
    errorType: 'InvalidRequestContentException',
    message: 'Client context must be a valid Base64-encoded JSON object.',
  });
}
