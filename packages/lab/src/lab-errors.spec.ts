/** The lab's error family: one base, literal names, kept causes, field/value/rule in the message. */
import { InvalidLabInputError, LabError, LabSetupError, LabUsageError } from './lab-errors';

describe('lab errors', () => {
  it('share one base class, set name to the subclass and keep the cause', () => {
    const cause = new Error('nft: permission denied');
    const errors = [
      new InvalidLabInputError('scale', 2, 'must be in (0, 1]', { cause }),
      new LabUsageError('bad flag', { cause }),
      new LabSetupError('creating the lab network', cause),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(LabError);
      expect(error.name).toBe(error.constructor.name);
      expect(error.cause).toBe(cause);
    }
  });

  it('names the field, the value and the rule of an invalid input', () => {
    const error = new InvalidLabInputError('--paths', 'vpn', 'must be one of nat, endpoint');
    expect(error.message).toBe('--paths: "vpn" is invalid: must be one of nat, endpoint');
    expect(error).toMatchObject({ field: '--paths', value: 'vpn', rule: 'must be one of nat, endpoint' });
    expect(new InvalidLabInputError('functions', [], 'must be non-empty').message).toBe(
      'functions: [] is invalid: must be non-empty',
    );
    expect(new InvalidLabInputError('timeoutMs', undefined, 'must be > 0').message).toBe(
      'timeoutMs: undefined is invalid: must be > 0',
    );
    expect(new InvalidLabInputError('q', Number.NaN, 'must be in [0, 1]').message).toBe(
      'q: NaN is invalid: must be in [0, 1]',
    );
  });

  it('cuts a long value to one line', () => {
    const message = new InvalidLabInputError('options', { pem: 'x'.repeat(500) }, 'must be an object').message;
    expect(message).toMatch(/^options: \{"pem":"x+\.\.\. is invalid: must be an object$/);
    expect(message.length).toBeLessThan(180);
  });

  it('says which set-up step failed', () => {
    expect(new LabSetupError('starting the emulator', 'port in use')).toMatchObject({
      step: 'starting the emulator',
      message: 'lab set-up failed while starting the emulator: port in use',
    });
  });
});
