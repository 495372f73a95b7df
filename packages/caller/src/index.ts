/** The caller bundle's entry: the production `handler` (one client per container), event parser, errors, factory. */
import { createCallerHandler } from './handler';

export { type CallerEvent, MAX_DURATION_SECONDS, parseCallerEvent } from './caller-event';
export { CallerConfigError, CallerError, InvalidCallerEventError } from './errors';
export {
  type CallerHandler,
  type CallerHandlerOptions,
  type CallerKeepAlive,
  type CallerResult,
  type CreateClientInput,
  createCallerHandler,
} from './handler';

/** The Lambda entry point (runtime handler `index.handler`); one client per container. */
export const handler = createCallerHandler();
