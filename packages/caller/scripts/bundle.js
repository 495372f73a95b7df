// `pnpm build`: single-file bundle dist/index.js (+ .map, meta.json), AWS SDK included.
// The recipe is shared with the callee: packages/callee/scripts/bundle-lambda.js.
'use strict';
require('../../callee/scripts/bundle-lambda')
  .bundleLambda(require('node:path').join(__dirname, '..'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
