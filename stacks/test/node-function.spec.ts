/**
 * NodeFunction synthesised: runtime, handler and settings, its log group before the function, least-privilege
 * role and policy (ENIs only in a VPC), extra statements, and bad bundles or settings refused.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Testing } from 'cdktf';
import { NodeFunction, type NodeFunctionProps } from '../src/constructs/node-function';
import { InvalidStackOptionError, MissingBundleError } from '../src/errors';
import { createFixtureBundle } from './support/fixture-bundle';
import { firstData, oneResource, parseSynth, ref } from './support/synthesized';

const synthFunction = (props: Partial<NodeFunctionProps> = {}) =>
  Testing.synthScope((scope) => {
    new NodeFunction(scope, 'fn', {
      functionName: 'lk-fn',
      bundleDir: createFixtureBundle(),
      timeoutSeconds: 30,
      ...props,
    });
  });

/** A policy document statement: the fields these specs read; the rest is compared whole with toEqual. */
interface PolicyStatement {
  sid?: string;
  actions: string[];
}

/** The statements of the policy document whose logical id contains `idPart`. */
function statementsOf(json: string, idPart: string): PolicyStatement[] {
  const [, document] = firstData<{ statement: PolicyStatement[] }>(parseSynth(json), 'aws_iam_policy_document', (id) =>
    id.includes(idPart),
  );
  return document.statement;
}

describe('NodeFunction', () => {
  it('runs index.handler on nodejs22.x from the archived bundle, with timeout, memory and environment', () => {
    const json = synthFunction({ timeoutSeconds: 850, memoryMb: 512, environment: { CALLEE_DEFAULT_SECONDS: '400' } });
    const synth = parseSynth(json);
    const [roleId] = oneResource(synth, 'aws_iam_role');
    const [, fn] = oneResource(synth, 'aws_lambda_function');
    expect(fn).toMatchObject({
      function_name: 'lk-fn',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      timeout: 850,
      memory_size: 512,
      role: ref('aws_iam_role', roleId, 'arn'),
      environment: { variables: { CALLEE_DEFAULT_SECONDS: '400' } },
    });
    expect(fn.filename).toMatch(/^assets\/fn_bundle_[0-9A-F]+\/[0-9A-F]+\/archive\.zip$/);
    expect(fn.source_code_hash).toBe(`\${filebase64sha256("${fn.filename}")}`);
    expect(fn.vpc_config).toBeUndefined();
  });

  it('creates its log group with 14-day retention by default, before the function', () => {
    const json = synthFunction();
    expect(json).toHaveResourceWithProperties(CloudwatchLogGroup, { name: '/aws/lambda/lk-fn', retention_in_days: 14 });
    expect(synthFunction({ logRetentionDays: 30 })).toHaveResourceWithProperties(CloudwatchLogGroup, {
      retention_in_days: 30,
    });
    const synth = parseSynth(json);
    const [logGroupId] = oneResource(synth, 'aws_cloudwatch_log_group');
    expect(oneResource(synth, 'aws_lambda_function')[1].depends_on).toContain(`aws_cloudwatch_log_group.${logGroupId}`);
  });

  it('lets only Lambda assume the role and grants log writes to its own log group only', () => {
    const json = synthFunction();
    expect(statementsOf(json, 'assume-role')).toEqual([
      {
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
      },
    ]);
    const [logGroupId] = oneResource(parseSynth(json), 'aws_cloudwatch_log_group');
    expect(statementsOf(json, 'permissions')).toEqual([
      {
        sid: 'OwnLogStreams',
        effect: 'Allow',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${ref('aws_cloudwatch_log_group', logGroupId, 'arn')}:*`],
      },
    ]);
  });

  it('in a VPC: sets subnets and security groups and adds only the ENI actions', () => {
    const json = synthFunction({ vpcConfig: { subnetIds: ['subnet-a'], securityGroupIds: ['sg-1'] } });
    expect(json).toHaveResourceWithProperties(LambdaFunction, {
      vpc_config: { subnet_ids: ['subnet-a'], security_group_ids: ['sg-1'] },
    });
    const vpcStatement = statementsOf(json, 'permissions').find(
      (statement) => statement.sid === 'VpcNetworkInterfaces',
    );
    expect(vpcStatement?.actions).toEqual([
      'ec2:CreateNetworkInterface',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeSubnets',
      'ec2:DeleteNetworkInterface',
      'ec2:AssignPrivateIpAddresses',
      'ec2:UnassignPrivateIpAddresses',
    ]);
    expect(statementsOf(json, 'permissions').flatMap((statement) => statement.actions)).not.toContain(
      'logs:CreateLogGroup',
    );
  });

  it('appends caller-supplied statements and makes the function wait for the role policy', () => {
    const json = synthFunction({
      policyStatements: [{ sid: 'Extra', effect: 'Allow', actions: ['lambda:InvokeFunction'], resources: ['arn:x'] }],
    });
    expect(statementsOf(json, 'permissions').map((statement) => statement.sid)).toEqual(['OwnLogStreams', 'Extra']);
    const synth = parseSynth(json);
    const [policyId] = oneResource(synth, 'aws_iam_role_policy');
    expect(oneResource(synth, 'aws_lambda_function')[1].depends_on).toContain(`aws_iam_role_policy.${policyId}`);
  });

  it('refuses a bundle directory without index.js, naming the build command', () => {
    const missing = path.join(os.tmpdir(), 'no-such-bundle');
    expect(() => synthFunction({ bundleDir: missing })).toThrow(MissingBundleError);
    expect(() => synthFunction({ bundleDir: missing })).toThrow(/no-such-bundle has no index\.js: run `pnpm build`/);
  });

  it('validates its settings with the field name', () => {
    expect(() => synthFunction({ timeoutSeconds: 901 })).toThrow(
      new InvalidStackOptionError('fn.timeoutSeconds', 901, 'an integer from 1 to 900'),
    );
  });
});
