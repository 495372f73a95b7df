/** The HCL scanner: string and interpolation ends (nested, escaped), bracket ends, and templates split into parts. */
import { HclRenderError } from '../errors';
import { endOfBracketed, endOfInterpolation, endOfQuotedTemplate, templateParts } from './hcl-scan';

describe('hcl-scan', () => {
  it('finds the end of a string past escapes, "$${" and nested interpolations with strings inside', () => {
    const text = '"a \\" $${x} ${join(",", ["}"])} b" rest';
    expect(text.slice(0, endOfQuotedTemplate(text, 0))).toBe('"a \\" $${x} ${join(",", ["}"])} b"');
    expect(endOfInterpolation('${ {a = 1} }x', 0)).toBe(12);
  });

  it('finds the end of a bracket, skipping brackets inside strings', () => {
    const text = '[ "]", { a = [1] } ] tail';
    expect(text.slice(0, endOfBracketed(text, 0))).toBe('[ "]", { a = [1] } ]');
  });

  it('splits a template into literal and interpolation parts, keeping "$${" literal', () => {
    expect(templateParts('arn:${var.p}:x:$${literal}:${a ? "b" : "c"}')).toEqual([
      { kind: 'literal', text: 'arn:' },
      { kind: 'interpolation', expression: 'var.p' },
      { kind: 'literal', text: ':x:$${literal}:' },
      { kind: 'interpolation', expression: 'a ? "b" : "c"' },
    ]);
  });

  it('refuses what it cannot handle, saying what and where', () => {
    expect(() => endOfQuotedTemplate('"never closed', 0)).toThrow(HclRenderError);
    expect(() => endOfQuotedTemplate('"never closed', 0)).toThrow(/an unterminated string near/);
    expect(() => endOfBracketed('[1, 2', 0)).toThrow(/an unclosed bracket/);
    expect(() => templateParts('%{ if a }x%{ endif }')).toThrow(/template directive/);
    expect(() => endOfInterpolation('${ <<EOF', 0)).toThrow(/heredoc/);
  });
});
