/**
 * The built bundle reads the kernel facts of ITS network namespace: run inside `unshare -n` with distinctive
 * net.ipv4.tcp_keepalive_time/intvl/probes (per-namespace sysctls), it must report exactly those in its start
 * line and in its error line (the namespace has only loopback, so the invoke itself fails; a failed first
 * deploy still tells the kernel facts). Needs root and unshare(1); skips saying why otherwise.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { privilegeGate } from '@lambda-keepalive/test-kit';

const BUNDLE = path.join(__dirname, '../dist/index.js');
// Unlike a default kernel (7200/75/9) in every value and in the verdict: 123 + 17 ≤ 340.
const KERNEL = { time: 123, intvl: 17, probes: 5 };

const gate = privilegeGate('caller bundle kernel facts in a network namespace', async () => {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'needs root (writes per-namespace sysctls)' };
  const probe = spawnSync('unshare', ['-n', 'true']);
  if (probe.error || probe.status !== 0) {
    return { ok: false, reason: `unshare -n does not work here: ${probe.error?.message ?? probe.stderr.toString()}` };
  }
  return { ok: true };
});

const RUNNER = `
const { handler } = require(process.env.BUNDLE);
const deadline = Date.now() + 10000;
const context = { awsRequestId: 'netns-req', functionName: 'caller', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:caller', memoryLimitInMB: '128',
  getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0) };
handler({ durationSeconds: 0 }, context).then(
  (result) => console.log(JSON.stringify({ outcome: 'result', result })),
  (error) => console.log(JSON.stringify({ outcome: 'error', name: error.name })),
);`;

function runInFreshNamespace(): Promise<Array<Record<string, unknown>>> {
  const sysctls = Object.entries(KERNEL)
    .map(([name, value]) => `echo ${value} > /proc/sys/net/ipv4/tcp_keepalive_${name}`)
    .join(' && ');
  const script = `ip link set lo up && ${sysctls} && exec "$NODE" -e "$RUNNER"`;
  const child = spawn('unshare', ['-n', 'sh', '-c', script], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE: process.execPath,
      RUNNER,
      BUNDLE,
      CALLEE_FUNCTION_NAME: 'callee-fn',
      // Nothing listens in the new namespace: refused at once, so nothing waits.
      AWS_ENDPOINT_URL_LAMBDA: 'https://127.0.0.1:9',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDTEST',
      AWS_SECRET_ACCESS_KEY: 'test-secret',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`unshare run failed (exit ${code}): ${output}`));
      resolve(
        output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
    });
  });
}

describe('built bundle in its own network namespace', () => {
  gate.it(
    "reports the namespace's tcp_keepalive_time/intvl/probes, not the host's",
    async () => {
      const lines = await runInFreshNamespace();
      const expected = {
        tcpKeepaliveTimeSeconds: KERNEL.time,
        tcpKeepaliveIntvlSeconds: KERNEL.intvl,
        tcpKeepaliveProbes: KERNEL.probes,
        soKeepAliveOnlySurvives350sIdle: true,
      };
      expect(lines.find((line) => line.message === 'start')).toMatchObject({ kernel: expected });
      expect(lines.find((line) => line.message === 'error')).toMatchObject({
        errorName: 'ServiceUnreachableError',
        kernel: expected,
      });
      expect(lines.at(-1)).toEqual({ outcome: 'error', name: 'ServiceUnreachableError' });
    },
    20_000,
  );
});
