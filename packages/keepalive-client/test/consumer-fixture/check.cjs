// Consumer check, CommonJS: require() loads the package's CommonJS build, and createLambdaClient() makes an
// instance of the consumer's own LambdaClient (one SDK copy). Prints one JSON line for the spec.
const { LambdaClient } = require('@aws-sdk/client-lambda');
const keepalive = require('@lambda-keepalive/client');

const client = keepalive.createLambdaClient({ env: {}, clientConfig: { region: 'us-east-1' } });
console.log(
  JSON.stringify({
    resolved: require.resolve('@lambda-keepalive/client'),
    exports: Object.keys(keepalive).sort(),
    instanceOfConsumerLambdaClient: client instanceof LambdaClient,
    settings: keepalive.keepAliveSettingsOf(client),
  }),
);
client.destroy();
