/** The emulator's error family: one base, literal names, kept causes, field/value/rule in the message. */
import { EmulatorError, InvalidEmulatorInputError } from './emulator-errors';

describe('emulator errors', () => {
  it('names the field, the value and the rule, keeps the cause and the literal name', () => {
    const cause = new Error('ENOENT');
    const error = new InvalidEmulatorInputError('--config', 'x.json', 'must be a readable file', { cause });
    expect(error).toBeInstanceOf(EmulatorError);
    expect(error.name).toBe('InvalidEmulatorInputError');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('--config: "x.json" is invalid: must be a readable file');
    expect(new InvalidEmulatorInputError('functions', [], 'must be non-empty').message).toBe(
      'functions: [] is invalid: must be non-empty',
    );
  });

  it('cuts a long value to one line', () => {
    const message = new InvalidEmulatorInputError('options', { pem: 'x'.repeat(500) }, 'must be an object').message;
    expect(message).toMatch(/^options: \{"pem":"x+\.\.\. is invalid: must be an object$/);
    expect(message.length).toBeLessThan(180);
  });
});
