/**
 * The packed tarball, checked as the registry and its users will see it: publint (strict) and
 * @arethetypeswrong/cli find nothing, run offline (a network namespace of their own, when this process may
 * make one), and the tarball holds the builds, the README, LICENSE and CHANGELOG — and no sources or specs.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { PACKAGE_DIR, type PackedTarball, packTarball } from './support/packed-tarball';

const bin = (name: string) => path.join(PACKAGE_DIR, 'node_modules', '.bin', name);
/** `unshare -n` gives the tools no network at all (root); elsewhere they run as they are, and we say so. */
const offline = spawnSync('unshare', ['-n', 'true']).status === 0;
if (!offline) console.log('publint/attw run with the network available: unshare -n is not permitted here');

function run(tool: string, args: string[]) {
  const [command, commandArgs] = offline ? ['unshare', ['-n', bin(tool), ...args]] : [bin(tool), args];
  const result = spawnSync(command as string, commandArgs as string[], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the packed tarball', () => {
  let tarball: PackedTarball;
  beforeAll(() => {
    tarball = packTarball();
  }, 60_000);
  afterAll(() => tarball?.remove());

  it('passes publint --strict', () => {
    const result = run('publint', ['--strict', tarball.file]);
    expect(result.output).toContain('All good!');
    expect(result.status).toBe(0);
  }, 60_000);

  it('passes @arethetypeswrong/cli for node10, node16 from CJS and ESM, and bundlers', () => {
    const result = run('attw', ['--format', 'table-flipped', tarball.file]);
    expect(result.output).toContain('No problems found');
    expect(result.status).toBe(0);
  }, 60_000);

  it('holds both builds, README, LICENSE and CHANGELOG, and nothing else', () => {
    const modules = tarball.files.filter((file) => file.startsWith('dist/esm/') && file.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(10);
    for (const module of modules) {
      const name = module.slice('dist/esm/'.length, -'.js'.length);
      for (const build of ['cjs', 'esm']) {
        for (const suffix of ['.js', '.d.ts', '.js.map'])
          expect(tarball.files).toContain(`dist/${build}/${name}${suffix}`);
      }
    }
    const others = tarball.files.filter((file) => !/^dist\/(cjs|esm)\/[a-z-]+\.(js|d\.ts|js\.map)$/.test(file));
    expect(others).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cjs/package.json',
      'dist/esm/package.json',
      'package.json',
    ]);
    expect(tarball.files.filter((file) => /spec|test/.test(file))).toEqual([]);
  });
});
