/**
 * The synthesised caller stack with the real bundles: its resources, the caller's network path, least-privilege
 * IAM and security groups, the variables and their validation rules, the runtime of both functions, per-AZ NAT.
 * (caller-stack-terraform.spec.ts: the terraform block, state, moved blocks, outputs, validation by Terraform.)
 */
import { Testing } from 'cdktf';
import { InvalidStackOptionError } from '../src/errors';
import { CallerStack } from '../src/stacks/caller-stack';
import { type LambdaFunctionConfig, synthCallerStack } from './support/caller-stack-synth';
import { firstData, oneResource, ref, resourcesOf, type Synthesized } from './support/synthesized';
import { ensureWorkspaceBundles } from './support/workspace-bundles';

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

  it('switches the Lambda endpoint with use_lambda_endpoint (default off); lambda_path reads what is deployed', () => {
    expect(synth.variable?.use_lambda_endpoint).toMatchObject({ type: 'bool', default: false });
    const [endpointId, endpoint] = oneResource(synth, 'aws_vpc_endpoint');
    expect(endpoint).toMatchObject({ count: '${var.use_lambda_endpoint ? 1 : 0}', private_dns_enabled: true });
    const [natId] = oneResource(synth, 'aws_nat_gateway');
    const endpoints = `aws_vpc_endpoint.${endpointId}[*]`;
    expect(synth.output?.lambda_path?.value).toBe(
      `\${anytrue(${endpoints}.private_dns_enabled) ? ` +
        `"interface VPC endpoint \${join(", ", ${endpoints}.id)} (private DNS)" : ` +
        `"NAT gateway \${join(", ", [aws_nat_gateway.${natId}.id])}"}`,
    );
    // The endpoint's zone check reads the service only while the endpoint is on.
    expect(firstData(synth, 'aws_vpc_endpoint_service', () => true)[1]).toEqual({
      service: 'lambda',
      service_type: 'Interface',
      count: '${var.use_lambda_endpoint ? 1 : 0}',
    });
  });

  it('runs both functions on the runtime variable, nodejs24.x by default, validated against the list', () => {
    expect(synth.variable?.runtime).toMatchObject({
      type: 'string',
      default: 'nodejs24.x',
      validation: [
        {
          condition: '${contains(["nodejs22.x", "nodejs24.x", "nodejs26.x"], var.runtime)}',
          error_message: expect.stringMatching(
            /^The runtime variable must be one of nodejs22\.x, nodejs24\.x, nodejs26\.x/,
          ),
        },
      ],
    });
    for (const fn of ['caller', 'callee']) {
      expect({ fn, runtime: oneResource<LambdaFunctionConfig>(synth, 'aws_lambda_function', fn)[1].runtime }).toEqual({
        fn,
        runtime: '${var.runtime}',
      });
    }
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
      // The ARN: the client accepts it as a name, and it is what the invoke grant is scoped to.
      CALLEE_FUNCTION_NAME: ref('aws_lambda_function', calleeId, 'arn'),
      KEEPALIVE: '${var.keepalive ? "on" : "off"}',
      KEEPALIVE_IDLE_SECONDS: '${var.keepalive_idle_seconds}',
      KEEPALIVE_PROBE_INTERVAL_SECONDS: '${var.keepalive_probe_interval_seconds}',
      KEEPALIVE_PROBE_COUNT: '${var.keepalive_probe_count}',
    });
    expect(callee.environment.variables).toEqual({ CALLEE_DEFAULT_SECONDS: '${var.callee_default_seconds}' });
    expect(synth.variable?.keepalive).toMatchObject({ type: 'bool', default: true });
    expect(synth.variable?.keepalive_idle_seconds).toMatchObject({ type: 'number', default: 60 });
    expect(synth.variable?.callee_default_seconds).toMatchObject({ type: 'number', default: 400 });
    expect(synth.variable?.keepalive_probe_interval_seconds).toMatchObject({ type: 'number', default: 5 });
    expect(synth.variable?.keepalive_probe_count).toMatchObject({ type: 'number', default: 6 });
  });

  it('validates the variables in Terraform: the caller rules for idle and probes, sleep below the timeout', () => {
    const conditionOf = (name: string) =>
      (synth.variable?.[name]?.validation as Array<{ condition: string }> | undefined)?.map((rule) => rule.condition);
    const whole = (name: string, min: number, max: number | string) =>
      `\${floor(var.${name}) == var.${name} && var.${name} >= ${min} && var.${name} <= ${max}}`;
    expect(conditionOf('keepalive_idle_seconds')).toEqual([whole('keepalive_idle_seconds', 1, 340)]);
    expect(conditionOf('keepalive_probe_interval_seconds')).toEqual([
      whole('keepalive_probe_interval_seconds', 1, '340 - var.keepalive_idle_seconds'),
    ]);
    expect(conditionOf('keepalive_probe_count')).toEqual([whole('keepalive_probe_count', 1, 127)]);
    expect(conditionOf('callee_default_seconds')).toEqual([
      '${var.callee_default_seconds >= 0 && var.callee_default_seconds < 850}',
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

  it('with natGatewayPerAz and a custom CIDR, builds two NAT gateways in that VPC', () => {
    const perAz = synthCallerStack({ natGatewayPerAz: true, vpcCidr: '10.20.0.0/16' });
    expect(resourcesOf(perAz, 'aws_nat_gateway')).toHaveLength(2);
    expect(oneResource(perAz, 'aws_vpc')[1].cidr_block).toBe('10.20.0.0/16');
  });

  it('refuses a name prefix EC2 or Lambda would refuse', () => {
    for (const namePrefix of ['sg-demo', 'with space', 'x'.repeat(41)]) {
      expect(() => new CallerStack(Testing.app(), 'bad', { namePrefix })).toThrow(
        expect.objectContaining({
          name: InvalidStackOptionError.name,
          field: 'CallerStack.namePrefix',
          value: namePrefix,
        }),
      );
    }
  });
});
