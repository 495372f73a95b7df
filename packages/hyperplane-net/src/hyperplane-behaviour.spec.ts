/**
 * Root-only: proves the lab middleboxes behave like AWS Hyperplane (docs/hyperplane-idle-timeout.md) on real
 * sockets through the real kernel NAT, for both paths, with the idle timeout scaled to 3 s.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { privilegeGate } from '@lambda-keepalive/test-kit';
import { createLabNetwork, type LabNetwork } from './lab-network';
import { checkLabPrivileges } from './privileges';
import { startTcpPeer, type TcpPeer, type TcpPeerEvent } from './tcp-peer';
import type { Middlebox } from './topology';

const IDLE_SECONDS = 3;
const IDLE_LONGER_THAN_TIMEOUT_MS = 5000;

let lab: LabNetwork | undefined;
let server: TcpPeer;
let client: TcpPeer;
const gate = privilegeGate('Hyperplane behaviour tests', checkLabPrivileges);

beforeAll(async () => {
  if (gate.skipReason !== undefined) return;
  lab = await createLabNetwork({ idleSeconds: IDLE_SECONDS });
  server = startTcpPeer(lab, 'lambdaService');
  client = startTcpPeer(lab, 'vpc');
  await server.listen(lab.addresses.serviceIp, 443);
});

afterAll(async () => {
  if (!lab) return;
  await Promise.all([server.close(), client.close()]);
  await lab.destroy();
});

const needsRoot = (name: string, body: (lab: LabNetwork) => Promise<void>): void =>
  gate.it(name, async () => {
    if (!lab) throw new Error('the lab was not created');
    await body(lab);
  });

const PATHS: ReadonlyArray<{ box: Middlebox; target: (lab: LabNetwork) => string }> = [
  { box: 'natGateway', target: (network) => network.addresses.serviceIp },
  { box: 'interfaceEndpoint', target: (network) => network.addresses.endpointIp },
];

const dataOn = (conn: string, text: string) => (event: TcpPeerEvent) =>
  event.event === 'data' && event.conn === conn && event.text === text;
const errorOn = (conn: string) => (event: TcpPeerEvent) => event.event === 'error' && event.conn === conn;

/** Connects, then one round trip each way so the flow is established in the middlebox. */
async function openFlow(conn: string, target: string, keepAliveMs: number): Promise<void> {
  expect((await client.connect(conn, target, 443, keepAliveMs)).event).toBe('connected');
  await server.waitFor((event) => event.event === 'accepted' && event.conn === conn, 3000, `${conn} accepted`);
  server.write(conn, 'hi');
  await client.waitFor(dataOn(conn, 'hi'), 3000, `${conn} hi`);
}

describe('lab middleboxes behave like Hyperplane (idle 3 s)', () => {
  needsRoot(
    'a flow idle past the timeout is forgotten: inside gets RST, outside’s late data is dropped; keepalive keeps it',
    async (network) => {
      const flows = PATHS.flatMap(({ box, target }) => [
        { conn: `${box}-plain`, target: target(network), keepAliveMs: 0 },
        { conn: `${box}-keepalive`, target: target(network), keepAliveMs: 1000 },
      ]);
      await Promise.all(flows.map((flow) => openFlow(flow.conn, flow.target, flow.keepAliveMs)));
      await sleep(IDLE_LONGER_THAN_TIMEOUT_MS);

      const plain = flows.filter((flow) => flow.keepAliveMs === 0).map((flow) => flow.conn);
      // The service's late write: the middlebox has no mapping left and drops it (no RST to the service).
      for (const conn of plain) server.write(conn, 'late');
      await sleep(1000);
      for (const conn of plain) {
        expect(client.events.filter(dataOn(conn, 'late'))).toEqual([]);
        expect(server.events.filter(errorOn(conn))).toEqual([]);
      }
      // The caller's next packet is answered with RST.
      const detection = await Promise.all(
        plain.map(async (conn) => {
          const wrote = Date.now();
          client.write(conn, 'after-idle');
          const error = await client.waitFor(errorOn(conn), 3000, `${conn} reset`);
          expect(error.code).toBe('ECONNRESET');
          return `${conn}: RST ${error.at - wrote} ms after the write`;
        }),
      );
      console.log(detection.join('\n'));
      // Keepalive probes (every 1 s < 3 s) kept the other flows: data still flows both ways.
      for (const { conn } of flows.filter((flow) => flow.keepAliveMs > 0)) {
        client.write(conn, 'still-here');
        await server.waitFor(dataOn(conn, 'still-here'), 3000, `${conn} still-here at server`);
        server.write(conn, 'welcome-back');
        await client.waitFor(dataOn(conn, 'welcome-back'), 3000, `${conn} welcome-back at client`);
        expect(client.events.filter(errorOn(conn))).toEqual([]);
      }
      await sleep(500);
      for (const conn of plain) expect(server.events.filter(dataOn(conn, 'after-idle'))).toEqual([]);
    },
  );

  needsRoot('forgetFlows() mid-connection: the next keepalive probe gets RST', async (network) => {
    const conns = PATHS.map(({ box, target }) => ({ box, conn: `${box}-forgotten`, target: target(network) }));
    await Promise.all(conns.map(({ conn, target }) => openFlow(conn, target, 1000)));
    const lines = await Promise.all(
      conns.map(async ({ box, conn }) => {
        const forgotten = Date.now();
        expect(await network.forgetFlows(box)).toBeGreaterThanOrEqual(1);
        const error = await client.waitFor(
          errorOn(conn),
          (IDLE_SECONDS + 2) * 1000,
          `${conn} reset by keepalive probe`,
        );
        expect(error.code).toBe('ECONNRESET');
        return `${conn}: RST ${error.at - forgotten} ms after forgetFlows`;
      }),
    );
    console.log(lines.join('\n'));
  });

  needsRoot(
    'setBlackhole() drops forwarded packets both ways until switched off; counters count forwarded traffic',
    async (network) => {
      for (const { box, target } of PATHS) {
        const conn = `${box}-blackhole`;
        const before = await network.forwardedCounters(box);
        await openFlow(conn, target(network), 0);
        const afterOpen = await network.forwardedCounters(box);
        expect(afterOpen.packets).toBeGreaterThan(before.packets);
        expect(afterOpen.bytes).toBeGreaterThan(before.bytes);

        await network.setBlackhole(box, true);
        client.write(conn, 'up');
        server.write(conn, 'down');
        await sleep(1000);
        expect(server.events.filter(dataOn(conn, 'up'))).toEqual([]);
        expect(client.events.filter(dataOn(conn, 'down'))).toEqual([]);
        expect((await network.forwardedCounters(box)).packets).toBe(afterOpen.packets);

        await network.setBlackhole(box, false);
        // TCP retransmits (backoff 0.2, 0.4, 0.8, 1.6 s) and gets through once the hole is gone.
        await server.waitFor(dataOn(conn, 'up'), 5000, `${conn} up after blackhole`);
        await client.waitFor(dataOn(conn, 'down'), 5000, `${conn} down after blackhole`);
      }
    },
  );
});
