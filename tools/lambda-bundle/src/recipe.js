// The esbuild recipe of the project's Lambda bundles (caller and callee): one single-file CommonJS
// dist/index.js per package, with its source map and esbuild metafile beside it.

const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');
const { OLDEST_RUNTIME, runtimeNamed } = require('@lambda-keepalive/runtimes');
const { lambdaCredentialsPlugin } = require('./lambda-credentials-plugin');
const { writeLambdaZip } = require('./deterministic-zip');

/**
 * The build options for the package in `packageDir` (entry src/index.ts, output dist/index.js).
 *
 * - The AWS SDK is bundled, not left to the runtime's own copy, so the deployed code is the tested code:
 *   the Lambda runtimes ship an SDK version of their own choosing ("Using the SDK for JavaScript v3 in
 *   your function", https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html).
 * - `module` before `main` lets esbuild read the SDK's ES modules and drop unused commands (the SDK has no
 *   `exports` map; AWS recommends mainFields module,main for bundling SDK v3, aws/aws-sdk-js-v3#3542). That
 *   only works if every package reaches the SDK through ES imports too: @lambda-keepalive/client is taken
 *   through its package.json `exports` like any npm package, whose `module` condition is its ESM build.
 * - CommonJS output, so the runtime's `index.handler` finds the export.
 * - The SDK's default credential chain is cut to what a Lambda has (lambda-credentials-plugin.js).
 * - The esbuild target is the runtime's Node (@lambda-keepalive/runtimes). By default the OLDEST supported
 *   runtime: the stack picks the runtime at plan time, and a bundle for the oldest runs on all of them.
 */
function lambdaBuildOptions(packageDir, runtime = OLDEST_RUNTIME) {
  const { esbuildTarget } = typeof runtime === 'string' ? runtimeNamed(runtime, '--runtime') : runtime;
  return {
    entryPoints: [path.join(packageDir, 'src/index.ts')],
    outfile: path.join(packageDir, 'dist/index.js'),
    bundle: true,
    platform: 'node',
    target: esbuildTarget,
    format: 'cjs',
    mainFields: ['module', 'main'],
    minify: true,
    // Minifying renames classes, and the SDK compares class names: `logger.constructor.name ===
    // "NoOpLogger"` (@smithy/core, @aws-sdk/core) decides whether node-http-handler's warnings reach
    // the console, and ServiceException's instanceof falls back to class names across SDK copies.
    // keepNames keeps them (~17 KB, ~1.5 ms init measured). Our own errors set literal names.
    keepNames: true,
    plugins: [lambdaCredentialsPlugin],
    // dist/index.js.map beside the bundle; the function needs NODE_OPTIONS=--enable-source-maps
    // for CloudWatch stack traces to point at src/*.ts.
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  };
}

/** Bytes per npm package, per sibling workspace package, and "(this package)", from a metafile output. */
function bytesByPackage(output) {
  const totals = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const npmPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input);
    const sibling = /^\.\.\/(?:\.\.\/)?(?:packages\/|tools\/)?([^/.][^/]*)\//.exec(input);
    const key = npmPackage ? npmPackage[1] : sibling ? `workspace ${sibling[1]}` : '(this package)';
    totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

/** Builds the package in `packageDir` (replacing its dist/) and prints the bundle's size and largest parts. */
async function bundleLambda(packageDir, runtime = OLDEST_RUNTIME) {
  const options = lambdaBuildOptions(packageDir, runtime);
  fs.rmSync(path.join(packageDir, 'dist'), { recursive: true, force: true });
  const result = await esbuild.build(options);
  fs.writeFileSync(path.join(packageDir, 'dist/meta.json'), JSON.stringify(result.metafile));
  writeLambdaZip(options.outfile); // dist/lambda.zip: index.js only, the same bytes for the same code
  const output =
    result.metafile.outputs[path.relative(process.cwd(), options.outfile)] ??
    Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('index.js'))[1];
  const top = bytesByPackage(output)
    .slice(0, 5)
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KiB`)
    .join(', ');
  console.log(`${path.relative(process.cwd(), options.outfile)} (${options.target}): ${output.bytes} bytes (${top})`);
  return { bytes: output.bytes, metafile: result.metafile };
}

module.exports = { lambdaBuildOptions, bundleLambda, bytesByPackage };
