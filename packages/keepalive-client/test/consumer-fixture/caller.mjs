// The minimal caller a user would write: what the bundle-size checks bundle from the installed package.
import { createLambdaClient, invokeSync } from '@lambda-keepalive/client';

const lambda = createLambdaClient();

export const handler = async (event, context) =>
  invokeSync(lambda, { functionName: process.env.CALLEE_FUNCTION_NAME, payload: event, context });
