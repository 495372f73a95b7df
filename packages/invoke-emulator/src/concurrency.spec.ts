// Sizing check for the lab (brief: 200 concurrent invocations on a 2-core, 24 GiB box): every call must
// succeed and be counted exactly once. Time and memory are measured and printed, never asserted.
import { readFileSync } from 'node:fs';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  decodePayload,
  encodePayload,
  HandlerDirectory,
  sdkClient,
  startTestEmulator,
} from '../test/support/emulator-test-kit';
import type { RunningEmulator } from './invoke-emulator';

const CONCURRENT = 200;
const SLEEP_MS = 1_000;

const handlers = new HandlerDirectory();
const sleepFile = handlers.write(
  'sleep',
  `
exports.handler = async (event, context) => {
  await new Promise((r) => setTimeout(r, event.ms));
  return { requestId: context.awsRequestId };
};`,
);

let emulator: RunningEmulator;
let client: LambdaClient;

beforeAll(async () => {
  const started = await startTestEmulator([{ name: 'sleeper', handlerFile: sleepFile, timeoutSeconds: 30 }]);
  emulator = started.emulator;
  client = sdkClient(emulator, started.certs.caCertPem, CONCURRENT);
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
  handlers.remove();
});

function memoryKb(field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN);
}

async function round(label: string): Promise<void> {
  const rssBefore = memoryKb('VmRSS');
  const started = Date.now();
  const outputs = await Promise.all(
    Array.from({ length: CONCURRENT }, () =>
      client.send(new InvokeCommand({ FunctionName: 'sleeper', Payload: encodePayload({ ms: SLEEP_MS }) })),
    ),
  );
  const wallMs = Date.now() - started;
  const requestIds = new Set(outputs.map((o) => (decodePayload(o.Payload) as { requestId: string }).requestId));
  expect(outputs.every((o) => o.StatusCode === 200 && o.FunctionError === undefined)).toBe(true);
  expect(requestIds.size).toBe(CONCURRENT);
  process.stdout.write(
    `[emulator sizing] ${label}: ${CONCURRENT} x ${SLEEP_MS} ms sleeps in ${wallMs} ms; ` +
      `RSS ${Math.round(rssBefore / 1024)} → ${Math.round(memoryKb('VmRSS') / 1024)} MiB, ` +
      `peak (VmHWM) ${Math.round(memoryKb('VmHWM') / 1024)} MiB\n`,
  );
}

test(`${CONCURRENT} concurrent sleeping invocations all succeed and are counted exactly`, async () => {
  await round('cold (starts the workers)');
  expect(emulator.executions().sleeper).toBe(CONCURRENT);
  await round('warm (reuses them)');
  expect(emulator.executions().sleeper).toBe(2 * CONCURRENT);
});
