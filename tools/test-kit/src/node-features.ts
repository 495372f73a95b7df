/**
 * Node behaviours the tests' expectations depend on, by the running Node's version: what each Lambda runtime
 * really does, so a control test fails if a Node changes it again (docs/node-keepalive.md).
 */
import * as net from 'node:net';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

/**
 * `tls.connect` passes `keepAlive` / `keepAliveInitialDelay` to the socket, so an https.Agent with
 * `keepAlive: true` gives its TLS sockets keepalive (idle `keepAliveMsecs`) from connect: nodejs/node#62004,
 * in 24.15.0 and every 26.x, not in 22.x.
 */
export const tlsConnectForwardsKeepAlive = major >= 26 || (major === 24 && minor >= 15);

/**
 * `setKeepAlive(enable, initialDelay, interval, count)` sets TCP_KEEPINTVL and TCP_KEEPCNT: nodejs/node#63825,
 * in 24.19.0 and 26.4.0. Older Nodes ignore the extra arguments and keep libuv's 1 s × 10.
 */
export const setKeepAliveTakesIntervalAndCount = net.Socket.prototype.setKeepAlive.length >= 4;
