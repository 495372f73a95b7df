/**
 * A real HTTPS server speaking the Lambda Invoke wire format (docs/lambda-invoke-api.md) for the packages' tests:
 * POST /2015-03-31/functions/{name}/invocations[?Qualifier=]. Each test scripts the answer.
 * The certificate is generated per run (selfsigned) for 127.0.0.1; clients trust it via `ca`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { generate } from 'selfsigned';

export interface SeenInvocation {
  functionName: string;
  qualifier: string | null;
  headers: IncomingMessage['headers'];
  body: string;
  clientPort: number;
  /** Epoch ms when the server accepted this TCP connection. */
  connectedAt: number;
}

export type Respond = (invocation: SeenInvocation, res: ServerResponse, req: IncomingMessage) => void;

export interface LambdaTestServer {
  endpoint: string;
  port: number;
  ca: string;
  invocations: SeenInvocation[];
  /** Client ports of TCP connections accepted (TLS handshake not needed yet). */
  connectionPorts: number[];
  respond: Respond;
  /** Ends the request's TCP connection with RST, like a NAT that forgot the flow (docs/hyperplane-idle-timeout.md). */
  resetConnection(req: IncomingMessage): void;
  /** TCP connections still open on the server side. */
  openConnections(): number;
  close(): Promise<void>;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

let cachedPems: Promise<{ cert: string; key: string }> | undefined;

/** The self-signed certificate (its own CA) for 127.0.0.1 and localhost, made once per process. */
export function testCertificate(): Promise<{ cert: string; key: string }> {
  cachedPems ??= generate([{ name: 'commonName', value: 'lambda.test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  }).then((pems) => ({ cert: pems.cert, key: pems.private }));
  return cachedPems;
}

export async function startLambdaTestServer(
  respond: Respond = (_, res) => sendJson(res, 200, { ok: true }),
): Promise<LambdaTestServer> {
  const { cert, key } = await testCertificate();
  const sockets = new Set<Socket>();
  const acceptedAt = new Map<number, number>();
  const state = { invocations: [] as SeenInvocation[], connectionPorts: [] as number[], respond };
  const server = https.createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://lambda.test');
    const encodedName = INVOKE_PATH.exec(url.pathname)?.[1];
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || encodedName === undefined)
        return sendJson(res, 404, { message: `no route ${req.method} ${url.pathname}` });
      const invocation: SeenInvocation = {
        functionName: decodeURIComponent(encodedName),
        qualifier: url.searchParams.get('Qualifier'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        clientPort: req.socket.remotePort ?? 0,
        connectedAt: acceptedAt.get(req.socket.remotePort ?? 0) ?? Number.NaN,
      };
      state.invocations.push(invocation);
      state.respond(invocation, res, req);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    state.connectionPorts.push(socket.remotePort ?? 0);
    acceptedAt.set(socket.remotePort ?? 0, Date.now());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    port,
    ca: cert,
    get invocations() {
      return state.invocations;
    },
    get connectionPorts() {
      return state.connectionPorts;
    },
    get respond() {
      return state.respond;
    },
    set respond(next: Respond) {
      state.respond = next;
    },
    openConnections: () => sockets.size,
    resetConnection: (req) => {
      // The TLSSocket's handle is a TLSWrap, which cannot reset; the raw TCP socket under it can.
      const raw = [...sockets].find((socket) => socket.remotePort === req.socket.remotePort);
      if (!raw) throw new Error(`no raw socket for client port ${req.socket.remotePort}`);
      raw.resetAndDestroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Holds the next invocation's answer until release(): lets a test inspect a request in flight. */
export function holdNextAnswer(server: LambdaTestServer): {
  arrived: Promise<SeenInvocation>;
  release(body?: unknown): void;
} {
  let release: (body?: unknown) => void = () => undefined;
  const arrived = new Promise<SeenInvocation>((resolve) => {
    server.respond = (invocation, res) => {
      release = (body = { ok: true }) => sendJson(res, 200, body);
      resolve(invocation);
    };
  });
  return { arrived, release: (body) => release(body) };
}

/** A service error as Lambda sends it: x-amzn-errortype header (read first by the SDK) + JSON body. */
export function sendServiceError(
  res: ServerResponse,
  status: number,
  errorType: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { Type: 'User', message }, { 'x-amzn-errortype': errorType, ...headers });
}

/** Dummy static credentials (not secrets) and the local endpoint, for LambdaClient configs in tests. */
export function testClientConfig(server: { endpoint: string }) {
  return {
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'AKIDTESTTEST', secretAccessKey: 'test-secret-not-real' },
  };
}
