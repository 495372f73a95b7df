/**
 * resolveFunctionSettings: the memory and log retention defaults, each bad setting refused naming its field, and
 * tokens (the module's variables) left to their Terraform validation.
 */
import { TerraformVariable, Testing } from 'cdktf';
import { InvalidStackOptionError } from '../errors';
import { resolveFunctionSettings } from './function-settings';

describe('resolveFunctionSettings', () => {
  it('fills memory 256 MB and log retention 14 days', () => {
    expect(resolveFunctionSettings('Fn', { functionName: 'lk-callee', timeoutSeconds: 850 })).toEqual({
      functionName: 'lk-callee',
      timeoutSeconds: 850,
      memoryMb: 256,
      logRetentionDays: 14,
    });
  });

  it.each([
    [{ functionName: 'a b', timeoutSeconds: 10 }, 'Fn.functionName'],
    [{ functionName: 'x'.repeat(65), timeoutSeconds: 10 }, 'Fn.functionName'],
    [{ functionName: 'ok', timeoutSeconds: 901 }, 'Fn.timeoutSeconds'],
    [{ functionName: 'ok', timeoutSeconds: 0 }, 'Fn.timeoutSeconds'],
    [{ functionName: 'ok', timeoutSeconds: 10, memoryMb: 64 }, 'Fn.memoryMb'],
    [{ functionName: 'ok', timeoutSeconds: 10, logRetentionDays: 10 }, 'Fn.logRetentionDays'],
  ])('rejects %j naming %s', (input, field) => {
    let caught: unknown;
    try {
      resolveFunctionSettings('Fn', input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidStackOptionError);
    expect((caught as InvalidStackOptionError).field).toBe(field);
  });

  it('passes tokens through unchecked: a variable is only known at plan time', () => {
    Testing.synthScope((scope) => {
      const timeout = new TerraformVariable(scope, 'timeout', { type: 'number' }).numberValue;
      const name = new TerraformVariable(scope, 'name', { type: 'string' }).stringValue;
      const input = { functionName: name, timeoutSeconds: timeout, memoryMb: timeout, logRetentionDays: timeout };
      expect(resolveFunctionSettings('Fn', input)).toEqual(input);
    });
  });
});
