/**
 * A raw TCP peer running inside a lab namespace (a `node -e` child), driven with JSON lines on stdin and
 * reporting JSON lines on stdout. It lets tests and lab scenarios watch what the kernel NAT does to a bare
 * socket — RST (ECONNRESET), silence, delivered data — without TLS or an SDK in the way.
 *
 * Commands: {command:'listen', host, port} | {command:'connect', conn, host, port, keepAliveMs}
 *           | {command:'write', conn, text} | {command:'destroy', conn}
 * Events:   listening | connected | data {conn,text} | error {conn,code} | close {conn}; each has `at` (ms).
 * A connecting peer first sends "<conn>\n" so the listening side can name the connection.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { LabHost } from './topology';

const PEER_SCRIPT = String.raw`
const net = require('node:net');
const sockets = new Map();
const emit = (event) => process.stdout.write(JSON.stringify({ ...event, at: Date.now() }) + '\n');
function watch(conn, socket) {
  sockets.set(conn, socket);
  socket.on('error', (error) => emit({ event: 'error', conn, code: error.code }));
  socket.on('close', () => emit({ event: 'close', conn }));
}
function named(socket) {
  let buffered = '';
  let conn;
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    if (conn !== undefined) return emit({ event: 'data', conn, text: chunk });
    buffered += chunk;
    const newline = buffered.indexOf('\n');
    if (newline < 0) return;
    conn = buffered.slice(0, newline);
    watch(conn, socket);
    emit({ event: 'accepted', conn });
    if (buffered.length > newline + 1) emit({ event: 'data', conn, text: buffered.slice(newline + 1) });
  });
}
const handlers = {
  listen: ({ host, port }) => {
    const server = net.createServer(named);
    server.on('error', (error) => emit({ event: 'error', conn: 'server', code: error.code }));
    server.listen(port, host, () => emit({ event: 'listening', port: server.address().port }));
  },
  connect: ({ conn, host, port, keepAliveMs }) => {
    const socket = net.connect({ host, port });
    watch(conn, socket);
    socket.setEncoding('utf8');
    socket.on('data', (text) => emit({ event: 'data', conn, text }));
    socket.on('connect', () => {
      if (keepAliveMs > 0) socket.setKeepAlive(true, keepAliveMs);
      socket.write(conn + '\n');
      emit({ event: 'connected', conn });
    });
  },
  write: ({ conn, text }) => sockets.get(conn).write(text),
  destroy: ({ conn }) => sockets.get(conn).destroy(),
};
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  handlers[command.command](command);
}).on('close', () => process.exit(0));
`;

export interface TcpPeerEvent {
  event: 'listening' | 'accepted' | 'connected' | 'data' | 'error' | 'close';
  conn?: string;
  text?: string;
  code?: string;
  port?: number;
  at: number;
}

export interface TcpPeer {
  readonly events: TcpPeerEvent[];
  listen(host: string, port: number): Promise<TcpPeerEvent>;
  connect(conn: string, host: string, port: number, keepAliveMs: number): Promise<TcpPeerEvent>;
  write(conn: string, text: string): void;
  /** Resolves with the first (past or future) event matching, or rejects after timeoutMs. */
  waitFor(match: (event: TcpPeerEvent) => boolean, timeoutMs: number, description: string): Promise<TcpPeerEvent>;
  close(): Promise<void>;
}

export interface SpawnsInLab {
  spawnIn(
    host: LabHost,
    command: string,
    args: string[],
    options?: { stdio?: Array<'pipe' | 'inherit' | 'ignore'> },
  ): ChildProcess;
}

export function startTcpPeer(lab: SpawnsInLab, host: LabHost): TcpPeer {
  const child = lab.spawnIn(host, process.execPath, ['-e', PEER_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const { stdin, stdout } = child;
  if (!stdin || !stdout) throw new Error('tcp peer: spawnIn gave the child no piped stdin/stdout');
  const events: TcpPeerEvent[] = [];
  const waiters = new Set<() => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: stdout }).on('line', (line) => {
    events.push(JSON.parse(line) as TcpPeerEvent);
    for (const wake of [...waiters]) wake();
  });
  const send = (command: Record<string, unknown>): void => {
    stdin.write(`${JSON.stringify(command)}\n`);
  };

  const waitFor: TcpPeer['waitFor'] = (match, timeoutMs, description) =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = events.find(match);
        if (!found) return false;
        waiters.delete(wake);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(
          new Error(`timed out after ${timeoutMs} ms waiting for ${description}; events: ${JSON.stringify(events)}`),
        );
      }, timeoutMs);
      waiters.add(wake);
      check();
    });

  return {
    events,
    listen(listenHost, port) {
      send({ command: 'listen', host: listenHost, port });
      return waitFor(
        (event) => event.event === 'listening' || (event.event === 'error' && event.conn === 'server'),
        5000,
        'listening',
      );
    },
    connect(conn, connectHost, port, keepAliveMs) {
      send({ command: 'connect', conn, host: connectHost, port, keepAliveMs });
      return waitFor(
        (event) => event.conn === conn && (event.event === 'connected' || event.event === 'error'),
        5000,
        `${conn} connected`,
      );
    },
    write: (conn, text) => send({ command: 'write', conn, text }),
    waitFor,
    async close() {
      if (child.exitCode === null && child.signalCode === null) stdin.end();
      await exited;
    },
  };
}
