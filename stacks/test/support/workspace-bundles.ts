/** Test support: the real caller and callee bundles the stack specs synthesise, built when missing. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAMBDA_ZIP_NAME } from '@lambda-keepalive/lambda-bundle';
import { workspaceBundleDir } from '../../src/stacks/bundle-dirs';

export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The real caller/callee bundles and their zips, built when missing (turbo's `^build` normally did it already):
 * TerraformAsset stats them at construction (docs/cdktf-notes.md).
 */
export function ensureWorkspaceBundles(): { callerBundleDir: string; calleeBundleDir: string } {
  const callerBundleDir = workspaceBundleDir('@lambda-keepalive/caller');
  const calleeBundleDir = workspaceBundleDir('@lambda-keepalive/callee');
  const built = (dir: string) => ['index.js', LAMBDA_ZIP_NAME].every((file) => fs.existsSync(path.join(dir, file)));
  if (![callerBundleDir, calleeBundleDir].every(built)) {
    execFileSync('pnpm', ['--filter', '@lambda-keepalive/caller', '--filter', '@lambda-keepalive/callee', 'build'], {
      cwd: WORKSPACE_ROOT,
      stdio: 'pipe',
    });
  }
  return { callerBundleDir, calleeBundleDir };
}
