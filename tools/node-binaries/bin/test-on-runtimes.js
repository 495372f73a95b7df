#!/usr/bin/env node
// `test-on-runtimes [--runtime <name>]… [-- <jest args>]`: runs the jest suite of the package in the current
// directory under the Node binary of every supported Lambda runtime (or those named), one after the other,
// then prints a table; exit 1 when a run fails, 2 when a binary is missing or not the pinned release.
// jest's workers and any process a test starts with process.execPath run on that binary too. The runtime's
// name is in LAMBDA_KEEPALIVE_RUNTIME for tests that report it.

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { SUPPORTED_RUNTIMES, runtimeNamed } = require('@lambda-keepalive/runtimes');
const { binaryProblems, nodeBinary } = require('../src/index');

function parse(argv) {
  const runtimes = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--') return { runtimes, jestArgs: argv.slice(index + 1) };
    if (arg !== '--runtime')
      throw new Error(`unknown argument ${JSON.stringify(arg)}: use --runtime <name> or -- <jest args>`);
    index += 1;
    runtimes.push(runtimeNamed(argv[index], '--runtime'));
  }
  return { runtimes, jestArgs: [] };
}

function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`test-on-runtimes: ${error.message}\n`);
    return 2;
  }
  const runtimes = options.runtimes.length > 0 ? options.runtimes : SUPPORTED_RUNTIMES;
  const problems = binaryProblems(runtimes);
  if (problems.length > 0) {
    process.stderr.write(`test-on-runtimes: cannot run:\n  ${problems.join('\n  ')}\n`);
    return 2;
  }
  const jest = require.resolve('jest/bin/jest', { paths: [process.cwd()] });
  const packageName = require(path.join(process.cwd(), 'package.json')).name;
  const results = runtimes.map((runtime) => {
    process.stdout.write(`\n=== ${packageName} on ${runtime.name} (Node ${runtime.node}) ===\n`);
    const started = Date.now();
    const run = spawnSync(nodeBinary(runtime), [jest, '--ci', ...options.jestArgs], {
      stdio: 'inherit',
      env: { ...process.env, LAMBDA_KEEPALIVE_RUNTIME: runtime.name },
    });
    return { runtime, code: run.status ?? 1, seconds: (Date.now() - started) / 1000 };
  });
  process.stdout.write(`\n${packageName} on every runtime:\n`);
  for (const { runtime, code, seconds } of results) {
    const verdict = code === 0 ? 'pass' : `FAIL (exit ${code})`;
    process.stdout.write(
      `  ${runtime.name.padEnd(11)} Node ${runtime.node.padEnd(8)} ${verdict.padEnd(15)} ${seconds.toFixed(1)} s\n`,
    );
  }
  return results.every((result) => result.code === 0) ? 0 : 1;
}

process.exitCode = main();
