/** resolveFunctionSettings: the memory and log retention defaults, and each bad setting refused naming its field. */
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
});
