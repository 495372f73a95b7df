// @lambda-keepalive/lambda-bundle: the esbuild recipe of the project's Lambda bundles, its plugins, and the
// deterministic zip writer that packages them.

const { lambdaCredentialsPlugin } = require('./lambda-credentials-plugin');
const { bundleLambda, bytesByPackage, lambdaBuildOptions } = require('./recipe');
const {
  createDeterministicZip,
  InvalidZipEntryError,
  LAMBDA_ZIP_NAME,
  writeLambdaZip,
} = require('./deterministic-zip');

module.exports = {
  bundleLambda,
  bytesByPackage,
  createDeterministicZip,
  InvalidZipEntryError,
  LAMBDA_ZIP_NAME,
  lambdaBuildOptions,
  lambdaCredentialsPlugin,
  writeLambdaZip,
};
