/**
 * The synthesised caller stack with the real bundles: its resources, the caller's network path, least-privilege
 * IAM and security groups, the variables and their validation, state backends, outputs, per-AZ NAT.
 */
import { Testing } from 'cdktf';
import { InvalidStackOptionError } from '../src/errors';
import { CallerStack, type CallerStackProps } from '../src/stacks/caller-stack';
import { chooseStateBackend } from '../src/stacks/state-backend';
import { firstData, oneResource, parseSynth, ref, resourcesOf, type Synthesized } from './support/synthesized';
import { ensureWorkspaceBundles } from './support/workspace-bundles';

function synthCallerStack(props: CallerStackProps = {}): Synthesized {
  const stack = new CallerStack(Testing.app(), 'caller-stack', props);
  return parseSynth(Testing.synth(stack));
}

/** The fields of the caller's and the callee's aws_lambda_function that these specs read. */
interface LambdaFunctionConfig {
  timeout: number;
  vpc_config: { subnet_ids: string[] };
  environment: { variables: Record<string, string> };
}

/** A statement of a NodeFunction's permissions policy document. */
interface PermissionStatement {
  sid: string;
  effect: string;
  actions: string[];
  resources: string[];
}

/** The permissions statements of a NodeFunction ("caller" or "callee"). */
function permissionsOf(synth: Synthesized, fn: 'caller' | 'callee'): PermissionStatement[] {
  const [, document] = firstData<{ statement: PermissionStatement[] }>(synth, 'aws_iam_policy_document', (id) =>
    id.startsWith(`${fn}_permissions`),
  );
  return document.statement;
}

describe('caller-stack', () => {
  // The real bundles: this is the stack `cdktf deploy caller-stack` deploys.
  beforeAll(() => ensureWorkspaceBundles());
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthCallerStack();
  });

  it('synthesises the whole system in one stack', () => {
    const counts = Object.fromEntries(
      Object.entries(synth.resource ?? {}).map(([type, byId]) => [type, Object.keys(byId).length]),
    );
    expect(counts).toEqual({
      aws_vpc: 1,
      aws_subnet: 4,
      aws_internet_gateway: 1,
      aws_eip: 1,
      aws_nat_gateway: 1,
      aws_route_table: 3,
      aws_route: 3,
      aws_route_table_association: 4,
      aws_security_group: 2,
      aws_vpc_security_group_egress_rule: 1,
      aws_vpc_security_group_ingress_rule: 1,
      aws_vpc_endpoint: 1,
      aws_cloudwatch_log_group: 2,
      aws_iam_role: 2,
      aws_iam_role_policy: 2,
      aws_lambda_function: 2,
    });
  });

  it('runs the caller in the private subnets, whose default route is the NAT gateway', () => {
    const [, caller] = oneResource<LambdaFunctionConfig>(synth, 'aws_lambda_function', 'caller');
    const privateSubnetRefs = [0, 1].map((index) =>
      ref('aws_subnet', oneResource(synth, 'aws_subnet', `private-subnet-${index}`)[0], 'id'),
    );
    expect(caller.vpc_config.subnet_ids).toEqual(privateSubnetRefs);
    const [natId] = oneResource(synth, 'aws_nat_gateway');
    for (const index of [0, 1]) {
      expect(oneResource(synth, 'aws_route', `private-default-route-${index}`)[1]).toMatchObject({
        destination_cidr_block: '0.0.0.0/0',
        nat_gateway_id: ref('aws_nat_gateway', natId, 'id'),
      });
    }
    const [, callee] = oneResource(synth, 'aws_lambda_function', 'callee');
    expect(callee.vpc_config).toBeUndefined();
  });

  it('switches the Lambda endpoint with the use_lambda_endpoint variable (default off)', () => {
    expect(synth.variable?.use_lambda_endpoint).toMatchObject({ type: 'bool', default: false });
    const [, endpoint] = oneResource(synth, 'aws_vpc_endpoint');
    expect(endpoint).toMatchObject({ count: '${var.use_lambda_endpoint ? 1 : 0}', private_dns_enabled: true });
    expect(synth.output?.lambda_path?.value).toBe(
      '${var.use_lambda_endpoint ? "interface VPC endpoint" : "NAT gateway"}',
    );
  });

  it('lets the caller invoke the callee (and its versions/aliases) only', () => {
    const [calleeId] = oneResource(synth, 'aws_lambda_function', 'callee');
    const calleeArn = ref('aws_lambda_function', calleeId, 'arn');
    const invoke = permissionsOf(synth, 'caller').filter((statement) =>
      statement.actions.some((a: string) => a.startsWith('lambda:')),
    );
    expect(invoke).toEqual([
      {
        sid: 'InvokeCalleeOnly',
        effect: 'Allow',
        actions: ['lambda:InvokeFunction'],
        resources: [calleeArn, `${calleeArn}:*`],
      },
    ]);
    // The callee may only write its own logs.
    expect(permissionsOf(synth, 'callee').map((statement) => statement.sid)).toEqual(['OwnLogStreams']);
    // No statement anywhere grants every action, and only the ENI statement uses "*".
    const all = [...permissionsOf(synth, 'caller'), ...permissionsOf(synth, 'callee')];
    expect(all.flatMap((statement) => statement.actions)).not.toContain('*');
    expect(all.filter((statement) => statement.resources.includes('*')).map((statement) => statement.sid)).toEqual([
      'VpcNetworkInterfaces',
    ]);
  });

  it('opens no ingress from 0.0.0.0/0 anywhere; the caller group has no ingress and HTTPS egress only', () => {
    const ingress = resourcesOf(synth, 'aws_vpc_security_group_ingress_rule').map(([, rule]) => rule);
    expect(ingress.every((rule) => rule.cidr_ipv4 === undefined && rule.cidr_ipv6 === undefined)).toBe(true);
    expect(resourcesOf(synth, 'aws_security_group').every(([, group]) => group.ingress === undefined)).toBe(true);

    const [callerGroupId] = oneResource(synth, 'aws_security_group', 'caller');
    const callerGroupRef = ref('aws_security_group', callerGroupId, 'id');
    expect(ingress.filter((rule) => rule.security_group_id === callerGroupRef)).toEqual([]);
    expect(ingress.map((rule) => rule.referenced_security_group_id)).toEqual([callerGroupRef]);
    expect(resourcesOf(synth, 'aws_vpc_security_group_egress_rule').map(([, rule]) => rule)).toEqual([
      expect.objectContaining({
        security_group_id: callerGroupRef,
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        cidr_ipv4: '0.0.0.0/0',
      }),
    ]);
  });

  it('keeps logs 14 days', () => {
    expect(
      resourcesOf(synth, 'aws_cloudwatch_log_group').map(([, group]) => [group.name, group.retention_in_days]),
    ).toEqual([
      ['/aws/lambda/lambda-keepalive-callee', 14],
      ['/aws/lambda/lambda-keepalive-caller', 14],
    ]);
  });

  it('wires the caller environment to the callee and the keepalive variables', () => {
    const [calleeId, callee] = oneResource<LambdaFunctionConfig>(synth, 'aws_lambda_function', 'callee');
    const [, caller] = oneResource<LambdaFunctionConfig>(synth, 'aws_lambda_function', 'caller');
    expect(caller.environment.variables).toEqual({
      CALLEE_FUNCTION_NAME: ref('aws_lambda_function', calleeId, 'function_name'),
      KEEPALIVE: '${var.keepalive ? "on" : "off"}',
      KEEPALIVE_IDLE_SECONDS: '${var.keepalive_idle_seconds}',
    });
    expect(callee.environment.variables).toEqual({ CALLEE_DEFAULT_SECONDS: '${var.callee_default_seconds}' });
    expect(synth.variable?.keepalive).toMatchObject({ type: 'bool', default: true });
    expect(synth.variable?.keepalive_idle_seconds).toMatchObject({ type: 'number', default: 60 });
    expect(synth.variable?.callee_default_seconds).toMatchObject({ type: 'number', default: 400 });
  });

  it('validates the variables in Terraform: idle within the caller rule 1..340, sleep below the callee timeout', () => {
    expect(synth.variable?.keepalive_idle_seconds?.validation).toEqual([
      expect.objectContaining({
        condition:
          '${((0 == (var.keepalive_idle_seconds % 1)) && ' +
          '((1 <= var.keepalive_idle_seconds) && (var.keepalive_idle_seconds <= 340)))}',
      }),
    ]);
    expect(synth.variable?.callee_default_seconds?.validation).toEqual([
      expect.objectContaining({
        condition: '${((0 <= var.callee_default_seconds) && (var.callee_default_seconds < 850))}',
      }),
    ]);
  });

  it('gives the caller more time than the callee (Lambda maximum 900 s)', () => {
    const [, caller] = oneResource<LambdaFunctionConfig>(synth, 'aws_lambda_function', 'caller');
    const [, callee] = oneResource<LambdaFunctionConfig>(synth, 'aws_lambda_function', 'callee');
    expect(callee.timeout).toBe(850);
    expect(caller.timeout).toBe(900);
    expect(caller.timeout).toBeGreaterThan(callee.timeout);
    expect(
      () => new CallerStack(Testing.app(), 'bad', { calleeTimeoutSeconds: 900, callerTimeoutSeconds: 900 }),
    ).toThrow(
      expect.objectContaining({ name: InvalidStackOptionError.name, field: 'CallerStack.callerTimeoutSeconds' }),
    );
  });

  it('takes the region from aws_region or else the environment, with no credentials in the config', () => {
    expect(synth.provider?.aws).toEqual([
      {
        region: '${("" == var.aws_region) ? null : var.aws_region}',
        default_tags: [{ tags: { Project: 'lambda-keepalive', Stack: 'caller-stack' } }],
      },
    ]);
  });

  it('stores state locally by default and in S3 when asked', () => {
    expect(synth.terraform?.backend?.local?.path).toMatch(/stacks\/terraform-state\/terraform\.caller-stack\.tfstate$/);
    const s3 = synthCallerStack({
      stateBackend: chooseStateBackend('caller-stack', { STATE_S3_BUCKET: 'my-state', STATE_S3_REGION: 'eu-west-1' }),
    });
    expect(s3.terraform?.backend).toEqual({
      s3: {
        bucket: 'my-state',
        key: 'lambda-keepalive/caller-stack.tfstate',
        region: 'eu-west-1',
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  it('prints the function names and the exact 400 s invoke command', () => {
    const [callerId] = oneResource(synth, 'aws_lambda_function', 'caller');
    const [calleeId] = oneResource(synth, 'aws_lambda_function', 'callee');
    expect(synth.output?.caller_function_name?.value).toBe(ref('aws_lambda_function', callerId, 'function_name'));
    expect(synth.output?.callee_function_name?.value).toBe(ref('aws_lambda_function', calleeId, 'function_name'));
    expect(synth.output?.invoke_400s_command?.value).toBe(
      'AWS_MAX_ATTEMPTS=1 aws lambda invoke --region ${data.aws_region.region.region} ' +
        `--function-name ${ref('aws_lambda_function', callerId, 'function_name')} ` +
        '--cli-binary-format raw-in-base64-out --cli-read-timeout 960 ' +
        `--payload '\${jsonencode({"durationSeconds" = 400})}' out.json && cat out.json`,
    );
    expect(synth.output?.toggle_keepalive_command?.value).toBe(
      '${var.keepalive ? "cdktf deploy caller-stack --var=\'keepalive=false\'" : ' +
        '"cdktf deploy caller-stack --var=\'keepalive=true\'"}',
    );
  });

  it('with natGatewayPerAz and a custom CIDR, builds two NAT gateways in that VPC', () => {
    const perAz = synthCallerStack({ natGatewayPerAz: true, vpcCidr: '10.20.0.0/16' });
    expect(resourcesOf(perAz, 'aws_nat_gateway')).toHaveLength(2);
    expect(oneResource(perAz, 'aws_vpc')[1].cidr_block).toBe('10.20.0.0/16');
  });
});
