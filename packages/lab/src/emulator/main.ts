/**
 * CLI (lk-contracts.md, "Lab emulator"): `node dist/emulator/main.js --config <file.json>`.
 * stdout carries only JSON lines (events and command answers); handler output never reaches it.
 * stdin takes JSON-line commands; stdin end, SIGTERM or SIGINT close the emulator and exit 0.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { InvalidLabInputError } from '../lab-errors';
import { startInvokeEmulator, type EmulatorConfig, type RunningEmulator } from './invoke-emulator';

type Line = Record<string, unknown>;
const print = (line: Line): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

export function readConfigFile(argv: readonly string[]): EmulatorConfig {
  const index = argv.indexOf('--config');
  const file = index >= 0 ? argv[index + 1] : undefined;
  if (!file) throw new InvalidLabInputError('--config', file, 'is required: a JSON file holding an EmulatorConfig');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InvalidLabInputError('--config', file, 'must be a readable file', { cause });
  }
  try {
    return JSON.parse(text) as EmulatorConfig;
  } catch (cause) {
    throw new InvalidLabInputError('--config', file, 'must contain valid JSON', { cause });
  }
}

export function answerCommand(emulator: RunningEmulator, text: string): Line {
  let parsed: { command?: unknown; function?: unknown; times?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return { event: 'command-error', message: `not a JSON line: ${text.slice(0, 200)}` };
  }
  const command = parsed?.command;
  switch (command) {
    case 'reset-connections':
      emulator.resetActiveConnections();
      return { event: 'connections-reset' };
    case 'executions':
      return { event: 'executions', counts: emulator.executions() };
    case 'throttle':
      // Lab fault (faults "429 twice, then capacity"): {"command":"throttle","function":"f","times":2}.
      try {
        emulator.throttleNext(String(parsed.function), parsed.times as number);
      } catch (error) {
        return { event: 'command-error', message: error instanceof Error ? error.message : String(error) };
      }
      return { event: 'throttle-armed', function: parsed.function, times: parsed.times };
    default:
      return { event: 'command-error',
        message: `unknown command ${JSON.stringify(command)}: expected "reset-connections", "executions" or "throttle"` };
  }
}

async function main(): Promise<void> {
  const config = readConfigFile(process.argv.slice(2));
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
  lines.on('close', () => stop('stdin-end'));
  print({ event: 'ready', url: emulator.url, port: emulator.port });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    print({ event: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}
