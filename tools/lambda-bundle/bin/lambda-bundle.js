#!/usr/bin/env node
// `lambda-bundle [--runtime <nodejsNN.x>] [packageDir]`: bundles packageDir/src/index.ts (default: the current
// directory, which is the package directory when a package's `build` script runs it) into
// packageDir/dist/index.js, for the runtime's Node (default: the oldest supported runtime).

const path = require('node:path');
const { parseArgs } = require('node:util');
const { bundleLambda } = require('../src/recipe');

const USAGE = 'usage: lambda-bundle [--runtime <nodejsNN.x>] [packageDir]';
let parsed;
try {
  parsed = parseArgs({ options: { runtime: { type: 'string' } }, allowPositionals: true, strict: true });
} catch (error) {
  console.error(`lambda-bundle: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const packageDir = path.resolve(parsed.positionals[0] ?? '.');
bundleLambda(packageDir, parsed.values.runtime).catch((error) => {
  console.error(error.name === 'UnsupportedRuntimeError' ? `lambda-bundle: ${error.message}` : error);
  process.exit(error.name === 'UnsupportedRuntimeError' ? 2 : 1);
});
