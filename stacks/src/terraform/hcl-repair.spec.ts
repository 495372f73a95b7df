/**
 * The repairs of cdktf 0.21's HCL: quoted depends_on become references, precondition lists become blocks, the
 * terraform block's attributes get their values back, and interpolation-only strings are unwrapped; output
 * the repairs do not recognise is refused rather than passed on.
 */
import { parse } from '@cdktf/hcl2json';
import { HclRenderError } from '../errors';
import {
  conditionListsToBlocks,
  restoreTerraformAttributes,
  unquoteDependsOn,
  unwrapInterpolationOnly,
} from './hcl-repair';

describe('hcl-repair', () => {
  it('turns quoted depends_on items into references', async () => {
    const cdktf = 'resource "a" "b" {\ndepends_on = [\n"aws_iam_role_policy.x_1",\n"data.aws_y.z",\n]\n}\n';
    const repaired = unquoteDependsOn(cdktf);
    expect(repaired).toBe('resource "a" "b" {\ndepends_on = [\naws_iam_role_policy.x_1,\ndata.aws_y.z,\n]\n}\n');
    const parsed = await parse('r.tf', repaired);
    expect(parsed.resource.a.b[0].depends_on).toEqual(['${aws_iam_role_policy.x_1}', '${data.aws_y.z}']);
    expect(() => unquoteDependsOn('depends_on = [\n"${aws_x.y}",\n]')).toThrow(HclRenderError);
  });

  it('turns precondition lists into blocks Terraform accepts', async () => {
    const cdktf =
      'resource "a" "b" {\nlifecycle {\n  precondition = [\n{\ncondition = "${length(["]"]) == 1}"\n' +
      'error_message = "one, two"\n},\n{\ncondition = true\nerror_message = "x"\n},\n]\n}\n}\n';
    const repaired = conditionListsToBlocks(cdktf);
    const parsed = await parse('r.tf', repaired);
    expect(parsed.resource.a.b[0].lifecycle[0].precondition).toEqual([
      { condition: '${length(["]"]) == 1}', error_message: 'one, two' },
      { condition: true, error_message: 'x' },
    ]);
    // Blocks, not an attribute: hcl2json cannot tell the two apart (test/terraform-accepts-repairs.spec.ts
    // has Terraform itself judge them).
    expect(repaired).not.toMatch(/precondition =/);
    expect(repaired.match(/^precondition \{$/gm)).toHaveLength(2);
  });

  it('puts the terraform attributes cdktf renders as `0 = "name"` back with their values', () => {
    const cdktf = 'terraform {\nrequired_providers {\n}\n\n  0 = "required_version"\n}\n';
    expect(restoreTerraformAttributes(cdktf, { required_version: '>= 1.10' })).toBe(
      'terraform {\nrequired_providers {\n}\n\n  required_version = ">= 1.10"\n}\n',
    );
    expect(() => restoreTerraformAttributes('terraform {\n}\n', { required_version: '>= 1.10' })).toThrow(
      /no terraform required_version/,
    );
  });

  it('unwraps strings that are exactly one interpolation and leaves templates alone', () => {
    expect(unwrapInterpolationOnly('a = "${var.x}"\nb = "${var.x}-y"\nc = "${f("${z}")}"\n')).toBe(
      'a = var.x\nb = "${var.x}-y"\nc = f("${z}")\n',
    );
    expect(() => unwrapInterpolationOnly('d = <<EOF\ntext\nEOF\n')).toThrow(/heredoc/);
  });
});
