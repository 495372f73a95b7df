/**
 * The synth-time option checks: integer ranges with their bounds, allowed values listed, patterns reported, and
 * tokens left unchecked.
 */

import { Token } from 'cdktf';
import { InvalidStackOptionError } from '../errors';
import { requireIntegerInRange, requireOneOf, requirePattern, unlessToken } from './option-rules';

describe('option rules', () => {
  it('accepts integers inside the range, bounds included', () => {
    expect(requireIntegerInRange('t', 1, 1, 900)).toBe(1);
    expect(requireIntegerInRange('t', 900, 1, 900)).toBe(900);
  });

  it.each([0, 901, 1.5, Number.NaN])('rejects %p with the field and the rule', (value) => {
    expect(() => requireIntegerInRange('timeoutSeconds', value, 1, 900)).toThrow(
      new InvalidStackOptionError('timeoutSeconds', value, 'an integer from 1 to 900'),
    );
  });

  it('requireOneOf lists the allowed values', () => {
    expect(requireOneOf('r', 14, [7, 14])).toBe(14);
    expect(() => requireOneOf('logRetentionDays', 10, [7, 14])).toThrow(
      'logRetentionDays = 10 is invalid: one of 7, 14',
    );
  });

  it('requirePattern reports the rule', () => {
    expect(requirePattern('n', 'abc', /^[a-z]+$/, 'lower case')).toBe('abc');
    expect(() => requirePattern('functionName', 'a b', /^[a-z]+$/, 'lower case')).toThrow(
      'functionName = "a b" is invalid: lower case',
    );
  });

  it('unlessToken checks literals and leaves tokens alone', () => {
    const refuse = (value: number) => requireIntegerInRange('x', value, 1, 2);
    expect(unlessToken(2, refuse)).toBe(2);
    expect(() => unlessToken(3, refuse)).toThrow(InvalidStackOptionError);
    const token = Token.asNumber({ resolve: () => 3 });
    expect(unlessToken(token, refuse)).toBe(token);
  });
});
