/**
 * Messages between the emulator thread and an invocation worker. Logs and the result travel on the same
 * port, so every log line of an invocation arrives before its result (the tail is complete).
 */
import type { LambdaContextFields } from './lambda-context';

export interface WorkerSetup {
  handlerFile: string;
  handlerExport: string;
}

export interface InvokeMessage {
  type: 'invoke';
  context: LambdaContextFields;
  /** The request body, already checked to be JSON (empty means `{}`). */
  payload: string;
}

/** The error document Lambda returns with `X-Amz-Function-Error: Unhandled` (docs/lambda-invoke-api.md). */
export interface FunctionErrorPayload {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export type WorkerMessage =
  | { type: 'log'; requestId: string | undefined; text: string }
  | { type: 'result'; requestId: string; payload: string; heapUsedMb: number }
  /** `fatal`: the runtime would exit after this error (uncaught exception); the worker must not be reused. */
  | { type: 'error'; requestId: string | undefined; error: FunctionErrorPayload; fatal: boolean; heapUsedMb: number };

/** Mirrors the Node.js runtime: Error → name/message/stack lines; anything else → its type and text. */
export function toFunctionErrorPayload(error: unknown, errorTypeOverride?: string): FunctionErrorPayload {
  if (error instanceof Error) {
    return {
      errorType: errorTypeOverride ?? error.name,
      errorMessage: error.message,
      trace: (error.stack ?? '').split('\n').filter((line) => line !== ''),
    };
  }
  return { errorType: errorTypeOverride ?? typeof error, errorMessage: String(error), trace: [] };
}
