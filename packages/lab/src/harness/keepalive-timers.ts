/**
 * When Linux really sends keepalive probes: the physics behind the lab's detection bounds (measured on this
 * project's 2-core machine, HZ 250: the wheel explains every late probe — docs/node-keepalive.md).
 *
 * TCP's keepalive timer is an ordinary timer_list timer (net/ipv4/tcp_timer.c tcp_keepalive_timer, armed by
 * inet_csk_reset_keepalive_timer — renamed tcp_reset_keepalive_timer in newer kernels). Since Linux 4.8 the
 * timer wheel (kernel/time/timer.c, calc_wheel_index / calc_index) puts a timer armed for d jiffies into the
 * level whose range holds d — level n has buckets 8^n jiffies wide — and fires it at the first bucket boundary
 * strictly after its expiry: up to 8^n jiffies late, never early. At HZ 250 a 25 s timer is in level 3 and
 * fires up to 2.048 s late, a 4 s one (level 2) up to 256 ms, a 1 s one (level 1) up to 32 ms.
 *
 * tcp_keepalive_timer itself: when it fires it measures the idle time since the last received packet
 * (keepalive_time_elapsed); below TCP_KEEPIDLE it re-arms for the remainder, otherwise it sends a probe and
 * re-arms for TCP_KEEPINTVL; after TCP_KEEPCNT unanswered probes the next firing resets the connection.
 * setsockopt(TCP_KEEPIDLE) / tcp_finish_connect arm it for the idle from the connect, so the first probe comes
 * at connect + idle + the wheel lateness of the idle (or, if data arrived after that firing, at the last
 * received packet + idle + the lateness of the short remainder).
 *
 * Everything here is pure integer jiffy arithmetic, exact for a timer softirq that runs on its tick; process
 * scheduling, the RST's way to the caller's error and command latencies come on top (the callers' slack).
 */
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import { gunzipSync } from 'node:zlib';
import type { TimeScale } from './time-scale';

/** CONFIG_HZ values the kernel offers (kernel/Kconfig.hz); used when this kernel's HZ cannot be read. */
export const KERNEL_HZ_CHOICES = [100, 250, 300, 1000] as const;

const LVL_CLK_SHIFT = 3;
const LVL_SIZE = 64;

/** Wheel level of a timer armed for `deltaJiffies` (calc_wheel_index: LVL_START(n) = 63 << 3(n-1)). */
export function wheelLevel(deltaJiffies: number, hz: number): number {
  const depth = hz > 100 ? 9 : 8;
  for (let level = 0; level < depth - 1; level += 1) {
    if (deltaJiffies < (LVL_SIZE - 1) * 2 ** (LVL_CLK_SHIFT * level)) return level;
  }
  return depth - 1;
}

/** Absolute jiffy at which a timer armed at `nowJiffies` for `deltaJiffies` fires (calc_index rounding up). */
export function wheelFireJiffies(nowJiffies: number, deltaJiffies: number, hz: number): number {
  const granularity = 2 ** (LVL_CLK_SHIFT * wheelLevel(deltaJiffies, hz));
  return (Math.floor((nowJiffies + deltaJiffies) / granularity) + 1) * granularity;
}

/** Worst lateness of a timer of `ms` (the granularity of its level), ms. */
export function wheelLatenessMaxMs(ms: number, hz: number): number {
  const jiffies = Math.round((ms * hz) / 1000);
  return (2 ** (LVL_CLK_SHIFT * wheelLevel(jiffies, hz)) * 1000) / hz;
}

export interface KeepaliveSettings {
  idleSeconds: number;
  intervalSeconds: number;
  count: number;
}

/**
 * What libuv sets beside the idle, and what Nodes before 24.19 keep whatever they are asked
 * (docs/node-keepalive.md).
 */
export const LIBUV_PROBES = { intervalSeconds: 1, count: 10 } as const;

/**
 * The kernel keepalive settings of the shipped client's sockets in the lab: its scaled idle (or `idleSeconds`),
 * and its scaled probe interval and count where the runtime's Node honours them, else libuv's 1 s × 10.
 */
export function shippedClientKeepAlive(
  timeScale: Pick<TimeScale, 'keepAliveIdleSeconds' | 'keepAliveProbeIntervalSeconds' | 'keepAliveProbeCount'>,
  probesHonoured: boolean,
  idleSeconds = timeScale.keepAliveIdleSeconds,
): KeepaliveSettings {
  return probesHonoured
    ? { idleSeconds, intervalSeconds: timeScale.keepAliveProbeIntervalSeconds, count: timeScale.keepAliveProbeCount }
    : { idleSeconds, ...LIBUV_PROBES };
}

export interface KeepaliveTimingBounds {
  hz: number | 'worst of 100/250/300/1000';
  /** Connect (keepalive armed) → first probe, at most, ms (no data received after the first timer fired). */
  firstProbeMaxMs: number;
  /** An answered probe → the next probe, at most, ms. */
  answeredPeriodMaxMs: number;
  /** Any moment while probes are answered → the first probe sent after it, at most, ms (≤ period). */
  nextProbeMaxMs: number;
  /** The first unanswered probe → the kernel giving up (TCP_KEEPCNT probes), at most, ms. */
  unansweredChainMaxMs: number;
  /** Blackhole from any moment → the kernel giving up, at most, ms. */
  blackholeDeathMaxMs: number;
}

/** Exact bounds for one HZ, by running tcp_keepalive_timer's arithmetic over every phase of the wheel's grid. */
export function keepaliveTimingBoundsAt(settings: KeepaliveSettings, hz: number): KeepaliveTimingBounds {
  const idle = settings.idleSeconds * hz;
  const interval = settings.intervalSeconds * hz;
  const fire = (now: number, delta: number): number => wheelFireJiffies(now, delta, hz);
  const phases = 2 ** (LVL_CLK_SHIFT * Math.max(wheelLevel(idle, hz), wheelLevel(interval, hz)));
  let firstProbe = 0;
  let period = 0;
  let chain = 0;
  for (let phase = 0; phase < phases; phase += 1) {
    firstProbe = Math.max(firstProbe, fire(phase, idle) - phase);
    // A probe sent (and answered at once) at `phase`: the timer re-arms for the interval, then the remainder.
    let at = fire(phase, interval);
    while (at - phase < idle) at = fire(at, idle - (at - phase));
    period = Math.max(period, at - phase);
    // A probe sent at `phase` and never answered: count more firings one interval apart, the last one resets.
    let end = phase;
    for (let probe = 0; probe < settings.count; probe += 1) end = fire(end, interval);
    chain = Math.max(chain, end - phase);
  }
  const ms = (jiffies: number): number => (jiffies * 1000) / hz;
  // The probe after an arbitrary moment: at most one period after the last answered probe, which came at least a jiffy
  // before that moment (or the very first probe, if the moment is before it).
  const nextProbe = Math.max(period - 1, firstProbe - 1);
  return {
    hz,
    firstProbeMaxMs: ms(firstProbe),
    answeredPeriodMaxMs: ms(period),
    nextProbeMaxMs: ms(nextProbe),
    unansweredChainMaxMs: ms(chain),
    blackholeDeathMaxMs: ms(nextProbe + chain),
  };
}

/** Bounds for this kernel's HZ, or the worst over every HZ the kernel offers when it is unknown. */
export function keepaliveTimingBounds(settings: KeepaliveSettings, hz: number | undefined): KeepaliveTimingBounds {
  if (hz !== undefined) return keepaliveTimingBoundsAt(settings, hz);
  const all = KERNEL_HZ_CHOICES.map((choice) => keepaliveTimingBoundsAt(settings, choice));
  const worst = (key: Exclude<keyof KeepaliveTimingBounds, 'hz'>): number =>
    Math.max(...all.map((bounds) => bounds[key]));
  return {
    hz: 'worst of 100/250/300/1000',
    firstProbeMaxMs: worst('firstProbeMaxMs'),
    answeredPeriodMaxMs: worst('answeredPeriodMaxMs'),
    nextProbeMaxMs: worst('nextProbeMaxMs'),
    unansweredChainMaxMs: worst('unansweredChainMaxMs'),
    blackholeDeathMaxMs: worst('blackholeDeathMaxMs'),
  };
}

/** CONFIG_HZ of the running kernel from /proc/config.gz or /boot/config-<release>; undefined if neither says. */
export function readKernelHz(read: (path: string) => Buffer = readFileSync): number | undefined {
  const sources: Array<() => string> = [
    () => gunzipSync(read('/proc/config.gz')).toString('utf8'),
    () => read(`/boot/config-${release()}`).toString('utf8'),
  ];
  for (const source of sources) {
    try {
      const match = /^CONFIG_HZ=(\d+)$/m.exec(source());
      if (match) return Number(match[1]);
    } catch {
      // not available on this machine
    }
  }
  return undefined;
}
