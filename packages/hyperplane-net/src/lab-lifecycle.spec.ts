/**
 * Root-only: builds real labs in network namespaces. Skips (printing why) when checkLabPrivileges() says no.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { cleanupLeftoverLabs, createLabNetwork, type LabNetwork } from './index';
import { InvalidNetworkInputError, NetworkSetupError } from './network-errors';
import { processStartTime } from './owner-record';
import { checkLabPrivileges } from './privileges';
import { startTcpPeer } from './tcp-peer';

const namespacesNow = (): string[] =>
  execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter(Boolean);

const needsRoot = privilegeGate('lab network tests', checkLabPrivileges).it;

async function tcpRoundTrip(lab: LabNetwork, host: string): Promise<void> {
  const server = startTcpPeer(lab, 'lambdaService');
  const client = startTcpPeer(lab, 'vpc');
  try {
    await server.listen(lab.addresses.serviceIp, 443);
    expect((await client.connect('c', host, 443, 0)).event).toBe('connected');
    client.write('c', 'ping');
    await server.waitFor((event) => event.event === 'data' && event.text === 'ping', 3000, 'ping at server');
    server.write('c', 'pong');
    await client.waitFor((event) => event.event === 'data' && event.text === 'pong', 3000, 'pong at client');
  } finally {
    await Promise.all([server.close(), client.close()]);
  }
}

describe('lab network lifecycle (root)', () => {
  it('checkLabPrivileges is ok here (we are root with ip, nft, conntrack)', async () => {
    expect(await checkLabPrivileges()).toEqual({ ok: true });
  });

  needsRoot('creates a lab both paths work through, and destroy removes every namespace', async () => {
    const started = Date.now();
    const lab = await createLabNetwork({ idleSeconds: 30 });
    const created = Date.now();
    try {
      expect(Object.values(lab.namespaces).every((name) => namespacesNow().includes(name))).toBe(true);
      await tcpRoundTrip(lab, lab.addresses.serviceIp); // nat path
      await tcpRoundTrip(lab, lab.addresses.endpointIp); // endpoint path
      // Nothing of the lab is visible in the root namespace.
      expect(execFileSync('ip', ['-br', 'link'], { encoding: 'utf8' })).not.toMatch(/to-nat|to-ep|vpc-br|svc-br/);
    } finally {
      const destroying = Date.now();
      await lab.destroy();
      console.log(`lab create ${created - started} ms, destroy ${Date.now() - destroying} ms`);
    }
    await lab.destroy(); // idempotent
    expect(namespacesNow().filter((name) => name.includes(lab.runId))).toEqual([]);
    await expect(lab.forgetFlows('natGateway')).rejects.toThrow(/destroyed/);
  });

  needsRoot('two labs created in parallel with the same addresses do not collide', async () => {
    const labs = await Promise.all([createLabNetwork({ idleSeconds: 30 }), createLabNetwork({ idleSeconds: 30 })]);
    try {
      expect(labs[0].runId).not.toBe(labs[1].runId);
      await Promise.all(labs.map((lab) => tcpRoundTrip(lab, lab.addresses.endpointIp)));
    } finally {
      await Promise.all(labs.map((lab) => lab.destroy()));
    }
    expect(namespacesNow().filter((name) => labs.some((lab) => name.includes(lab.runId)))).toEqual([]);
  });

  needsRoot("sets the vpc host's own keepalive sysctls without touching the root namespace's", async () => {
    const rootBefore = execFileSync('sysctl', ['-n', 'net.ipv4.tcp_keepalive_time'], { encoding: 'utf8' });
    const lab = await createLabNetwork({ idleSeconds: 30 });
    try {
      // A new namespace starts at the kernel's defaults, not the root namespace's values.
      expect(await lab.readTcpKeepalive('vpc')).toEqual({ timeSeconds: 7200, intervalSeconds: 75, probes: 9 });
      await lab.setTcpKeepalive('vpc', { timeSeconds: 4, intervalSeconds: 1, probes: 6 });
      expect(await lab.readTcpKeepalive('vpc')).toEqual({ timeSeconds: 4, intervalSeconds: 1, probes: 6 });
      expect(await lab.readTcpKeepalive('lambdaService')).toEqual({
        timeSeconds: 7200,
        intervalSeconds: 75,
        probes: 9,
      });
      await expect(lab.setTcpKeepalive('vpc', { timeSeconds: 0, intervalSeconds: 1, probes: 6 })).rejects.toThrow(
        InvalidNetworkInputError,
      );
    } finally {
      await lab.destroy();
    }
    expect(execFileSync('sysctl', ['-n', 'net.ipv4.tcp_keepalive_time'], { encoding: 'utf8' })).toBe(rootBefore);
  });

  needsRoot('a failure half-way through creation removes what was made and rethrows', async () => {
    const runId = `f${process.pid.toString(36)}`.slice(0, 8);
    // Occupy the last namespace the lab would create: vpc, nat, ep get made, then `ip netns add` fails.
    execFileSync('ip', ['netns', 'add', `lk-${runId}-svc`]);
    try {
      const failure = await createLabNetwork({ idleSeconds: 3, runId }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(NetworkSetupError);
      expect(String((failure as Error).message)).toMatch(/everything it created was removed.*lk-.*-svc/s);
      // Only the namespace we made ourselves is left; the lab's three are gone.
      expect(namespacesNow().filter((name) => name.includes(runId))).toEqual([`lk-${runId}-svc`]);
    } finally {
      execFileSync('ip', ['netns', 'delete', `lk-${runId}-svc`]);
    }
  });

  needsRoot('rejects bad options before creating anything', async () => {
    const before = namespacesNow();
    await expect(createLabNetwork({ idleSeconds: 2.5 })).rejects.toThrow(InvalidNetworkInputError);
    await expect(createLabNetwork({ idleSeconds: 0 })).rejects.toThrow(
      /idleSeconds: 0 is invalid: must be a positive whole number/,
    );
    await expect(createLabNetwork({ idleSeconds: 3, runId: 'Bad-Id' })).rejects.toThrow(/runId/);
    expect(namespacesNow()).toEqual(before);
  });

  needsRoot('cleanupLeftoverLabs removes dead runs’ namespaces and leaves live ones', async () => {
    const live = await createLabNetwork({ idleSeconds: 30 });
    const orphanRun = `o${process.pid.toString(36)}`.slice(0, 8);
    const deadRun = `d${process.pid.toString(36)}`.slice(0, 8);
    execFileSync('ip', ['netns', 'add', `lk-${orphanRun}-vpc`]); // no owner record at all
    execFileSync('ip', ['netns', 'add', `lk-${deadRun}-nat`]);
    mkdirSync('/run/lambda-keepalive-lab', { recursive: true });
    // An owner that is "gone": our PID with a start time that is not ours (as after PID reuse).
    writeFileSync(
      `/run/lambda-keepalive-lab/${deadRun}.json`,
      JSON.stringify({
        runId: deadRun,
        pid: process.pid,
        startTime: `${processStartTime(process.pid)}0`,
        namespaces: [],
      }),
    );
    try {
      const removed = await cleanupLeftoverLabs();
      expect(removed).toEqual(expect.arrayContaining([`lk-${orphanRun}-vpc`, `lk-${deadRun}-nat`]));
      expect(removed.filter((name) => name.includes(live.runId))).toEqual([]);
      const after = namespacesNow();
      expect(after).not.toContain(`lk-${orphanRun}-vpc`);
      expect(Object.values(live.namespaces).every((name) => after.includes(name))).toBe(true);
    } finally {
      await live.destroy();
    }
  });
});
