// Consumer check, ES modules: import loads the package's ESM build; its client is the consumer's own
// LambdaClient; a program that also require()s the package (two copies) still finds settings and matches
// errors across them. Prints one JSON line for the spec.
import { createRequire } from 'node:module';
import { LambdaClient } from '@aws-sdk/client-lambda';
import * as keepalive from '@lambda-keepalive/client';

const require = createRequire(import.meta.url);
const commonjs = require('@lambda-keepalive/client');

function errorOf(run) {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const client = keepalive.createLambdaClient({ env: {}, clientConfig: { region: 'us-east-1' } });
const foreignError = errorOf(() => commonjs.createLambdaClient({ idleSeconds: 0 }));
console.log(
  JSON.stringify({
    resolved: import.meta.resolve('@lambda-keepalive/client'),
    exports: Object.keys(keepalive).sort(),
    instanceOfConsumerLambdaClient: client instanceof LambdaClient,
    sameLambdaClientForRequire: require('@aws-sdk/client-lambda').LambdaClient === LambdaClient,
    twoCopies: commonjs.createLambdaClient !== keepalive.createLambdaClient,
    settingsFromTheOtherCopy: commonjs.keepAliveSettingsOf(client),
    errorMatchesAcrossCopies:
      foreignError instanceof keepalive.InvalidOptionError && foreignError instanceof keepalive.KeepAliveClientError,
    errorTellsClassesApart: foreignError instanceof keepalive.InvokeServiceError,
  }),
);
client.destroy();
