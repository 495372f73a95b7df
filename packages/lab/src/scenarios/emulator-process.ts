import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { LabSetupError } from '../runner-errors';

/**
 * The emulator CLI (dist/emulator/main.js) as a child process: it runs inside the lambda-service
 * namespace, so the runner talks to it only through its JSON lines (lk-contracts.md "Lab emulator"):
 * it waits for `ready`, asks for `executions`, and stops it by ending stdin (then SIGTERM, then SIGKILL).
 */
export interface EmulatorLine {
  event: string;
  [key: string]: unknown;
}

export interface EmulatorProcess {
  url: string;
  /** Every line the emulator printed (invocation-start / -end …), for results and debugging. */
  readonly lines: readonly EmulatorLine[];
  executions(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export interface EmulatorProcessOptions {
  readyTimeoutMs?: number;
  answerTimeoutMs?: number;
  stopGraceMs?: number;
}

export async function attachEmulatorProcess(child: ChildProcess, options: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
  const { readyTimeoutMs = 20_000, answerTimeoutMs = 10_000, stopGraceMs = 3_000 } = options;
  const lines: EmulatorLine[] = [];
  const waiters: Array<{ event: string; resolve: (line: EmulatorLine) => void }> = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const ended = exited.then(() => {
    throw new Error(`emulator exited (code ${String(child.exitCode)}, signal ${String(child.signalCode)}): ${stderr.trim() || lastError(lines)}`);
  });
  ended.catch(() => undefined);
  if (child.stdout === null || child.stdin === null) throw new LabSetupError('starting the emulator', new Error('stdin and stdout must be pipes'));
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = parseLine(text);
    if (line === undefined) return;
    lines.push(line);
    const index = waiters.findIndex((waiter) => waiter.event === line.event);
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(line);
  });
  const next = (event: string, timeoutMs: number, what: string): Promise<EmulatorLine> => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      new Promise<EmulatorLine>((resolve) => waiters.push({ event, resolve })),
      ended,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no "${event}" line from the emulator within ${timeoutMs} ms (${what})`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  };

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin?.end();
    const escalate = (signal: NodeJS.Signals, afterMs: number): NodeJS.Timeout =>
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill(signal), afterMs);
    const timers = [escalate('SIGTERM', stopGraceMs), escalate('SIGKILL', 2 * stopGraceMs)];
    await exited;
    timers.forEach(clearTimeout);
  };

  let ready: EmulatorLine;
  try {
    ready = await next('ready', readyTimeoutMs, 'starting');
  } catch (error) {
    await stop();
    throw new LabSetupError('starting the emulator', error);
  }
  return {
    url: String(ready.url),
    lines,
    stop,
    async executions() {
      const answer = next('executions', answerTimeoutMs, 'executions command');
      child.stdin?.write(`${JSON.stringify({ command: 'executions' })}\n`);
      return (await answer).counts as Record<string, number>;
    },
  };
}

function parseLine(text: string): EmulatorLine | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as EmulatorLine).event === 'string'
      ? (parsed as EmulatorLine)
      : undefined;
  } catch {
    return undefined;
  }
}

function lastError(lines: readonly EmulatorLine[]): string {
  const error = [...lines].reverse().find((line) => line.event === 'error');
  return error === undefined ? 'no output' : String(error.message);
}
