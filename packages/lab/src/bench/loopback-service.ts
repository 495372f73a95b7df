/**
 * The loopback items' service: the Invoke emulator in this process on 127.0.0.1 running the REAL callee
 * bundle (no network namespaces: overhead and fan-out measure the client, not the NAT), and a way to run
 * one client in a fresh process against it while counting the TCP connections that process opened at
 * the server. Clients run one process at a time, so the server's count delta is that process's count.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerCertificates, type RunningEmulator, startInvokeEmulator } from '@lambda-keepalive/invoke-emulator';
import { inheritedEnv, LAB_CREDENTIALS } from '../harness';
import type { BenchProcessInput, BenchProcessResult } from './client-process';

export const LOOPBACK_FUNCTION = 'bench-callee';

export interface ClientProcessRun {
  result: BenchProcessResult;
  /** TCP connections the emulator accepted while the process ran. */
  connectionsOpened: number;
}

export interface LoopbackService {
  emulator: RunningEmulator;
  /** The run's CA certificate (PEM file): NODE_EXTRA_CA_CERTS or AWS_CA_BUNDLE for a client. */
  caFile: string;
  runClientProcess(input: Omit<BenchProcessInput, 'functionName'>): Promise<ClientProcessRun>;
  close(): Promise<void>;
}

const CLIENT_PROCESS_SCRIPT = join(__dirname, 'client-process.js');

/** The emulated function: the bench's own by default; a test may name it as its command does. */
export interface LoopbackFunction {
  functionName: string;
  timeoutSeconds: number;
}

export async function startLoopbackService(
  served: LoopbackFunction = { functionName: LOOPBACK_FUNCTION, timeoutSeconds: 120 },
): Promise<LoopbackService> {
  const certificates = await createServerCertificates({ ipAddresses: ['127.0.0.1'] });
  const directory = await mkdtemp(join(tmpdir(), 'lk-bench-'));
  const caFile = join(directory, 'ca.pem');
  await writeFile(caFile, certificates.caCertPem);
  let emulator: RunningEmulator;
  try {
    emulator = await startInvokeEmulator({
      host: '127.0.0.1',
      port: 0,
      certPem: certificates.certPem,
      keyPem: certificates.keyPem,
      functions: [
        {
          name: served.functionName,
          handlerFile: require.resolve('@lambda-keepalive/callee'),
          timeoutSeconds: served.timeoutSeconds,
        },
      ],
    });
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const env = {
    ...inheritedEnv(process.env),
    ...LAB_CREDENTIALS,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_LAMBDA: emulator.url,
    NODE_EXTRA_CA_CERTS: caFile,
  };
  return {
    emulator,
    caFile,
    runClientProcess: async (input) => {
      const before = emulator.connectionsAccepted();
      const result = await runProcess({ ...input, functionName: served.functionName }, env);
      return { result, connectionsOpened: emulator.connectionsAccepted() - before };
    },
    close: async () => {
      await emulator.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function runProcess(input: BenchProcessInput, env: Record<string, string>): Promise<BenchProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLIENT_PROCESS_SCRIPT, JSON.stringify(input)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    child.once('error', reject);
    child.once('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(
          new Error(
            `${input.client} bench process exited ${String(code)}: ${stderr.trim() || stdout.trim() || 'no output'}`,
          ),
        );
        return;
      }
      resolve(JSON.parse(line) as BenchProcessResult);
    });
  });
}
