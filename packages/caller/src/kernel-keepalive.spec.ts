/**
 * readKernelKeepAlive on real files in a temporary directory standing in for /proc/sys/net/ipv4: numbers,
 * "unknown" for missing or odd files (never an error), and the SO_KEEPALIVE-only verdict at its boundary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readKernelKeepAlive, soKeepAliveOnlySurvives } from './kernel-keepalive';

describe('readKernelKeepAlive', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kernel-keepalive-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (values: Record<string, string>) => {
    for (const [name, text] of Object.entries(values)) writeFileSync(path.join(dir, name), text);
  };

  it('reads the three sysctls as numbers, as procfs prints them (newline-terminated)', () => {
    write({ tcp_keepalive_time: '7200\n', tcp_keepalive_intvl: '75\n', tcp_keepalive_probes: '9\n' });
    expect(readKernelKeepAlive(dir)).toEqual({
      tcpKeepaliveTimeSeconds: 7200,
      tcpKeepaliveIntvlSeconds: 75,
      tcpKeepaliveProbes: 9,
      soKeepAliveOnlySurvives350sIdle: false,
    });
  });

  it('says a low kernel idle keeps an SO_KEEPALIVE-only flow alive', () => {
    write({ tcp_keepalive_time: '60\n', tcp_keepalive_intvl: '10\n', tcp_keepalive_probes: '3\n' });
    expect(readKernelKeepAlive(dir)).toMatchObject({
      tcpKeepaliveTimeSeconds: 60,
      soKeepAliveOnlySurvives350sIdle: true,
    });
  });

  it('reports "unknown" for a missing file or a value that is not a whole number, and never throws', () => {
    write({ tcp_keepalive_time: 'seven\n', tcp_keepalive_intvl: '' });
    expect(readKernelKeepAlive(dir)).toEqual({
      tcpKeepaliveTimeSeconds: 'unknown',
      tcpKeepaliveIntvlSeconds: 'unknown',
      tcpKeepaliveProbes: 'unknown',
      soKeepAliveOnlySurvives350sIdle: 'unknown',
    });
    expect(readKernelKeepAlive(path.join(dir, 'no-such-dir')).tcpKeepaliveProbes).toBe('unknown');
  });

  it("reads this machine's /proc by default (a Linux test host has the files)", () => {
    const facts = readKernelKeepAlive();
    expect(typeof facts.tcpKeepaliveTimeSeconds).toBe('number');
  });
});

describe('soKeepAliveOnlySurvives', () => {
  it.each([
    [330, 10, true],
    [330, 11, false],
    [7200, 75, false],
    ['unknown' as const, 10, 'unknown'],
    [60, 'unknown' as const, 'unknown'],
  ])('time %p + intvl %p → %p', (time, intvl, verdict) => {
    expect(soKeepAliveOnlySurvives(time, intvl)).toBe(verdict);
  });
});
