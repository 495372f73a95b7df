/**
 * The one place that calls net.Socket#setKeepAlive, with the probe interval and count where the runtime's
 * Node can set them.
 *
 * `socket.setKeepAlive(enable, initialDelay, interval, count)` sets TCP_KEEPINTVL and TCP_KEEPCNT since
 * Node 24.19.0 and 26.4.0 (nodejs/node#63825, on libuv's uv_tcp_keepalive_ex). Those Nodes also remember all
 * four values when called before connect and re-apply them in afterConnect (lib/net.js), TLS sockets
 * included. Older Nodes (22.x) take two arguments and leave libuv's TCP_KEEPINTVL 1 s and TCP_KEEPCNT 10
 * (libuv src/unix/tcp.c). Support is read from the method's declared arity, which needs no socket.
 *
 * Never the object form `setKeepAlive({ enable, initialDelay, ... })`: a Node that predates it reads the
 * object as `enable` and silently gives libuv's 60 s idle. The typed signature below exists because the
 * workspace's @types/node describes the oldest supported Node, whose setKeepAlive has two parameters.
 */
import * as net from 'node:net';

export interface KeepAliveProbeSetting {
  enabled: boolean;
  idleSeconds: number;
  probeIntervalSeconds: number;
  probeCount: number;
}

/** What libuv sets when the interval and count cannot be passed (libuv >= 1.35, src/unix/tcp.c). */
export const LIBUV_PROBE_DEFAULTS = Object.freeze({ probeIntervalSeconds: 1, probeCount: 10 });

type SetKeepAliveWithProbes = (
  this: net.Socket,
  enable: boolean,
  initialDelayMs: number,
  intervalMs: number,
  count: number,
) => net.Socket;

/** Whether this Node's setKeepAlive takes the probe interval and count (24.19.0+, 26.4.0+). */
export function runtimeSetsKeepAliveProbes(): boolean {
  return net.Socket.prototype.setKeepAlive.length >= 4;
}

/**
 * Applies the setting to `socket` through net.Socket's own method (the socket's may be pinned). Returns
 * whether the interval and count were passed; where they were not, libuv's 1 s × 10 apply.
 */
export function applyKeepAlive(socket: net.Socket, setting: KeepAliveProbeSetting): boolean {
  const idleMs = setting.idleSeconds * 1000;
  if (!runtimeSetsKeepAliveProbes()) {
    net.Socket.prototype.setKeepAlive.call(socket, setting.enabled, idleMs);
    return false;
  }
  const setKeepAlive = net.Socket.prototype.setKeepAlive as unknown as SetKeepAliveWithProbes;
  setKeepAlive.call(socket, setting.enabled, idleMs, setting.probeIntervalSeconds * 1000, setting.probeCount);
  return true;
}

/** A setting as the sockets get it: the configured values, and whether the runtime honours interval and count. */
export interface AppliedKeepAlive extends KeepAliveProbeSetting {
  /** false when keepalive is off, or where the Node cannot set them (22.x: libuv's 1 s × 10 apply). */
  probeSettingsApplied: boolean;
}

export function appliedKeepAlive(setting: KeepAliveProbeSetting): AppliedKeepAlive {
  const { enabled, idleSeconds, probeIntervalSeconds, probeCount } = setting;
  return { enabled, idleSeconds, probeIntervalSeconds, probeCount, probeSettingsApplied: probesApplied(setting) };
}

/** Whether the setting's interval and count reach the kernel: keepalive on, and a Node that can set them. */
export function probesApplied(setting: { enabled: boolean }): boolean {
  return setting.enabled && runtimeSetsKeepAliveProbes();
}

/** Why the configured interval and count do not apply on this Node (for the first connection's log line). */
export function probeSettingsNote(setting: KeepAliveProbeSetting): string {
  const { probeIntervalSeconds: interval, probeCount: count } = LIBUV_PROBE_DEFAULTS;
  return (
    `Node ${process.versions.node} cannot set the probe interval and count (Node 24.19+/26.4+ can, ` +
    `nodejs/node#63825): libuv's ${interval} s × ${count} apply, not ${setting.probeIntervalSeconds} s × ` +
    `${setting.probeCount}`
  );
}
