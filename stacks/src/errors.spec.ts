/**
 * The stacks' errors: InvalidStackOptionError names the field, the value and the rule and keeps its cause;
 * MissingBundleError says how to build the bundle.
 */
import { InvalidStackOptionError, MissingBundleError, StacksError } from './errors';

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
    expect(error.message).toContain('pnpm build');
  });
});
