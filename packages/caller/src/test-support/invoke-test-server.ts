import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** One request the server received: the Invoke path's function name and the JSON body. */
export interface ReceivedInvoke {
  functionName: string;
  payload: unknown;
}

export interface InvokeReply {
  statusCode?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface InvokeTestServer {
  url: string;
  caCertPem: string;
  invocations: ReceivedInvoke[];
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, made by the openssl CLI in a temp dir removed at once. */
export async function createTestCertificate(): Promise<{ certPem: string; keyPem: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'caller-cert-'));
  try {
    const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
    ]);
    return { certPem: await readFile(cert, 'utf8'), keyPem: await readFile(key, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A real HTTPS server on 127.0.0.1 speaking the Lambda Invoke wire format (FACTS.md "Lambda
 * Invoke API"): POST /2015-03-31/functions/{name}/invocations, JSON in, JSON out; a function error
 * is 200 + X-Amz-Function-Error. `reply` decides each answer; every request is recorded, so a test
 * can prove that a bad event or bad env invoked NOTHING.
 */
export async function startInvokeTestServer(
  reply: (invoke: ReceivedInvoke) => InvokeReply | Promise<InvokeReply>,
): Promise<InvokeTestServer> {
  const { certPem, keyPem } = await createTestCertificate();
  const invocations: ReceivedInvoke[] = [];
  const server = https.createServer({ cert: certPem, key: keyPem }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(request.url ?? '');
      const text = Buffer.concat(chunks).toString('utf8');
      const invoke = { functionName: decodeURIComponent(match?.[1] ?? ''), payload: text ? JSON.parse(text) : undefined };
      invocations.push(invoke);
      Promise.resolve(reply(invoke)).then(({ statusCode = 200, headers = {}, body }) => {
        response.writeHead(statusCode, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caCertPem: certPem,
    invocations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
