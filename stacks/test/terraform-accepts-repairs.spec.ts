/**
 * Terraform itself judges the HCL repairs, offline: a configuration of terraform_data resources (Terraform's
 * built-in provider, nothing to download) written by cdktf's HCL renderer fails `terraform validate` as is
 * and passes once repaired — the same repairs the caller stack's `--hcl` output and the module get.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataResource, TerraformStack, Testing } from 'cdktf';
import { STACK_REQUIRED_TERRAFORM } from '../src/config/terraform-versions';
import { repairStackHcl } from '../src/stacks/terraform-block';
import { runTerraform, withTerraform } from './support/terraform-cli';

/** cdktf's HCL for a stack with required_version, depends_on and a precondition: each a renderer defect. */
function cdktfHcl(): string {
  const stack = new TerraformStack(Testing.app(), 'repairs');
  stack.addOverride('terraform.required_version', STACK_REQUIRED_TERRAFORM);
  const first = new DataResource(stack, 'first', { input: { name: 'a' } });
  new DataResource(stack, 'second', {
    input: { name: 'b' },
    dependsOn: [first],
    lifecycle: {
      precondition: [{ condition: `\${${first.fqn}.input.name == "a"}`, errorMessage: 'The first input must be "a".' }],
    },
  });
  return stack.toHclTerraform().hcl;
}

function validate(terraform: string, hcl: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-repairs-'));
  try {
    fs.writeFileSync(path.join(dir, 'main.tf'), hcl);
    const init = runTerraform(terraform, ['init', '-backend=false', '-input=false', '-no-color'], { cwd: dir });
    const run = init.status === 0 ? runTerraform(terraform, ['validate', '-no-color'], { cwd: dir }) : init;
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the HCL repairs, judged by terraform validate', () => {
  it(
    "refuses cdktf's own rendering",
    withTerraform((terraform) => {
      const { status, output } = validate(terraform, cdktfHcl());
      expect(status).not.toBe(0);
      expect(output).toMatch(/Argument or block definition required[\s\S]*0 = "required_version"/);
      expect(output).toMatch(/An argument named "precondition" is not expected here/);
      expect(output).toMatch(/Quoted references are deprecated[\s\S]*"terraform_data\.first"/);
    }),
  );

  it(
    'accepts the repaired HCL, with no deprecation warning',
    withTerraform((terraform) => {
      const { status, output } = validate(terraform, repairStackHcl(cdktfHcl()));
      expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('The configuration is valid') });
      expect(output).not.toMatch(/Quoted references are deprecated|Warning/);
    }),
  );
});
