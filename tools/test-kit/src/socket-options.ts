/**
 * The kernel's keepalive options of a live TCP socket — SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL,
 * TCP_KEEPCNT — read by socket-options.py (getsockopt on a pidfd_getfd duplicate of the socket). ss shows only
 * the timer, so this is how tests prove the probe interval and count on the real socket.
 *
 * It runs Debian's /usr/bin/python3 by absolute path, not whatever python3 is first on PATH (a pyenv shim
 * on some machines): `./run` installs that one. It needs Linux >= 5.6 and ptrace rights over the process
 * (root, or CAP_SYS_PTRACE); socketOptionsUnavailableReason says why not, so a spec can print it and skip.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface SocketKeepAliveOptions {
  keepAlive: boolean;
  idleSeconds: number;
  intervalSeconds: number;
  count: number;
}

export const DEBIAN_PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'socket-options.py');

let unavailable: { reason: string | undefined } | undefined;

/** Why socket options of this process cannot be read here, or undefined when they can (checked once). */
export function socketOptionsUnavailableReason(): string | undefined {
  unavailable ??= { reason: probe() };
  return unavailable.reason;
}

function probe(): string | undefined {
  if (process.platform !== 'linux')
    return `socket options are read through Linux pidfd_getfd; this is ${process.platform}`;
  try {
    execFileSync(DEBIAN_PYTHON, [SCRIPT, 'check', String(process.pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
    return undefined;
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: Buffer };
    if (code === 'ENOENT') return `${DEBIAN_PYTHON} is missing (Debian package python3; ./run installs it)`;
    return `${DEBIAN_PYTHON} cannot duplicate this process's descriptors: ${String(stderr ?? error).trim()}`;
  }
}

/**
 * The keepalive options of the established TCP socket of process `pid` (default: this one) from `localPort`
 * to `remotePort`.
 */
export function readSocketKeepAlive(
  localPort: number,
  remotePort: number,
  pid: number = process.pid,
): Promise<SocketKeepAliveOptions> {
  const args = [SCRIPT, 'read', String(pid), String(localPort), String(remotePort)];
  return new Promise((resolve, reject) => {
    execFile(DEBIAN_PYTHON, args, (error, stdout, stderr) => {
      if (error) return reject(new Error(`socket-options.py: ${stderr.trim() || error.message}`, { cause: error }));
      resolve(JSON.parse(stdout) as SocketKeepAliveOptions);
    });
  });
}
