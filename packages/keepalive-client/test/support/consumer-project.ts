/**
 * A consumer project outside the workspace: a temporary folder where npm installs the packed tarball next to
 * a given SDK from the registry (no workspace links), with the checks of test/consumer-fixture copied in.
 * npm's own cache (--prefer-offline) keeps repeated runs cheap.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { PACKAGE_DIR } from './packed-tarball';

const run = promisify(execFile);
const FIXTURE = path.join(PACKAGE_DIR, 'test', 'consumer-fixture');
const WORKSPACE_ROOT = path.resolve(PACKAGE_DIR, '../..');

/** The lowest version a peer range admits (`^3.723.0` → 3.723.0): the floor the package promises. */
export function lowestOf(range: string): string {
  const match = /^\^(\d+\.\d+\.\d+)$/.exec(range);
  if (!match?.[1]) throw new Error(`peer range ${range} is not of the form ^x.y.z`);
  return match[1];
}

export const PEERS = (
  JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>;
  }
).peerDependencies;

/** The workspace's pinned @types/node: the consumer type-checks against the same Node typings. */
export const TYPES_NODE = (
  JSON.parse(readFileSync(path.join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies['@types/node'];

/** The newest 3.x of the SDK on the registry, or why the registry cannot be asked (the spec then skips). */
export function newestSdk3(): { version: string } | { unavailable: string } {
  try {
    const latest = npmView('@aws-sdk/client-lambda', 'dist-tags.latest');
    if (latest.startsWith('3.')) return { version: latest };
    const versions = JSON.parse(npmView('@aws-sdk/client-lambda@<4', 'version', '--json')) as string[];
    const newest = versions.at(-1);
    return newest ? { version: newest } : { unavailable: 'the registry lists no @aws-sdk/client-lambda 3.x' };
  } catch (error) {
    return { unavailable: `npm view failed, the registry is unreachable: ${(error as Error).message.split('\n')[0]}` };
  }
}

function npmView(...args: string[]): string {
  return execFileSync('npm', ['view', ...args], { encoding: 'utf8', timeout: 60_000, stdio: 'pipe' }).trim();
}

export interface ConsumerProject {
  dir: string;
  /** Runs `npm <args>` in the project; resolves stdout. */
  npm(...args: string[]): Promise<string>;
  remove(): void;
}

/** Makes the project and installs `tarball` and `packages` (name@version) into it from the registry. */
export async function createConsumerProject(tarball: string, packages: string[]): Promise<ConsumerProject> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lk-consumer-'));
  const npm = async (...args: string[]) => (await run('npm', args, { cwd: dir, maxBuffer: 64 << 20 })).stdout;
  try {
    writeFileSync(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ name: 'lk-consumer', version: '1.0.0', private: true }, null, 2)}\n`,
    );
    cpSync(FIXTURE, dir, { recursive: true });
    await npm('install', '--save-exact', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...packages);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, npm, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
