/**
 * The kernel's view of a TCP socket's timer, read with `ss -tno` (iproute2): a socket with
 * SO_KEEPALIVE that is idle shows `timer:(keepalive,44sec,0)` counting down to the first probe
 * (docs/node-keepalive.md). This is how tests prove keepalive on the REAL socket — Node has no getsockopt.
 */
import { execFile, execFileSync } from 'node:child_process';

export interface TcpTimer {
  /** keepalive | on (retransmit) | timewait | persist ... ; 'none' when the socket shows no timer. */
  kind: string;
  /** Time left on the timer in seconds (fractions for ms values). */
  seconds: number;
}

/** Why the kernel cannot be asked here, or undefined when `ss` works. */
export function tcpTimerUnavailableReason(): string | undefined {
  if (process.platform !== 'linux') return `TCP timers are read from Linux ss; this is ${process.platform}`;
  try {
    execFileSync('ss', ['-V'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'the ss command (iproute2) is not installed';
  }
}

/**
 * The timer of the established TCP socket from local port `localPort` (a client's ephemeral port) to
 * `remotePort`. Both ports are needed: Linux hands the same ephemeral port to other processes'
 * connections towards other destinations.
 */
export function readTcpTimer(localPort: number, remotePort: number): Promise<TcpTimer> {
  return new Promise((resolve, reject) => {
    const filter = `( sport = :${localPort} and dport = :${remotePort} )`;
    execFile('ss', ['-tnoH', 'state', 'established', filter], (error, stdout) => {
      if (error) return reject(error);
      const lines = stdout.split('\n').filter((text) => text.trim() !== '');
      const [line] = lines;
      if (lines.length !== 1 || line === undefined) {
        return reject(new Error(`expected one socket for ${filter}, ss printed: ${stdout}`));
      }
      resolve(parseTimer(line));
    });
  });
}

export function parseTimer(line: string): TcpTimer {
  const [, kind, duration] = /timer:\((\w+),([^,]+),\d+\)/.exec(line) ?? [];
  if (kind === undefined || duration === undefined) return { kind: 'none', seconds: 0 };
  return { kind, seconds: parseDuration(duration) };
}

/**
 * ss durations (iproute2 misc/ss.c, print_ms_timer): "44sec", "2min4sec", "1h2min", "999ms", and from 1 s to
 * under 10 s seconds-dot-milliseconds with an "ms" suffix: "4.636ms" is 4.636 s, not 636 ms.
 */
function parseDuration(text: string): number {
  const [, wholeSeconds, milliseconds] = /^(\d+)\.(\d{3})ms$/.exec(text) ?? [];
  if (wholeSeconds !== undefined && milliseconds !== undefined)
    return Number(wholeSeconds) + Number(milliseconds) / 1000;
  const part = (unit: string) => Number(new RegExp(`(\\d+)${unit}`).exec(text)?.[1] ?? 0);
  return part('h') * 3600 + part('min') * 60 + part('sec') + part('ms') / 1000;
}
