/**
 * Per-namespace kernel settings of a lab middlebox. Pure: returns sysctl key=value pairs.
 *
 * All of these are per network namespace on Linux 6.x (checked on 6.18: setting them inside a lab
 * namespace leaves the root namespace's values untouched), so parallel labs with different idle
 * timeouts do not interfere.
 */
import { InvalidNetworkInputError } from './network-errors';

/**
 * Hyperplane's idle timeout is 350 s (docs/hyperplane-idle-timeout.md); scaled labs use less. conntrack
 * takes whole seconds.
 */
export function validateIdleSeconds(idleSeconds: unknown): number {
  if (typeof idleSeconds !== 'number' || !Number.isInteger(idleSeconds) || idleSeconds < 1) {
    throw new InvalidNetworkInputError(
      'idleSeconds',
      idleSeconds,
      'must be a positive whole number of seconds (kernel conntrack timeouts are whole seconds)',
    );
  }
  if (idleSeconds > 86_400) {
    throw new InvalidNetworkInputError('idleSeconds', idleSeconds, 'must be at most 86400 (one day)');
  }
  return idleSeconds;
}

export function middleboxSysctls(idleSeconds: number): Record<string, string> {
  validateIdleSeconds(idleSeconds);
  return {
    'net.ipv4.ip_forward': '1',
    // Symmetric routes here, but make the lab independent of distro defaults inherited by new namespaces.
    'net.ipv4.conf.all.rp_filter': '0',
    'net.ipv4.conf.default.rp_filter': '0',
    // A flow idle this long is forgotten (Hyperplane: 350 s).
    'net.netfilter.nf_conntrack_tcp_timeout_established': String(idleSeconds),
    // Never adopt a mid-stream packet as a new flow: a forgotten flow stays forgotten (ct state invalid).
    'net.netfilter.nf_conntrack_tcp_loose': '0',
  };
}
