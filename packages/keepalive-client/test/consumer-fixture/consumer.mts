// Type-checked as an ES module under module nodenext (a .mts file): the import condition's types resolve.
import { S3Client } from '@aws-sdk/client-s3';
import {
  type CreateLambdaClientOptions,
  createKeepAliveRequestHandler,
  createLambdaClient,
  InvalidOptionError,
  KEEPALIVE_DEFAULTS,
} from '@lambda-keepalive/client';

const options: CreateLambdaClientOptions = { idleSeconds: KEEPALIVE_DEFAULTS.idleSeconds };
export const lambda = createLambdaClient(options);
export const s3 = new S3Client({ requestHandler: createKeepAliveRequestHandler({ idleSeconds: 30 }) });
export const fieldOf = (error: unknown): string | undefined =>
  error instanceof InvalidOptionError ? error.field : undefined;
// @ts-expect-error idleSeconds is a number: the types are real, not `any`
createLambdaClient({ idleSeconds: '45' });
