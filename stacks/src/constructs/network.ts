// Provider classes come from lib/<name> only: the root barrel loads 2,212 modules (docs/cdktf-notes.md).
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { parseVpcCidr } from '../config/vpc-cidr';

export interface NetworkProps {
  /** Name tag prefix for every resource. */
  readonly name: string;
  /** VPC IPv4 CIDR, /16../26. Default 10.0.0.0/16. */
  readonly cidrBlock?: string;
  /**
   * One NAT gateway (and EIP) per AZ instead of one shared. Default false: a single NAT is enough for a
   * demo and halves the hourly bill; per-AZ survives an AZ outage. A synth-time choice because it changes
   * how many resources exist and which route table points where.
   */
  readonly natGatewayPerAz?: boolean;
}

/** The number of AZs the network spans (the Lambda service wants subnets in more than one AZ). */
export const NETWORK_AZ_COUNT = 2;
const ANYWHERE = '0.0.0.0/0';

/**
 * A VPC with public subnets (internet gateway) and private subnets whose default route goes through a NAT
 * gateway — the path where Hyperplane forgets flows idle 350 s (docs/hyperplane-idle-timeout.md).
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnets: Subnet[];
  readonly privateSubnets: Subnet[];
  readonly natGateways: NatGateway[];
  readonly privateRouteTables: RouteTable[];

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { cidr } = parseVpcCidr('Network.cidrBlock', props.cidrBlock ?? '10.0.0.0/16');
    const tagged = (suffix: string) => ({ Name: `${props.name}-${suffix}` });

    // DNS support + hostnames: required for the interface endpoint's private DNS (docs/lambda-invoke-api.md).
    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: tagged('vpc'),
    });

    // Only AZs that need no opt-in (skips Local/Wavelength zones, where NAT gateways may be missing).
    const zones = new DataAwsAvailabilityZones(this, 'zones', {
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });

    const internetGateway = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpc.id, tags: tagged('igw') });
    const publicRouteTable = new RouteTable(this, 'public-route-table', { vpcId: this.vpc.id, tags: tagged('public') });
    new Route(this, 'public-default-route', {
      routeTableId: publicRouteTable.id,
      destinationCidrBlock: ANYWHERE,
      gatewayId: internetGateway.id,
    });

    this.publicSubnets = [];
    this.privateSubnets = [];
    this.natGateways = [];
    this.privateRouteTables = [];
    for (let index = 0; index < NETWORK_AZ_COUNT; index++) {
      const availabilityZone = Fn.element(zones.names, index);
      // Four equal quarters of the VPC: 0,1 public, 2,3 private.
      const publicSubnet = new Subnet(this, `public-subnet-${index}`, {
        vpcId: this.vpc.id,
        availabilityZone,
        cidrBlock: Fn.cidrsubnet(cidr, 2, index),
        tags: tagged(`public-${index}`),
      });
      new RouteTableAssociation(this, `public-route-table-association-${index}`, {
        subnetId: publicSubnet.id,
        routeTableId: publicRouteTable.id,
      });
      this.publicSubnets.push(publicSubnet);

      if (index === 0 || props.natGatewayPerAz === true) {
        const eip = new Eip(this, `nat-eip-${index}`, { domain: 'vpc', tags: tagged(`nat-${index}`) });
        this.natGateways.push(
          new NatGateway(this, `nat-gateway-${index}`, {
            allocationId: eip.allocationId,
            subnetId: publicSubnet.id,
            tags: tagged(`nat-${index}`),
            // AWS: the internet gateway must exist before a public NAT gateway can route.
            dependsOn: [internetGateway],
          }),
        );
      }

      const privateSubnet = new Subnet(this, `private-subnet-${index}`, {
        vpcId: this.vpc.id,
        availabilityZone,
        cidrBlock: Fn.cidrsubnet(cidr, 2, NETWORK_AZ_COUNT + index),
        tags: tagged(`private-${index}`),
      });
      const privateRouteTable = new RouteTable(this, `private-route-table-${index}`, {
        vpcId: this.vpc.id,
        tags: tagged(`private-${index}`),
      });
      // With one shared NAT every private table points at it; with one per AZ each stays in its AZ.
      const natGateway = this.natGateways[index] ?? this.natGateways[0];
      if (!natGateway) throw new Error('Network: no NAT gateway to route through (AZ 0 always gets one)');
      new Route(this, `private-default-route-${index}`, {
        routeTableId: privateRouteTable.id,
        destinationCidrBlock: ANYWHERE,
        natGatewayId: natGateway.id,
      });
      new RouteTableAssociation(this, `private-route-table-association-${index}`, {
        subnetId: privateSubnet.id,
        routeTableId: privateRouteTable.id,
      });
      this.privateSubnets.push(privateSubnet);
      this.privateRouteTables.push(privateRouteTable);
    }
  }

  get privateSubnetIds(): string[] {
    return this.privateSubnets.map((subnet) => subnet.id);
  }
}
