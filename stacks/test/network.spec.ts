/**
 * Network synthesised: the VPC with DNS, two public and two private subnets over two AZs, their routes and
 * associations, one NAT gateway or one per AZ, and custom or bad CIDRs.
 */
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Testing } from 'cdktf';
import { Network } from '../src/constructs/network';
import { InvalidStackOptionError } from '../src/errors';
import { oneResource, parseSynth, ref, resourcesOf } from './support/synthesized';

const synthNetwork = (props: Partial<ConstructorParameters<typeof Network>[2]> = {}) =>
  Testing.synthScope((scope) => {
    new Network(scope, 'network', { name: 'lk', ...props });
  });

describe('Network', () => {
  const json = synthNetwork();
  const synth = parseSynth(json);

  it('creates a VPC with the default CIDR and DNS support + hostnames (needed by endpoint private DNS)', () => {
    expect(json).toHaveResourceWithProperties(Vpc, {
      cidr_block: '10.0.0.0/16',
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
  });

  it('spreads two public and two private subnets over two AZs from the AZ data source', () => {
    const [zonesEntry] = Object.entries(synth.data?.aws_availability_zones ?? {});
    if (!zonesEntry) throw new Error('no aws_availability_zones data source');
    const [zonesId, zones] = zonesEntry;
    expect(zones).toMatchObject({ state: 'available' });
    const subnets = resourcesOf<{ tags: { Name: string } }>(synth, 'aws_subnet');
    expect(subnets).toHaveLength(4);
    const byName = Object.fromEntries(subnets.map(([, subnet]) => [subnet.tags.Name, subnet]));
    for (const index of [0, 1]) {
      const az = `\${element(data.aws_availability_zones.${zonesId}.names, ${index})}`;
      expect(byName[`lk-public-${index}`]).toMatchObject({
        availability_zone: az,
        cidr_block: `\${cidrsubnet("10.0.0.0/16", 2, ${index})}`,
      });
      expect(byName[`lk-private-${index}`]).toMatchObject({
        availability_zone: az,
        cidr_block: `\${cidrsubnet("10.0.0.0/16", 2, ${index + 2})}`,
      });
    }
  });

  it('routes public subnets to the internet gateway and private subnets to the single NAT gateway', () => {
    const [igwId] = oneResource(synth, 'aws_internet_gateway');
    const [natId, nat] = oneResource(synth, 'aws_nat_gateway');
    const [eipId] = oneResource(synth, 'aws_eip');
    expect(nat.allocation_id).toBe(ref('aws_eip', eipId, 'allocation_id'));
    expect(nat.subnet_id).toBe(ref('aws_subnet', oneResource(synth, 'aws_subnet', 'public-subnet-0')[0], 'id'));
    expect(nat.depends_on).toEqual([`aws_internet_gateway.${igwId}`]);

    const routes = resourcesOf(synth, 'aws_route').map(([, route]) => route);
    expect(routes.every((route) => route.destination_cidr_block === '0.0.0.0/0')).toBe(true);
    expect(routes.filter((route) => route.gateway_id === ref('aws_internet_gateway', igwId, 'id'))).toHaveLength(1);
    const privateRoutes = routes.filter((route) => route.nat_gateway_id !== undefined);
    expect(privateRoutes).toHaveLength(2);
    expect(privateRoutes.every((route) => route.nat_gateway_id === ref('aws_nat_gateway', natId, 'id'))).toBe(true);
  });

  it('associates each private subnet with its own private route table and public subnets with the public one', () => {
    const associations = resourcesOf(synth, 'aws_route_table_association').map(([, association]) => association);
    expect(associations).toHaveLength(4);
    for (const index of [0, 1]) {
      const [privateSubnetId] = oneResource(synth, 'aws_subnet', `private-subnet-${index}`);
      const [privateTableId] = oneResource(synth, 'aws_route_table', `private-route-table-${index}`);
      expect(associations).toContainEqual({
        subnet_id: ref('aws_subnet', privateSubnetId, 'id'),
        route_table_id: ref('aws_route_table', privateTableId, 'id'),
      });
      expect(associations).toContainEqual({
        subnet_id: ref('aws_subnet', oneResource(synth, 'aws_subnet', `public-subnet-${index}`)[0], 'id'),
        route_table_id: ref('aws_route_table', oneResource(synth, 'aws_route_table', 'public-route-table')[0], 'id'),
      });
      const [, privateRoute] = oneResource(synth, 'aws_route', `private-default-route-${index}`);
      expect(privateRoute.route_table_id).toBe(ref('aws_route_table', privateTableId, 'id'));
    }
  });

  it('with natGatewayPerAz, each private route table uses the NAT gateway of its own AZ', () => {
    const perAz = parseSynth(synthNetwork({ natGatewayPerAz: true }));
    expect(resourcesOf(perAz, 'aws_nat_gateway')).toHaveLength(2);
    expect(resourcesOf(perAz, 'aws_eip')).toHaveLength(2);
    for (const index of [0, 1]) {
      const [natId] = oneResource(perAz, 'aws_nat_gateway', `nat-gateway-${index}`);
      const [, route] = oneResource(perAz, 'aws_route', `private-default-route-${index}`);
      expect(route.nat_gateway_id).toBe(ref('aws_nat_gateway', natId, 'id'));
    }
  });

  it('takes a custom CIDR and rejects a bad one before anything is synthesised', () => {
    expect(synthNetwork({ cidrBlock: '10.20.0.0/20' })).toHaveResourceWithProperties(Vpc, {
      cidr_block: '10.20.0.0/20',
    });
    expect(() => synthNetwork({ cidrBlock: '10.20.0.0/8' })).toThrow(InvalidStackOptionError);
    expect(() => synthNetwork({ cidrBlock: '10.20.0.0/8' })).toThrow(/Network\.cidrBlock = "10\.20\.0\.0\/8"/);
  });
});
