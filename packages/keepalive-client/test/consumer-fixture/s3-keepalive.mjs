// An S3Client with createKeepAliveRequestHandler() sends one request to the spec's HTTPS server (which holds
// it), so the spec can read the socket in the kernel. Prints "sent" with its pid, then the outcome.
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createKeepAliveRequestHandler } from '@lambda-keepalive/client';

const s3 = new S3Client({
  region: 'us-east-1',
  endpoint: process.env.ENDPOINT,
  forcePathStyle: true,
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTESTTEST', secretAccessKey: 'test-secret-not-real' },
  requestHandler: createKeepAliveRequestHandler({ env: {}, idleSeconds: 7, agentOptions: { ca: process.env.CA } }),
});
console.log(JSON.stringify({ sent: true, pid: process.pid }));
try {
  const output = await s3.send(new HeadObjectCommand({ Bucket: 'bucket', Key: 'key' }));
  console.log(JSON.stringify({ status: output.$metadata.httpStatusCode }));
} catch (error) {
  console.log(JSON.stringify({ error: error.name, status: error.$metadata?.httpStatusCode }));
}
s3.destroy();
