#!/usr/bin/env node
// `lambda-bundle [packageDir]`: bundles packageDir/src/index.ts (default: the current directory, which
// is the package directory when a package's `build` script runs it) into packageDir/dist/index.js.

const path = require('node:path');
const { bundleLambda } = require('../src/recipe');

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith('-')) {
  console.error(
    'usage: lambda-bundle [packageDir]   (bundles <packageDir>/src/index.ts into <packageDir>/dist/index.js)',
  );
  process.exit(2);
}
bundleLambda(path.resolve(args[0] ?? '.')).catch((error) => {
  console.error(error);
  process.exit(1);
});
