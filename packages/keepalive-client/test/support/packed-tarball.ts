/**
 * The package as a user gets it: `pnpm pack` of the built package into a temporary directory (pnpm rewrites
 * workspace: ranges, as `pnpm publish` would). Specs install or lint that tarball, never the workspace folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const PACKAGE_DIR = path.resolve(__dirname, '../..');

export interface PackedTarball {
  /** Absolute path of the .tgz. */
  file: string;
  /** The paths inside the tarball, relative to its package/ folder, sorted. */
  files: string[];
  remove(): void;
}

export function packTarball(): PackedTarball {
  const directory = mkdtempSync(path.join(tmpdir(), 'lk-pack-'));
  const output = execFileSync('pnpm', ['pack', '--pack-destination', directory, '--json'], {
    cwd: PACKAGE_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const packed = JSON.parse(output) as { filename: string; files: Array<{ path: string }> };
  return {
    file: packed.filename,
    files: packed.files.map((entry) => entry.path).sort(),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
