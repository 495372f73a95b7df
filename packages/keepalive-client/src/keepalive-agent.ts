/**
 * Puts TCP keepalive on every socket an agent hands to a request — at connect, TLS included —
 * and keeps it that way.
 *
 * Why here and not in agent options:
 * - https.Agent never passes keepAlive to the TLSSocket it creates (nodejs/node#47137, #35842);
 *   it calls setKeepAlive only when a socket returns to the pool, too late for the first long call.
 * - A user agent may have keepAlive false, keepAliveMsecs < 1000 (rounds to 0 = kernel 7200 s), or
 *   be a proxy agent that builds sockets its own way (docs/node-keepalive.md). Every agent, though, receives each
 *   request through addRequest(), and every request announces its socket with the 'socket' event,
 *   which Node emits on the next tick after the agent created it — before the TCP handshake ends.
 *
 * Node's net.Socket#setKeepAlive called before connect is remembered (kSetKeepAlive) and re-applied
 * in afterConnect (lib/net.js; on Node >= 24.19 / 26.4 with the probe interval and count too:
 * keepalive-probes.ts), so the socket is probed per our setting from the moment it connects; called later
 * it applies at once. A TLSSocket forwards setKeepAlive
 * through its TLSWrap to the TCP handle (lib/_tls_wrap.js proxiedMethods); a TLSSocket layered on
 * another net.Socket (proxy agents) keeps that socket in `_parent`, which we also set.
 *
 * Then we pin the setting: later setKeepAlive calls on these sockets are ignored. Two callers would
 * otherwise undo it: the SDK's set-socket-keep-alive.ts (3 s after the request starts, when
 * agent.keepAlive === true, with keepAliveMsecs || 0) and Node's Agent#keepSocketAlive (on return to
 * the pool, with agent.keepAliveMsecs). Both would also switch keepalive ON when it is deliberately off.
 */
import type { Agent, ClientRequest } from 'node:http';
import * as net from 'node:net';
import * as tls from 'node:tls';

import { InvalidOptionError } from './errors.js';
import { appliedKeepAlive, applyKeepAlive, probeSettingsNote, probesApplied } from './keepalive-probes.js';
import type { KeepAliveLogger } from './logger.js';
import type { ResolvedKeepAliveOptions } from './options.js';

/** The part of an http(s).Agent the SDK and Node's ClientRequest use (the SDK also needs destroy). */
export interface AgentLike {
  addRequest(request: ClientRequest, options: object): void;
  destroy(): void;
}

export type SocketKeepAliveSettings = Pick<
  ResolvedKeepAliveOptions,
  'enabled' | 'idleSeconds' | 'probeIntervalSeconds' | 'probeCount'
>;

const INSTALLED = Symbol.for('@lambda-keepalive/client:keepalive-agent');
const pinnedSockets = new WeakSet<net.Socket>();
/** The first 'connection opened' line of the process says when the probe settings cannot apply; later ones don't. */
let probeNoteLogged = false;

type InstalledAgent = AgentLike & { [INSTALLED]?: SocketKeepAliveSettings };

/**
 * Makes `agent` give every socket of its requests our keepalive setting. Idempotent for the same
 * setting; an agent already serving a different setting is rejected rather than silently shared.
 */
export function installKeepAliveOnAgent<A extends Agent | AgentLike>(
  agent: A,
  settings: SocketKeepAliveSettings,
  logger?: KeepAliveLogger,
  field = 'httpsAgent',
): A {
  const target = agent as unknown as InstalledAgent;
  if (typeof target?.addRequest !== 'function' || typeof target.destroy !== 'function') {
    throw new InvalidOptionError(
      field,
      target,
      'must be an http(s).Agent or an object with addRequest() and destroy()',
    );
  }
  const existing = target[INSTALLED];
  if (existing) {
    if (describeSettings(existing) !== describeSettings(settings)) {
      throw new InvalidOptionError(
        field,
        'an agent already in use',
        `already applies keepalive ${describeSettings(existing)}; ` +
          `one agent cannot also apply ${describeSettings(settings)}`,
      );
    }
    return agent;
  }
  const pinned: SocketKeepAliveSettings = Object.freeze({
    enabled: settings.enabled,
    idleSeconds: settings.idleSeconds,
    probeIntervalSeconds: settings.probeIntervalSeconds,
    probeCount: settings.probeCount,
  });
  const addRequest = target.addRequest;
  Object.defineProperty(target, INSTALLED, { value: pinned });
  target.addRequest = function addRequestWithKeepAlive(this: AgentLike, request, options) {
    request.once('socket', (socket: net.Socket) => pinKeepAlive(socket, pinned, logger));
    return addRequest.call(this, request, options);
  };
  return agent;
}

/** The keepalive setting an agent was given by installKeepAliveOnAgent, if any. */
export function keepAliveSettingsOfAgent(agent: unknown): SocketKeepAliveSettings | undefined {
  return (agent as InstalledAgent | undefined)?.[INSTALLED];
}

/** Applies and pins the setting on a socket and the net sockets under it; logs it once per connection. */
export function pinKeepAlive(socket: net.Socket, settings: SocketKeepAliveSettings, logger?: KeepAliveLogger): void {
  if (pinnedSockets.has(socket)) return; // a pooled socket being reused: already done
  for (const layer of socketLayers(socket)) {
    if (pinnedSockets.has(layer)) continue;
    applyKeepAlive(layer, settings);
    Object.defineProperty(layer, 'setKeepAlive', {
      configurable: true,
      writable: true,
      value: function setKeepAlivePinned(this: net.Socket) {
        return this; // see the file comment: the SDK's 3 s timer and Node's pool must not change it
      },
    });
    pinnedSockets.add(layer);
  }
  if (!logger) return;
  const log = () => logConnectionOpened(socket, settings, logger);
  if (socket.connecting) socket.once('connect', log);
  else log();
}

/** The socket itself, then any net.Socket a TLSSocket was layered on (tls.connect({ socket })). */
function socketLayers(socket: net.Socket): net.Socket[] {
  const layers: net.Socket[] = [];
  let current: unknown = socket;
  while (current instanceof net.Socket && !layers.includes(current)) {
    layers.push(current);
    current = (current as net.Socket & { _parent?: unknown })._parent;
  }
  return layers;
}

function logConnectionOpened(socket: net.Socket, settings: SocketKeepAliveSettings, logger: KeepAliveLogger): void {
  const extra: Record<string, unknown> = {
    remoteAddress: socket.remoteAddress,
    remotePort: socket.remotePort,
    localPort: socket.localPort,
    tls: socket instanceof tls.TLSSocket,
    keepAlive: appliedKeepAlive(settings),
  };
  if (!settings.enabled) {
    extra.warning =
      'TCP keepalive is OFF (KEEPALIVE=off or enabled:false): ' +
      'a call idle 350 s through a NAT gateway or interface endpoint will hang';
  } else if (!probesApplied(settings) && !probeNoteLogged) {
    probeNoteLogged = true;
    extra.note = probeSettingsNote(settings);
  }
  logger.info('connection opened', extra);
}

function describeSettings(settings: SocketKeepAliveSettings): string {
  if (!settings.enabled) return 'off';
  return `on, idle ${settings.idleSeconds} s, probes every ${settings.probeIntervalSeconds} s × ${settings.probeCount}`;
}
