/**
 * Root-only: the boto3 rows and a user's command client in a small real sweep through runLab — both kernel
 * profiles (one lab network each), both paths, a callee below and one past the idle limit, Debian's boto3
 * and AWS CLI in the vpc host against the emulator. Scale 0.02: NAT idle 7 s ≙ 350 s, 300 s = 6 s,
 * 400 s = 8 s, caller deadline 21 s. Skips, saying why, without root or without /usr/bin/python3 + boto3.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLabPrivileges } from '@lambda-keepalive/hyperplane-net';
import { DEFAULT_RUNTIME } from '@lambda-keepalive/runtimes';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { parseClientSelection } from '../src/cli/client-options';
import { resolveTimeScale } from '../src/harness/time-scale';
import { type LabRunResult, runLab } from '../src/sweep/run';

const boto3Missing = spawnSync('/usr/bin/python3', ['-c', 'import boto3']).status !== 0;
const gate = privilegeGate('lab boto3 sweep', async () =>
  boto3Missing
    ? { ok: false, reason: '/usr/bin/python3 cannot import boto3 (apt-get install python3-boto3)' }
    : checkLabPrivileges(),
);
const timeScale = resolveTimeScale(0.02);
/** A user's client as the README declares one: the AWS CLI itself, argv placeholders, exit status only. */
const awsCli = JSON.stringify({
  name: 'aws-cli',
  argv: [
    '/usr/bin/aws',
    'lambda',
    'invoke',
    '--endpoint-url',
    '{endpointUrl}',
    '--function-name',
    '{functionName}',
    '--cli-binary-format',
    'raw-in-base64-out',
    '--payload',
    '{payload}',
    '--cli-read-timeout',
    '960',
    '/dev/null',
  ],
  env: { AWS_MAX_ATTEMPTS: '1' },
  kernelProfile: 'linux-default',
});
const namespacesNow = (): string => execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
let run: LabRunResult | undefined;
let out = '';
let namespacesBefore = '';

beforeAll(async () => {
  if (gate.skipReason !== undefined) return;
  out = await mkdtemp(join(tmpdir(), 'lk-boto3-sweep-'));
  namespacesBefore = namespacesNow();
  const selection = parseClientSelection({
    preset: 'python',
    ...(existsSync('/usr/bin/aws') ? { client: [awsCli] } : {}),
  });
  run = await runLab(
    {
      ...selection,
      timeScale,
      paths: ['nat', 'endpoint'],
      durationsSeconds: [300, 400],
      outDirectory: out,
      concurrency: undefined,
      runtime: DEFAULT_RUNTIME,
    },
    () => undefined,
  );
}, 180_000);

afterAll(async () => {
  if (out !== '') await rm(out, { recursive: true, force: true });
});

const verdictOf = (path: string, client: string, kernelProfile: string, durationSeconds: number): string => {
  const cell = run?.document.cells.find(
    (c) =>
      c.path === path &&
      c.client === client &&
      c.kernelProfile === kernelProfile &&
      c.durationSeconds === durationSeconds,
  );
  if (cell === undefined) throw new Error(`no cell ${path}/${client}@${kernelProfile}/${durationSeconds}s`);
  return `${cell.verdict} ×${cell.executions}`;
};

describe.each(['nat', 'endpoint'])('through the %s path', (path) => {
  gate.it('every boto3 client answers below the idle limit, once', () => {
    for (const client of ['boto3-default', 'boto3-tcp-keepalive', 'boto3-config-keepalive', 'boto3-keepidle'])
      for (const profile of ['linux-default', 'low']) expect(verdictOf(path, client, profile, 300)).toBe('ok ×1');
  });

  gate.it('past it: SO_KEEPALIVE alone survives only the low kernel profile; TCP_KEEPIDLE survives both', () => {
    expect(verdictOf(path, 'boto3-default', 'linux-default', 400)).toBe('hung ×1');
    expect(verdictOf(path, 'boto3-default', 'low', 400)).toBe('hung ×1');
    expect(verdictOf(path, 'boto3-tcp-keepalive', 'linux-default', 400)).toBe('hung ×1');
    expect(verdictOf(path, 'boto3-tcp-keepalive', 'low', 400)).toBe('ok ×1');
    expect(verdictOf(path, 'boto3-config-keepalive', 'linux-default', 400)).toBe('hung ×1');
    expect(verdictOf(path, 'boto3-config-keepalive', 'low', 400)).toBe('ok ×1');
    expect(verdictOf(path, 'boto3-keepidle', 'linux-default', 400)).toBe('ok ×1');
  });

  gate.it('a declared AWS CLI client is judged by its exit status: ok below, killed at the deadline past it', () => {
    if (!existsSync('/usr/bin/aws')) return console.log('skipped: /usr/bin/aws is absent (apt-get install awscli)');
    expect(verdictOf(path, 'aws-cli', 'linux-default', 300)).toBe('ok ×1');
    expect(verdictOf(path, 'aws-cli', 'linux-default', 400)).toBe('hung ×1');
    const lost = run?.document.cells.find(
      (c) => c.path === path && c.client === 'aws-cli' && c.durationSeconds === 400,
    );
    expect(lost?.driver.killedByRunner).toBe(true);
  });
});

gate.it('passes its expectations, names both profiles with the sysctls read back, and leaves no namespace', () => {
  expect(run?.passed).toBe(true);
  expect(run?.document.kernel).toEqual({
    'linux-default': { timeSeconds: 7200, intervalSeconds: 75, probes: 9 },
    low: {
      timeSeconds: timeScale.keepAliveIdleSeconds,
      intervalSeconds: timeScale.keepAliveProbeIntervalSeconds,
      probes: 6,
    },
  });
  expect(namespacesNow()).toBe(namespacesBefore);
});
