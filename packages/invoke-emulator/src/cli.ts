#!/usr/bin/env node
/**
 * `lambda-invoke-emulator` (cli-options.ts has the flags; docs/emulator-protocol.md the JSON lines).
 * stdout carries only JSON lines (events and command answers); handler output never reaches it.
 * stdin takes JSON-line commands; SIGTERM, SIGINT (and, with --config, stdin end) close it and exit 0.
 * With `--function`, it makes its own CA and tells on stderr what to export so that the AWS CLI, boto3 or
 * any SDK trusts it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createServerCertificates } from './certificate-authority';
import { EMULATOR_HELP, type FunctionsCommand, parseEmulatorCommand } from './cli-options';
import { answerCommand, type ProtocolLine } from './command-protocol';
import { InvalidEmulatorInputError } from './emulator-errors';
import { type EmulatorConfig, startInvokeEmulator } from './invoke-emulator';

const CA_FILE_NAME = 'lambda-invoke-emulator-ca.pem';

const print = (line: ProtocolLine): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

function readConfigFile(file: string): EmulatorConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InvalidEmulatorInputError('--config', file, 'must be a readable file', { cause });
  }
  try {
    return JSON.parse(text) as EmulatorConfig;
  } catch (cause) {
    throw new InvalidEmulatorInputError('--config', file, 'must contain valid JSON', { cause });
  }
}

/** The emulator's own CA for `--function` mode, and the file to trust; the temp dir goes on exit. */
async function selfSignedConfig(command: FunctionsCommand): Promise<{ config: EmulatorConfig; caFile: string }> {
  const ipAddresses = [...new Set(['127.0.0.1', ...(isIP(command.host) ? [command.host] : [])])];
  const dnsNames = ['localhost', ...(isIP(command.host) ? [] : [command.host])];
  const certificates = await createServerCertificates({ ipAddresses, dnsNames });
  const directory = command.caDirectory ?? mkdtempSync(join(tmpdir(), 'lambda-invoke-emulator-'));
  if (command.caDirectory === undefined)
    process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  else mkdirSync(directory, { recursive: true });
  const caFile = join(directory, CA_FILE_NAME);
  writeFileSync(caFile, certificates.caCertPem, { mode: 0o644 });
  const config: EmulatorConfig = {
    host: command.host,
    port: command.port,
    certPem: certificates.certPem,
    keyPem: certificates.keyPem,
    functions: command.functions.map((fn) => ({ ...fn, timeoutSeconds: command.timeoutSeconds })),
  };
  return { config, caFile };
}

function printTrustHints(url: string, caFile: string, functionNames: string[]): void {
  const lines = [
    `lambda-invoke-emulator: serving ${functionNames.join(', ')} at ${url}. Point a client at it with:`,
    `  export AWS_ENDPOINT_URL_LAMBDA=${url} AWS_CA_BUNDLE=${caFile} NODE_EXTRA_CA_CERTS=${caFile}`,
    '  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 ' +
      'AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator',
    `  aws lambda invoke --endpoint-url ${url} --function-name ${functionNames[0]} \\`,
    `    --cli-binary-format raw-in-base64-out --payload '{"durationSeconds":1}' out.json`,
    'Stop it with Ctrl-C.',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

async function main(argv: readonly string[]): Promise<void> {
  const command = parseEmulatorCommand(argv);
  if (command.kind === 'help') {
    process.stdout.write(`${EMULATOR_HELP}\n`);
    return;
  }
  const { config, caFile } =
    command.kind === 'config'
      ? { config: readConfigFile(command.file), caFile: undefined }
      : await selfSignedConfig(command);
  const emulator = await startInvokeEmulator({ ...config, onEvent: (event) => print(event) });
  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => {
      print({ event: 'closed', reason, counts: emulator.executions() });
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== '') print(answerCommand(emulator, line));
  });
  // The parent that starts it with --config owns the pipe: its end means "stop". A person's shell may give a
  // background job an empty stdin, so with --function only a signal stops it.
  if (command.kind === 'config') lines.on('close', () => stop('stdin-end'));
  print({ event: 'ready', url: emulator.url, port: emulator.port, ...(caFile === undefined ? {} : { caFile }) });
  if (caFile !== undefined)
    printTrustHints(
      emulator.url,
      caFile,
      config.functions.map((fn) => fn.name),
    );
}

/** Runs the command line; a failure to start is one `error` line on stdout and exit 1. */
export function runCommandLine(argv: readonly string[]): void {
  main(argv).catch((error: unknown) => {
    print({ event: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}

if (require.main === module) runCommandLine(process.argv.slice(2));
