/**
 * The README's own `AWS_MAX_ATTEMPTS=1 aws lambda invoke …` block, run as written with Debian's AWS CLI
 * (/usr/bin/aws) against the emulator running the real callee bundle under the README's function name. The
 * command text is read from README.md, so the printed command cannot drift from one that works; only the
 * endpoint (added as --endpoint-url: AWS CLI 2.9 does not read AWS_ENDPOINT_URL_LAMBDA) and a short
 * duration are substituted. Skips, saying why, when /usr/bin/aws is absent.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type LoopbackService, startLoopbackService } from '../src/bench/loopback-service';

const AWS_CLI = '/usr/bin/aws';
const README = resolve(__dirname, '..', '..', '..', 'README.md');
const FUNCTION_NAME = 'lambda-keepalive-caller';

/** The shell block that starts with `AWS_MAX_ATTEMPTS=1 aws lambda invoke`, continuation lines joined. */
function readmeInvokeCommand(markdown: string): string {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const block = blocks.find((text) => text.startsWith('AWS_MAX_ATTEMPTS=1 aws lambda invoke'));
  if (block === undefined)
    throw new Error('README.md has no ```sh block starting with AWS_MAX_ATTEMPTS=1 aws lambda invoke');
  return block.replace(/\\\n\s*/g, '').trim();
}

describe('the README AWS command', () => {
  let service: LoopbackService | undefined;
  let directory = '';
  const skipReason = existsSync(AWS_CLI) ? undefined : `${AWS_CLI} is absent (apt-get install awscli)`;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'lk-readme-aws-'));
    if (skipReason !== undefined) return;
    service = await startLoopbackService({ functionName: FUNCTION_NAME, timeoutSeconds: 900 });
  });

  afterAll(async () => {
    await service?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('names the function, no retries, a read timeout past Lambda 900 s and the 400 s payload', async () => {
    const command = readmeInvokeCommand(await readFile(README, 'utf8'));
    expect(command).toMatch(/^AWS_MAX_ATTEMPTS=1 aws lambda invoke --function-name lambda-keepalive-caller /);
    expect(Number(/--cli-read-timeout (\d+)/.exec(command)?.[1])).toBeGreaterThan(900);
    expect(command).toContain(`--payload '{"durationSeconds":400}'`);
  });

  it('runs as written and prints the callee result, the callee running once', async () => {
    if (skipReason !== undefined) return console.log(`skipped: ${skipReason}`);
    const written = readmeInvokeCommand(await readFile(README, 'utf8'));
    const command = written
      .replace('aws lambda invoke', `aws lambda invoke --endpoint-url ${service?.emulator.url}`)
      .replace('{"durationSeconds":400}', '{"durationSeconds":1}');
    expect(command).not.toBe(written);
    const { stdout } = await promisify(execFile)('/bin/sh', ['-c', command], {
      cwd: directory,
      env: {
        PATH: `/usr/bin:/bin`,
        HOME: directory,
        AWS_ACCESS_KEY_ID: 'lab',
        AWS_SECRET_ACCESS_KEY: 'lab',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CA_BUNDLE: service?.caFile ?? '',
      },
      timeout: 60_000,
    });
    // The CLI's own summary, then `cat out.json`: the callee's answer.
    expect(stdout).toMatch(/"StatusCode": 200/);
    const answer = JSON.parse(stdout.slice(stdout.lastIndexOf('}\n') + 2).trim()) as Record<string, unknown>;
    expect(answer.sleptMs).toBeGreaterThanOrEqual(1000); // the callee really slept the substituted 1 s
    expect(service?.emulator.executions()).toEqual({ [FUNCTION_NAME]: 1 });
  }, 90_000);
});
