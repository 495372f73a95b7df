import { createCallerHandler } from './handler';

export { createCallerHandler, type CallerHandler, type CallerHandlerOptions, type CallerResult, type CreateClientInput } from './handler';
export { parseCallerEvent, MAX_DURATION_SECONDS, type CallerEvent } from './caller-event';
export { CallerError, CallerConfigError, InvalidCallerEventError } from './errors';

/** The Lambda entry point (runtime handler `index.handler`); one client per container. */
export const handler = createCallerHandler();
