/**
 * Emulated function for the "callee exceeds its own timeout" row: a handler that never settles, like a
 * function stuck on a downstream call. The real callee cannot be used: it refuses, up front, a sleep past
 * its remaining time (packages/callee sleep-budget.ts) — that guard is its honest behaviour. What this row
 * tests is the rest of the chain: the emulator's timeout → Lambda's "Task timed out" function error on the
 * wire → the client's CalleeFunctionError, not retried.
 */
export const handler = (): Promise<never> => new Promise<never>(() => undefined);
