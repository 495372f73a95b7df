/**
 * The stacks' errors: InvalidStackOptionError names the field, the value and the rule and keeps its cause;
 * MissingBundleError says how to build the bundle; HclRenderError says what it met and where.
 */
import { HclRenderError, InvalidStackOptionError, MissingBundleError, StacksError } from './errors';

describe('errors', () => {
  it('InvalidStackOptionError names the field, the value and the rule and keeps the cause', () => {
    const cause = new RangeError('inner');
    const error = new InvalidStackOptionError('timeoutSeconds', 901, 'an integer from 1 to 900', { cause });
    expect(error).toBeInstanceOf(StacksError);
    expect(error.name).toBe('InvalidStackOptionError');
    expect(error.message).toBe('timeoutSeconds = 901 is invalid: an integer from 1 to 900');
    expect(error).toMatchObject({ field: 'timeoutSeconds', value: 901, rule: 'an integer from 1 to 900' });
    expect(error.cause).toBe(cause);
  });

  it('MissingBundleError says how to build the bundle', () => {
    const error = new MissingBundleError('/x/dist');
    expect(error).toBeInstanceOf(StacksError);
    expect(error.name).toBe('MissingBundleError');
    expect(error.message).toContain('/x/dist');
    expect(error.message).toContain('has no lambda.zip');
    expect(error.message).toContain('pnpm build');
  });

  it('HclRenderError says what it met and where, and keeps the cause', () => {
    const cause = new Error('inner');
    const error = new HclRenderError('an unterminated string', '"abc', { cause });
    expect(error).toBeInstanceOf(StacksError);
    expect(error.name).toBe('HclRenderError');
    expect(error.message).toBe('cannot render HCL: found an unterminated string near "\\"abc"');
    expect(error).toMatchObject({ found: 'an unterminated string', near: '"abc', cause });
  });
});
