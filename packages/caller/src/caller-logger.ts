/** The caller's logger: the interface the handler and the keepalive client log through, and the Powertools one. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * What the caller logs through: a Powertools Logger in production (one JSON line per call on
 * stdout/stderr, kept as-is by CloudWatch Logs), a recorder in tests. It is also handed to the
 * keepalive client, which logs the connection it opened and the keepalive applied to it.
 */
export interface CallerLogger {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
  error(message: string, extra: Record<string, unknown>): void;
  debug?(message: string, extra: Record<string, unknown>): void;
  /** Powertools adds request id, function name and cold_start to every following line. */
  addContext?(context: Context): void;
}

export function createDefaultLogger(): CallerLogger {
  // POWERTOOLS_SERVICE_NAME and POWERTOOLS_LOG_LEVEL (e.g. DEBUG) still override these.
  return new Logger({ serviceName: 'lambda-keepalive-caller' });
}
