/** Finds the caller's and callee's built bundles, which the stack archives. */
import * as path from 'node:path';

/**
 * Where the caller and callee esbuild bundles live: the `dist` folder of the workspace packages this
 * package depends on (`pnpm build` writes dist/index.js there). Resolved through Node's module resolution
 * so it works from src (ts-jest) and from the compiled dist alike.
 */
export function workspaceBundleDir(packageName: '@lambda-keepalive/caller' | '@lambda-keepalive/callee'): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), 'dist');
}
