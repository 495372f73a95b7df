/**
 * The kernel's TCP keepalive defaults in this container (net.ipv4.tcp_keepalive_time / _intvl / _probes), read
 * once and reported in the caller's logs and result. They decide whether a client that sets only
 * SO_KEEPALIVE — boto3's `tcp_keepalive = true`, which sets no TCP_KEEPIDLE (botocore/args.py
 * `_compute_socket_options`; boto/botocore#2916) — sends a probe before an AWS NAT gateway or interface
 * endpoint forgets the idle flow at 350 s (docs/hyperplane-idle-timeout.md). Nobody publishes Lambda's values,
 * so the first deploy measures them. Never an error: an unreadable or odd file is reported as "unknown".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_IDLE_SECONDS } from '@lambda-keepalive/client';

/** Where Linux exposes the per-network-namespace sysctls (proc(5), /proc/sys/net/ipv4). */
export const PROC_NET_IPV4_DIR = '/proc/sys/net/ipv4';

export type KernelValue = number | 'unknown';

export interface KernelKeepAlive {
  /** tcp_keepalive_time: idle seconds before the first probe on a socket with SO_KEEPALIVE only. */
  tcpKeepaliveTimeSeconds: KernelValue;
  /** tcp_keepalive_intvl: seconds between unanswered probes. */
  tcpKeepaliveIntvlSeconds: KernelValue;
  /** tcp_keepalive_probes: unanswered probes before the kernel declares the connection dead. */
  tcpKeepaliveProbes: KernelValue;
  /**
   * Whether an SO_KEEPALIVE-only client keeps a flow through a 350 s NAT idle limit on this kernel: true when
   * tcp_keepalive_time + tcp_keepalive_intvl ≤ 340 s — the first probe, or the one after it if it is lost, reaches
   * the middlebox with 10 s to spare (the rule @lambda-keepalive/client applies to its own idle + interval).
   */
  soKeepAliveOnlySurvives350sIdle: boolean | 'unknown';
}

/** Reads the three sysctls from `dir` (default /proc/sys/net/ipv4). Synchronous: three tiny procfs reads. */
export function readKernelKeepAlive(dir: string = PROC_NET_IPV4_DIR): KernelKeepAlive {
  const time = readWholeNumber(path.join(dir, 'tcp_keepalive_time'));
  const intvl = readWholeNumber(path.join(dir, 'tcp_keepalive_intvl'));
  const probes = readWholeNumber(path.join(dir, 'tcp_keepalive_probes'));
  return {
    tcpKeepaliveTimeSeconds: time,
    tcpKeepaliveIntvlSeconds: intvl,
    tcpKeepaliveProbes: probes,
    soKeepAliveOnlySurvives350sIdle: soKeepAliveOnlySurvives(time, intvl),
  };
}

export function soKeepAliveOnlySurvives(time: KernelValue, intvl: KernelValue): boolean | 'unknown' {
  if (time === 'unknown' || intvl === 'unknown') return 'unknown';
  return time + intvl <= MAX_IDLE_SECONDS;
}

/** The file's one decimal number ("7200\n"), or "unknown" when it is missing, unreadable or anything else. */
function readWholeNumber(file: string): KernelValue {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 'unknown';
  }
  const trimmed = text.trim();
  return /^[0-9]{1,10}$/.test(trimmed) ? Number(trimmed) : 'unknown';
}
