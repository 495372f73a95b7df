/**
 * The emitter of variables, outputs and the terraform block: literal text escaped (backslashes and quotes,
 * which cdktf's renderer leaves raw), interpolations kept, and the result parsed back to the same values.
 */
import { parse } from '@cdktf/hcl2json';
import { hclString, hclValue, renderOutput, renderTerraformBlock, renderVariable } from './hcl-emit';

describe('hcl-emit', () => {
  it('escapes literal text only and keeps interpolations as written', () => {
    expect(hclString('a "q" \\d ${var.x == "y" ? 1 : 2}')).toBe('"a \\"q\\" \\\\d ${var.x == "y" ? 1 : 2}"');
    expect(hclString('${var.x}')).toBe('var.x');
    expect(hclValue({ a: [1, 'b'], 'x-y': true, 'with space': null })).toBe(
      '{\n  a = [\n    1,\n    "b",\n  ]\n  x-y = true\n  "with space" = null\n}',
    );
  });

  it('renders a variable with its type, description, default and validation, which parse back', async () => {
    const hcl = renderVariable('idle', {
      type: 'number',
      description: 'Idle "seconds", 1..340.',
      default: 60,
      validation: [{ condition: '${var.idle >= 1 && var.idle <= 340}', error_message: 'The idle must be \\d.' }],
    });
    const [variable] = (await parse('v.tf', hcl)).variable.idle;
    expect(variable).toEqual({
      type: '${number}',
      description: 'Idle "seconds", 1..340.',
      default: 60,
      validation: [{ condition: '${var.idle >= 1 && var.idle <= 340}', error_message: 'The idle must be \\d.' }],
    });
  });

  it('renders outputs and the terraform block, which parse back', async () => {
    const parsed = await parse(
      'o.tf',
      `${renderOutput('arn', { value: '${aws_x.y.arn}', description: 'The ARN.' })}\n` +
        renderTerraformBlock('>= 1.9', 'hashicorp/aws', '>= 6.20, < 7.0'),
    );
    expect(parsed.output.arn).toEqual([{ description: 'The ARN.', value: '${aws_x.y.arn}' }]);
    expect(parsed.terraform).toEqual([
      {
        required_version: '>= 1.9',
        required_providers: [{ aws: { source: 'hashicorp/aws', version: '>= 6.20, < 7.0' } }],
      },
    ]);
  });
});
