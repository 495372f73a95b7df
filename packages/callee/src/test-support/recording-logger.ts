import type { StructuredLogger } from '../structured-logger';

export interface LogEntry {
  level: 'info' | 'error';
  message: string;
  extra: Record<string, unknown>;
}

/** A logger that keeps what the handler logged, so tests can assert on the log lines. */
export function createRecordingLogger(): StructuredLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (message, extra = {}) => entries.push({ level: 'info', message, extra }),
    error: (message, extra = {}) => entries.push({ level: 'error', message, extra }),
  };
}
