/**
 * examples/existing-vpc, checked without providers: a root configuration with the provider block that finds
 * the VPC and subnets by data sources, calls the module with every required variable and only declared ones,
 * prints the invoke command, checks the Lambda endpoint's zones at plan time, and loads the module tree.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MODULE_DIR } from '../src/module/generate-module';
import { type HclJson, only, parseHclDir } from './support/hcl-files';
import { runTerraform, withTerraform } from './support/terraform-cli';
import { WORKSPACE_ROOT } from './support/workspace-bundles';

const EXAMPLE_DIR = path.join(WORKSPACE_ROOT, 'examples', 'existing-vpc');
/** Meta-arguments of a module block, which are not module variables. */
const META_ARGUMENTS = ['source', 'version', 'providers', 'depends_on', 'count', 'for_each'];

describe('examples/existing-vpc', () => {
  let example: HclJson;
  let moduleVariables: Record<string, HclJson>;
  beforeAll(async () => {
    example = await parseHclDir(EXAMPLE_DIR);
    const module = await parseHclDir(MODULE_DIR);
    moduleVariables = Object.fromEntries(
      Object.entries<unknown[]>(module.variable).map(([name, blocks]) => [name, only(blocks)]),
    );
  });

  it('calls the module with every required variable, and only with variables it declares', () => {
    const call = only(example.module.keepalive_caller);
    expect(call.source).toBe('../../modules/keepalive-caller');
    const passed = Object.keys(call).filter((argument) => !META_ARGUMENTS.includes(argument));
    expect(passed.filter((argument) => !(argument in moduleVariables))).toEqual([]);
    const required = Object.entries(moduleVariables)
      .filter(([, variable]) => !('default' in variable))
      .map(([name]) => name);
    expect(required.sort()).toEqual(['callee_function_arn', 'name', 'subnet_ids', 'vpc_id']);
    expect(required.filter((name) => !passed.includes(name))).toEqual([]);
  });

  it('is a root configuration: the provider block, the same provider range as the module', () => {
    expect(only(example.provider.aws)).toEqual({ region: '${var.region}' });
    const terraform = only(example.terraform);
    expect(only(terraform.required_providers)).toEqual({ aws: { source: 'hashicorp/aws', version: '>= 6.20, < 7.0' } });
    expect(terraform.backend).toBeUndefined();
  });

  it('finds the VPC by id or tags and the private subnets by tags, unless they are given', () => {
    expect(only(example.data.aws_vpc.selected)).toEqual({
      id: '${var.vpc_id}',
      tags: '${var.vpc_id == null ? var.vpc_tags : null}',
    });
    expect(only(example.data.aws_subnets.private)).toMatchObject({
      count: '${var.private_subnet_ids == null ? 1 : 0}',
      filter: [{ name: 'vpc-id', values: ['${data.aws_vpc.selected.id}'] }],
      tags: '${var.private_subnet_tags}',
    });
    expect(only(example.module.keepalive_caller)).toMatchObject({
      vpc_id: '${data.aws_vpc.selected.id}',
      subnet_ids: '${local.subnet_ids}',
      callee_function_arn: '${data.aws_lambda_function.callee.arn}',
    });
  });

  it('prints the aws lambda invoke command for a 400 s call, with the CLI timeout above it and no retry', () => {
    const command = only(example.output.invoke_command).value as string;
    expect(command).toMatch(/^AWS_MAX_ATTEMPTS=1 aws lambda invoke /);
    expect(command).toContain('--function-name ${module.keepalive_caller.function_name}');
    expect(command).toContain('--cli-read-timeout 960');
    expect(command).toContain(`--payload '{"durationSeconds":400}'`);
  });

  it("gives the optional Lambda endpoint plan-time checks: DNS, the service's zones, one subnet per zone", () => {
    const endpoint = only(example.resource.aws_vpc_endpoint.lambda);
    expect(endpoint).toMatchObject({ count: '${var.create_lambda_endpoint ? 1 : 0}', private_dns_enabled: true });
    const conditions = only<HclJson>(endpoint.lifecycle).precondition.map((rule: HclJson) => rule.condition);
    expect(conditions).toEqual([
      expect.stringContaining('enable_dns_support'),
      expect.stringContaining('data.aws_vpc_endpoint_service.lambda[0].availability_zones'),
      expect.stringContaining('distinct('),
    ]);
    const text = fs.readFileSync(path.join(EXAMPLE_DIR, 'lambda-endpoint.tf'), 'utf8');
    expect(text).toMatch(/lambda\.<region>\.amazonaws\.com resolves to this endpoint for EVERY workload/);
  });

  it(
    'loads the module tree offline (terraform get), with one provider requirement throughout',
    withTerraform((terraform) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-data-'));
      try {
        const get = runTerraform(terraform, ['get', '-no-color'], { cwd: EXAMPLE_DIR, dataDir });
        expect({ status: get.status, stderr: get.stderr }).toEqual({ status: 0, stderr: '' });
        const providers = runTerraform(terraform, ['providers', '-no-color'], { cwd: EXAMPLE_DIR, dataDir });
        expect(providers.stdout.match(/hashicorp\/aws\] >= 6\.20\.0, < 7\.0\.0/g)).toHaveLength(2);
        expect(providers.stdout).toContain('module.keepalive_caller');
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }),
  );
});
