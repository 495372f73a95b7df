/**
 * Cold start: the caller bundle's bytes and module-init time (require() of the bundle in a fresh Node
 * process, median of ≥ 20, interleaved with the baselines) against esbuild bundles of the bare SDK
 * (`export { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda'`):
 * - `esbuild-minify`: bundle + platform node + minify — 536,170 bytes, the "~536 KB" yardstick
 *   (the goal ratios are taken against it);
 * - `esbuild-defaults`: bundle + platform node only (1,358,235 bytes: the SDK's CommonJS dist, unminified);
 * - `caller-recipe`: the caller's own recipe (@lambda-keepalive/lambda-bundle: ESM entry points,
 *   minify, node22) — like for like, what the client + Powertools Logger + handler add.
 */

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { bytesByPackage } from '@lambda-keepalive/lambda-bundle';
import { nodeBinary } from '@lambda-keepalive/node-binaries';
import type { LambdaRuntime } from '@lambda-keepalive/runtimes';
import type { Metafile } from 'esbuild';
import { interleavedOrder, pairedRatios, type RatioSummary, type Summary, summarize } from './stats';

const SDK_ENTRY = "export { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';";
const BASELINES = {
  'esbuild-minify': { minify: true },
  'esbuild-defaults': {},
  'caller-recipe': {
    minify: true,
    mainFields: ['module', 'main'],
    target: 'node22',
    format: 'cjs',
    keepNames: true,
    legalComments: 'none',
  },
} as const;
export type ColdStartBundle = 'caller' | keyof typeof BASELINES;

export interface ColdStartSettings {
  samples: number;
}

export interface ColdStartResult {
  /** The runtime whose Node loaded every bundle in this run. */
  runtime: { name: string; node: string };
  settings: ColdStartSettings & { initMeasure: string; baselineCommand: string };
  bundles: Record<ColdStartBundle, { bytes: number; initMs: Summary; samplesMs: number[] }>;
  /** caller ÷ esbuild-minify (the yardstick). */
  bytesRatio: number;
  initRatio: RatioSummary;
  /** caller ÷ caller-recipe baseline. */
  bytesRatioLikeForLike: number;
  initRatioLikeForLike: RatioSummary;
  /** Largest contributors to the caller bundle, from its esbuild metafile. */
  callerTopPackages: Array<{ name: string; bytes: number }>;
}

const run = promisify(execFile);
/** The clock starts inside the fresh process, so Node's own start-up is not counted: only the bundle's init. */
const INIT_SCRIPT =
  'const t=process.hrtime.bigint();require(process.argv[1]);' +
  'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';
const PACKAGE_ROOT = resolve(__dirname, '..', '..');

export async function runColdStartBench(
  settings: ColdStartSettings,
  log: (line: string) => void,
  runtime: LambdaRuntime,
): Promise<ColdStartResult> {
  const node = nodeBinary(runtime);
  const callerFile = require.resolve('@lambda-keepalive/caller');
  const directory = await mkdtemp(join(tmpdir(), 'lk-bench-cold-'));
  try {
    const files: Record<ColdStartBundle, string> = { caller: callerFile } as Record<ColdStartBundle, string>;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    for (const [name, extra] of Object.entries(BASELINES)) {
      const output = await esbuild.build({
        stdin: { contents: SDK_ENTRY, resolveDir: PACKAGE_ROOT, loader: 'js' },
        bundle: true,
        platform: 'node',
        write: false,
        logLevel: 'error',
        ...(extra as object),
      });
      const file = join(directory, `${name}.js`);
      await writeFile(file, output.outputFiles[0]?.contents ?? '');
      files[name as ColdStartBundle] = file;
    }
    const names = Object.keys(files) as ColdStartBundle[];
    const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
      ColdStartBundle,
      number[]
    >;
    for (let round = 0; round < settings.samples; round += 1) {
      for (const name of interleavedOrder(names, round)) {
        const { stdout } = await run(node, ['-e', INIT_SCRIPT, files[name]], {
          env: { PATH: process.env.PATH ?? '' },
        });
        samples[name].push(Number(stdout));
      }
    }
    log(`  cold-start: ${settings.samples} fresh ${runtime.name} processes per bundle done`);
    const bundles = {} as ColdStartResult['bundles'];
    for (const name of names) {
      bundles[name] = {
        bytes: (await stat(files[name])).size,
        initMs: summarize(samples[name]),
        samplesMs: samples[name],
      };
    }
    return {
      runtime: { name: runtime.name, node: runtime.node },
      settings: {
        ...settings,
        initMeasure: 'require() of the bundle in a fresh `node -e` process, hrtime around the require only',
        baselineCommand:
          `esbuild.build({ stdin: "${SDK_ENTRY}", bundle: true, platform: 'node', minify: true }) — ` +
          `same as \`echo "${SDK_ENTRY}" | esbuild --bundle --platform=node --minify\``,
      },
      bundles,
      bytesRatio: bundles.caller.bytes / bundles['esbuild-minify'].bytes,
      initRatio: pairedRatios(samples.caller, samples['esbuild-minify']),
      bytesRatioLikeForLike: bundles.caller.bytes / bundles['caller-recipe'].bytes,
      initRatioLikeForLike: pairedRatios(samples.caller, samples['caller-recipe']),
      callerTopPackages: await topPackages(callerFile),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * From packages/caller/dist/meta.json (written by the shared bundle recipe), grouped by the recipe's own
 * bytesByPackage; empty when the metafile is absent.
 */
async function topPackages(callerFile: string): Promise<Array<{ name: string; bytes: number }>> {
  let meta: Metafile;
  try {
    meta = JSON.parse(await readFile(join(callerFile, '..', 'meta.json'), 'utf8')) as typeof meta;
  } catch {
    return [];
  }
  const output = Object.entries(meta.outputs).find(([file]) => file.endsWith('index.js'))?.[1];
  if (output === undefined) return [];
  return bytesByPackage(output)
    .slice(0, 6)
    .map(([name, bytes]) => ({ name, bytes }));
}
