/**
 * KeepAliveCaller synthesised alone (Testing.synthScope), as a user drops it into an existing VPC: its own
 * security group unless groups are given (or chosen at plan time from a variable), least-privilege IAM scoped
 * to the callee, the keepalive environment, 900 s, security groups released on destroy, and bad input refused.
 */
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { TerraformVariable, Testing } from 'cdktf';
import { KeepAliveCaller, type KeepAliveCallerProps } from '../src/constructs/keepalive-caller';
import { lambdaCodeFromBundleDir } from '../src/constructs/lambda-code';
import { InvalidStackOptionError } from '../src/errors';
import { createFixtureBundle } from './support/fixture-bundle';
import { firstData, oneResource, parseSynth, ref, resourcesOf, type Synthesized } from './support/synthesized';

const CALLEE_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:orders';

function synthCaller(props: Partial<KeepAliveCallerProps> = {}): Synthesized {
  return parseSynth(
    Testing.synthScope((scope) => {
      new KeepAliveCaller(scope, 'caller', {
        name: 'orders-caller',
        vpcId: 'vpc-0123',
        subnetIds: ['subnet-a', 'subnet-b'],
        calleeFunctionArn: CALLEE_ARN,
        code: lambdaCodeFromBundleDir(scope, 'bundle', createFixtureBundle()),
        ...props,
      });
    }),
  );
}

interface CallerFunction {
  runtime: string;
  timeout: number;
  replace_security_groups_on_destroy: boolean;
  vpc_config: { subnet_ids: string[]; security_group_ids: string[] };
  environment: { variables: Record<string, string> };
}

interface Statement {
  sid: string;
  actions: string[];
  resources: string[];
}

describe('KeepAliveCaller', () => {
  it('makes its own security group: no ingress, HTTPS egress only, in the given VPC', () => {
    const synth = synthCaller();
    const [groupId, group] = oneResource(synth, 'aws_security_group');
    expect(group).toEqual({
      name: 'orders-caller',
      description: 'Keepalive caller Lambda: no ingress, HTTPS egress only',
      vpc_id: 'vpc-0123',
      tags: { Name: 'orders-caller' },
    });
    expect(resourcesOf(synth, 'aws_vpc_security_group_ingress_rule')).toEqual([]);
    expect(resourcesOf(synth, 'aws_vpc_security_group_egress_rule').map(([, rule]) => rule)).toEqual([
      {
        security_group_id: ref('aws_security_group', groupId, 'id'),
        cidr_ipv4: '0.0.0.0/0',
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        description: 'HTTPS to the Lambda API',
      },
    ]);
    const [, fn] = oneResource<CallerFunction>(synth, 'aws_lambda_function');
    expect(fn.vpc_config).toEqual({
      subnet_ids: ['subnet-a', 'subnet-b'],
      security_group_ids: [ref('aws_security_group', groupId, 'id')],
    });
    expect(fn.replace_security_groups_on_destroy).toBe(true);
  });

  it('uses the given security groups instead, and makes none', () => {
    const synth = synthCaller({ securityGroupIds: ['sg-1', 'sg-2'] });
    expect(resourcesOf(synth, 'aws_security_group')).toEqual([]);
    expect(resourcesOf(synth, 'aws_vpc_security_group_egress_rule')).toEqual([]);
    expect(oneResource<CallerFunction>(synth, 'aws_lambda_function')[1].vpc_config.security_group_ids).toEqual([
      'sg-1',
      'sg-2',
    ]);
  });

  it('decides at plan time when the groups come from a variable', () => {
    const json = Testing.synthScope((scope) => {
      const groups = new TerraformVariable(scope, 'groups', { type: 'list(string)', default: [] });
      new KeepAliveCaller(scope, 'caller', {
        name: 'orders-caller',
        vpcId: 'vpc-0123',
        subnetIds: ['subnet-a'],
        securityGroupIds: groups.listValue,
        calleeFunctionArn: CALLEE_ARN,
        code: lambdaCodeFromBundleDir(scope, 'bundle', createFixtureBundle()),
        logicalIds: 'module',
      });
    });
    expect(json).toHaveResourceWithProperties(SecurityGroup, { count: '${(0 == length(var.groups)) ? 1 : 0}' });
    const synth = parseSynth(json);
    expect(oneResource<CallerFunction>(synth, 'aws_lambda_function')[1].vpc_config.security_group_ids).toBe(
      '${(0 < length(var.groups)) ? var.groups : aws_security_group.this[*].id}',
    );
    expect(oneResource(synth, 'aws_vpc_security_group_egress_rule')[1]).toMatchObject({
      security_group_id: '${element(aws_security_group.this[*].id, 0)}',
      count: '${(0 == length(var.groups)) ? 1 : 0}',
    });
  });

  it('may invoke the callee and its versions and aliases only', () => {
    const synth = synthCaller();
    const [, permissions] = firstData<{ statement: Statement[] }>(synth, 'aws_iam_policy_document', (id) =>
      id.includes('permissions'),
    );
    expect(permissions.statement.map((statement) => statement.sid)).toEqual([
      'OwnLogStreams',
      'VpcNetworkInterfaces',
      'InvokeCalleeOnly',
    ]);
    expect(permissions.statement.find((statement) => statement.sid === 'InvokeCalleeOnly')).toEqual({
      sid: 'InvokeCalleeOnly',
      effect: 'Allow',
      actions: ['lambda:InvokeFunction'],
      resources: [CALLEE_ARN, `${CALLEE_ARN}:*`],
    });
  });

  it('builds the callee ARN from its name in this partition, region and account', () => {
    const synth = synthCaller({ calleeFunctionArn: undefined, calleeFunctionName: 'orders' });
    const [, fn] = oneResource<CallerFunction>(synth, 'aws_lambda_function');
    const [partitionId] = firstData(synth, 'aws_partition', () => true);
    const [regionId] = firstData(synth, 'aws_region', () => true);
    const [accountId] = firstData(synth, 'aws_caller_identity', () => true);
    expect(fn.environment.variables.CALLEE_FUNCTION_NAME).toBe(
      `arn:\${data.aws_partition.${partitionId}.partition}:lambda:\${data.aws_region.${regionId}.region}:` +
        `\${data.aws_caller_identity.${accountId}.account_id}:function:orders`,
    );
  });

  it('runs nodejs24.x for 900 s with keepalive on: idle 60 s, probes every 5 s, 6 of them', () => {
    const [, fn] = oneResource<CallerFunction>(synthCaller(), 'aws_lambda_function');
    expect(fn.runtime).toBe('nodejs24.x');
    expect(fn.timeout).toBe(900);
    expect(fn.environment.variables).toEqual({
      CALLEE_FUNCTION_NAME: CALLEE_ARN,
      KEEPALIVE: 'on',
      KEEPALIVE_IDLE_SECONDS: '60',
      KEEPALIVE_PROBE_INTERVAL_SECONDS: '5',
      KEEPALIVE_PROBE_COUNT: '6',
    });
  });

  it('tags everything it makes', () => {
    const synth = synthCaller({ tags: { Team: 'orders' } });
    expect(oneResource(synth, 'aws_security_group')[1].tags).toEqual({ Team: 'orders', Name: 'orders-caller' });
    for (const type of ['aws_lambda_function', 'aws_iam_role', 'aws_cloudwatch_log_group']) {
      expect({ type, tags: oneResource(synth, type)[1].tags }).toEqual({ type, tags: { Team: 'orders' } });
    }
  });

  it.each([
    ['name', { name: 'sg-orders' }, /not starting with sg-/],
    ['name', { name: 'orders caller' }, /1 to 64 letters/],
    ['subnetIds', { subnetIds: [] }, /at least one subnet/],
    ['calleeFunctionArn', { calleeFunctionArn: `${CALLEE_ARN}:live` }, /an unqualified Lambda function ARN/],
    ['keepaliveIdleSeconds', { keepaliveIdleSeconds: 350 }, /an integer from 1 to 340/],
    ['keepaliveProbeCount', { keepaliveProbeCount: 0 }, /an integer from 1 to 127/],
    ['runtime', { runtime: 'nodejs20.x' }, /one of nodejs22\.x, nodejs24\.x, nodejs26\.x/],
  ])('refuses a bad %s before anything is synthesised', (field, override, rule) => {
    expect(() => synthCaller(override)).toThrow(InvalidStackOptionError);
    expect(() => synthCaller(override)).toThrow(rule);
    expect(() => synthCaller(override)).toThrow(new RegExp(`^caller(\\.caller)?\\.${field} = `));
  });

  it('wants exactly one of the callee ARN and the callee name', () => {
    expect(() => synthCaller({ calleeFunctionName: 'orders' })).toThrow(/exactly one of them/);
    expect(() => synthCaller({ calleeFunctionArn: undefined })).toThrow(/exactly one of them/);
  });
});
