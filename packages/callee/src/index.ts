/** The callee bundle's entry: the production `handler`, plus the event parser, errors and handler factory. */
import { createCalleeHandler } from './handler';

export { type CalleeEvent, DEFAULT_SLEEP_SECONDS, MAX_SLEEP_SECONDS, parseCalleeEvent } from './callee-event';
export * from './errors';
export { type CalleeHandler, type CalleeHandlerOptions, type CalleeResult, createCalleeHandler } from './handler';

/** The Lambda entry point (runtime handler `index.handler`). */
export const handler = createCalleeHandler();
