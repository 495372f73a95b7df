/**
 * Runs a BUILT Lambda bundle's handler(event, context) in a child process with only the environment a
 * Lambda would have (plus what the test passes), against an Invoke test server: the SDK finds the endpoint
 * in the standard AWS_ENDPOINT_URL_LAMBDA and trusts the test certificate through NODE_EXTRA_CA_CERTS,
 * which Node reads at process start only — hence the child. The last stdout line is the outcome, the rest
 * are the bundle's logs.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type LambdaTestServer, sendJson, startLambdaTestServer } from './lambda-test-server';

const RUNNER = `
const { createFakeLambdaContext } = require(process.env.FAKE_CONTEXT_MODULE);
const { handler } = require(process.env.BUNDLE);
const context = createFakeLambdaContext({ awsRequestId: 'bundle-req', functionName: 'caller', timeoutMs: 10000 });
handler(JSON.parse(process.env.EVENT), context).then(
  (result) => console.log(JSON.stringify({ outcome: 'result', result })),
  (error) => console.log(JSON.stringify({ outcome: 'error', name: error.name, message: error.message })),
);`;

export interface BundleRun {
  outcome: { outcome: 'result' | 'error'; result?: unknown; name?: string; message?: string };
  logs: Array<Record<string, unknown>>;
}

export interface BundleFixture {
  /** The Invoke API the bundle talks to; each test scripts its answers (default: 200 {sleptMs: 1}). */
  readonly server: LambdaTestServer;
  /**
   * Runs the bundle against the server with a Lambda's variables (region, execution-role access keys)
   * plus `env`; `undefined` in `env` removes a variable (e.g. the access keys).
   */
  run(env: Record<string, string | undefined>, event: unknown): Promise<BundleRun>;
}

/** Registers the jest hooks that start and stop the test server (and its CA file in os.tmpdir()). */
export function useBundleFixture(bundlePath: string): BundleFixture {
  let server: LambdaTestServer | undefined;
  let tempDir = '';
  let caFile = '';
  const started = (): LambdaTestServer => {
    if (server === undefined) throw new Error('the bundle fixture is used outside a test');
    return server;
  };
  beforeAll(async () => {
    server = await startLambdaTestServer();
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'lambda-bundle-'));
    caFile = path.join(tempDir, 'ca.pem');
    await writeFile(caFile, server.ca);
  });
  afterAll(async () => {
    await server?.close();
    await rm(tempDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    const running = started();
    running.invocations.length = 0;
    running.respond = (_invocation, res) => sendJson(res, 200, { sleptMs: 1 });
  });
  return {
    get server() {
      return started();
    },
    run: (env, event) =>
      runBundle(bundlePath, event, {
        NODE_EXTRA_CA_CERTS: caFile,
        AWS_ENDPOINT_URL_LAMBDA: started().endpoint,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKIDTEST',
        AWS_SECRET_ACCESS_KEY: 'test-secret',
        ...env,
      }),
  };
}

function runBundle(bundlePath: string, event: unknown, env: Record<string, string | undefined>): Promise<BundleRun> {
  const merged = {
    PATH: process.env.PATH ?? '',
    BUNDLE: bundlePath,
    FAKE_CONTEXT_MODULE: path.join(__dirname, 'fake-lambda-context.js'),
    EVENT: JSON.stringify(event),
    ...env,
  };
  const childEnv = Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const child = spawn(process.execPath, ['-e', RUNNER], { env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
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
