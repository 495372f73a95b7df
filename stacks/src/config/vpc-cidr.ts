/**
 * The VPC's IPv4 CIDR. The network construct carves it into four equal subnets (2 AZs × public/private)
 * with cidrsubnet(cidr, 2, i), so the prefix must leave room: AWS allows VPCs /16../28 and subnets
 * down to /28, hence /16../26 here.
 */
import { InvalidStackOptionError } from '../errors';

export const VPC_PREFIX_MIN = 16;
export const VPC_PREFIX_MAX = 26;

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export function parseVpcCidr(field: string, cidr: string): { cidr: string; prefixLength: number } {
  const prefixes = `/${VPC_PREFIX_MIN}../${VPC_PREFIX_MAX}`;
  const rule = `an IPv4 network address in CIDR form with a prefix ${prefixes}, e.g. 10.0.0.0/16`;
  const match = CIDR_PATTERN.exec(cidr);
  if (!match) throw new InvalidStackOptionError(field, cidr, rule);
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefixLength < VPC_PREFIX_MIN || prefixLength > VPC_PREFIX_MAX) {
    throw new InvalidStackOptionError(field, cidr, rule);
  }
  // Host bits set (10.0.0.1/16) would make AWS reject the VPC at apply time; catch it at synth.
  const address = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const hostBits = 2 ** (32 - prefixLength);
  if (address % hostBits !== 0) {
    throw new InvalidStackOptionError(field, cidr, `${rule}; host bits must be zero`);
  }
  return { cidr, prefixLength };
}
