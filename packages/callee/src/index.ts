import { createCalleeHandler } from './handler';

export { createCalleeHandler, type CalleeHandler, type CalleeHandlerOptions, type CalleeResult } from './handler';
export { parseCalleeEvent, DEFAULT_SLEEP_SECONDS, MAX_SLEEP_SECONDS, type CalleeEvent } from './callee-event';
export * from './errors';

/** The Lambda entry point (runtime handler `index.handler`). */
export const handler = createCalleeHandler();
