/**
 * LambdaEndpoint synthesised: a private-DNS interface endpoint in the given subnets, HTTPS from the caller's
 * group only, enabled by a literal or a Terraform boolean, a plan-time check that the service is offered in
 * the subnets' zones, empty inputs refused.
 */
import { DataAwsVpcEndpointService } from '@cdktf/provider-aws/lib/data-aws-vpc-endpoint-service';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { TerraformVariable, Testing } from 'cdktf';
import { LambdaEndpoint, type LambdaEndpointProps } from '../src/constructs/lambda-endpoint';
import { InvalidStackOptionError } from '../src/errors';
import { firstData, oneResource, parseSynth, ref, resourcesOf } from './support/synthesized';

const baseProps: LambdaEndpointProps = {
  name: 'lk',
  vpcId: 'vpc-123',
  subnets: [
    { id: 'subnet-a', availabilityZone: 'eu-west-1a' },
    { id: 'subnet-b', availabilityZone: 'eu-west-1b' },
  ],
  clientSecurityGroupIds: ['sg-caller'],
};

describe('LambdaEndpoint', () => {
  it('is an interface endpoint for com.amazonaws.<region>.lambda with private DNS in the given subnets', () => {
    const synth = parseSynth(Testing.synthScope((scope) => new LambdaEndpoint(scope, 'endpoint', baseProps)));
    const [regionId] = firstData(synth, 'aws_region', () => true);
    const [securityGroupId] = oneResource(synth, 'aws_security_group');
    const [, endpoint] = oneResource(synth, 'aws_vpc_endpoint');
    expect(endpoint).toMatchObject({
      vpc_id: 'vpc-123',
      service_name: `com.amazonaws.\${data.aws_region.${regionId}.region}.lambda`,
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: true,
      subnet_ids: ['subnet-a', 'subnet-b'],
      security_group_ids: [ref('aws_security_group', securityGroupId, 'id')],
    });
    // Enabled by a literal: always there, no count.
    expect(endpoint.count).toBeUndefined();
  });

  it('admits HTTPS from the caller security group only, and nothing from 0.0.0.0/0', () => {
    const synth = parseSynth(Testing.synthScope((scope) => new LambdaEndpoint(scope, 'endpoint', baseProps)));
    const [securityGroupId, securityGroup] = oneResource(synth, 'aws_security_group');
    expect(securityGroup.ingress).toBeUndefined();
    const ingress = resourcesOf(synth, 'aws_vpc_security_group_ingress_rule').map(([, rule]) => rule);
    expect(ingress).toEqual([
      {
        security_group_id: ref('aws_security_group', securityGroupId, 'id'),
        referenced_security_group_id: 'sg-caller',
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        description: 'HTTPS from the caller function',
      },
    ]);
  });

  it('becomes a plan-time switch (count) when enabled is a Terraform boolean, the zone lookup too', () => {
    const json = Testing.synthScope((scope) => {
      const useEndpoint = new TerraformVariable(scope, 'use_endpoint', { type: 'bool', default: false });
      new LambdaEndpoint(scope, 'endpoint', { ...baseProps, enabled: useEndpoint.booleanValue });
    });
    expect(json).toHaveResourceWithProperties(VpcEndpoint, { count: '${var.use_endpoint ? 1 : 0}' });
    expect(json).toHaveDataSourceWithProperties(DataAwsVpcEndpointService, {
      service: 'lambda',
      service_type: 'Interface',
      count: '${var.use_endpoint ? 1 : 0}',
    });
  });

  it("stops the plan when the endpoint service is not offered in one of the subnets' zones", () => {
    const synth = parseSynth(Testing.synthScope((scope) => new LambdaEndpoint(scope, 'endpoint', baseProps)));
    const [serviceId] = firstData(synth, 'aws_vpc_endpoint_service', () => true);
    const [, endpoint] = oneResource<{ lifecycle: { precondition: Array<Record<string, string>> } }>(
      synth,
      'aws_vpc_endpoint',
    );
    expect(endpoint.lifecycle.precondition).toEqual([
      {
        condition:
          '${(0 == length(setsubtract(["eu-west-1a", "eu-west-1b"], ' +
          `flatten(data.aws_vpc_endpoint_service.${serviceId}[*].availability_zones))))}`,
        error_message: expect.stringMatching(/^The Lambda interface endpoint service is not offered in every zone/),
      },
    ]);
  });

  it('keeps the endpoint in the output with count 0 when disabled by a literal', () => {
    const json = Testing.synthScope((scope) => new LambdaEndpoint(scope, 'endpoint', { ...baseProps, enabled: false }));
    expect(json).toHaveResourceWithProperties(VpcEndpoint, { count: '${false ? 1 : 0}' });
  });

  it.each([
    ['subnets', { subnets: [] }],
    ['clientSecurityGroupIds', { clientSecurityGroupIds: [] }],
  ])('rejects an empty %s', (field, override) => {
    expect(() =>
      Testing.synthScope((scope) => new LambdaEndpoint(scope, 'endpoint', { ...baseProps, ...override })),
    ).toThrow(expect.objectContaining({ name: InvalidStackOptionError.name, field: `LambdaEndpoint.${field}` }));
  });
});
