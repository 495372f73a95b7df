/** The callee's logger: the interface the handler logs through, and the production Powertools Logger. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * The slice of a Powertools Logger the handler uses: one JSON line per call on stdout, which
 * CloudWatch Logs stores as-is. Tests pass a recorder; production passes a Powertools Logger.
 */
export interface StructuredLogger {
  info(message: string, extra: Record<string, unknown>): void;
  error(message: string, extra: Record<string, unknown>): void;
  /** Powertools adds the request id and function name to every following line. */
  addContext?(context: Context): void;
}

export function createDefaultLogger(): StructuredLogger {
  // POWERTOOLS_SERVICE_NAME / POWERTOOLS_LOG_LEVEL still override these (Powertools reads env).
  return new Logger({ serviceName: 'lambda-keepalive-callee' });
}
