/**
 * Builds the lab topology (see topology.ts for the picture) with iproute2, nft and sysctl, every
 * command scoped to a lab namespace. Each veth is created inside a lab namespace with its peer placed
 * directly into the other one (`peer name X netns Y`), so no interface ever appears in the root namespace.
 */

import { middleboxSysctls } from './conntrack-settings';
import { addNamespace, applyNftables, ipIn, setSysctls } from './namespace-commands';
import { renderMiddleboxRuleset } from './nftables-ruleset';
import {
  INTERFACES,
  LAB_ADDRESSES,
  LAB_HOSTS,
  type LabHost,
  MIDDLEBOX_ADDRESSES,
  MIDDLEBOXES,
  type Middlebox,
  SUBNET_PREFIX_LENGTH,
} from './topology';

const withPrefix = (address: string): string => `${address}/${SUBNET_PREFIX_LENGTH}`;

async function addBridge(namespace: string, bridge: string, address: string): Promise<void> {
  await ipIn(namespace, ['link', 'add', bridge, 'type', 'bridge']);
  await ipIn(namespace, ['addr', 'add', withPrefix(address), 'dev', bridge]);
  await ipIn(namespace, ['link', 'set', bridge, 'up']);
}

/** A veth from a bridge port in `bridgeNamespace` to a middlebox leg `legName` with `legAddress`. */
async function addLeg(
  bridgeNamespace: string,
  bridge: string,
  portName: string,
  boxNamespace: string,
  legName: string,
  legAddress: string,
): Promise<void> {
  await ipIn(bridgeNamespace, [
    'link',
    'add',
    portName,
    'type',
    'veth',
    'peer',
    'name',
    legName,
    'netns',
    boxNamespace,
  ]);
  await ipIn(bridgeNamespace, ['link', 'set', portName, 'master', bridge, 'up']);
  await ipIn(boxNamespace, ['addr', 'add', withPrefix(legAddress), 'dev', legName]);
  await ipIn(boxNamespace, ['link', 'set', legName, 'up']);
}

const PORT_TOWARDS: Record<Middlebox, string> = {
  natGateway: INTERFACES.toNatGateway,
  interfaceEndpoint: INTERFACES.toEndpoint,
};

/**
 * Creates the namespaces (reporting each one through `created` as soon as it exists, so a failure
 * half-way can remove exactly what was made) and wires them.
 */
export async function buildLabTopology(
  namespaces: Record<LabHost, string>,
  idleSeconds: number,
  created: (namespace: string) => void,
): Promise<void> {
  for (const host of LAB_HOSTS) {
    await addNamespace(namespaces[host]);
    created(namespaces[host]);
  }
  await Promise.all(LAB_HOSTS.map((host) => ipIn(namespaces[host], ['link', 'set', 'lo', 'up'])));
  await addBridge(namespaces.vpc, INTERFACES.vpcBridge, LAB_ADDRESSES.vpcHost);
  await addBridge(namespaces.lambdaService, INTERFACES.serviceBridge, LAB_ADDRESSES.serviceIp);

  for (const box of MIDDLEBOXES) {
    const boxNamespace = namespaces[box];
    const { inside, outside } = MIDDLEBOX_ADDRESSES[box];
    await addLeg(
      namespaces.vpc,
      INTERFACES.vpcBridge,
      PORT_TOWARDS[box],
      boxNamespace,
      INTERFACES.middleboxInside,
      inside,
    );
    await addLeg(
      namespaces.lambdaService,
      INTERFACES.serviceBridge,
      PORT_TOWARDS[box],
      boxNamespace,
      INTERFACES.middleboxOutside,
      outside,
    );
    // Settings before rules, so no flow is ever tracked with the default 5-day established timeout.
    await setSysctls(boxNamespace, middleboxSysctls(idleSeconds));
    await applyNftables(boxNamespace, renderMiddleboxRuleset({ box }));
  }

  // The VPC host reaches everything outside its subnet through the NAT gateway; the endpoint address is
  // on-link. The service gets no route back: replies return only through the middleboxes' SNAT.
  await ipIn(namespaces.vpc, ['route', 'add', 'default', 'via', LAB_ADDRESSES.natInside]);
}
