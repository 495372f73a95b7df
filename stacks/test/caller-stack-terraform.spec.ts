/**
 * The caller stack as Terraform reads it: the terraform block (Terraform's floor, the provider range), the state
 * backend's portable path, moved blocks that keep a deployed stack in place, the outputs and the toggle
 * commands, and — evaluated by terraform itself, offline — the variables' validation, runtime first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RUNTIME_NAMES } from '@lambda-keepalive/runtimes';
import { App, Testing } from 'cdktf';
import { CallerStack } from '../src/stacks/caller-stack';
import { CALLER_ADDRESSES_BEFORE_KEEPALIVE_CALLER } from '../src/stacks/caller-stack-moves';
import { chooseStateBackend, DEFAULT_LOCAL_STATE_DIR } from '../src/stacks/state-backend';
import { synthCallerStack } from './support/caller-stack-synth';
import { oneResource, parseSynth, ref, type Synthesized } from './support/synthesized';
import { refusedVariables, validationErrors, withTerraform } from './support/terraform-cli';
import { WORKSPACE_ROOT } from './support/workspace-bundles';

describe('caller-stack for Terraform', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthCallerStack();
  });

  it('needs Terraform >= 1.10 and an AWS provider range that admits one knowing every listed runtime', () => {
    expect(synth.terraform).toMatchObject({
      required_version: '>= 1.10',
      required_providers: { aws: { source: 'hashicorp/aws', version: '>= 6.20, < 7.0' } },
    });
  });

  it('stores state locally, at a path relative to where Terraform runs, and in S3 when asked', () => {
    const outdir = path.join(WORKSPACE_ROOT, 'stacks', 'cdktf.out');
    const local = parseSynth(Testing.synth(new CallerStack(new App({ outdir, skipValidation: true }), 'caller-stack')));
    const statePath = local.terraform?.backend?.local?.path as string;
    // The same text on every machine and checkout: what `pnpm cdktf` runs from stacks/cdktf.out/stacks/caller-stack.
    expect(statePath).toBe('../../../terraform-state/terraform.caller-stack.tfstate');
    expect(path.resolve(outdir, 'stacks', 'caller-stack', statePath)).toBe(
      path.join(DEFAULT_LOCAL_STATE_DIR, 'terraform.caller-stack.tfstate'),
    );
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

  it('moves the caller resources of a deployed stack to their KeepAliveCaller addresses, not replacing them', () => {
    const moved = (synth as { moved?: Array<{ from: string; to: string }> }).moved ?? [];
    const before = CALLER_ADDRESSES_BEFORE_KEEPALIVE_CALLER;
    const now = (type: string, idPart: string) => `${type}.${oneResource(synth, type, idPart)[0]}`;
    expect(moved).toEqual(
      expect.arrayContaining([
        { from: before.function, to: now('aws_lambda_function', 'caller') },
        { from: before.role, to: now('aws_iam_role', 'caller') },
        { from: before.rolePolicy, to: now('aws_iam_role_policy', 'caller') },
        { from: before.logGroup, to: now('aws_cloudwatch_log_group', 'caller') },
        { from: before.securityGroup, to: now('aws_security_group', 'caller') },
        { from: before.httpsEgressRule, to: now('aws_vpc_security_group_egress_rule', 'caller') },
      ]),
    );
    expect(moved).toHaveLength(6);
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
    // One overlay file after the settings file: the overlay wins, every other setting is kept.
    expect(synth.output?.toggle_keepalive_command?.value).toBe(
      '${var.keepalive ? "pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/keepalive-off.tfvars" : ' +
        '"pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/keepalive-on.tfvars"}',
    );
    expect(synth.output?.toggle_lambda_endpoint_command?.value).toBe(
      '${var.use_lambda_endpoint ? ' +
        '"pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/lambda-endpoint-off.tfvars" : ' +
        '"pnpm cdktf deploy caller-stack --var-file=stacks/tfvars/lambda-endpoint-on.tfvars"}',
    );
  });

  it('outputs what was deployed: ARNs, roles, log groups, VPC, subnet and security group ids, described', () => {
    expect(Object.keys(synth.output ?? {}).sort()).toEqual([
      'callee_function_arn',
      'callee_function_name',
      'callee_log_group_name',
      'callee_role_arn',
      'caller_function_arn',
      'caller_function_name',
      'caller_keepalive',
      'caller_log_group_name',
      'caller_role_arn',
      'caller_security_group_ids',
      'functions_runtime',
      'invoke_400s_command',
      'lambda_endpoint_id',
      'lambda_endpoint_security_group_id',
      'lambda_path',
      'private_subnet_ids',
      'toggle_keepalive_command',
      'toggle_lambda_endpoint_command',
      'vpc_id',
    ]);
    for (const [name, output] of Object.entries(synth.output ?? {})) {
      expect({ name, described: typeof output.description === 'string' && output.description.length > 0 }).toEqual({
        name,
        described: true,
      });
    }
    const [callerGroupId] = oneResource(synth, 'aws_security_group', 'caller');
    expect(synth.output?.caller_security_group_ids?.value).toEqual([ref('aws_security_group', callerGroupId, 'id')]);
    expect(synth.output?.vpc_id?.value).toBe(ref('aws_vpc', oneResource(synth, 'aws_vpc')[0], 'id'));
  });

  describe("the variables' validation, evaluated by terraform console on the synthesized variables alone", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-variables-'));
      // Pretty-printed: each diagnostic quotes the line of the variable it is about.
      fs.writeFileSync(path.join(dir, 'variables.tf.json'), JSON.stringify({ variable: synth.variable }, null, 2));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it(
      'allows exactly the listed runtimes: nodejs20.x is refused, naming the variable and the allowed values',
      withTerraform((terraform) => {
        const refused = validationErrors(terraform, dir, { runtime: 'nodejs20.x' });
        expect(refusedVariables(refused)).toEqual(['runtime']);
        expect(refused.replace(/\s+/g, ' ')).toContain(
          'The runtime variable must be one of nodejs22.x, nodejs24.x, nodejs26.x',
        );
        for (const runtime of RUNTIME_NAMES) {
          expect({ runtime, errors: validationErrors(terraform, dir, { runtime }) }).toEqual({ runtime, errors: '' });
        }
        expect(validationErrors(terraform, dir, {})).toBe('');
      }),
    );

    it(
      'refuses keepalive and callee values outside the rules, each naming its variable',
      withTerraform((terraform) => {
        const cases: Array<[Record<string, string>, string]> = [
          [{ keepalive_idle_seconds: '350' }, 'keepalive_idle_seconds'],
          [{ keepalive_idle_seconds: '1.5' }, 'keepalive_idle_seconds'],
          [
            { keepalive_idle_seconds: '300', keepalive_probe_interval_seconds: '41' },
            'keepalive_probe_interval_seconds',
          ],
          [{ keepalive_probe_count: '128' }, 'keepalive_probe_count'],
          [{ callee_default_seconds: '850' }, 'callee_default_seconds'],
        ];
        for (const [values, variable] of cases) {
          expect({ values, refused: refusedVariables(validationErrors(terraform, dir, values)) }).toEqual({
            values,
            refused: [variable],
          });
        }
        expect(
          validationErrors(terraform, dir, { keepalive_idle_seconds: '300', keepalive_probe_interval_seconds: '40' }),
        ).toBe('');
      }),
    );
  });
});
