// `pnpm build`: single-file bundle dist/index.js (+ .map, meta.json). Recipe: ./bundle-lambda.js.
'use strict';
require('./bundle-lambda')
  .bundleLambda(require('node:path').join(__dirname, '..'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
