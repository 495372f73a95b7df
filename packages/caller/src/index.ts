/** The caller bundle's entry: the production `handler` (one client per container), event parser, errors, factory. */
import { createCallerHandler } from './handler';

export { type CallerEvent, MAX_DURATION_SECONDS, parseCallerEvent } from './caller-event';
export { CallerConfigError, CallerError, InvalidCallerEventError } from './errors';
export type { IdleLimitReport, ProbeReport } from './find-idle-limit';
export {
  FIND_IDLE_LIMIT_DEFAULTS,
  type FindIdleLimitRequest,
  MAX_MARGIN_SECONDS,
  MAX_PROBES,
  REPORT_RESERVE_SECONDS,
} from './find-idle-limit-event';
export {
  type CallerHandler,
  type CallerHandlerOptions,
  type CallerKeepAlive,
  type CallerResult,
  type CreateClientInput,
  createCallerHandler,
  type FindIdleLimitResult,
} from './handler';
export type { KernelKeepAlive, KernelValue } from './kernel-keepalive';

/** The Lambda entry point (runtime handler `index.handler`); one client per container. */
export const handler = createCallerHandler();
