/**
 * NodeFunction synthesised: runtime, handler and settings, the zip as a file asset, its log group before the
 * function, least-privilege role and policy (ENIs only in a VPC), security groups released on destroy,
 * extra statements, module names, and bad bundles or settings refused.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Testing } from 'cdktf';
import { lambdaCodeFromBundleDir } from '../src/constructs/lambda-code';
import { NodeFunction, type NodeFunctionProps } from '../src/constructs/node-function';
import { InvalidStackOptionError, MissingBundleError } from '../src/errors';
import { createFixtureBundle } from './support/fixture-bundle';
import { firstData, oneResource, parseSynth, ref } from './support/synthesized';

const synthFunction = (props: Partial<NodeFunctionProps> = {}, bundleDir = createFixtureBundle()) =>
  Testing.synthScope((scope) => {
    new NodeFunction(scope, 'fn', {
      functionName: 'lk-fn',
      code: lambdaCodeFromBundleDir(scope, 'bundle', bundleDir),
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
  it('runs index.handler on nodejs24.x from the bundle zip, with timeout, memory and environment', () => {
    const json = synthFunction({ timeoutSeconds: 850, memoryMb: 512, environment: { CALLEE_DEFAULT_SECONDS: '400' } });
    const synth = parseSynth(json);
    const [roleId] = oneResource(synth, 'aws_iam_role');
    const [, fn] = oneResource(synth, 'aws_lambda_function');
    expect(fn).toMatchObject({
      function_name: 'lk-fn',
      runtime: 'nodejs24.x',
      handler: 'index.handler',
      timeout: 850,
      memory_size: 512,
      role: ref('aws_iam_role', roleId, 'arn'),
      environment: { variables: { CALLEE_DEFAULT_SECONDS: '400' } },
    });
    // The build's own zip, copied as a file asset (not re-archived by cdktf), under a relative path.
    expect(fn.filename).toMatch(/^assets\/bundle\/[0-9A-F]+\/lambda\.zip$/);
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

  it('refuses a bundle directory without lambda.zip, naming the build command', () => {
    const missing = path.join(os.tmpdir(), 'no-such-bundle');
    expect(() => synthFunction({}, missing)).toThrow(MissingBundleError);
    expect(() => synthFunction({}, missing)).toThrow(/no-such-bundle has no lambda\.zip: run `pnpm build`/);
  });

  it('takes any listed runtime and refuses an unlisted one', () => {
    expect(synthFunction({ runtime: 'nodejs26.x' })).toHaveResourceWithProperties(LambdaFunction, {
      runtime: 'nodejs26.x',
    });
    expect(() => synthFunction({ runtime: 'nodejs20.x' })).toThrow(
      new InvalidStackOptionError('fn.runtime', 'nodejs20.x', 'one of nodejs22.x, nodejs24.x, nodejs26.x'),
    );
  });

  it('in a VPC, releases its security groups before it is deleted', () => {
    const json = synthFunction({ vpcConfig: { subnetIds: ['subnet-a'], securityGroupIds: ['sg-1'] } });
    expect(json).toHaveResourceWithProperties(LambdaFunction, { replace_security_groups_on_destroy: true });
    expect(oneResource(parseSynth(synthFunction()), 'aws_lambda_function')[1]).not.toHaveProperty(
      'replace_security_groups_on_destroy',
    );
  });

  it('names its resources `this` in module mode', () => {
    const synth = parseSynth(synthFunction({ logicalIds: 'module' }));
    expect(Object.keys(synth.resource ?? {}).map((type) => Object.keys(synth.resource?.[type] ?? {}))).toEqual([
      ['this'],
      ['this'],
      ['this'],
      ['this'],
    ]);
    expect(Object.keys(synth.data?.aws_iam_policy_document ?? {}).sort()).toEqual(['assume_role', 'permissions']);
  });

  it('validates its settings with the field name', () => {
    expect(() => synthFunction({ timeoutSeconds: 901 })).toThrow(
      new InvalidStackOptionError('fn.timeoutSeconds', 901, 'an integer from 1 to 900'),
    );
  });
});
