/**
 * The lab's hosts, namespace names, interface names and addresses — pure data, no side effects.
 *
 *   vpc ns                         natGateway ns                lambdaService ns
 *   ┌──────────────────────┐ to-nat ┌───────────────────┐ outside ┌────────────────────────┐
 *   │ vpc-br 198.18.1.10/24├────────┤inside  198.18.1.1 │─────────┤ svc-br 198.19.0.100/24 │
 *   │ default via .1.1     │  inside│outside 198.19.0.1 │   to-nat│ (serviceIp, :443)      │
 *   │                      │ to-ep  ├───────────────────┤ outside │                        │
 *   │                      ├────────┤inside  198.18.1.20│─────────┤ to-ep                  │
 *   └──────────────────────┘  inside│outside 198.19.0.2 │         └────────────────────────┘
 *                                   └───────────────────┘ interfaceEndpoint ns
 *
 * Addresses come from 198.18.0.0/15 (RFC 2544 benchmarking range) so they never clash with real networks.
 * Every interface lives inside a lab namespace (never the root namespace), so two runs using the same
 * addresses and interface names at once never collide; only the namespace names carry the run id.
 * The service has no route back to the VPC subnet: replies can only return through a middlebox's SNAT,
 * which is what makes a forgotten flow unrecoverable, as on AWS.
 */
import { InvalidNetworkInputError } from './network-errors';

export type LabHost = 'vpc' | 'natGateway' | 'interfaceEndpoint' | 'lambdaService';
export type Middlebox = 'natGateway' | 'interfaceEndpoint';

export const LAB_HOSTS: readonly LabHost[] = ['vpc', 'natGateway', 'interfaceEndpoint', 'lambdaService'];
export const MIDDLEBOXES: readonly Middlebox[] = ['natGateway', 'interfaceEndpoint'];

/** Every lab namespace name starts with this, so leftovers of earlier runs can be found. */
export const NAMESPACE_PREFIX = 'lk-';

const HOST_SUFFIX: Record<LabHost, string> = {
  vpc: 'vpc',
  natGateway: 'nat',
  interfaceEndpoint: 'ep',
  lambdaService: 'svc',
};

export const SERVICE_PORT = 443;
export const SUBNET_PREFIX_LENGTH = 24;

export const LAB_ADDRESSES = {
  vpcSubnet: '198.18.1.0/24',
  vpcHost: '198.18.1.10',
  natInside: '198.18.1.1',
  endpointIp: '198.18.1.20',
  internetSubnet: '198.19.0.0/24',
  natPublicIp: '198.19.0.1',
  endpointOutside: '198.19.0.2',
  serviceIp: '198.19.0.100',
} as const;

/** Interface names (≤ 15 chars, IFNAMSIZ); identical in every run because each namespace has its own. */
export const INTERFACES = {
  vpcBridge: 'vpc-br',
  serviceBridge: 'svc-br',
  toNatGateway: 'to-nat',
  toEndpoint: 'to-ep',
  middleboxInside: 'inside',
  middleboxOutside: 'outside',
} as const;

/** Addresses of a middlebox's two legs, used by the ruleset and the wiring. */
export const MIDDLEBOX_ADDRESSES: Record<Middlebox, { inside: string; outside: string }> = {
  natGateway: { inside: LAB_ADDRESSES.natInside, outside: LAB_ADDRESSES.natPublicIp },
  interfaceEndpoint: { inside: LAB_ADDRESSES.endpointIp, outside: LAB_ADDRESSES.endpointOutside },
};

const RUN_ID_PATTERN = /^[a-z0-9]{1,8}$/;

export function validateRunId(runId: unknown): string {
  if (typeof runId !== 'string' || !RUN_ID_PATTERN.test(runId)) {
    throw new InvalidNetworkInputError(
      'runId',
      runId,
      'must be 1-8 lowercase letters or digits (it is part of namespace names)',
    );
  }
  return runId;
}

/** A short random run id; `random` is injectable for tests. */
export function newRunId(random: () => number = Math.random): string {
  let id = '';
  for (let index = 0; index < 8; index += 1) id += Math.floor(random() * 36).toString(36);
  return id;
}

export function namespaceNames(runId: string): Record<LabHost, string> {
  validateRunId(runId);
  const names = {} as Record<LabHost, string>;
  for (const host of LAB_HOSTS) names[host] = `${NAMESPACE_PREFIX}${runId}-${HOST_SUFFIX[host]}`;
  return names;
}

/** Inverse of namespaceNames: which run and host a namespace belongs to, or undefined if not a lab one. */
export function parseNamespaceName(name: string): { runId: string; host: LabHost } | undefined {
  const match = /^lk-([a-z0-9]{1,8})-(vpc|nat|ep|svc)$/.exec(name);
  if (!match) return undefined;
  const host = LAB_HOSTS.find((candidate) => HOST_SUFFIX[candidate] === match[2]);
  return host && match[1] ? { runId: match[1], host } : undefined;
}
