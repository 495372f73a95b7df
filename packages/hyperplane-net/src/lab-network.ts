/**
 * createLabNetwork(): a local stand-in for the AWS Hyperplane data path (NAT gateway and interface VPC
 * endpoint) built from network namespaces, kernel conntrack and nftables. destroy() removes everything;
 * a failure half-way through creation removes what was made before the error is rethrown; the process
 * exit/signal registry removes labs still live when the process ends.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { validateIdleSeconds } from './conntrack-settings';
import { type ExitTeardown, processExitTeardown } from './exit-teardown';
import { buildLabTopology } from './lab-wiring';
import {
  applyNftables,
  type CommandResult,
  deleteConntrackEntries,
  deleteNamespace,
  deleteNamespaceSync,
  execInNamespace,
  listNftJson,
  namespacePids,
  namespacePidsSync,
  setSysctls,
} from './namespace-commands';
import { HyperplaneNetError, InvalidNetworkInputError, NetworkCommandError, NetworkSetupError } from './network-errors';
import { FORWARDED_COUNTER, LAB_TABLE, parseCounterJson, renderBlackholeUpdate } from './nftables-ruleset';
import { DEFAULT_OWNER_DIRECTORY, removeOwnerRecord, removeOwnerRecordSync, writeOwnerRecord } from './owner-record';
import {
  parseTcpKeepaliveSysctls,
  TCP_KEEPALIVE_SYSCTL_KEYS,
  type TcpKeepaliveSettings,
  tcpKeepaliveSysctls,
} from './tcp-keepalive-sysctls';
import {
  LAB_ADDRESSES,
  LAB_HOSTS,
  type LabHost,
  MIDDLEBOXES,
  type Middlebox,
  namespaceNames,
  newRunId,
  validateRunId,
} from './topology';

export interface LabNetwork {
  runId: string;
  namespaces: Record<LabHost, string>;
  addresses: { vpcHost: string; serviceIp: string; endpointIp: string; natPublicIp: string };
  idleSeconds: number;
  spawnIn(host: LabHost, command: string, args: string[], options?: SpawnOptions): ChildProcess;
  execIn(host: LabHost, command: string, args: string[]): Promise<CommandResult>;
  /** Sets the host's own net.ipv4.tcp_keepalive_time/intvl/probes (per namespace: tcp-keepalive-sysctls.ts). */
  setTcpKeepalive(host: LabHost, settings: TcpKeepaliveSettings): Promise<void>;
  /** Reads them back (a new namespace has the kernel's 7200 / 75 / 9). */
  readTcpKeepalive(host: LabHost): Promise<TcpKeepaliveSettings>;
  forgetFlows(box: Middlebox): Promise<number>;
  setBlackhole(box: Middlebox, on: boolean): Promise<void>;
  forwardedCounters(box: Middlebox): Promise<{ packets: number; bytes: number }>;
  destroy(): Promise<void>;
}

export interface CreateLabNetworkOptions {
  /** Idle seconds after which a middlebox forgets a TCP flow (Hyperplane: 350). Whole seconds ≥ 1. */
  idleSeconds: number;
  /** 1-8 lowercase letters/digits; random when absent. */
  runId?: string;
  /** Where owner records live (tests use a temp dir). */
  ownerDirectory?: string;
  /** Exit/signal registry (tests inject their own). */
  exitTeardown?: ExitTeardown;
}

/** Grace period for processes in the lab to exit on SIGTERM before they are killed. */
const PROCESS_GRACE_MS = 1000;

function checkHost(host: unknown): LabHost {
  if (!LAB_HOSTS.includes(host as LabHost))
    throw new InvalidNetworkInputError('host', host, `must be one of ${LAB_HOSTS.join(', ')}`);
  return host as LabHost;
}

function checkBox(box: unknown): Middlebox {
  if (!MIDDLEBOXES.includes(box as Middlebox))
    throw new InvalidNetworkInputError('box', box, `must be one of ${MIDDLEBOXES.join(', ')}`);
  return box as Middlebox;
}

function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already exited.
    }
  }
}

class NamespaceLab implements LabNetwork {
  readonly namespaces: Record<LabHost, string>;
  readonly addresses = {
    vpcHost: LAB_ADDRESSES.vpcHost,
    serviceIp: LAB_ADDRESSES.serviceIp,
    endpointIp: LAB_ADDRESSES.endpointIp,
    natPublicIp: LAB_ADDRESSES.natPublicIp,
  };
  private readonly created: string[] = [];
  private ownsRecord = false;
  private destroying: Promise<void> | undefined;

  constructor(
    readonly runId: string,
    readonly idleSeconds: number,
    private readonly ownerDirectory: string,
    private readonly teardown: ExitTeardown,
  ) {
    this.namespaces = namespaceNames(runId);
  }

  async build(): Promise<void> {
    try {
      await writeOwnerRecord(
        this.runId,
        LAB_HOSTS.map((host) => this.namespaces[host]),
        this.ownerDirectory,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new InvalidNetworkInputError(
          'runId',
          this.runId,
          'is already used by another lab run (owner record exists)',
        );
      }
      throw error;
    }
    this.ownsRecord = true;
    this.teardown.register(this);
    await buildLabTopology(this.namespaces, this.idleSeconds, (namespace) => this.created.push(namespace));
  }

  spawnIn(host: LabHost, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    this.assertLive();
    // `ip netns exec` execs the command, so the ChildProcess's pid is the command's own pid.
    return spawn('ip', ['netns', 'exec', this.namespaces[checkHost(host)], command, ...args], options);
  }

  async execIn(host: LabHost, command: string, args: string[]): Promise<CommandResult> {
    this.assertLive();
    return execInNamespace(this.namespaces[checkHost(host)], command, args);
  }

  async setTcpKeepalive(host: LabHost, settings: TcpKeepaliveSettings): Promise<void> {
    this.assertLive();
    const sysctls = tcpKeepaliveSysctls(settings);
    await setSysctls(this.namespaces[checkHost(host)], sysctls);
  }

  async readTcpKeepalive(host: LabHost): Promise<TcpKeepaliveSettings> {
    this.assertLive();
    const keys = Object.values(TCP_KEEPALIVE_SYSCTL_KEYS);
    const result = await execInNamespace(this.namespaces[checkHost(host)], 'sysctl', ['-n', ...keys]);
    if (result.code !== 0) throw new NetworkCommandError('sysctl', ['-n', ...keys], result.code, result.stderr);
    return parseTcpKeepaliveSysctls(result.stdout);
  }

  async forgetFlows(box: Middlebox): Promise<number> {
    this.assertLive();
    return deleteConntrackEntries(this.namespaces[checkBox(box)]);
  }

  async setBlackhole(box: Middlebox, on: boolean): Promise<void> {
    this.assertLive();
    if (typeof on !== 'boolean') throw new InvalidNetworkInputError('on', on, 'must be true or false');
    return applyNftables(this.namespaces[checkBox(box)], renderBlackholeUpdate(on));
  }

  async forwardedCounters(box: Middlebox): Promise<{ packets: number; bytes: number }> {
    this.assertLive();
    const json = await listNftJson(this.namespaces[checkBox(box)], ['counter', 'ip', LAB_TABLE, FORWARDED_COUNTER]);
    return parseCounterJson(json);
  }

  destroy(): Promise<void> {
    this.destroying ??= this.removeEverything();
    return this.destroying;
  }

  /** For the exit hook: nothing asynchronous runs once the process is exiting. */
  destroySync(): void {
    for (const namespace of this.created) signalAll(namespacePidsSync(namespace), 'SIGKILL');
    for (const namespace of this.created.splice(0)) deleteNamespaceSync(namespace);
    if (this.ownsRecord) removeOwnerRecordSync(this.runId, this.ownerDirectory);
    this.ownsRecord = false;
    this.destroying ??= Promise.resolve();
  }

  private async removeEverything(): Promise<void> {
    // Processes inside keep a namespace (and its veths) alive after `ip netns delete`: stop them first.
    await this.stopProcesses();
    const namespaces = this.created.splice(0);
    const results = await Promise.allSettled(namespaces.map((namespace) => deleteNamespace(namespace)));
    if (this.ownsRecord) await removeOwnerRecord(this.runId, this.ownerDirectory);
    this.ownsRecord = false;
    this.teardown.unregister(this);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw new NetworkSetupError(`destroying lab ${this.runId}`, failure.reason);
  }

  private async stopProcesses(): Promise<void> {
    const pidsNow = async (): Promise<number[]> => (await Promise.all(this.created.map(namespacePids))).flat();
    let pids = await pidsNow();
    if (pids.length === 0) return;
    signalAll(pids, 'SIGTERM');
    for (let waited = 0; waited < PROCESS_GRACE_MS && pids.length > 0; waited += 50) {
      await sleep(50);
      pids = await pidsNow();
    }
    signalAll(pids, 'SIGKILL');
  }

  private assertLive(): void {
    if (this.destroying) throw new HyperplaneNetError(`Lab ${this.runId} has been destroyed`);
  }
}

export async function createLabNetwork(options: CreateLabNetworkOptions): Promise<LabNetwork> {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidNetworkInputError('options', options, 'must be an object { idleSeconds, runId? }');
  }
  const idleSeconds = validateIdleSeconds(options.idleSeconds);
  const runId = options.runId === undefined ? newRunId() : validateRunId(options.runId);
  const lab = new NamespaceLab(
    runId,
    idleSeconds,
    options.ownerDirectory ?? DEFAULT_OWNER_DIRECTORY,
    options.exitTeardown ?? processExitTeardown,
  );
  try {
    await lab.build();
  } catch (error) {
    await lab.destroy().catch(() => undefined);
    if (error instanceof InvalidNetworkInputError) throw error;
    throw new NetworkSetupError(`creating lab ${runId} (everything it created was removed)`, error);
  }
  return lab;
}
