/**
 * parseFunctionName and parseInvokeRoute: every accepted FunctionName form, the headers and the Qualifier,
 * and the service's ValidationException or UnknownOperationException for anything else.
 */
import { parseFunctionName, parseInvokeRoute } from './invoke-route';
import { LambdaServiceError } from './service-errors';

const path = (name: string, query = '') => `/2015-03-31/functions/${encodeURIComponent(name)}/invocations${query}`;
const errorOf = (fn: () => unknown): LambdaServiceError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof LambdaServiceError) return error;
    throw error;
  }
  throw new Error('expected a LambdaServiceError');
};

describe('parseFunctionName', () => {
  test.each([
    ['my-function', 'my-function', undefined],
    ['my-function:v1', 'my-function', 'v1'],
    ['my_function:$LATEST', 'my_function', '$LATEST'],
    ['123456789012:function:my-function', 'my-function', undefined],
    ['123456789012:function:my-function:7', 'my-function', '7'],
    ['arn:aws:lambda:us-west-2:123456789012:function:my-function', 'my-function', undefined],
    ['arn:aws-cn:lambda:cn-north-1:123456789012:function:my-function:prod', 'my-function', 'prod'],
    ['arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f', 'f', undefined],
  ])('%s → name %s, qualifier %s', (raw, name, qualifier) => {
    expect(parseFunctionName(raw)).toEqual({ name, qualifier });
  });

  test.each([
    '',
    'has space',
    'a:b:c',
    'x'.repeat(65),
    'name:bad qualifier',
    'arn:aws:lambda:us-east-1:123:function:f',
  ])('rejects %j with a ValidationException naming functionName', (raw) => {
    const error = errorOf(() => parseFunctionName(raw));
    expect(error.statusCode).toBe(400);
    expect(error.errorType).toBe('ValidationException');
    expect(error.message).toContain("at 'functionName'");
  });
});

describe('parseInvokeRoute', () => {
  test('defaults: RequestResponse, no log, unqualified', () => {
    expect(parseInvokeRoute('POST', path('f'), {})).toEqual({
      functionName: 'f',
      qualifier: undefined,
      invocationType: 'RequestResponse',
      logType: 'None',
      clientContext: undefined,
    });
  });

  test('reads the headers, the Qualifier query and the client context', () => {
    const clientContext = Buffer.from('{"custom":{"k":"v"}}').toString('base64');
    expect(
      parseInvokeRoute('POST', path('f', '?Qualifier=%24LATEST'), {
        'x-amz-invocation-type': 'Event',
        'x-amz-log-type': 'Tail',
        'x-amz-client-context': clientContext,
      }),
    ).toEqual({
      functionName: 'f',
      qualifier: '$LATEST',
      invocationType: 'Event',
      logType: 'Tail',
      clientContext: '{"custom":{"k":"v"}}',
    });
  });

  test('a qualifier in the name must agree with the Qualifier query', () => {
    expect(parseInvokeRoute('POST', path('f:3', '?Qualifier=3'), {}).qualifier).toBe('3');
    const error = errorOf(() => parseInvokeRoute('POST', path('f:3', '?Qualifier=4'), {}));
    expect(error).toMatchObject({ statusCode: 400, errorType: 'InvalidParameterValueException' });
  });

  test('an unknown invocation type is a ValidationException listing the allowed values', () => {
    const error = errorOf(() => parseInvokeRoute('POST', path('f'), { 'x-amz-invocation-type': 'Later' }));
    expect(error.message).toContain("Value 'Later' at 'invocationType'");
    expect(error.message).toContain('[RequestResponse, Event, DryRun]');
  });

  test('other paths and methods are UnknownOperationException (404)', () => {
    expect(errorOf(() => parseInvokeRoute('GET', path('f'), {}))).toMatchObject({
      statusCode: 404,
      errorType: 'UnknownOperationException',
    });
    expect(errorOf(() => parseInvokeRoute('POST', '/2015-03-31/functions/f', {})).statusCode).toBe(404);
  });
});
