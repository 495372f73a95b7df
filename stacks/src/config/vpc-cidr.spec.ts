/** parseVpcCidr: /16../26 network addresses accepted; hosts, other prefixes and malformed CIDRs refused. */
import { InvalidStackOptionError } from '../errors';
import { parseVpcCidr } from './vpc-cidr';

describe('parseVpcCidr', () => {
  it.each([
    ['10.0.0.0/16', 16],
    ['172.31.0.0/20', 20],
    ['192.168.10.0/26', 26],
  ])('accepts %s', (cidr, prefixLength) => {
    expect(parseVpcCidr('cidrBlock', cidr)).toEqual({ cidr, prefixLength });
  });

  it.each(['10.0.0.0', '10.0.0.0/8', '10.0.0.0/27', '300.0.0.0/16', 'ten/16', '10.0.0.1/16'])('rejects %s', (cidr) => {
    expect(() => parseVpcCidr('cidrBlock', cidr)).toThrow(InvalidStackOptionError);
    expect(() => parseVpcCidr('cidrBlock', cidr)).toThrow(/^cidrBlock = ".*" is invalid: an IPv4 network address/);
  });
});
