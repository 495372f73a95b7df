// Size yardstick for the caller bundle, the bench issue's command: the bare SDK LambdaClient +
// InvokeCommand through `esbuild --bundle --platform=node --minify` (536,170 bytes with the pinned SDK;
// the same baseline as `pnpm bench -- --only cold-start`, which also times module init). Run after
// `pnpm build`:
//   node scripts/measure-sdk-baseline.js   → prints both sizes and the ratio (goal ≤ 0.7).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const clientDir = path.dirname(require.resolve('@lambda-keepalive/client/package.json'));

esbuild
  .build({
    stdin: {
      contents: "export { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';",
      resolveDir: clientDir, // the SDK is the client package's dependency, not the caller's
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    minify: true,
    write: false,
    logLevel: 'warning',
  })
  .then(({ outputFiles }) => {
    const baseline = outputFiles[0].contents.byteLength;
    const caller = fs.statSync(path.join(__dirname, '../dist/index.js')).size;
    console.log(
      `bare SDK LambdaClient+InvokeCommand (esbuild --bundle --platform=node --minify): ${baseline} bytes; ` +
        `caller dist/index.js: ${caller} bytes; ratio ${(caller / baseline).toFixed(3)}`,
    );
  });
