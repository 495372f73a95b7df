/**
 * The probe interval and count on the REAL socket, read from the kernel (getsockopt through the test kit)
 * while a request is in flight: the configured values on Nodes that can set them (24.19+, 26.4+), libuv's
 * 1 s × 10 where they cannot (22.x) — and what the plain SDK does on each, as controls that fail if a Node
 * changes it again.
 */
import * as https from 'node:https';

import { LambdaClient } from '@aws-sdk/client-lambda';
import {
  type LambdaTestServer,
  readSocketKeepAlive,
  type SocketKeepAliveOptions,
  setKeepAliveTakesIntervalAndCount,
  socketOptionsUnavailableReason,
  startLambdaTestServer,
  testClientConfig,
  tlsConnectForwardsKeepAlive,
} from '@lambda-keepalive/test-kit';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { type HeldInvoke, sleep, useHeldInvokes } from '../test/support/held-invoke.js';
import { LIBUV_PROBE_DEFAULTS, runtimeSetsKeepAliveProbes } from './keepalive-probes.js';
import { createLambdaClient } from './lambda-client.js';

/** @smithy/node-http-handler's set-socket-keep-alive.ts fires 3 s after the request starts. */
const SDK_KEEPALIVE_TIMER_MS = 3000;
const LIBUV = { intervalSeconds: LIBUV_PROBE_DEFAULTS.probeIntervalSeconds, count: LIBUV_PROBE_DEFAULTS.probeCount };
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

describe('runtimeSetsKeepAliveProbes', () => {
  it('agrees with the releases that carry nodejs/node#63825 (24.19.0, 26.4.0), read from the arity', () => {
    const released = (major === 24 && minor >= 19) || (major === 26 && minor >= 4) || major >= 27;
    expect(runtimeSetsKeepAliveProbes()).toBe(released);
    expect(setKeepAliveTakesIntervalAndCount).toBe(released);
  });
});

const unavailable = socketOptionsUnavailableReason();
if (unavailable) console.log(`skipping the kernel socket-option proofs: ${unavailable}`);
const describeKernel = unavailable ? describe.skip : describe;

describeKernel(`keepalive probe settings on the real TLS socket (Node ${process.versions.node})`, () => {
  let server: LambdaTestServer;
  beforeAll(async () => {
    server = await startLambdaTestServer();
  });
  afterAll(() => server.close());
  const hold = useHeldInvokes(() => server);
  const optionsOf = (flight: HeldInvoke): Promise<SocketKeepAliveOptions> =>
    readSocketKeepAlive(flight.invocation.clientPort, server.port);
  const afterSdkTimer = (flight: HeldInvoke) => sleep(SDK_KEEPALIVE_TIMER_MS + 300 - flight.sinceConnectMs());

  const probes = setKeepAliveTakesIntervalAndCount ? 'interval 2 s × 3 as configured' : "libuv's 1 s × 10";
  it(`createLambdaClient idle 5 s, ${probes}: from connect, after the SDK's timer and back in the pool`, async () => {
    const client = createLambdaClient({
      env: {},
      idleSeconds: 5,
      probeIntervalSeconds: 2,
      probeCount: 3,
      agentOptions: { ca: server.ca },
      clientConfig: testClientConfig(server),
    });
    const expected = setKeepAliveTakesIntervalAndCount
      ? { keepAlive: true, idleSeconds: 5, intervalSeconds: 2, count: 3 }
      : { keepAlive: true, idleSeconds: 5, ...LIBUV };
    const flight = await hold(client);
    expect(flight.sinceConnectMs()).toBeLessThan(SDK_KEEPALIVE_TIMER_MS - 500); // before the SDK could set any
    expect(await optionsOf(flight)).toEqual(expected);
    await afterSdkTimer(flight);
    expect(await optionsOf(flight)).toEqual(expected); // pinned: the SDK's setKeepAlive(true, 1000) changed nothing
    flight.release();
    await flight.call;
    expect(await optionsOf(flight)).toEqual(expected); // and Node's keepSocketAlive on return to the pool neither
  });

  it('a user agent with keepAlive false gets the same probe settings (defaults 5 s × 6 where honoured)', async () => {
    const client = createLambdaClient({
      env: {},
      httpsAgent: new https.Agent({ ca: server.ca, keepAlive: false }),
      clientConfig: testClientConfig(server),
    });
    const flight = await hold(client);
    expect(await optionsOf(flight)).toEqual(
      setKeepAliveTakesIntervalAndCount
        ? { keepAlive: true, idleSeconds: 60, intervalSeconds: 5, count: 6 }
        : { keepAlive: true, idleSeconds: 60, ...LIBUV },
    );
    flight.release();
    await flight.call;
  });

  const sdkAtConnect = tlsConnectForwardsKeepAlive ? "idle 1 s with libuv's 1 s × 10" : 'none';
  it(`control: the plain SDK (agent keepAlive true) has ${sdkAtConnect} at connect, idle 1 s after 3 s`, async () => {
    const client = new LambdaClient({
      ...testClientConfig(server),
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ ca: server.ca, keepAlive: true }) }),
    });
    const flight = await hold(client);
    const sdkSetting = { keepAlive: true, idleSeconds: 1, ...LIBUV };
    if (tlsConnectForwardsKeepAlive) expect(await optionsOf(flight)).toEqual(sdkSetting);
    else expect((await optionsOf(flight)).keepAlive).toBe(false);
    await afterSdkTimer(flight);
    expect(await optionsOf(flight)).toEqual(sdkSetting);
    flight.release();
    await flight.call;
  });

  it('control: the plain SDK with a user agent without keepAlive has no SO_KEEPALIVE, on every Node', async () => {
    const client = new LambdaClient({
      ...testClientConfig(server),
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ ca: server.ca }) }),
    });
    const flight = await hold(client);
    expect((await optionsOf(flight)).keepAlive).toBe(false);
    await afterSdkTimer(flight);
    expect((await optionsOf(flight)).keepAlive).toBe(false);
    flight.release();
    await flight.call;
  });
});
