/**
 * installKeepAliveOnAgent on plain http agents and raw sockets, checked in the kernel (ss, getsockopt).
 * (TLS through the SDK is proven in request-handler.spec.ts.)
 */
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createRecordingLogger,
  readSocketKeepAlive,
  readTcpTimer,
  setKeepAliveTakesIntervalAndCount,
  socketOptionsUnavailableReason,
  tcpTimerUnavailableReason,
} from '@lambda-keepalive/test-kit';
import { InvalidOptionError } from './errors.js';
import { installKeepAliveOnAgent, keepAliveSettingsOfAgent } from './keepalive-agent.js';

/** A setting as options.ts resolves it, with the default probes (5 s × 6). */
const setting = (enabled: boolean, idleSeconds: number) => ({
  enabled,
  idleSeconds,
  probeIntervalSeconds: 5,
  probeCount: 6,
});

const unavailable = tcpTimerUnavailableReason();
if (unavailable) console.log(`skipping kernel keepalive proofs: ${unavailable}`);
const describeKernel = unavailable ? describe.skip : describe;

describeKernel('installKeepAliveOnAgent on a plain http agent (kernel view)', () => {
  let server: http.Server;
  const held: http.ServerResponse[] = [];
  beforeAll(async () => {
    server = http.createServer((_, res) => void held.push(res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /**
   * Sends a GET the server holds; returns the client socket's kernel timer (and, when asked, its keepalive
   * options), then lets it finish.
   */
  async function timerOfHeldRequest(agent: http.Agent, withOptions = false) {
    const { port } = server.address() as AddressInfo;
    const request = http.get({ host: '127.0.0.1', port, agent });
    const [socket] = (await once(request, 'socket')) as [import('node:net').Socket];
    if (socket.connecting) await once(socket, 'connect');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { localPort } = socket;
    if (localPort === undefined) throw new Error('the connected socket has no local port');
    const timer = await readTcpTimer(localPort, port);
    const options = withOptions ? await readSocketKeepAlive(localPort, port) : undefined;
    const responded = once(request, 'response');
    const heldResponse = held.shift();
    if (!heldResponse) throw new Error('the server holds no request to answer');
    heldResponse.end('done');
    const [response] = (await responded) as [http.IncomingMessage];
    response.resume();
    await once(response, 'end');
    return { timer, options, socket, port, localPort };
  }

  it('gives a keepAlive:false agent our idle at connect, and logs the connection', async () => {
    const logger = createRecordingLogger();
    const agent = installKeepAliveOnAgent(new http.Agent({ keepAlive: false }), setting(true, 20), logger);
    const { timer, socket } = await timerOfHeldRequest(agent);
    expect(timer.kind).toBe('keepalive');
    expect(timer.seconds).toBeGreaterThan(18);
    expect(timer.seconds).toBeLessThanOrEqual(20);
    expect(logger.lines[0]).toMatchObject({
      message: 'connection opened',
      extra: {
        tls: false,
        localPort: socket.localPort,
        keepAlive: { ...setting(true, 20), probeSettingsApplied: setKeepAliveTakesIntervalAndCount },
      },
    });
    agent.destroy();
  });

  const optionsUnavailable = socketOptionsUnavailableReason();
  if (optionsUnavailable) console.log(`skipping the getsockopt proof: ${optionsUnavailable}`);
  (optionsUnavailable ? it.skip : it)(
    'sets the probe interval and count where Node can (else libuv 1 s × 10)',
    async () => {
      const agent = installKeepAliveOnAgent(new http.Agent({ keepAlive: false }), {
        enabled: true,
        idleSeconds: 20,
        probeIntervalSeconds: 2,
        probeCount: 3,
      });
      const { options } = await timerOfHeldRequest(agent, true);
      expect(options).toEqual(
        setKeepAliveTakesIntervalAndCount
          ? { keepAlive: true, idleSeconds: 20, intervalSeconds: 2, count: 3 }
          : { keepAlive: true, idleSeconds: 20, intervalSeconds: 1, count: 10 },
      );
      agent.destroy();
    },
  );

  it("notes on the process's first connection only where this Node keeps libuv's 1 s × 10", async () => {
    // A fresh copy of the module: the note is once per process (per loaded copy), and this file logged before.
    let fresh: typeof import('./keepalive-agent.js') | undefined;
    jest.isolateModules(() => {
      fresh = require('./keepalive-agent');
    });
    if (!fresh) throw new Error('keepalive-agent did not load');
    const logger = createRecordingLogger();
    const agent = fresh.installKeepAliveOnAgent(new http.Agent({ keepAlive: true }), setting(true, 20), logger);
    await timerOfHeldRequest(agent);
    agent.destroy(); // a second connection, not the pooled first one
    await timerOfHeldRequest(agent);
    const notes = logger.lines.map((line) => line.extra?.note);
    expect(notes).toHaveLength(2);
    if (setKeepAliveTakesIntervalAndCount) expect(notes).toEqual([undefined, undefined]);
    else expect(notes).toEqual([expect.stringMatching(/libuv's 1 s × 10 apply, not 5 s × 6/), undefined]);
  });

  it(
    'overrides the idle Node passes at connect for keepAlive:true agents ' + '(keepAliveMsecs 1000 → our 20 s)',
    async () => {
      const agent = installKeepAliveOnAgent(
        new http.Agent({ keepAlive: true, keepAliveMsecs: 1000 }),
        setting(true, 20),
      );
      const { timer, port, localPort } = await timerOfHeldRequest(agent);
      expect(timer.kind).toBe('keepalive');
      expect(timer.seconds).toBeGreaterThan(18);
      const pooled = await readTcpTimer(localPort, port); // back in the pool: Node called setKeepAlive(true, 1000)
      expect(pooled.seconds).toBeGreaterThan(18);
      agent.destroy();
    },
  );

  it('enabled:false removes the keepalive Node would set at connect for keepAlive:true agents', async () => {
    const agent = installKeepAliveOnAgent(
      new http.Agent({ keepAlive: true, keepAliveMsecs: 1000 }),
      setting(false, 60),
    );
    const { timer, port, localPort } = await timerOfHeldRequest(agent);
    expect(timer.kind).not.toBe('keepalive');
    expect((await readTcpTimer(localPort, port)).kind).not.toBe('keepalive');
    agent.destroy();
  });
});

describe('installKeepAliveOnAgent bookkeeping', () => {
  it('records the settings, is idempotent for the same settings and rejects different ones', () => {
    const agent = new http.Agent();
    installKeepAliveOnAgent(agent, setting(true, 30));
    expect(keepAliveSettingsOfAgent(agent)).toEqual(setting(true, 30));
    expect(installKeepAliveOnAgent(agent, setting(true, 30))).toBe(agent);
    expect(() => installKeepAliveOnAgent(agent, setting(false, 30))).toThrow(
      /already applies keepalive on, idle 30 s, probes every 5 s × 6/,
    );
    expect(() => installKeepAliveOnAgent(agent, { ...setting(true, 30), probeCount: 7 })).toThrow(
      /one agent cannot also apply on, idle 30 s, probes every 5 s × 7/,
    );
    agent.destroy();
  });

  it('rejects objects that are not agents', () => {
    expect(() => installKeepAliveOnAgent({ destroy() {} } as never, setting(true, 30))).toThrow(InvalidOptionError);
    expect(keepAliveSettingsOfAgent(new http.Agent())).toBeUndefined();
  });
});
