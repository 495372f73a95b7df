/** The logging surface this package needs; a Powertools Logger instance satisfies it. */
export interface KeepAliveLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  debug?(message: string, extra?: Record<string, unknown>): void;
}
