/** LambdaEndpoint: the Lambda API's interface VPC endpoint, reachable on 443 from the given security groups only. */
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { DataAwsVpcEndpointService } from '@cdktf/provider-aws/lib/data-aws-vpc-endpoint-service';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, type IResolvable, Op } from 'cdktf';
import { Construct } from 'constructs';
import { InvalidStackOptionError } from '../errors';
import { splat } from './logical-ids';

/** A subnet that gets an endpoint network interface, with the zone it is in (the zone check needs it). */
export interface LambdaEndpointSubnet {
  readonly id: string;
  readonly availabilityZone: string;
}

export interface LambdaEndpointProps {
  readonly name: string;
  readonly vpcId: string;
  /** Subnets that get an endpoint network interface (one per AZ), each in a zone the service is offered in. */
  readonly subnets: LambdaEndpointSubnet[];
  /** Only these security groups may reach the endpoint, on 443. */
  readonly clientSecurityGroupIds: string[];
  /**
   * Whether the endpoint exists. A literal, or a Terraform boolean (TerraformVariable.booleanValue) to make
   * it a plan-time switch: the endpoint then gets `count = enabled ? 1 : 0`. Default true.
   * The security group and its rule exist either way (they cost nothing and keep references un-indexed).
   */
  readonly enabled?: boolean | IResolvable;
}

/**
 * Interface VPC endpoint for the Lambda API (`com.amazonaws.<region>.lambda`) with private DNS: while it
 * exists, lambda.<region>.amazonaws.com resolves to its addresses for the whole VPC, so the caller's
 * Invoke goes through the endpoint (also Hyperplane, same 350 s idle limit — docs/hyperplane-idle-timeout.md)
 * instead of the NAT.
 */
export class LambdaEndpoint extends Construct {
  readonly securityGroup: SecurityGroup;
  readonly endpoint: VpcEndpoint;

  constructor(scope: Construct, id: string, props: LambdaEndpointProps) {
    super(scope, id);
    if (props.subnets.length === 0) {
      throw new InvalidStackOptionError('LambdaEndpoint.subnets', props.subnets, 'at least one subnet');
    }
    if (props.clientSecurityGroupIds.length === 0) {
      throw new InvalidStackOptionError(
        'LambdaEndpoint.clientSecurityGroupIds',
        props.clientSecurityGroupIds,
        'at least one security group (the endpoint admits nobody else)',
      );
    }
    const region = new DataAwsRegion(this, 'region');

    // Terraform's aws_security_group removes AWS's default allow-all egress; the endpoint needs no egress
    // rule (security groups are stateful, replies flow back).
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: `${props.name}-lambda-endpoint`,
      description: 'Lambda interface endpoint: HTTPS from the caller only',
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-lambda-endpoint` },
    });
    props.clientSecurityGroupIds.forEach((clientSecurityGroupId, index) => {
      new VpcSecurityGroupIngressRule(this, `https-from-client-${index}`, {
        securityGroupId: this.securityGroup.id,
        referencedSecurityGroupId: clientSecurityGroupId,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        description: 'HTTPS from the caller function',
      });
    });

    const enabled = props.enabled ?? true;
    // A literal false still synthesises the endpoint, with count 0, so the switch reads the same in the
    // output whichever way it is set.
    const count = enabled === true ? undefined : Fn.conditional(enabled, 1, 0);
    // The Lambda endpoint service is not offered in every zone, and the subnets' zones are picked by name.
    // Reading the service's zones (aws_vpc_endpoint_service: availability_zones) lets the plan stop with a
    // clear message instead of CreateVpcEndpoint failing part-way through an apply.
    const service = new DataAwsVpcEndpointService(this, 'service', {
      service: 'lambda',
      serviceType: 'Interface',
      count,
    });
    const subnetZones = props.subnets.map((subnet) => subnet.availabilityZone);
    this.endpoint = new VpcEndpoint(this, 'endpoint', {
      vpcId: props.vpcId,
      serviceName: `com.amazonaws.${region.region}.lambda`,
      vpcEndpointType: 'Interface',
      privateDnsEnabled: true,
      subnetIds: props.subnets.map((subnet) => subnet.id),
      securityGroupIds: [this.securityGroup.id],
      tags: { Name: `${props.name}-lambda` },
      count,
      lifecycle: {
        precondition: [
          {
            condition: Op.eq(
              0,
              Fn.lengthOf(Fn.setsubtract(subnetZones, Fn.flatten(splat(service, 'availability_zones')))),
            ),
            errorMessage:
              'The Lambda interface endpoint service is not offered in every zone of the endpoint subnets ' +
              '(data.aws_vpc_endpoint_service availability_zones); pick subnets in the zones it lists.',
          },
        ],
      },
    });
  }
}
