/**
 * readSocketKeepAlive against real sockets of this process: the values the kernel holds after setKeepAlive,
 * none without it, and a clear error for a socket that does not exist. Skips, saying why, where it cannot run.
 */
import { once } from 'node:events';
import * as net from 'node:net';
import { readSocketKeepAlive, socketOptionsUnavailableReason } from './socket-options';

const unavailable = socketOptionsUnavailableReason();
if (unavailable) console.log(`skipping socket-option reads: ${unavailable}`);
const describeKernel = unavailable ? describe.skip : describe;

describeKernel('readSocketKeepAlive (getsockopt on a live socket of this process)', () => {
  let server: net.Server;
  let port: number;
  const sockets: net.Socket[] = [];
  beforeAll(async () => {
    server = net.createServer((socket) => void sockets.push(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  async function connected(): Promise<net.Socket> {
    const socket = net.connect(port, '127.0.0.1');
    sockets.push(socket);
    await once(socket, 'connect');
    return socket;
  }

  it('reads SO_KEEPALIVE and the idle, with libuv own 1 s × 10 probes (two-argument setKeepAlive)', async () => {
    const socket = await connected();
    socket.setKeepAlive(true, 7000);
    const options = await readSocketKeepAlive(socket.localPort as number, port);
    expect(options).toEqual({ keepAlive: true, idleSeconds: 7, intervalSeconds: 1, count: 10 });
  });

  it('reads no keepalive on a socket that never asked for it', async () => {
    const socket = await connected();
    expect((await readSocketKeepAlive(socket.localPort as number, port)).keepAlive).toBe(false);
  });

  it('names the missing socket', async () => {
    await expect(readSocketKeepAlive(1, port)).rejects.toThrow(/no established TCP socket from port 1 to port/);
  });
});
