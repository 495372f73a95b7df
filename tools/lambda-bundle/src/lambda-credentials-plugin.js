// esbuild plugin of the Lambda recipe: @aws-sdk/credential-provider-node (the SDK's default
// credential chain, ~100 KB with the STS/SSO clients it carries) becomes
// ./lambda-credential-provider.mjs — the environment link a Lambda actually uses, plus container
// credentials; why that is enough is cited in that file.

const fs = require('node:fs');
const path = require('node:path');

const REPLACED = /^@aws-sdk\/credential-provider-node$/;
const REPLACEMENT = path.join(__dirname, 'lambda-credential-provider.mjs');
const RESOLVING_REAL_PACKAGE = Symbol('resolving the real credential-provider-node');

const lambdaCredentialsPlugin = {
  name: 'lambda-credentials',
  setup(build) {
    build.onResolve({ filter: REPLACED }, async ({ path: request, resolveDir, kind, pluginData }) => {
      if (pluginData === RESOLVING_REAL_PACKAGE) return undefined; // our own look-up below: esbuild's default
      // Resolve the real package first: the replacement imports its dependencies from there, so they
      // are the versions the SDK pinned — and the build fails if the SDK stops depending on it.
      const real = await build.resolve(request, { resolveDir, kind, pluginData: RESOLVING_REAL_PACKAGE });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: REPLACEMENT, pluginData: { resolveDir: path.dirname(real.path) } };
    });
    build.onLoad({ filter: /lambda-credential-provider\.mjs$/ }, ({ path: file, pluginData }) => {
      if (pluginData === undefined) return undefined; // imported some other way: load it as it is
      return { contents: fs.readFileSync(file, 'utf8'), resolveDir: pluginData.resolveDir, loader: 'js' };
    });
  },
};

module.exports = { lambdaCredentialsPlugin };
