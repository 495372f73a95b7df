/**
 * modules/keepalive-caller, checked without providers: it is what the construct generates and what is
 * committed; it parses, is provider-free, documents every variable and output, builds file paths from
 * path.module, ships the caller build's zip byte for byte, means what the construct synthesizes, is
 * canonically formatted, and its variables' validation behaves (evaluated by terraform console).
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { generateModule, MODULE_DIR, staleFiles, workspaceCallerZip } from '../src/module/generate-module';
import { KeepAliveCallerModuleStack, MODULE_ZIP_NAME } from '../src/module/keepalive-caller-module';
import { type HclJson, only, parseHclDir } from './support/hcl-files';
import { normalizeTerraform } from './support/normalize-terraform';
import { refusedVariables, runTerraform, validationErrors, withTerraform } from './support/terraform-cli';
import { ensureWorkspaceBundles, WORKSPACE_ROOT } from './support/workspace-bundles';

const REQUIRED = {
  name: 'orders-caller',
  vpc_id: 'vpc-0123456789abcdef0',
  subnet_ids: '["subnet-1","subnet-2"]',
  callee_function_arn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders',
};

describe('modules/keepalive-caller', () => {
  let module: HclJson;
  beforeAll(async () => {
    ensureWorkspaceBundles();
    module = await parseHclDir(MODULE_DIR);
  });

  it('is what the construct generates now (when this fails: `pnpm build`, then commit modules/)', async () => {
    const files = await generateModule(workspaceCallerZip());
    expect(staleFiles(MODULE_DIR, files)).toEqual([]);
    expect(fs.readdirSync(MODULE_DIR).sort()).toEqual([...Object.keys(files), 'README.md'].sort());
  });

  it('is committed as generated: `pnpm build` left nothing to commit in modules/', () => {
    const status = spawnSync('git', ['status', '--porcelain', '--', 'modules/'], {
      cwd: WORKSPACE_ROOT,
      encoding: 'utf8',
    });
    if (status.error !== undefined || status.status !== 0) {
      console.warn(`skipping the committed-module check: not a git checkout (${status.stderr || status.error})`);
      return;
    }
    expect(status.stdout).toBe('');
  });

  it('declares Terraform and the AWS provider range, and no provider, backend or cloud block', () => {
    expect(module.provider).toBeUndefined();
    const terraform = only(module.terraform);
    expect(terraform.backend).toBeUndefined();
    expect(terraform.cloud).toBeUndefined();
    expect(terraform.required_version).toBe('>= 1.9');
    expect(only(terraform.required_providers)).toEqual({ aws: { source: 'hashicorp/aws', version: '>= 6.20, < 7.0' } });
  });

  it('has the documented variables, each typed and described, and describes every output', () => {
    const variables = Object.entries<unknown[]>(module.variable).map(([name, blocks]) => [name, only(blocks)] as const);
    expect(variables.map(([name]) => name).sort()).toEqual(
      [
        'name',
        'vpc_id',
        'subnet_ids',
        'security_group_ids',
        'callee_function_arn',
        'runtime',
        'keepalive',
        'keepalive_idle_seconds',
        'keepalive_probe_interval_seconds',
        'keepalive_probe_count',
        'timeout_seconds',
        'memory_size',
        'log_retention_days',
        'replace_security_groups_on_destroy',
        'tags',
      ].sort(),
    );
    for (const [name, variable] of variables) {
      expect({ name, type: /^\$\{.+\}$/.test(variable.type), described: variable.description?.length > 10 }).toEqual({
        name,
        type: true,
        described: true,
      });
    }
    const outputs = Object.entries<unknown[]>(module.output).map(([name, blocks]) => [name, only(blocks)] as const);
    expect(outputs.map(([name]) => name)).toEqual(
      expect.arrayContaining(['function_name', 'function_arn', 'role_arn', 'security_group_id', 'log_group_name']),
    );
    for (const [name, output] of outputs) {
      expect({ name, described: output.description?.length > 10 }).toEqual({ name, described: true });
    }
  });

  it('writes depends_on as references, not quoted strings', () => {
    const dependsOn = only(module.resource.aws_lambda_function.this).depends_on;
    expect(dependsOn).toEqual(['${aws_iam_role_policy.this}', '${aws_cloudwatch_log_group.this}']);
  });

  it('builds every file path from path.module, so it works as a child module from any directory', () => {
    const main = fs.readFileSync(path.join(MODULE_DIR, 'main.tf'), 'utf8');
    const fileArguments = [...main.matchAll(/\b(?:file\w*|templatefile)\("([^"]*)"/g)].map((match) => match[1]);
    const fn = only(module.resource.aws_lambda_function.this);
    expect(fileArguments).toEqual([`\${path.module}/${MODULE_ZIP_NAME}`]);
    expect(fn.filename).toBe(`\${path.module}/${MODULE_ZIP_NAME}`);
    expect(fn.source_code_hash).toBe(`\${filebase64sha256("\${path.module}/${MODULE_ZIP_NAME}")}`);
    expect(main).not.toMatch(/assets\//);
  });

  it("ships the caller build's zip byte for byte: the committed zip equals a fresh build's", () => {
    // Built on another machine at another time (the commit) and here now: the deterministic zip.
    const shipped = fs.readFileSync(path.join(MODULE_DIR, MODULE_ZIP_NAME));
    const built = fs.readFileSync(workspaceCallerZip());
    const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
    expect(sha256(shipped)).toBe(sha256(built));
  });

  it(
    "gets the same source_code_hash from Terraform's filebase64sha256 as the zip's SHA-256",
    withTerraform((terraform) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-hash-'));
      fs.copyFileSync(path.join(MODULE_DIR, MODULE_ZIP_NAME), path.join(dir, MODULE_ZIP_NAME));
      const run = runTerraform(terraform, ['console', '-no-color'], {
        cwd: dir,
        input: `filebase64sha256("\${path.module}/${MODULE_ZIP_NAME}")\n`,
      });
      const expected = crypto.createHash('sha256').update(fs.readFileSync(workspaceCallerZip())).digest('base64');
      expect(run.stdout.trim()).toBe(JSON.stringify(expected));
      fs.rmSync(dir, { recursive: true, force: true });
    }),
  );

  it('means what the construct synthesizes (the HCL parsed equals cdktf’s JSON synth)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-synth-'));
    const stack = new KeepAliveCallerModuleStack(new App({ outdir, skipValidation: true }), 'keepalive-caller');
    const synth = JSON.parse(Testing.synth(stack, false));
    for (const kind of ['resource', 'data', 'variable', 'output']) {
      expect({ kind, value: normalizeTerraform(module[kind]) }).toEqual({
        kind,
        value: normalizeTerraform(synth[kind]),
      });
    }
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  it(
    'is canonically formatted, with the examples and the tfvars overlays (terraform fmt -check -recursive)',
    withTerraform((terraform) => {
      for (const dir of ['modules', 'examples', 'stacks/tfvars']) {
        const run = runTerraform(terraform, ['fmt', '-check', '-diff', '-recursive', '-no-color', dir], {
          cwd: WORKSPACE_ROOT,
        });
        expect({ dir, status: run.status, diff: run.stdout }).toEqual({ dir, status: 0, diff: '' });
      }
    }),
  );

  describe('variable validation (terraform console on variables.tf alone: no provider needed)', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-variables-'));
      fs.copyFileSync(path.join(MODULE_DIR, 'variables.tf'), path.join(dir, 'variables.tf'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it(
      'accepts the required variables with every default, and values at the bounds',
      withTerraform((terraform) => {
        expect(validationErrors(terraform, dir, REQUIRED)).toBe('');
        const boundaries: Array<Record<string, string>> = [
          { runtime: 'nodejs22.x' },
          { runtime: 'nodejs26.x' },
          { keepalive_idle_seconds: '339', keepalive_probe_interval_seconds: '1' },
          { keepalive_probe_count: '127', timeout_seconds: '900', memory_size: '10240', log_retention_days: '0' },
          { security_group_ids: '["sg-1"]', tags: '{Team="orders"}' },
        ];
        for (const values of boundaries) {
          expect({ values, errors: validationErrors(terraform, dir, { ...REQUIRED, ...values }) }).toEqual({
            values,
            errors: '',
          });
        }
      }),
    );

    it.each([
      ['name', { name: 'sg-orders' }],
      ['name', { name: 'orders caller' }],
      ['vpc_id', { vpc_id: 'subnet-1' }],
      ['subnet_ids', { subnet_ids: '[]' }],
      ['security_group_ids', { security_group_ids: '["vpc-1"]' }],
      ['callee_function_arn', { callee_function_arn: `${REQUIRED.callee_function_arn}:live` }],
      ['runtime', { runtime: 'nodejs20.x' }],
      ['keepalive_idle_seconds', { keepalive_idle_seconds: '350' }],
      ['keepalive_probe_interval_seconds', { keepalive_idle_seconds: '300', keepalive_probe_interval_seconds: '41' }],
      ['keepalive_probe_count', { keepalive_probe_count: '0' }],
      ['timeout_seconds', { timeout_seconds: '901' }],
      ['timeout_seconds', { timeout_seconds: '1.5' }],
      ['memory_size', { memory_size: '64' }],
      ['log_retention_days', { log_retention_days: '2' }],
      ['tags', { tags: '{"aws:x"="y"}' }],
    ])('refuses a bad %s, naming it', (variable, values) =>
      withTerraform((terraform) => {
        expect(refusedVariables(validationErrors(terraform, dir, { ...REQUIRED, ...values }))).toEqual([variable]);
      })(),
    );
  });
});
