/**
 * What `lambda-invoke-emulator` is asked to do, from its argv. Two ways to start it:
 * - `--config <file.json>`: a whole EmulatorConfig (certificates included) — how the lab starts it;
 * - `--function <name>=<bundle.js>` (repeatable) with optional `--host`, `--port`, `--timeout`, `--ca-dir`:
 *   the emulator makes its own CA and says which file to trust — how a person points the AWS CLI, boto3 or
 *   any SDK at it.
 * Everything is checked before a socket is opened; a bad value names the flag and the rule.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidEmulatorInputError } from './emulator-errors';
import { LAMBDA_MAX_TIMEOUT_SECONDS } from './function-registry';

export const EMULATOR_HELP = `Usage: lambda-invoke-emulator --function <name>=<bundle.js> [--function …] [options]
       lambda-invoke-emulator --config <file.json>

Serves the Lambda Invoke API (POST /2015-03-31/functions/<name>/invocations) over HTTPS, running each
function's CommonJS bundle (its exported \`handler\`) in worker threads, one execution at a time per worker.

  --function <name>=<file>   a function and its bundle (repeatable); the handler is the export "handler"
  --host <address>           address to listen on (default 127.0.0.1)
  --port <n>                 port (default 0 = any free port; the ready line says which)
  --timeout <seconds>        the functions' timeout, 1..900 (default 900)
  --ca-dir <dir>             where to write the CA certificate to trust (default: a temporary directory,
                             removed on exit); the file is <dir>/lambda-invoke-emulator-ca.pem
  --config <file.json>       instead of the flags above: a full configuration, certificates included
  --help                     this text

stdout carries JSON lines only (ready, invocation-start, invocation-end, …); stdin takes JSON-line commands
(executions, reset-connections, throttle). SIGTERM or SIGINT stop it (exit 0); with --config, so does the end
of stdin (the parent that wrote the configuration owns the pipe).`;

export interface FunctionsCommand {
  kind: 'functions';
  host: string;
  port: number;
  timeoutSeconds: number;
  functions: Array<{ name: string; handlerFile: string }>;
  /** undefined = a temporary directory the emulator removes on exit. */
  caDirectory: string | undefined;
}

export type EmulatorCommand = { kind: 'help' } | { kind: 'config'; file: string } | FunctionsCommand;

const OPTIONS = {
  function: { type: 'string', multiple: true },
  host: { type: 'string' },
  port: { type: 'string' },
  timeout: { type: 'string' },
  'ca-dir': { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FUNCTION_FLAG = /^([a-zA-Z0-9_-]{1,64})=(.+)$/;

export function parseEmulatorCommand(argv: readonly string[], cwd = process.cwd()): EmulatorCommand {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; args: string[]; strict: true }>>['values'];
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new InvalidEmulatorInputError('arguments', argv.join(' '), `${(error as Error).message}; see --help`);
  }
  if (values.help) return { kind: 'help' };
  if (values.config !== undefined) {
    const extra = Object.keys(values).filter((name) => name !== 'config');
    if (extra.length > 0) {
      throw new InvalidEmulatorInputError(
        '--config',
        values.config,
        `takes no other flag (also given: --${extra.join(', --')})`,
      );
    }
    return { kind: 'config', file: resolve(cwd, values.config) };
  }
  const functions = (values.function ?? []).map((text) => parseFunctionFlag(text, cwd));
  if (functions.length === 0) {
    throw new InvalidEmulatorInputError(
      '--function',
      undefined,
      'is required (or --config): --function <name>=<bundle.js>',
    );
  }
  const duplicate = functions.find((fn, index) => functions.findIndex((other) => other.name === fn.name) !== index);
  if (duplicate) throw new InvalidEmulatorInputError('--function', duplicate.name, 'names a function twice');
  return {
    kind: 'functions',
    host: values.host ?? '127.0.0.1',
    port: parseWhole('--port', values.port ?? '0', 0, 65535),
    timeoutSeconds: parseWhole(
      '--timeout',
      values.timeout ?? String(LAMBDA_MAX_TIMEOUT_SECONDS),
      1,
      LAMBDA_MAX_TIMEOUT_SECONDS,
    ),
    functions,
    caDirectory: values['ca-dir'] === undefined ? undefined : resolve(cwd, values['ca-dir']),
  };
}

function parseFunctionFlag(text: string, cwd: string): { name: string; handlerFile: string } {
  const match = FUNCTION_FLAG.exec(text);
  if (!match?.[1] || !match[2]) {
    throw new InvalidEmulatorInputError('--function', text, 'must be <name>=<bundle.js>, name 1-64 of [a-zA-Z0-9_-]');
  }
  const handlerFile = isAbsolute(match[2]) ? match[2] : resolve(cwd, match[2]);
  if (!existsSync(handlerFile)) {
    throw new InvalidEmulatorInputError('--function', text, `names a bundle that does not exist (${handlerFile})`);
  }
  return { name: match[1], handlerFile };
}

function parseWhole(flag: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new InvalidEmulatorInputError(flag, text, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}
