/** Per-run TLS for the emulator: a throwaway CA and the server certificate it signs for the lab's addresses. */
import { isIP } from 'node:net';
import { generate } from 'selfsigned';
import { InvalidEmulatorInputError } from './emulator-errors';

export interface ServerCertificates {
  /** Trust this (NODE_EXTRA_CA_CERTS file, or an https.Agent `ca`) to reach the emulator. */
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

/** One DNS label: 1..63 letters, digits and inner hyphens. */
const DNS_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
/** A DNS name of at most 253 characters, optionally a wildcard (`*.`). */
const DNS_NAME = new RegExp(`^(?=.{1,253}$)(?:\\*\\.)?${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const VALID_DAYS = 2;

/**
 * A fresh CA and a server certificate it signs, per lab run: the service IP and the interface endpoint IP
 * as IP SANs (clients connect by address), plus any DNS names (e.g. lambda.<region>.amazonaws.com).
 * The CA key is discarded: nothing else can ever be signed by it. Made with selfsigned (@peculiar/x509).
 */
export async function createServerCertificates(input: {
  ipAddresses: string[];
  dnsNames?: string[];
}): Promise<ServerCertificates> {
  const ipAddresses = input?.ipAddresses;
  const dnsNames = input?.dnsNames ?? [];
  if (!Array.isArray(ipAddresses) || ipAddresses.length + dnsNames.length === 0) {
    throw new InvalidEmulatorInputError(
      'ipAddresses',
      ipAddresses,
      'must be an array; with dnsNames, at least one name',
    );
  }
  ipAddresses.forEach((ip, index) => {
    if (typeof ip !== 'string' || isIP(ip) === 0)
      throw new InvalidEmulatorInputError(`ipAddresses[${index}]`, ip, 'must be an IPv4 or IPv6 address');
  });
  dnsNames.forEach((name, index) => {
    if (typeof name !== 'string' || !DNS_NAME.test(name))
      throw new InvalidEmulatorInputError(`dnsNames[${index}]`, name, 'must be a DNS name');
  });

  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 86_400_000);
  const common = { keyType: 'ec' as const, curve: 'P-256' as const, algorithm: 'sha256', notBeforeDate, notAfterDate };
  const ca = await generate([{ name: 'commonName', value: 'lambda-keepalive lab CA' }], {
    ...common,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: dnsNames[0] ?? ipAddresses[0] ?? 'lab' }], {
    ...common,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...ipAddresses.map((ip) => ({ type: 7 as const, ip })),
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
        ],
      },
    ],
  });
  return { caCertPem: ca.cert, certPem: leaf.cert, keyPem: leaf.private };
}
