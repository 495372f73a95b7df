// @lambda-keepalive/runtimes — the one list of AWS Lambda Node.js runtimes the project supports, each with
// the exact Node.js release that stands for it in tests (runtimes.json). The stack's `runtime` variable, the
// bundler's esbuild target, the lab's --runtime and the test matrix all read it. Plain CommonJS (types in
// index.d.ts) so that the bundler, which runs without a build step, can read it too.

const list = require('../runtimes.json');

const RUNTIME_NAME = /^nodejs(\d+)\.x$/;
const NODE_RELEASE = /^(\d+)\.(\d+)\.(\d+)$/;

/** A runtime name or a Node release that breaks a rule: names the field, the value and what is allowed. */
class UnsupportedRuntimeError extends Error {
  constructor(field, value, rule) {
    super(`${field} ${JSON.stringify(value)} is invalid: ${rule}`);
    this.name = 'UnsupportedRuntimeError';
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

function describe(entry, index) {
  const at = `runtimes.json runtimes[${index}]`;
  const name = RUNTIME_NAME.exec(entry.name);
  const release = NODE_RELEASE.exec(entry.node);
  if (!name)
    throw new UnsupportedRuntimeError(`${at}.name`, entry.name, 'must be a Lambda runtime name such as nodejs24.x');
  if (!release)
    throw new UnsupportedRuntimeError(`${at}.node`, entry.node, 'must be an exact Node release such as 24.22.3');
  if (name[1] !== release[1]) {
    throw new UnsupportedRuntimeError(
      `${at}.node`,
      entry.node,
      `must be a Node ${name[1]} release, to stand for ${entry.name}`,
    );
  }
  const major = Number(name[1]);
  return Object.freeze({ name: entry.name, node: entry.node, major, esbuildTarget: `node${major}` });
}

/** Every supported runtime, oldest first. */
const SUPPORTED_RUNTIMES = Object.freeze(list.runtimes.map(describe).sort((a, b) => a.major - b.major));
const RUNTIME_NAMES = Object.freeze(SUPPORTED_RUNTIMES.map((runtime) => runtime.name));

/**
 * The runtime named `name`, or an UnsupportedRuntimeError naming `field` (a flag, a variable, an option)
 * and the allowed names.
 */
function runtimeNamed(name, field = 'runtime') {
  const found = SUPPORTED_RUNTIMES.find((runtime) => runtime.name === name);
  if (!found) throw new UnsupportedRuntimeError(field, name, `must be one of ${RUNTIME_NAMES.join(', ')}`);
  return found;
}

/** What the stack deploys and the lab runs unless told otherwise. */
const DEFAULT_RUNTIME = runtimeNamed(list.default, 'runtimes.json default');

/**
 * The oldest supported runtime: one bundle built for its Node runs on every runtime the list allows, which
 * is what a deployment whose runtime is chosen at plan time needs.
 */
const OLDEST_RUNTIME = SUPPORTED_RUNTIMES[0];

module.exports = {
  DEFAULT_RUNTIME,
  OLDEST_RUNTIME,
  RUNTIME_NAMES,
  SUPPORTED_RUNTIMES,
  UnsupportedRuntimeError,
  runtimeNamed,
};
