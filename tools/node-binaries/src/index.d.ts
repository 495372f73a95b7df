/** Types of @lambda-keepalive/node-binaries (index.js): the binaries standing for the Lambda runtimes. */
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';

/** Absolute path of the Node.js binary that stands for the runtime (a name such as `nodejs24.x`). */
export function nodeBinary(runtime: string | LambdaRuntime): string;

/** Why the installed binaries do not match the runtime list; empty when they do. */
export function binaryProblems(runtimes?: readonly LambdaRuntime[]): string[];

/** Whether the runtime's Node applies a keepalive probe interval and count (Node >= 24.19 / 26.4). */
export function honoursKeepAliveProbes(runtime: string | LambdaRuntime): boolean;
