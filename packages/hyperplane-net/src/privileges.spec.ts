/** The privilege checks' pure parts: CapEff from /proc status text, missing capabilities by name, PATH lookup. */
import { effectiveCapabilities, findProgram, missingCapabilities } from './privileges';

describe('capability parsing', () => {
  it('reads CapEff from /proc/<pid>/status text', () => {
    expect(effectiveCapabilities('Name:\tnode\nCapEff:\t000001ffffffffff\n')).toBe(0x1ffffffffffn);
    expect(effectiveCapabilities('Name:\tnode\n')).toBeUndefined();
  });

  it('names each missing capability', () => {
    expect(missingCapabilities(0x1ffffffffffn)).toEqual([]);
    expect(missingCapabilities(0n)).toEqual(['CAP_NET_ADMIN', 'CAP_SYS_ADMIN']);
    expect(missingCapabilities(1n << 12n)).toEqual(['CAP_SYS_ADMIN']);
    expect(missingCapabilities(undefined)).toEqual(['CAP_NET_ADMIN', 'CAP_SYS_ADMIN']);
  });
});

describe('findProgram', () => {
  it('searches PATH only and reports a missing program as undefined', () => {
    expect(findProgram('ip', '/nonexistent:/usr/sbin')).toBe('/usr/sbin/ip');
    expect(findProgram('ip', '/nonexistent')).toBeUndefined();
    expect(findProgram('no-such-program-lk', process.env.PATH)).toBeUndefined();
  });
});
