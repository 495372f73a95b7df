// @lambda-keepalive/lambda-bundle: the esbuild recipe of the project's Lambda bundles, and its plugins.

const { lambdaCredentialsPlugin } = require('./lambda-credentials-plugin');
const { bundleLambda, bytesByPackage, lambdaBuildOptions } = require('./recipe');

module.exports = { bundleLambda, bytesByPackage, lambdaBuildOptions, lambdaCredentialsPlugin };
