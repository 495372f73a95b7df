/**
 * installKeepAliveOnAgent on plain http agents and raw sockets, checked in the kernel (ss).
 * (TLS through the SDK is proven in request-handler.spec.ts.)
 */
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRecordingLogger, readTcpTimer, tcpTimerUnavailableReason } from '@lambda-keepalive/test-kit';
import { InvalidOptionError } from './errors';
import { installKeepAliveOnAgent, keepAliveSettingsOfAgent } from './keepalive-agent';

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

  /** Sends a GET the server holds; returns the client socket's kernel timer, then lets it finish. */
  async function timerOfHeldRequest(agent: http.Agent) {
    const { port } = server.address() as AddressInfo;
    const request = http.get({ host: '127.0.0.1', port, agent });
    const [socket] = (await once(request, 'socket')) as [import('node:net').Socket];
    if (socket.connecting) await once(socket, 'connect');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { localPort } = socket;
    if (localPort === undefined) throw new Error('the connected socket has no local port');
    const timer = await readTcpTimer(localPort, port);
    const responded = once(request, 'response');
    const heldResponse = held.shift();
    if (!heldResponse) throw new Error('the server holds no request to answer');
    heldResponse.end('done');
    const [response] = (await responded) as [http.IncomingMessage];
    response.resume();
    await once(response, 'end');
    return { timer, socket, port, localPort };
  }

  it('gives a keepAlive:false agent our idle at connect, and logs the connection', async () => {
    const logger = createRecordingLogger();
    const agent = installKeepAliveOnAgent(
      new http.Agent({ keepAlive: false }),
      { enabled: true, idleSeconds: 20 },
      logger,
    );
    const { timer, socket } = await timerOfHeldRequest(agent);
    expect(timer.kind).toBe('keepalive');
    expect(timer.seconds).toBeGreaterThan(18);
    expect(timer.seconds).toBeLessThanOrEqual(20);
    expect(logger.lines[0]).toMatchObject({
      message: 'connection opened',
      extra: { tls: false, localPort: socket.localPort, keepAlive: { enabled: true, idleSeconds: 20 } },
    });
    agent.destroy();
  });

  it(
    'overrides the idle Node passes at connect for keepAlive:true agents ' + '(keepAliveMsecs 1000 → our 20 s)',
    async () => {
      const agent = installKeepAliveOnAgent(new http.Agent({ keepAlive: true, keepAliveMsecs: 1000 }), {
        enabled: true,
        idleSeconds: 20,
      });
      const { timer, port, localPort } = await timerOfHeldRequest(agent);
      expect(timer.kind).toBe('keepalive');
      expect(timer.seconds).toBeGreaterThan(18);
      const pooled = await readTcpTimer(localPort, port); // back in the pool: Node called setKeepAlive(true, 1000)
      expect(pooled.seconds).toBeGreaterThan(18);
      agent.destroy();
    },
  );

  it('enabled:false removes the keepalive Node would set at connect for keepAlive:true agents', async () => {
    const agent = installKeepAliveOnAgent(new http.Agent({ keepAlive: true, keepAliveMsecs: 1000 }), {
      enabled: false,
      idleSeconds: 60,
    });
    const { timer, port, localPort } = await timerOfHeldRequest(agent);
    expect(timer.kind).not.toBe('keepalive');
    expect((await readTcpTimer(localPort, port)).kind).not.toBe('keepalive');
    agent.destroy();
  });
});

describe('installKeepAliveOnAgent bookkeeping', () => {
  it('records the settings, is idempotent for the same settings and rejects different ones', () => {
    const agent = new http.Agent();
    installKeepAliveOnAgent(agent, { enabled: true, idleSeconds: 30 });
    expect(keepAliveSettingsOfAgent(agent)).toEqual({ enabled: true, idleSeconds: 30 });
    expect(installKeepAliveOnAgent(agent, { enabled: true, idleSeconds: 30 })).toBe(agent);
    expect(() => installKeepAliveOnAgent(agent, { enabled: false, idleSeconds: 30 })).toThrow(
      /already applies keepalive on, idle 30 s/,
    );
    agent.destroy();
  });

  it('rejects objects that are not agents', () => {
    expect(() => installKeepAliveOnAgent({ destroy() {} } as never, { enabled: true, idleSeconds: 30 })).toThrow(
      InvalidOptionError,
    );
    expect(keepAliveSettingsOfAgent(new http.Agent())).toBeUndefined();
  });
});
