/** Types of @lambda-keepalive/lambda-bundle (the recipe is plain CommonJS, run by Node without a build). */

import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import type { BuildOptions, Metafile, Plugin } from 'esbuild';

/** The esbuild options for the package in `packageDir`: src/index.ts → dist/index.js, for the runtime's Node. */
export function lambdaBuildOptions(packageDir: string, runtime?: string | LambdaRuntime): BuildOptions;

/** Builds the package in `packageDir` (replacing its dist/) and prints the bundle's size and largest parts. */
export function bundleLambda(
  packageDir: string,
  runtime?: string | LambdaRuntime,
): Promise<{ bytes: number; metafile: Metafile }>;

/** Bytes per npm package, per sibling workspace package and "(this package)", largest first. */
export function bytesByPackage(output: Metafile['outputs'][string]): Array<[string, number]>;

/** The recipe's credential cut on its own: @aws-sdk/credential-provider-node becomes a Lambda's env + container chain. */
export const lambdaCredentialsPlugin: Plugin;
