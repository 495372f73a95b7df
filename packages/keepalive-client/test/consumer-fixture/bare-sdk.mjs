// The yardstick: the bare SDK's Lambda client and Invoke command, bundled with the same settings.
export { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
