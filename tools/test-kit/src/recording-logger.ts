/**
 * A logger that keeps what it was given, so tests can assert on log lines. It has every Powertools level,
 * so it fits the callee's, the caller's and the keepalive client's logger interfaces.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface RecordedLine {
  level: LogLevel;
  message: string;
  /** The structured fields of the line; `{}` when none were given. */
  extra: Record<string, unknown>;
}

type LogMethod = (message: string, extra?: Record<string, unknown>) => void;

export type RecordingLogger = Record<LogLevel, LogMethod> & { lines: RecordedLine[] };

export function createRecordingLogger(): RecordingLogger {
  const lines: RecordedLine[] = [];
  const method =
    (level: LogLevel): LogMethod =>
    (message, extra = {}) => {
      lines.push({ level, message, extra });
    };
  return { lines, debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') };
}
