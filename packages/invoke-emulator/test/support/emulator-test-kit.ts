/**
 * Shared by the emulator specs (test-only, never built): handler files in a temp dir, an emulator with
 * a fresh CA, and a REAL @aws-sdk/client-lambda client that trusts that CA through its https.Agent.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createServerCertificates, type ServerCertificates } from '../../src/certificate-authority';
import type { EmulatedFunction } from '../../src/function-registry';
import type { EmulatorEvent } from '../../src/invocation-runner';
import { type EmulatorConfig, type RunningEmulator, startInvokeEmulator } from '../../src/invoke-emulator';

export class HandlerDirectory {
  readonly path = mkdtempSync(join(tmpdir(), 'lk-emulator-'));

  /** Writes `<name>.js` (CommonJS) and returns its absolute path. */
  write(name: string, source: string): string {
    const file = join(this.path, `${name}.js`);
    writeFileSync(file, source);
    return file;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

let certificates: Promise<ServerCertificates> | undefined;
export function serverCertificates(): Promise<ServerCertificates> {
  certificates ??= createServerCertificates({ ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'] });
  return certificates;
}

export async function startTestEmulator(
  functions: EmulatedFunction[],
  extra: Partial<EmulatorConfig> = {},
): Promise<{ emulator: RunningEmulator; events: EmulatorEvent[]; certs: ServerCertificates }> {
  const certs = await serverCertificates();
  const events: EmulatorEvent[] = [];
  const emulator = await startInvokeEmulator({
    host: '127.0.0.1',
    port: 0,
    certPem: certs.certPem,
    keyPem: certs.keyPem,
    functions,
    onEvent: (event) => events.push(event),
    ...extra,
  });
  return { emulator, events, certs };
}

/** maxAttempts 1: an SDK retry would hide or double what the emulator counts. */
export function sdkClient(emulator: RunningEmulator, caCertPem: string, maxSockets = 50): LambdaClient {
  return new LambdaClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLABEMULATOR', secretAccessKey: 'lab-emulator-dummy-secret' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca: caCertPem, keepAlive: true, maxSockets }) }),
  });
}

export function decodePayload(payload: Uint8Array | undefined): unknown {
  return payload === undefined || payload.length === 0 ? undefined : JSON.parse(Buffer.from(payload).toString('utf8'));
}

export const encodePayload = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

/** Polls until `check` holds (for Event invocations that finish after the 202). */
export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
