/** Types of @lambda-keepalive/runtimes (index.js): the supported Lambda Node.js runtimes. */

export interface LambdaRuntime {
  /** The Lambda runtime identifier, e.g. `nodejs24.x`. */
  readonly name: string;
  /** The exact Node.js release that stands for it in tests, e.g. `24.22.3`. */
  readonly node: string;
  /** The Node.js major version, e.g. 24. */
  readonly major: number;
  /** The esbuild target for code that runs on it, e.g. `node24`. */
  readonly esbuildTarget: string;
}

export const SUPPORTED_RUNTIMES: readonly LambdaRuntime[];
export const RUNTIME_NAMES: readonly string[];
export const DEFAULT_RUNTIME: LambdaRuntime;
export const OLDEST_RUNTIME: LambdaRuntime;

export class UnsupportedRuntimeError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;
}

export function runtimeNamed(name: unknown, field?: string): LambdaRuntime;
