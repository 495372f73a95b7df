/**
 * The built callee bundle (dist/index.js) loaded the way Lambda loads it: it sleeps, returns its result,
 * logs Powertools JSON lines, and keeps its error names through minification.
 */
import path from 'node:path';
import { createFakeLambdaContext } from '@lambda-keepalive/test-kit';

// The bundle is what AWS and the lab run; turbo's `test` task depends on `build`, so it exists.
const bundlePath = path.join(__dirname, '../dist/index.js');

describe('built bundle dist/index.js', () => {
  let written: string[];
  let writeSpies: jest.SpyInstance[];

  beforeEach(() => {
    written = [];
    // Powertools writes JSON lines straight to process.stdout / stderr (ERROR) with its own Console
    // in Lambda mode; both streams end up in CloudWatch Logs.
    writeSpies = [process.stdout, process.stderr].map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(chunk.toString());
        return true;
      }),
    );
  });
  afterEach(() => {
    for (const spy of writeSpies) spy.mockRestore();
  });

  function logLines(): Array<Record<string, unknown>> {
    return written
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it('exports a handler that sleeps, returns the result and logs JSON lines', async () => {
    const { handler } = require(bundlePath) as typeof import('./index');
    const context = createFakeLambdaContext({ awsRequestId: 'bundle-req', functionName: 'callee' });

    const result = await handler({ durationSeconds: 0.05 }, context);

    expect(result).toMatchObject({ requestId: 'bundle-req' });
    expect(result.sleptMs).toBeGreaterThanOrEqual(49);
    const lines = logLines();
    expect(lines.map((line) => line.message)).toEqual(['start', 'done']);
    expect(lines[0]).toMatchObject({ level: 'INFO', function_request_id: 'bundle-req', requestedMs: 50 });
  });

  it('keeps error names through minification', async () => {
    const { handler } = require(bundlePath) as typeof import('./index');
    await expect(handler({ fail: true }, createFakeLambdaContext())).rejects.toMatchObject({
      name: 'CalleeRequestedFailureError',
    });
    expect(logLines().at(-1)).toMatchObject({
      level: 'ERROR',
      message: 'error',
      errorName: 'CalleeRequestedFailureError',
    });
  });
});
