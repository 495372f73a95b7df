/**
 * The built caller bundle (dist/index.js) against the test-kit's Invoke server: the contracted result and
 * JSON logs, client error names kept through minification, a clear failure when CALLEE_FUNCTION_NAME is missing.
 */
import path from 'node:path';
import { sendJson, setKeepAliveTakesIntervalAndCount, useBundleFixture } from '@lambda-keepalive/test-kit';

describe('built bundle dist/index.js', () => {
  const fixture = useBundleFixture(path.join(__dirname, '../dist/index.js'));
  const runBundle = (env: Record<string, string>, event: unknown) => fixture.run(env, event);

  it('invokes through AWS_ENDPOINT_URL_LAMBDA and returns the contracted shape, logging JSON lines', async () => {
    const { outcome, logs } = await runBundle(
      { CALLEE_FUNCTION_NAME: 'callee-fn', KEEPALIVE_IDLE_SECONDS: '45' },
      { durationSeconds: 0.1, payload: { secret: 'do-not-log' } },
    );

    expect(outcome).toEqual({
      outcome: 'result',
      result: {
        calleeResult: { sleptMs: 1 },
        elapsedMs: expect.any(Number),
        keepAlive: {
          enabled: true,
          idleSeconds: 45,
          probeIntervalSeconds: 5,
          probeCount: 6,
          probeSettingsApplied: setKeepAliveTakesIntervalAndCount,
        },
        // Compared with the host's own values in bundle-find-idle-limit.spec.ts.
        kernel: expect.objectContaining({ soKeepAliveOnlySurvives350sIdle: expect.anything() }),
      },
    });
    expect(
      fixture.server.invocations.map(({ functionName, body }) => ({ functionName, payload: JSON.parse(body) })),
    ).toEqual([{ functionName: 'callee-fn', payload: { durationSeconds: 0.1, payload: { secret: 'do-not-log' } } }]);
    const messages = logs.map((line) => line.message);
    expect(messages[0]).toBe('start');
    expect(messages.at(-1)).toBe('response');
    expect(logs[0]).toMatchObject({
      level: 'INFO',
      function_request_id: 'bundle-req',
      keepAlive: { enabled: true, idleSeconds: 45, probeIntervalSeconds: 5, probeCount: 6 },
    });
    // The client logs the connection it opened with the keepalive it applied.
    expect(logs.some((line) => /connect/i.test(String(line.message)) && JSON.stringify(line).includes('45'))).toBe(
      true,
    );
    expect(JSON.stringify(logs)).not.toContain('do-not-log');
    expect(JSON.stringify(logs)).not.toContain('test-secret');
  });

  it('keeps the client error names through minification (Lambda reports them as errorType)', async () => {
    fixture.server.respond = (_invocation, res) =>
      sendJson(
        res,
        200,
        { errorType: 'CalleeRequestedFailureError', errorMessage: 'asked to fail', trace: [] },
        {
          'X-Amz-Function-Error': 'Unhandled',
        },
      );
    const { outcome, logs } = await runBundle({ CALLEE_FUNCTION_NAME: 'callee-fn' }, { durationSeconds: 1 });

    expect(outcome).toMatchObject({ outcome: 'error', name: 'CalleeFunctionError' });
    expect(logs.at(-1)).toMatchObject({ level: 'ERROR', message: 'error', errorName: 'CalleeFunctionError' });
  });

  it('fails clearly on a missing CALLEE_FUNCTION_NAME and invokes nothing', async () => {
    const { outcome, logs } = await runBundle({}, { durationSeconds: 1 });

    expect(outcome).toMatchObject({
      outcome: 'error',
      name: 'CallerConfigError',
      message: expect.stringMatching(/CALLEE_FUNCTION_NAME/),
    });
    expect(logs.at(-1)).toMatchObject({ errorName: 'CallerConfigError', hint: expect.any(String) });
    expect(fixture.server.invocations).toHaveLength(0);
  });
});
