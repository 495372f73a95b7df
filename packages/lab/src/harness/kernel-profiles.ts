/**
 * The caller host's own TCP keepalive defaults (net.ipv4.tcp_keepalive_time / _intvl / _probes, per network
 * namespace — @lambda-keepalive/hyperplane-net tcp-keepalive-sysctls.ts). They decide whether a client that
 * sets SO_KEEPALIVE without TCP_KEEPIDLE survives — boto3's `tcp_keepalive = true` (botocore/args.py
 * `_compute_socket_options`, boto/botocore#2916) — and nobody has published Lambda's.
 * - `linux-default`: the kernel's 7200 / 75 / 9, far past the 350 s idle limit;
 * - `low`: the shipped client's keepalive scaled like every other duration (TimeScale), below the idle limit.
 */
import type { TcpKeepaliveSettings } from '@lambda-keepalive/hyperplane-net';
import type { TimeScale } from './time-scale';

export const KERNEL_PROFILES = ['linux-default', 'low'] as const;
export type KernelProfileName = (typeof KERNEL_PROFILES)[number];

export const DEFAULT_KERNEL_PROFILE: KernelProfileName = 'linux-default';

/** The kernel's defaults (Documentation/networking/ip-sysctl.rst): a new network namespace starts with them. */
export const LINUX_DEFAULT_KEEPALIVE: TcpKeepaliveSettings = { timeSeconds: 7200, intervalSeconds: 75, probes: 9 };

export const KERNEL_PROFILE_DESCRIPTIONS: Record<KernelProfileName, string> = {
  'linux-default': 'the kernel defaults, tcp_keepalive_time/intvl/probes 7200/75/9 (not scaled)',
  low: "the shipped client's keepalive scaled (60/5/6 real-equivalent), below the idle limit",
};

export function kernelProfileSettings(name: KernelProfileName, timeScale: TimeScale): TcpKeepaliveSettings {
  if (name === 'linux-default') return LINUX_DEFAULT_KEEPALIVE;
  return {
    timeSeconds: timeScale.keepAliveIdleSeconds,
    intervalSeconds: timeScale.keepAliveProbeIntervalSeconds,
    probes: timeScale.keepAliveProbeCount,
  };
}
