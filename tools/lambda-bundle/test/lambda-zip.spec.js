// The deployment zip the real build writes (bin lambda-bundle on a fixture package): index.js only, and the same
// bytes when built again later, under another umask and time zone, and when zipped by each runtime's Node.

const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, test } = require('node:test');
const { nodeBinary } = require('@lambda-keepalive/node-binaries');
const { SUPPORTED_RUNTIMES } = require('@lambda-keepalive/runtimes');

const BIN = path.join(__dirname, '..', 'bin', 'lambda-bundle.js');
const WRITER = path.join(__dirname, '..', 'src', 'deterministic-zip.js');
const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let packageDir;
before(() => {
  packageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-zip-'));
  fs.mkdirSync(path.join(packageDir, 'src'));
  fs.writeFileSync(
    path.join(packageDir, 'src', 'index.ts'),
    'export const handler = async (event: { n: number }) => ({ doubled: event.n * 2 });\n',
  );
});
after(() => fs.rmSync(packageDir, { recursive: true, force: true }));

/** Runs the bin in a shell with the given umask and TZ, as a package's `build` script would. */
function build({ umask, tz }) {
  execFileSync('sh', ['-c', `umask ${umask} && exec "${process.execPath}" "${BIN}" "${packageDir}"`], {
    env: { ...process.env, TZ: tz },
    stdio: 'pipe',
  });
  return path.join(packageDir, 'dist', 'lambda.zip');
}

test('two builds, a second apart, under other umasks and time zones, give the same zip', async () => {
  const first = sha256(build({ umask: '022', tz: 'UTC' }));
  const firstMtime = fs.statSync(path.join(packageDir, 'dist', 'index.js')).mtimeMs;
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = sha256(build({ umask: '002', tz: 'Asia/Tokyo' }));
  // The inputs really differed in time and mode: the zip must not show it.
  assert.notEqual(fs.statSync(path.join(packageDir, 'dist', 'index.js')).mtimeMs, firstMtime);
  assert.equal(fs.statSync(path.join(packageDir, 'dist', 'index.js')).mode & 0o777, 0o664);
  assert.equal(second, first);
});

test('the zip holds index.js only, byte for byte the bundle, and standard tools read it', (t) => {
  const zip = build({ umask: '022', tz: 'UTC' });
  const index = fs.readFileSync(path.join(packageDir, 'dist', 'index.js'));
  // Python's zipfile is an independent reader; unzip is the fallback where Python is missing.
  const python = spawnSync(
    'python3',
    [
      '-c',
      'import sys, zipfile, hashlib\n' +
        'z = zipfile.ZipFile(sys.argv[1])\n' +
        'assert z.testzip() is None\n' +
        'for i in z.infolist(): print(i.filename, i.date_time, oct(i.external_attr >> 16), ' +
        'hashlib.sha256(z.read(i)).hexdigest())',
      zip,
    ],
    { encoding: 'utf8' },
  );
  const indexHash = crypto.createHash('sha256').update(index).digest('hex');
  if (python.error === undefined) {
    assert.equal(python.status, 0, python.stderr);
    assert.equal(python.stdout.trim(), `index.js (1980, 1, 1, 0, 0, 0) 0o100644 ${indexHash}`);
    return;
  }
  const unzip = spawnSync('unzip', ['-p', zip, 'index.js']);
  if (unzip.error !== undefined) {
    t.skip('neither python3 nor unzip is installed: no independent zip reader to check the zip with');
    return;
  }
  assert.equal(unzip.status, 0);
  assert.ok(unzip.stdout.equals(index));
  assert.match(spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout, /^index\.js\n$/);
});

test("every supported runtime's Node zips JavaScript to the same bytes as the toolchain's Node", () => {
  // A large, real JavaScript input (esbuild's own API module, ~100 KB), so deflate has work to do.
  const input = require.resolve('esbuild');
  const script =
    `const { createDeterministicZip } = require(${JSON.stringify(WRITER)});` +
    `const data = require('node:fs').readFileSync(${JSON.stringify(input)});` +
    "process.stdout.write(require('node:crypto').createHash('sha256')" +
    ".update(createDeterministicZip([{ name: 'index.js', data }])).digest('hex'));";
  const expected = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.match(expected, /^[0-9a-f]{64}$/);
  for (const runtime of SUPPORTED_RUNTIMES) {
    const hash = execFileSync(nodeBinary(runtime), ['-e', script], { encoding: 'utf8' });
    assert.deepEqual({ runtime: runtime.name, hash }, { runtime: runtime.name, hash: expected });
  }
});
