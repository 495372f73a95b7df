/**
 * The emulator's stdin commands, one JSON line each, answered by one JSON line on stdout
 * (docs/emulator-protocol.md): `executions`, `reset-connections`, `throttle`.
 */
import type { RunningEmulator } from './invoke-emulator';

export type ProtocolLine = Record<string, unknown>;

export function answerCommand(emulator: RunningEmulator, text: string): ProtocolLine {
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
      // Lab fault "429 twice, then capacity": {"command":"throttle","function":"f","times":2}.
      try {
        emulator.throttleNext(String(parsed.function), parsed.times as number);
      } catch (error) {
        return { event: 'command-error', message: error instanceof Error ? error.message : String(error) };
      }
      return { event: 'throttle-armed', function: parsed.function, times: parsed.times };
    default:
      return {
        event: 'command-error',
        message: `unknown command ${JSON.stringify(command)}: expected "reset-connections", "executions" or "throttle"`,
      };
  }
}
