import type { KeepAliveLogger } from '../logger';

export interface RecordedLine {
  level: 'info' | 'warn' | 'debug';
  message: string;
  extra: Record<string, unknown> | undefined;
}

/** A KeepAliveLogger that keeps what it was told, for assertions. */
export function createRecordingLogger(): KeepAliveLogger & { lines: RecordedLine[] } {
  const lines: RecordedLine[] = [];
  const record = (level: RecordedLine['level']) => (message: string, extra?: Record<string, unknown>) => void lines.push({ level, message, extra });
  return { lines, info: record('info'), warn: record('warn'), debug: record('debug') };
}
