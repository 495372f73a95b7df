/**
 * The caller's diagnostic event and kernel facts through createCallerHandler against the test-kit's real HTTPS
 * Invoke server, which answers a probe after its duration only up to a threshold and never above it — what a
 * forgotten idle flow looks like to a keepalive-off client. Kernel facts come from a directory of real files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { createLambdaClient } from '@lambda-keepalive/client';
import {
  createFakeLambdaContext,
  createRecordingLogger,
  type LambdaTestServer,
  type Respond,
  readSocketKeepAlive,
  sendJson,
  sendServiceError,
  socketOptionsUnavailableReason,
  startLambdaTestServer,
  testClientConfig,
} from '@lambda-keepalive/test-kit';
import { type CreateClientInput, createCallerHandler, type FindIdleLimitResult } from './handler';

const CALLEE = 'callee-fn';
const grid = { fromSeconds: 0.1, toSeconds: 0.5, stepSeconds: 0.1, marginSeconds: 0.3 };

/** Answers {sleptMs} after the probe's duration when it is at most `thresholdSeconds`; otherwise never. */
const forgetsFlowsIdleOver =
  (thresholdSeconds: number): Respond =>
  (invocation, res) => {
    const { durationSeconds } = JSON.parse(invocation.body) as { durationSeconds: number };
    if (durationSeconds > thresholdSeconds) return;
    setTimeout(() => sendJson(res, 200, { sleptMs: durationSeconds * 1000 }), durationSeconds * 1000);
  };

describe('caller diagnostic event (findIdleLimit) against a real HTTPS Invoke server', () => {
  let server: LambdaTestServer;
  let kernelDir: string;
  const agents: https.Agent[] = [];
  const clientsMade: CreateClientInput['keepAlive'][] = [];

  beforeAll(async () => {
    server = await startLambdaTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.invocations.length = 0;
    server.connectionPorts.length = 0;
    server.respond = forgetsFlowsIdleOver(0.25);
    clientsMade.length = 0;
    kernelDir = mkdtempSync(path.join(os.tmpdir(), 'caller-kernel-'));
    writeKernel({ time: '7200\n', intvl: '75\n', probes: '9\n' });
  });
  afterEach(() => {
    for (const agent of agents.splice(0)) agent.destroy();
    rmSync(kernelDir, { recursive: true, force: true });
  });

  function writeKernel({ time, intvl, probes }: { time: string; intvl: string; probes: string }) {
    writeFileSync(path.join(kernelDir, 'tcp_keepalive_time'), time);
    writeFileSync(path.join(kernelDir, 'tcp_keepalive_intvl'), intvl);
    writeFileSync(path.join(kernelDir, 'tcp_keepalive_probes'), probes);
  }

  function callerWith(env: NodeJS.ProcessEnv = { CALLEE_FUNCTION_NAME: CALLEE }) {
    const logger = createRecordingLogger();
    const handler = createCallerHandler({
      env,
      logger,
      kernelDir,
      createClient: ({ env: clientEnv, logger: clientLogger, keepAlive }) => {
        clientsMade.push(keepAlive);
        const agent = new https.Agent({ ca: server.ca });
        agents.push(agent);
        return createLambdaClient({
          env: clientEnv,
          logger: clientLogger,
          httpsAgent: agent,
          clientConfig: testClientConfig(server),
          ...keepAlive,
        });
      },
    });
    return { handler, logger };
  }

  const sentDurations = () =>
    server.invocations
      .map(({ body }) => (JSON.parse(body) as { durationSeconds: number }).durationSeconds)
      .sort((a, b) => a - b);

  it('finds the interval from concurrent probes, one invoke each on its own connection', async () => {
    const { handler, logger } = callerWith({ CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE: 'on' });

    const result = (await handler({ findIdleLimit: grid }, createFakeLambdaContext())) as FindIdleLimitResult;

    expect(result.findIdleLimit).toMatchObject({
      limit: { kind: 'between', survivedSeconds: 0.2, forgottenSeconds: 0.3 },
      finding: 'forgets idle flows between 0.2 s and 0.3 s',
      contradictions: [],
      failed: [],
      calleeSeconds: 1.5,
      grid,
    });
    expect(result.findIdleLimit.probes.map(({ durationSeconds, outcome }) => [durationSeconds, outcome])).toEqual([
      [0.1, 'answered'],
      [0.2, 'answered'],
      [0.3, 'lost'],
      [0.4, 'lost'],
      [0.5, 'lost'],
    ]);
    // A lost probe waited its duration + margin, no less; the whole run took about the longest one.
    for (const probe of result.findIdleLimit.probes.filter(({ outcome }) => outcome === 'lost')) {
      expect(probe.elapsedMs).toBeGreaterThanOrEqual((probe.durationSeconds + grid.marginSeconds) * 1000 - 5);
    }
    expect(result.elapsedMs).toBeLessThan(3000);
    expect(sentDurations()).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(
      server.invocations.every(
        ({ functionName, body }) => functionName === CALLEE && /^\{"durationSeconds":[0-9.]+\}$/.test(body),
      ),
    ).toBe(true);
    expect(new Set(server.invocations.map(({ clientPort }) => clientPort)).size).toBe(5);
    // The probes' client has keepalive off whatever KEEPALIVE says, and a socket per probe.
    expect(clientsMade).toEqual([undefined, { enabled: false, maxSockets: 5 }]);
    expect(result.keepAlive).toMatchObject({ enabled: false, probeSettingsApplied: false });

    const start = logger.lines.find((line) => line.message === 'start');
    expect(start?.extra).toMatchObject({
      event: { findIdleLimit: { ...grid, probes: 5 } },
      keepAlive: { enabled: false },
      kernel: { tcpKeepaliveTimeSeconds: 7200, tcpKeepaliveIntvlSeconds: 75, tcpKeepaliveProbes: 9 },
    });
    const diagnostic = logger.lines.find((line) => line.message === 'diagnostic');
    expect(diagnostic).toMatchObject({ level: 'info', extra: { ...result.findIdleLimit } });
  });

  it('sends its probes on sockets without SO_KEEPALIVE, even with KEEPALIVE=on', async () => {
    const reason = socketOptionsUnavailableReason();
    if (reason !== undefined) {
      console.warn(`SO_KEEPALIVE check of the probe sockets skipped: ${reason}`);
      return;
    }
    server.respond = () => undefined; // hold every probe: the sockets stay open until their deadlines
    const { handler } = callerWith({ CALLEE_FUNCTION_NAME: CALLEE, KEEPALIVE: 'on' });
    const running = handler(
      { findIdleLimit: { fromSeconds: 0.5, toSeconds: 1, stepSeconds: 0.5, marginSeconds: 0.5 } },
      createFakeLambdaContext(),
    );
    while (server.invocations.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const options = await Promise.all(
      server.invocations.map(({ clientPort }) => readSocketKeepAlive(clientPort, server.port)),
    );
    expect(options.map(({ keepAlive }) => keepAlive)).toEqual([false, false]);
    await expect(running).resolves.toMatchObject({
      findIdleLimit: { limit: { kind: 'below', forgottenSeconds: 0.5 } },
    });
  });

  it('counts a throttled probe as failed with its error type, and sends it exactly once (no retries)', async () => {
    const pathAnswers = forgetsFlowsIdleOver(0.25);
    server.respond = (invocation, res, req) => {
      if (invocation.body === '{"durationSeconds":0.2}') {
        sendServiceError(res, 429, 'TooManyRequestsException', 'Rate Exceeded.', { 'retry-after': '0' });
        return;
      }
      pathAnswers(invocation, res, req);
    };
    const { handler } = callerWith();

    const result = (await handler({ findIdleLimit: grid }, createFakeLambdaContext())) as FindIdleLimitResult;

    expect(sentDurations()).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(result.findIdleLimit.limit).toEqual({ kind: 'between', survivedSeconds: 0.1, forgottenSeconds: 0.3 });
    expect(result.findIdleLimit.failed).toEqual([0.2]);
    expect(result.findIdleLimit.probes[1]).toMatchObject({
      outcome: 'failed',
      errorName: 'InvokeServiceError',
      errorType: 'TooManyRequestsException',
    });
  });

  it('reads the kernel facts once per container and puts them in the start line and the result', async () => {
    writeKernel({ time: '60\n', intvl: '10\n', probes: '3\n' });
    const { handler, logger } = callerWith();
    server.respond = (_invocation, res) => sendJson(res, 200, { sleptMs: 0 });

    const first = await handler({ durationSeconds: 0 }, createFakeLambdaContext());
    writeKernel({ time: '7200\n', intvl: '75\n', probes: '9\n' });
    const second = await handler({ durationSeconds: 0 }, createFakeLambdaContext());

    const expected = {
      tcpKeepaliveTimeSeconds: 60,
      tcpKeepaliveIntvlSeconds: 10,
      tcpKeepaliveProbes: 3,
      soKeepAliveOnlySurvives350sIdle: true,
    };
    expect(first.kernel).toEqual(expected);
    expect(second.kernel).toEqual(expected);
    expect(logger.lines.filter((line) => line.message === 'start').map((line) => line.extra.kernel)).toEqual([
      expected,
      expected,
    ]);
  });

  it('reports unreadable kernel facts as "unknown" and still invokes', async () => {
    rmSync(path.join(kernelDir, 'tcp_keepalive_intvl'));
    writeFileSync(path.join(kernelDir, 'tcp_keepalive_probes'), 'lots');
    server.respond = (_invocation, res) => sendJson(res, 200, { sleptMs: 0 });
    const { handler } = callerWith();

    const result = await handler({ durationSeconds: 0 }, createFakeLambdaContext());

    expect(result.kernel).toEqual({
      tcpKeepaliveTimeSeconds: 7200,
      tcpKeepaliveIntvlSeconds: 'unknown',
      tcpKeepaliveProbes: 'unknown',
      soKeepAliveOnlySurvives350sIdle: 'unknown',
    });
    expect(server.invocations).toHaveLength(1);
  });

  it.each([
    ['an unknown key inside', { findIdleLimit: { step: 1 } }, /event.findIdleLimit.step 1 is invalid/],
    ['a mixed event', { findIdleLimit: grid, durationSeconds: 1 }, /event.durationSeconds 1 is invalid/],
    [
      'a grid longer than the remaining time',
      { findIdleLimit: { ...grid, toSeconds: 2 } },
      /event.findIdleLimit.toSeconds 2 is invalid: .*needs 3.3 s, more than the caller's remaining/,
    ],
  ])('refuses %s, invoking nothing and making no probe client', async (_label, event, message) => {
    const { handler, logger } = callerWith();
    const failure = handler(event, createFakeLambdaContext({ timeoutMs: 3000 }));
    await expect(failure).rejects.toMatchObject({ name: 'InvalidCallerEventError' });
    await expect(failure).rejects.toThrow(message);
    expect(server.invocations).toHaveLength(0);
    expect(clientsMade).toEqual([undefined]);
    expect(logger.lines.at(-1)).toMatchObject({
      message: 'error',
      extra: { errorName: 'InvalidCallerEventError', kernel: { tcpKeepaliveTimeSeconds: 7200 } },
    });
  });
});
