// @lambda-keepalive/lambda-bundle: the esbuild recipe of the project's Lambda bundles, and its plugins.

const { bundleLambda, bytesByPackage, lambdaBuildOptions } = require('./recipe');

module.exports = { bundleLambda, bytesByPackage, lambdaBuildOptions };
