// esbuild plugin of the Lambda recipe: a sibling workspace package (@lambda-keepalive/*) is bundled
// from its TypeScript source (src/index.ts) rather than its tsc output (dist/, CommonJS).
//
// Why: tsc's CommonJS turns `import { LambdaClient } from '@aws-sdk/client-lambda'` into
// require('@aws-sdk/client-lambda'). esbuild cannot tree-shake a require()d ES module: it keeps every
// export (all 70+ Lambda commands, paginators, waiters, event streams) and wraps that module graph in
// lazy initialisers. Measured on the caller bundle: 42 KB more and ~12 ms more module init than the
// same code bundled from its ES imports. The source is the code the package's own tests run (ts-jest)
// and tsc type-checks; esbuild reads that package's tsconfig.json for it.

const fs = require('node:fs');
const path = require('node:path');

const WORKSPACE_PACKAGE = /^@lambda-keepalive\/[^/]+$/;

const workspaceSourcesPlugin = {
  name: 'workspace-sources',
  setup(build) {
    build.onResolve({ filter: WORKSPACE_PACKAGE }, ({ path: request, resolveDir }) => {
      const manifest = require.resolve(`${request}/package.json`, { paths: [resolveDir] });
      const source = path.join(path.dirname(manifest), 'src', 'index.ts');
      // A workspace package without TypeScript sources is bundled from its entry point as usual.
      return fs.existsSync(source) ? { path: source } : undefined;
    });
  },
};

module.exports = { workspaceSourcesPlugin };
