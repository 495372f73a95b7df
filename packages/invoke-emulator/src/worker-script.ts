/** How to start an invocation worker: compiled invocation-worker.js, or its TypeScript source bundled in memory. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorError } from './emulator-errors';

/** What `new Worker(source, { eval })` needs to start an invocation worker. */
export interface WorkerScript {
  source: string;
  eval: boolean;
}

let bundledFromSource: WorkerScript | undefined;

/**
 * Worker threads cannot load TypeScript. Compiled (dist/emulator), the sibling invocation-worker.js is used.
 * Run from source under ts-jest, the sibling is invocation-worker.ts: it is bundled in memory with esbuild
 * (the monorepo's bundler, a root devDependency, loaded only in this case) and started with `eval: true`,
 * so tests always exercise the current source, never a stale dist.
 */
export function resolveInvocationWorkerScript(directory: string = __dirname): WorkerScript {
  const compiled = join(directory, 'invocation-worker.js');
  if (existsSync(compiled)) return { source: compiled, eval: false };
  const source = join(directory, 'invocation-worker.ts');
  if (!existsSync(source)) {
    throw new EmulatorError(`No invocation worker next to ${directory}: expected invocation-worker.js (build) or .ts`);
  }
  bundledFromSource ??= { source: bundleWithEsbuild(source), eval: true };
  return bundledFromSource;
}

interface EsbuildLike {
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[] };
}

function bundleWithEsbuild(entryPoint: string): string {
  let esbuild: EsbuildLike;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- dev-only path, see above
    esbuild = require('esbuild') as EsbuildLike;
  } catch (cause) {
    throw new EmulatorError(
      `Running the emulator from TypeScript source needs esbuild to bundle ${entryPoint}; ` +
        'build the package (pnpm --filter @lambda-keepalive/lab build) or install esbuild',
      { cause },
    );
  }
  const result = esbuild.buildSync({
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles?.[0]?.text;
  if (!text) throw new EmulatorError(`esbuild produced no output for ${entryPoint}`);
  return text;
}
