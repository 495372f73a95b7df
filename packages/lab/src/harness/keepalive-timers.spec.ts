/** The kernel timer model: the wheel's levels and rounding, the keepalive bounds per HZ, and reading CONFIG_HZ. */
import { release } from 'node:os';
import { gzipSync } from 'node:zlib';
import {
  keepaliveTimingBounds,
  readKernelHz,
  wheelFireJiffies,
  wheelLatenessMaxMs,
  wheelLevel,
} from './keepalive-timers';

const libuv = (idleSeconds: number) => ({ idleSeconds, intervalSeconds: 1, count: 10 });

test('wheel levels and granularities are the kernel/time/timer.c table (HZ 250)', () => {
  expect([
    wheelLevel(62, 250),
    wheelLevel(63, 250),
    wheelLevel(503, 250),
    wheelLevel(504, 250),
    wheelLevel(4032, 250),
  ]).toEqual([0, 1, 1, 2, 3]);
  expect(wheelLatenessMaxMs(1_000, 250)).toBe(32);
  expect(wheelLatenessMaxMs(4_000, 250)).toBe(256);
  expect(wheelLatenessMaxMs(21_000, 250)).toBe(2_048);
  expect(wheelLatenessMaxMs(25_000, 250)).toBe(2_048);
  expect(wheelLatenessMaxMs(25_000, 1000)).toBe(512);
});

test('a timer fires at the first bucket boundary strictly after its expiry, never early', () => {
  expect(wheelFireJiffies(0, 6250, 250)).toBe(6656); // 25 s armed on a 512-jiffy boundary: 1.624 s late
  expect(wheelFireJiffies(6, 6250, 250)).toBe(6656);
  expect(wheelFireJiffies(407, 6250, 250)).toBe(7168); // expiry 6657, just past a boundary → 7168: 2.044 s late
  // 1 s from a grid point fires 1.024 s later (measured: every unanswered interval took 1.024 s)
  expect(wheelFireJiffies(1024, 250, 250)).toBe(1280);
});

test('HZ 250 bounds: what tcpdump measured on this machine stays within them', () => {
  const client = keepaliveTimingBounds(libuv(4), 250);
  expect(client.firstProbeMaxMs).toBe(4_256); // measured first probe ≤ 4.230 s after the last packet
  expect(client.answeredPeriodMaxMs).toBe(4_256); // measured period 4.096 s (steady state on the grid)
  expect(client.unansweredChainMaxMs).toBe(10_248); // measured 10.240 s, 20 of 20
  expect(client.blackholeDeathMaxMs).toBe(14_500); // measured max 14.17 s (20 sockets), bench max 14.32 s
  expect(keepaliveTimingBounds(libuv(25), 250).firstProbeMaxMs).toBe(27_048); // measured up to 27.036 s after connect
  expect(keepaliveTimingBounds(libuv(1), 250).blackholeDeathMaxMs).toBe(11_276); // sdk-default: bench max 11.25 s
});

test('with probe interval and count (Node >= 24.19): the unanswered chain is count × interval, on the grid', () => {
  const probes = keepaliveTimingBounds({ idleSeconds: 4, intervalSeconds: 1, count: 6 }, 250);
  expect(probes.unansweredChainMaxMs).toBeLessThan(keepaliveTimingBounds(libuv(4), 250).unansweredChainMaxMs);
  expect(probes.unansweredChainMaxMs).toBeGreaterThanOrEqual(6_000);
  expect(probes.blackholeDeathMaxMs).toBeLessThanOrEqual(4_256 + 6 * 1_032);
});

test('unknown HZ takes the worst HZ the kernel offers, metric by metric', () => {
  const worst = keepaliveTimingBounds(libuv(4), undefined);
  for (const hz of [100, 250, 300, 1000]) {
    const at = keepaliveTimingBounds(libuv(4), hz);
    expect(worst.blackholeDeathMaxMs).toBeGreaterThanOrEqual(at.blackholeDeathMaxMs);
    expect(worst.nextProbeMaxMs).toBeGreaterThanOrEqual(at.nextProbeMaxMs);
  }
});

test('readKernelHz reads CONFIG_HZ from /proc/config.gz, then /boot/config-<release>', () => {
  const files: Record<string, Buffer> = { '/proc/config.gz': gzipSync('CONFIG_HZ_250=y\nCONFIG_HZ=250\n') };
  const read = (path: string): Buffer => {
    const file = files[path];
    if (file === undefined) throw new Error('ENOENT');
    return file;
  };
  expect(readKernelHz(read)).toBe(250);
  delete files['/proc/config.gz'];
  expect(readKernelHz(read)).toBeUndefined();
  files[`/boot/config-${release()}`] = Buffer.from('CONFIG_HZ=1000\n');
  expect(readKernelHz(read)).toBe(1000);
});
