import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sendJson, startLambdaTestServer, type LambdaTestServer } from '../../keepalive-client/src/test-support/lambda-test-server';

// The bundle is what AWS and the lab run (turbo's `test` depends on `build`, so it exists). It runs
// in a child process with only the environment a Lambda would have: the SDK finds the endpoint in
// the standard AWS_ENDPOINT_URL_LAMBDA and trusts the test certificate through NODE_EXTRA_CA_CERTS
// (read at process start only, hence the child).
const bundlePath = path.join(__dirname, '../dist/index.js');

/** Runs handler(event, context) of the bundle; the last stdout line is the outcome, the rest are logs. */
const RUNNER = `
const { handler } = require(process.env.BUNDLE);
const deadline = Date.now() + 10000;
const context = { awsRequestId: 'bundle-req', functionName: 'caller', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:caller', memoryLimitInMB: '128',
  logGroupName: '/aws/lambda/caller', logStreamName: 's', getRemainingTimeInMillis: () => deadline - Date.now() };
handler(JSON.parse(process.env.EVENT), context).then(
  (result) => console.log(JSON.stringify({ outcome: 'result', result })),
  (error) => console.log(JSON.stringify({ outcome: 'error', name: error.name, message: error.message })),
);`;

interface BundleRun {
  outcome: { outcome: 'result' | 'error'; result?: unknown; name?: string; message?: string };
  logs: Array<Record<string, unknown>>;
}

describe('built bundle dist/index.js', () => {
  let server: LambdaTestServer;
  let tempDir: string;
  let caFile: string;

  beforeAll(async () => {
    server = await startLambdaTestServer();
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'caller-bundle-'));
    caFile = path.join(tempDir, 'ca.pem');
    await writeFile(caFile, server.ca);
  });
  afterAll(async () => {
    await server.close();
    await rm(tempDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    server.invocations.length = 0;
    server.respond = (_invocation, res) => sendJson(res, 200, { sleptMs: 1 });
  });

  function runBundle(env: Record<string, string>, event: unknown): Promise<BundleRun> {
    const child = spawn(process.execPath, ['-e', RUNNER], {
      env: {
        PATH: process.env.PATH ?? '',
        BUNDLE: bundlePath,
        EVENT: JSON.stringify(event),
        NODE_EXTRA_CA_CERTS: caFile,
        AWS_ENDPOINT_URL_LAMBDA: server.endpoint,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKIDTEST',
        AWS_SECRET_ACCESS_KEY: 'test-secret',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        const lines = (stdout + stderr).split('\n').filter((line) => line.startsWith('{'));
        const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        const outcome = parsed.find((line) => 'outcome' in line);
        if (code !== 0 || outcome === undefined) {
          reject(new Error(`bundle run failed (exit ${code}): ${stdout}${stderr}`));
          return;
        }
        resolve({ outcome: outcome as BundleRun['outcome'], logs: parsed.filter((line) => !('outcome' in line)) });
      });
    });
  }

  it('invokes through AWS_ENDPOINT_URL_LAMBDA and returns the contracted shape, logging JSON lines', async () => {
    const { outcome, logs } = await runBundle(
      { CALLEE_FUNCTION_NAME: 'callee-fn', KEEPALIVE_IDLE_SECONDS: '45' },
      { durationSeconds: 0.1, payload: { secret: 'do-not-log' } },
    );

    expect(outcome).toEqual({
      outcome: 'result',
      result: { calleeResult: { sleptMs: 1 }, elapsedMs: expect.any(Number), keepalive: { enabled: true, idleSeconds: 45 } },
    });
    expect(server.invocations.map(({ functionName, body }) => ({ functionName, payload: JSON.parse(body) }))).toEqual([
      { functionName: 'callee-fn', payload: { durationSeconds: 0.1, payload: { secret: 'do-not-log' } } },
    ]);
    const messages = logs.map((line) => line.message);
    expect(messages[0]).toBe('start');
    expect(messages.at(-1)).toBe('response');
    expect(logs[0]).toMatchObject({ level: 'INFO', function_request_id: 'bundle-req', keepalive: { enabled: true, idleSeconds: 45 } });
    // The client logs the connection it opened with the keepalive it applied.
    expect(logs.some((line) => /connect/i.test(String(line.message)) && JSON.stringify(line).includes('45'))).toBe(true);
    expect(JSON.stringify(logs)).not.toContain('do-not-log');
    expect(JSON.stringify(logs)).not.toContain('test-secret');
  });

  it('keeps the client error names through minification (Lambda reports them as errorType)', async () => {
    server.respond = (_invocation, res) =>
      sendJson(res, 200, { errorType: 'CalleeRequestedFailure', errorMessage: 'asked to fail', trace: [] }, {
        'X-Amz-Function-Error': 'Unhandled',
      });
    const { outcome, logs } = await runBundle({ CALLEE_FUNCTION_NAME: 'callee-fn' }, { durationSeconds: 1 });

    expect(outcome).toMatchObject({ outcome: 'error', name: 'CalleeFunctionError' });
    expect(logs.at(-1)).toMatchObject({ level: 'ERROR', message: 'error', errorName: 'CalleeFunctionError' });
  });

  it('fails clearly on a missing CALLEE_FUNCTION_NAME and invokes nothing', async () => {
    const { outcome, logs } = await runBundle({}, { durationSeconds: 1 });

    expect(outcome).toMatchObject({ outcome: 'error', name: 'CallerConfigError', message: expect.stringMatching(/CALLEE_FUNCTION_NAME/) });
    expect(logs.at(-1)).toMatchObject({ errorName: 'CallerConfigError', hint: expect.any(String) });
    expect(server.invocations).toHaveLength(0);
  });
});
