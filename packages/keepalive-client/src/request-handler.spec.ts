/**
 * Proof on the REAL socket (Linux kernel via ss) that SDK clients using this package's request
 * handler carry TCP keepalive from connect, TLS included, whatever agent is supplied — and none
 * at all when keepalive is deliberately off, even after the SDK's 3 s setKeepAlive timer.
 */
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';

import { LambdaClient } from '@aws-sdk/client-lambda';
import {
  createRecordingLogger,
  type LambdaTestServer,
  readTcpTimer,
  setKeepAliveTakesIntervalAndCount,
  startLambdaTestServer,
  tcpTimerUnavailableReason,
  testClientConfig,
  tlsConnectForwardsKeepAlive,
} from '@lambda-keepalive/test-kit';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { sleep, useHeldInvokes } from '../test/support/held-invoke.js';
import { InvalidOptionError } from './errors.js';
import { createLambdaClient } from './lambda-client.js';
import { createKeepAliveRequestHandler } from './request-handler.js';

const IDLE = 45;
/**
 * set-socket-keep-alive.ts in @smithy/node-http-handler fires 3 s after the request starts
 * (aws/aws-sdk-js-v3#4561).
 */
const SDK_KEEPALIVE_TIMER_MS = 3000;
const unavailable = tcpTimerUnavailableReason();
if (unavailable) console.log(`skipping kernel keepalive proofs: ${unavailable}`);
const describeKernel = unavailable ? describe.skip : describe;

describeKernel('keepalive on the real TLS socket, read from the kernel while a request is in flight', () => {
  let server: LambdaTestServer;
  beforeAll(async () => {
    server = await startLambdaTestServer();
  });
  afterAll(() => server.close());

  const hold = useHeldInvokes(() => server);

  /** Starts an invoke the server holds; returns the kernel's timer for the client socket ~0.2 s after connect. */
  async function timerWhileInFlight(client: LambdaClient) {
    const flight = await hold(client);
    const timer = await readTcpTimer(flight.invocation.clientPort, server.port);
    return { ...flight, timer, readAfterConnectMs: flight.sinceConnectMs() };
  }

  const controlAtConnect = tlsConnectForwardsKeepAlive
    ? 'keepalive 1 s at connect (Node >= 24.15 forwards the agent keepAlive to TLS sockets, nodejs/node#62004)'
    : 'NO keepalive at connect (nodejs/node#47137: https ignores keepAlive at connect before Node 24.15)';
  it(`control: a plain SDK handler has ${controlAtConnect}, and 1 s after the SDK's 3 s timer`, async () => {
    const agent = new https.Agent({ ca: server.ca, keepAlive: true });
    const client = new LambdaClient({
      ...testClientConfig(server),
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent: agent }),
    });
    const flight = await timerWhileInFlight(client);
    if (tlsConnectForwardsKeepAlive) {
      expect(flight.timer.kind).toBe('keepalive');
      expect(flight.timer.seconds).toBeLessThanOrEqual(1); // keepAliveMsecs 1000 → idle 1 s
    } else {
      expect(flight.timer.kind).not.toBe('keepalive');
    }
    await sleep(SDK_KEEPALIVE_TIMER_MS + 300 - flight.readAfterConnectMs);
    const late = await readTcpTimer(flight.invocation.clientPort, server.port);
    expect(late).toMatchObject({ kind: 'keepalive' });
    expect(late.seconds).toBeLessThanOrEqual(1); // keepAliveMsecs 1000 → idle 1 s
    flight.release();
    await flight.call;
    client.destroy();
  });

  it('control: the plain SDK with a user agent without keepAlive has none on every Node, at 3 s too', async () => {
    const client = new LambdaClient({
      ...testClientConfig(server),
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ ca: server.ca }) }),
    });
    const flight = await timerWhileInFlight(client);
    expect(flight.timer.kind).not.toBe('keepalive');
    await sleep(SDK_KEEPALIVE_TIMER_MS + 300 - flight.readAfterConnectMs);
    expect((await readTcpTimer(flight.invocation.clientPort, server.port)).kind).not.toBe('keepalive');
    flight.release();
    await flight.call;
  });

  it(
    'createLambdaClient: keepalive idle 45 s from connect, still 45 s after the SDK timer ' +
      'and on return to the pool',
    async () => {
      const logger = createRecordingLogger();
      const client = createLambdaClient({
        idleSeconds: IDLE,
        env: {},
        logger,
        agentOptions: { ca: server.ca },
        clientConfig: testClientConfig(server),
      });
      const flight = await timerWhileInFlight(client);
      expect(flight.readAfterConnectMs).toBeLessThan(SDK_KEEPALIVE_TIMER_MS - 500); // before the SDK could have set it
      expect(flight.timer.kind).toBe('keepalive');
      expect(flight.timer.seconds).toBeGreaterThan(IDLE - 3);
      expect(flight.timer.seconds).toBeLessThanOrEqual(IDLE);
      await sleep(SDK_KEEPALIVE_TIMER_MS + 300 - flight.readAfterConnectMs);
      const late = await readTcpTimer(flight.invocation.clientPort, server.port);
      expect(late.kind).toBe('keepalive');
      expect(late.seconds).toBeGreaterThan(IDLE - 6); // not the SDK's 1 s
      flight.release();
      await flight.call;
      // Node's keepSocketAlive ran on release.
      const pooled = await readTcpTimer(flight.invocation.clientPort, server.port);
      expect(pooled.kind).toBe('keepalive');
      expect(pooled.seconds).toBeGreaterThan(IDLE - 6);
      expect(logger.lines).toEqual([
        {
          level: 'info',
          message: 'connection opened',
          extra: {
            remoteAddress: '127.0.0.1',
            remotePort: server.port,
            localPort: flight.invocation.clientPort,
            tls: true,
            keepAlive: {
              enabled: true,
              idleSeconds: IDLE,
              probeIntervalSeconds: 5,
              probeCount: 6,
              probeSettingsApplied: setKeepAliveTakesIntervalAndCount,
            },
            // The first connection of the process says when this Node keeps libuv's 1 s × 10.
            ...(setKeepAliveTakesIntervalAndCount
              ? {}
              : { note: expect.stringMatching(/cannot set the probe interval and count.*1 s × 10 apply/) }),
          },
        },
      ]);
      client.destroy();
    },
  );

  it.each([
    ['keepAlive false', () => new https.Agent({ ca: server.ca, keepAlive: false })],
    [
      'keepAliveMsecs 500 (rounds to the 7200 s kernel default)',
      () => new https.Agent({ ca: server.ca, keepAlive: true, keepAliveMsecs: 500 }),
    ],
    ['a proxy-style agent layering TLS on its own net.Socket', () => new LayeredTlsAgent(server.ca)],
  ])('a user-supplied agent with %s still gets keepalive at connect', async (_, makeAgent) => {
    const client = createLambdaClient({
      idleSeconds: IDLE,
      env: {},
      httpsAgent: makeAgent(),
      clientConfig: testClientConfig(server),
    });
    const flight = await timerWhileInFlight(client);
    expect(flight.timer.kind).toBe('keepalive');
    expect(flight.timer.seconds).toBeGreaterThan(IDLE - 3);
    expect(flight.timer.seconds).toBeLessThanOrEqual(IDLE);
    flight.release();
    await flight.call;
    client.destroy();
  });

  it('KEEPALIVE=off: no keepalive at connect, after the SDK timer (agent keepAlive true) nor in the pool', async () => {
    const logger = createRecordingLogger();
    const httpsAgent = new https.Agent({ ca: server.ca, keepAlive: true, keepAliveMsecs: 1000 });
    const client = createLambdaClient({
      env: { KEEPALIVE: 'off' },
      logger,
      httpsAgent,
      clientConfig: testClientConfig(server),
    });
    const flight = await timerWhileInFlight(client);
    expect(flight.timer.kind).not.toBe('keepalive');
    await sleep(SDK_KEEPALIVE_TIMER_MS + 300 - flight.readAfterConnectMs);
    expect((await readTcpTimer(flight.invocation.clientPort, server.port)).kind).not.toBe('keepalive');
    flight.release();
    await flight.call;
    expect((await readTcpTimer(flight.invocation.clientPort, server.port)).kind).not.toBe('keepalive');
    expect(logger.lines[0]?.extra).toMatchObject({
      tls: true,
      keepAlive: { enabled: false, idleSeconds: 60, probeSettingsApplied: false },
      warning: expect.stringMatching(/keepalive is OFF/),
    });
    client.destroy();
  });

  it('works for any SDK v3 client through createKeepAliveRequestHandler', async () => {
    const requestHandler = createKeepAliveRequestHandler({ idleSeconds: 30, env: {}, agentOptions: { ca: server.ca } });
    const client = new LambdaClient({ ...testClientConfig(server), maxAttempts: 1, requestHandler });
    const flight = await timerWhileInFlight(client);
    expect(flight.timer.kind).toBe('keepalive');
    expect(flight.timer.seconds).toBeLessThanOrEqual(30);
    expect(flight.timer.seconds).toBeGreaterThan(27);
    flight.release();
    await flight.call;
    client.destroy();
  });
});

describe('createKeepAliveRequestHandler options', () => {
  it.each([
    ['options.idleSecs', { idleSecs: 30 }],
    ['idleSeconds', { idleSeconds: 350 }],
    ['connectionTimeout', { connectionTimeout: -1 }],
    ['agentOptions', { httpsAgent: new https.Agent(), agentOptions: {} }],
    ['agentOptions.maxSockets', { agentOptions: { maxSockets: 5 } }],
    ['httpsAgent', { httpsAgent: {} as https.Agent }],
    ['KEEPALIVE', { env: { KEEPALIVE: 'maybe' } }],
  ])('rejects bad %s at construction', (field, options) => {
    expect(() => createKeepAliveRequestHandler(options as never)).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError', field }),
    );
  });

  it('refuses to share one agent between different keepalive settings', () => {
    const agent = new https.Agent();
    createKeepAliveRequestHandler({ httpsAgent: agent, idleSeconds: 30, env: {} });
    expect(() => createKeepAliveRequestHandler({ httpsAgent: agent, idleSeconds: 30, env: {} })).not.toThrow();
    expect(() => createKeepAliveRequestHandler({ httpsAgent: agent, idleSeconds: 31, env: {} })).toThrow(
      InvalidOptionError,
    );
    agent.destroy();
  });
});

/** Like a proxy agent: builds its socket itself and layers TLS over a separate net.Socket. */
class LayeredTlsAgent extends https.Agent {
  constructor(private readonly trusted: string) {
    super({ keepAlive: false });
  }
  override createConnection(options: https.RequestOptions & { port: number; host: string }): net.Socket {
    const tcp = net.connect(options.port, options.host);
    return tls.connect({ socket: tcp, ca: this.trusted, servername: undefined, host: options.host });
  }
}
