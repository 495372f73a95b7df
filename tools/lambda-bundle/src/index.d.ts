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

/** The deployment package's file name beside the bundle: `dist/lambda.zip`. */
export const LAMBDA_ZIP_NAME: 'lambda.zip';

/**
 * The zip of `entries`: sorted by name, dated 1980-01-01, mode 0644, no extra fields, so the same names and
 * bytes always give the same zip bytes. `compression` defaults to `deflate` (zlib level 9).
 */
export function createDeterministicZip(
  entries: ReadonlyArray<{ readonly name: string; readonly data: Buffer }>,
  options?: { readonly compression?: 'deflate' | 'store' },
): Buffer;

/** Writes `lambda.zip` holding only `index.js` beside `bundleFile` (…/dist/index.js); returns its path and size. */
export function writeLambdaZip(bundleFile: string): { zipFile: string; bytes: number };

/** A zip entry or option the writer refuses; names the field, the value and the rule. */
export class InvalidZipEntryError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;
}
