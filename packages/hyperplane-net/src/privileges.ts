/**
 * Can this process build a lab? It needs CAP_NET_ADMIN (interfaces, nftables, conntrack) and
 * CAP_SYS_ADMIN (`ip netns add` mounts a namespace under /run/netns) — in practice: root — plus the
 * `ip` (iproute2), `nft` (nftables) and `conntrack` (conntrack-tools) programs. Answers with a reason
 * saying exactly what is missing, so a skipped test or a refused lab run tells the reader what to do.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { addNamespace, deleteNamespace } from './namespace-commands';
import { NetworkPrivilegeError } from './network-errors';

const CAP_NET_ADMIN = 12n;
const CAP_SYS_ADMIN = 21n;

const REQUIRED_PROGRAMS: ReadonlyArray<{ program: string; debianPackage: string }> = [
  { program: 'ip', debianPackage: 'iproute2' },
  { program: 'nft', debianPackage: 'nftables' },
  { program: 'conntrack', debianPackage: 'conntrack' },
];

/** Effective capability set of this process (CapEff in /proc/self/status); undefined if unreadable. */
export function effectiveCapabilities(status?: string): bigint | undefined {
  try {
    const text = status ?? readFileSync('/proc/self/status', 'utf8');
    const match = /^CapEff:\s*([0-9a-f]+)$/m.exec(text);
    return match?.[1] ? BigInt(`0x${match[1]}`) : undefined;
  } catch {
    return undefined;
  }
}

export function missingCapabilities(capabilities: bigint | undefined): string[] {
  if (capabilities === undefined) return ['CAP_NET_ADMIN', 'CAP_SYS_ADMIN'];
  const missing: string[] = [];
  if (((capabilities >> CAP_NET_ADMIN) & 1n) === 0n) missing.push('CAP_NET_ADMIN');
  if (((capabilities >> CAP_SYS_ADMIN) & 1n) === 0n) missing.push('CAP_SYS_ADMIN');
  return missing;
}

export function findProgram(program: string, path = process.env.PATH ?? ''): string | undefined {
  // PATH only: the lab runs these by name (also inside `ip netns exec`), so a copy in an sbin directory
  // missing from PATH would not help; the reason then tells the user to fix PATH.
  const directories = path.split(delimiter).filter(Boolean);
  for (const directory of directories) {
    const candidate = join(directory, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

export type LabPrivileges = { ok: true } | { ok: false; reason: string };

export async function checkLabPrivileges(): Promise<LabPrivileges> {
  if (process.platform !== 'linux') {
    return { ok: false, reason: `the lab needs Linux network namespaces; this is ${process.platform}` };
  }
  const missingPrograms = REQUIRED_PROGRAMS.filter(
    ({ program }) => findProgram(program, process.env.PATH) === undefined,
  );
  if (missingPrograms.length > 0) {
    const list = missingPrograms
      .map(({ program, debianPackage }) => `${program} (Debian package ${debianPackage})`)
      .join(', ');
    return { ok: false, reason: `the lab needs these programs on PATH (PATH=${process.env.PATH ?? ''}): ${list}` };
  }
  const missingCaps = missingCapabilities(effectiveCapabilities());
  if (missingCaps.length > 0) {
    return {
      ok: false,
      reason:
        `the lab needs ${missingCaps.join(' and ')} (run as root, e.g. sudo, or in a container with ` +
        '--cap-add NET_ADMIN --cap-add SYS_ADMIN)',
    };
  }
  const probe = `lk-probe${process.pid}`.slice(0, 15);
  try {
    await addNamespace(probe);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `cannot create a network namespace (ip netns add failed): ${detail}` };
  } finally {
    await deleteNamespace(probe).catch(() => undefined);
  }
  return { ok: true };
}

/** For the lab runner: throws NetworkPrivilegeError with the reason when the lab cannot be built here. */
export async function assertLabPrivileges(): Promise<void> {
  const privileges = await checkLabPrivileges();
  if (!privileges.ok) throw new NetworkPrivilegeError(`Cannot build the lab network: ${privileges.reason}`);
}
