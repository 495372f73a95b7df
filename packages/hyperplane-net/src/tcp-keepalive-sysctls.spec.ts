/** The vpc host's keepalive sysctls: validation, the assignments and reading `sysctl -n` back. */
import { InvalidNetworkInputError } from './network-errors';
import { parseTcpKeepaliveSysctls, tcpKeepaliveSysctls, validateTcpKeepaliveSettings } from './tcp-keepalive-sysctls';

describe('tcp keepalive sysctls', () => {
  it('maps the three settings to their per-namespace sysctls', () => {
    expect(tcpKeepaliveSysctls({ timeSeconds: 4, intervalSeconds: 1, probes: 6 })).toEqual({
      'net.ipv4.tcp_keepalive_time': '4',
      'net.ipv4.tcp_keepalive_intvl': '1',
      'net.ipv4.tcp_keepalive_probes': '6',
    });
  });

  it.each([
    [{ timeSeconds: 0, intervalSeconds: 1, probes: 1 }, 'tcpKeepalive.timeSeconds'],
    [{ timeSeconds: 1, intervalSeconds: 1.5, probes: 1 }, 'tcpKeepalive.intervalSeconds'],
    [{ timeSeconds: 1, intervalSeconds: 1, probes: 128 }, 'tcpKeepalive.probes'],
    [{ timeSeconds: 1, intervalSeconds: 1 }, 'tcpKeepalive.probes'],
    [{ timeSeconds: 1, intervalSeconds: 1, probes: 1, idle: 2 }, 'tcpKeepalive.idle'],
    [null, 'tcpKeepalive'],
  ])('refuses %j naming %s', (settings, field) => {
    expect(() => validateTcpKeepaliveSettings(settings)).toThrow(InvalidNetworkInputError);
    expect(() => validateTcpKeepaliveSettings(settings)).toThrow(new RegExp(`^${field.replace('.', '\\.')}:`));
  });

  it('reads back what sysctl -n prints, and refuses anything else', () => {
    expect(parseTcpKeepaliveSysctls('7200\n75\n9\n')).toEqual({ timeSeconds: 7200, intervalSeconds: 75, probes: 9 });
    expect(() => parseTcpKeepaliveSysctls('7200\n75\n')).toThrow(InvalidNetworkInputError);
  });
});
