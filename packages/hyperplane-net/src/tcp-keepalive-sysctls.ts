/**
 * A lab host's own TCP keepalive defaults: net.ipv4.tcp_keepalive_time / _intvl / _probes. They are per
 * network namespace (a new namespace starts at the kernel's 7200 / 75 / 9, whatever the root namespace
 * says — Documentation/networking/ip-sysctl.rst, "tcp_keepalive_time"), and they are what a socket with
 * SO_KEEPALIVE but no TCP_KEEPIDLE/TCP_KEEPINTVL/TCP_KEEPCNT of its own uses (tcp(7)). Pure: validation,
 * the sysctl assignments and parsing what `sysctl -n` prints.
 */
import { InvalidNetworkInputError } from './network-errors';

export interface TcpKeepaliveSettings {
  /** net.ipv4.tcp_keepalive_time: idle seconds before the first probe. */
  timeSeconds: number;
  /** net.ipv4.tcp_keepalive_intvl: seconds between unanswered probes. */
  intervalSeconds: number;
  /** net.ipv4.tcp_keepalive_probes: unanswered probes before the connection is dropped. */
  probes: number;
}

export const TCP_KEEPALIVE_SYSCTL_KEYS = {
  timeSeconds: 'net.ipv4.tcp_keepalive_time',
  intervalSeconds: 'net.ipv4.tcp_keepalive_intvl',
  probes: 'net.ipv4.tcp_keepalive_probes',
} as const satisfies Record<keyof TcpKeepaliveSettings, string>;

/** The kernel's limits (include/net/tcp.h MAX_TCP_KEEPIDLE 32767, MAX_TCP_KEEPINTVL 32767, MAX_TCP_KEEPCNT 127). */
const LIMITS: Record<keyof TcpKeepaliveSettings, number> = {
  timeSeconds: 32_767,
  intervalSeconds: 32_767,
  probes: 127,
};

export function validateTcpKeepaliveSettings(settings: unknown): TcpKeepaliveSettings {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new InvalidNetworkInputError('tcpKeepalive', settings, 'must be { timeSeconds, intervalSeconds, probes }');
  }
  const record = settings as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((key) => !(key in LIMITS));
  if (unknownKey !== undefined) {
    throw new InvalidNetworkInputError(`tcpKeepalive.${unknownKey}`, record[unknownKey], 'is not a known setting');
  }
  for (const key of Object.keys(LIMITS) as Array<keyof TcpKeepaliveSettings>) {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > LIMITS[key]) {
      throw new InvalidNetworkInputError(`tcpKeepalive.${key}`, value, `must be a whole number in [1, ${LIMITS[key]}]`);
    }
  }
  return {
    timeSeconds: record.timeSeconds,
    intervalSeconds: record.intervalSeconds,
    probes: record.probes,
  } as TcpKeepaliveSettings;
}

export function tcpKeepaliveSysctls(settings: TcpKeepaliveSettings): Record<string, string> {
  const valid = validateTcpKeepaliveSettings(settings);
  return {
    [TCP_KEEPALIVE_SYSCTL_KEYS.timeSeconds]: String(valid.timeSeconds),
    [TCP_KEEPALIVE_SYSCTL_KEYS.intervalSeconds]: String(valid.intervalSeconds),
    [TCP_KEEPALIVE_SYSCTL_KEYS.probes]: String(valid.probes),
  };
}

/** `sysctl -n time intvl probes` prints one value a line, in that order. */
export function parseTcpKeepaliveSysctls(stdout: string): TcpKeepaliveSettings {
  const values = stdout
    .trim()
    .split('\n')
    .map((line) => Number(line.trim()));
  if (values.length !== 3 || values.some((value) => !Number.isInteger(value))) {
    throw new InvalidNetworkInputError('sysctl output', stdout, 'must be three whole numbers (time, intvl, probes)');
  }
  const [timeSeconds, intervalSeconds, probes] = values as [number, number, number];
  return { timeSeconds, intervalSeconds, probes };
}
