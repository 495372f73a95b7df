/** The BUILT bin (turbo's test task depends on build): what the lab spawns and what a person runs. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { assertBuilt } from '@lambda-keepalive/test-kit';
import { encodePayload, HandlerDirectory, sdkClient, serverCertificates } from '../test/support/emulator-test-kit';
import type { RunningEmulator } from './invoke-emulator';

const MAIN_JS = join(__dirname, '..', 'dist', 'cli.js');

const handlers = new HandlerDirectory();
const echoFile = handlers.write(
  'echo',
  `exports.handler = async (event) => { console.log('to the tail, not stdout'); return event; };`,
);

afterAll(() => handlers.remove());

interface Cli {
  child: ChildProcessWithoutNullStreams;
  lines: Record<string, unknown>[];
  next(event: string): Promise<Record<string, unknown>>;
}

function startCli(args: string[]): Cli & { stderr(): string } {
  assertBuilt(MAIN_JS);
  const child = spawn(process.execPath, [MAIN_JS, ...args]);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines: Record<string, unknown>[] = [];
  const waiting: { event: string; resolve(line: Record<string, unknown>): void }[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>; // every stdout line must be JSON
    lines.push(line);
    const index = waiting.findIndex((w) => w.event === line.event);
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(line);
  });
  const next = (event: string) => new Promise<Record<string, unknown>>((resolve) => waiting.push({ event, resolve }));
  return { child, lines, next, stderr: () => stderr };
}

async function writeConfig(name: string, config: object): Promise<string> {
  const file = join(handlers.path, `${name}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

async function validConfig(name: string): Promise<string> {
  const certs = await serverCertificates();
  return writeConfig(name, {
    host: '127.0.0.1',
    port: 0,
    certPem: certs.certPem,
    keyPem: certs.keyPem,
    functions: [{ name: 'echo', handlerFile: echoFile, timeoutSeconds: 5 }],
  });
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

test('the CLI prints ready, invocation events and counts, answers commands and exits 0 on SIGTERM', async () => {
  const cli = startCli(['--config', await validConfig('sigterm')]);
  const ready = await cli.next('ready');
  expect(ready.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const client = sdkClient({ url: ready.url } as RunningEmulator, (await serverCertificates()).caCertPem);
  try {
    const output = await client.send(new InvokeCommand({ FunctionName: 'echo', Payload: encodePayload({ n: 1 }) }));
    expect(Buffer.from(output.Payload ?? []).toString()).toBe('{"n":1}');
  } finally {
    client.destroy();
  }
  cli.child.stdin.write('{"command":"executions"}\n');
  expect(await cli.next('executions')).toEqual({ event: 'executions', counts: { echo: 1 } });
  cli.child.stdin.write('{"command":"reset-connections"}\n');
  expect(await cli.next('connections-reset')).toEqual({ event: 'connections-reset' });
  cli.child.stdin.write('{"command":"fly"}\n');
  expect((await cli.next('command-error')).message).toContain('unknown command "fly"');
  const exit = exited(cli.child);
  cli.child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(cli.lines.map((l) => l.event)).toEqual([
    'ready',
    'invocation-start',
    'invocation-end',
    'executions',
    'connections-reset',
    'command-error',
    'closed',
  ]);
  expect(cli.lines[2]).toMatchObject({ function: 'echo', outcome: 'ok', requestId: cli.lines[1]?.requestId });
  expect(cli.lines.at(-1)).toEqual({ event: 'closed', reason: 'SIGTERM', counts: { echo: 1 } });
});

test('the CLI exits 0 when stdin ends', async () => {
  const cli = startCli(['--config', await validConfig('stdin')]);
  await cli.next('ready');
  const exit = exited(cli.child);
  cli.child.stdin.end();
  expect(await exit).toBe(0);
  expect(cli.lines.at(-1)).toMatchObject({ event: 'closed', reason: 'stdin-end' });
});

test('a bad config exits 1 with an error line naming the field and the rule', async () => {
  const certs = await serverCertificates();
  const cli = startCli([
    '--config',
    await writeConfig('bad', {
      host: '127.0.0.1',
      port: 0,
      certPem: certs.certPem,
      keyPem: certs.keyPem,
      functions: [{ name: 'echo', handlerFile: 'relative.js', timeoutSeconds: 5 }],
    }),
  ]);
  const exit = exited(cli.child);
  const error = await cli.next('error');
  expect(await exit).toBe(1);
  expect(error.message).toBe(
    'functions[0].handlerFile: "relative.js" is invalid: ' + 'must be an absolute path to a CommonJS bundle',
  );
});

test('--function makes its own CA, writes the file to trust, says what to export, and serves the bundle', async () => {
  const caDirectory = join(handlers.path, 'ca');
  const cli = startCli(['--function', `echo=${echoFile}`, '--ca-dir', caDirectory, '--timeout', '5']);
  const ready = await cli.next('ready');
  const caFile = String(ready.caFile);
  expect(caFile).toBe(join(caDirectory, 'lambda-invoke-emulator-ca.pem'));
  const client = sdkClient({ url: ready.url } as RunningEmulator, readFileSync(caFile, 'utf8'));
  try {
    const output = await client.send(new InvokeCommand({ FunctionName: 'echo', Payload: encodePayload({ n: 2 }) }));
    expect(Buffer.from(output.Payload ?? []).toString()).toBe('{"n":2}');
  } finally {
    client.destroy();
  }
  expect(cli.stderr()).toContain(`export AWS_ENDPOINT_URL_LAMBDA=${String(ready.url)} AWS_CA_BUNDLE=${caFile}`);
  const exit = exited(cli.child);
  cli.child.stdin.end(); // with --function, the end of stdin does not stop it: only a signal does
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(cli.child.exitCode).toBeNull();
  cli.child.kill('SIGINT');
  expect(await exit).toBe(0);
  expect(cli.lines.at(-1)).toEqual({ event: 'closed', reason: 'SIGINT', counts: { echo: 1 } });
  expect(existsSync(caFile)).toBe(true); // a --ca-dir the user named is the user's: the file stays
});

test('a bad flag exits 1 before listening, naming the flag and the rule', async () => {
  const cli = startCli(['--function', 'echo=/no/such/bundle.js']);
  const exit = exited(cli.child);
  const error = await cli.next('error');
  expect(await exit).toBe(1);
  expect(error.message).toMatch(
    /^--function: "echo=\/no\/such\/bundle\.js" is invalid: names a bundle that does not exist/,
  );
  expect(cli.lines.map((line) => line.event)).toEqual(['error']);
});
