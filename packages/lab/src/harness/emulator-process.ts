/**
 * The emulator CLI (@lambda-keepalive/invoke-emulator's lambda-invoke-emulator bin) as a child process: it
 * runs inside the lambda-service namespace, so the runner talks to it only through its JSON lines
 * (docs/emulator-protocol.md):
 * it waits for `ready`, asks for `executions`, and stops it by ending stdin (then SIGTERM, then SIGKILL).
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { LabSetupError } from '../lab-errors';

export interface EmulatorLine {
  event: string;
  [key: string]: unknown;
}

export interface EmulatorProcess {
  url: string;
  /** The emulator's own pid (`ip netns exec` execs it), e.g. for its peak RSS in /proc/<pid>/status. */
  pid: number | undefined;
  /** Every line the emulator printed (invocation-start / -end …), for results and debugging. */
  readonly lines: readonly EmulatorLine[];
  executions(): Promise<Record<string, number>>;
  /** Sends a JSON-line command and resolves with the line answering it (`answerEvent`) or a command-error. */
  command(command: Record<string, unknown>, answerEvent: string): Promise<EmulatorLine>;
  /** Resolves with the first line (already printed or still to come) matching `predicate`. */
  waitForLine(predicate: (line: EmulatorLine) => boolean, timeoutMs: number, what: string): Promise<EmulatorLine>;
  /** Fault: SIGKILL, no goodbye (the kernel closes its sockets). Resolves once it has exited. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmulatorProcessOptions {
  readyTimeoutMs?: number;
  answerTimeoutMs?: number;
  stopGraceMs?: number;
}

export async function attachEmulatorProcess(
  child: ChildProcess,
  options: EmulatorProcessOptions = {},
): Promise<EmulatorProcess> {
  const { readyTimeoutMs = 20_000, answerTimeoutMs = 10_000, stopGraceMs = 3_000 } = options;
  const lines: EmulatorLine[] = [];
  const waiters: Array<{ matches: (line: EmulatorLine) => boolean; resolve: (line: EmulatorLine) => void }> = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const ended = exited.then(() => {
    throw new Error(
      `emulator exited (code ${String(child.exitCode)}, signal ${String(child.signalCode)}): ` +
        `${stderr.trim() || lastError(lines)}`,
    );
  });
  ended.catch(() => undefined);
  if (child.stdout === null || child.stdin === null)
    throw new LabSetupError('starting the emulator', new Error('stdin and stdout must be pipes'));
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = parseLine(text);
    if (line === undefined) return;
    lines.push(line);
    const index = waiters.findIndex((waiter) => waiter.matches(line));
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(line);
  });
  const nextMatching = (
    matches: (line: EmulatorLine) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<EmulatorLine> => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      new Promise<EmulatorLine>((resolve) => waiters.push({ matches, resolve })),
      ended,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no matching line from the emulator within ${timeoutMs} ms (${what})`)),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  };
  const next = (event: string, timeoutMs: number, what: string): Promise<EmulatorLine> =>
    nextMatching((line) => line.event === event, timeoutMs, `${what}: "${event}"`);

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
    pid: child.pid,
    lines,
    stop,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    waitForLine(predicate, timeoutMs, what) {
      const seen = lines.find(predicate);
      return seen === undefined ? nextMatching(predicate, timeoutMs, what) : Promise.resolve(seen);
    },
    async command(command, answerEvent) {
      const answer = nextMatching(
        (line) => line.event === answerEvent || line.event === 'command-error',
        answerTimeoutMs,
        `answer to ${JSON.stringify(command)}`,
      );
      child.stdin?.write(`${JSON.stringify(command)}\n`);
      const line = await answer;
      if (line.event === 'command-error')
        throw new Error(`emulator refused ${JSON.stringify(command)}: ${String(line.message)}`);
      return line;
    },
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
