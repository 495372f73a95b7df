export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  extra: Record<string, unknown>;
}

type LogMethod = (message: string, extra?: Record<string, unknown>) => void;

/**
 * A logger that keeps what it was given, so tests can assert on the log lines. It has every
 * Powertools level, so it fits the callee's, the caller's and the keepalive client's logger
 * interfaces (the caller's tests import it by relative path).
 */
export function createRecordingLogger(): Record<LogLevel, LogMethod> & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const method =
    (level: LogLevel): LogMethod =>
    (message, extra = {}) =>
      entries.push({ level, message, extra });
  return { entries, debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') };
}
