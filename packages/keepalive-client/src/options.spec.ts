/**
 * resolveKeepAliveOptions: defaults, option over environment over default, and every bad option or
 * KEEPALIVE* variable refused by name.
 */
import { InvalidOptionError } from './errors';
import { KEEPALIVE_DEFAULTS, resolveKeepAliveOptions } from './options';

describe('resolveKeepAliveOptions', () => {
  it('defaults: on, idle 60 s, 1000 sockets', () => {
    expect(resolveKeepAliveOptions({}, {})).toEqual({ enabled: true, idleSeconds: 60, maxSockets: 1000 });
    expect(KEEPALIVE_DEFAULTS).toEqual({ enabled: true, idleSeconds: 60, maxSockets: 1000 });
  });

  it('precedence: explicit option > environment > default', () => {
    const env = { KEEPALIVE: 'off', KEEPALIVE_IDLE_SECONDS: '120', KEEPALIVE_MAX_SOCKETS: '8' };
    expect(resolveKeepAliveOptions({}, env)).toEqual({ enabled: false, idleSeconds: 120, maxSockets: 8 });
    expect(resolveKeepAliveOptions({ enabled: true, idleSeconds: 30, maxSockets: 2 }, env)).toEqual({
      enabled: true,
      idleSeconds: 30,
      maxSockets: 2,
    });
    expect(resolveKeepAliveOptions({ idleSeconds: 30 }, env)).toEqual({
      enabled: false,
      idleSeconds: 30,
      maxSockets: 8,
    });
  });

  it('reads process.env when no env is given', () => {
    const saved = process.env.KEEPALIVE_IDLE_SECONDS;
    process.env.KEEPALIVE_IDLE_SECONDS = '77';
    try {
      expect(resolveKeepAliveOptions().idleSeconds).toBe(77);
    } finally {
      if (saved === undefined) delete process.env.KEEPALIVE_IDLE_SECONDS;
      else process.env.KEEPALIVE_IDLE_SECONDS = saved;
    }
  });

  it.each([
    ['on', true],
    ['ON', true],
    [' on ', true],
    ['true', true],
    ['1', true],
    ['off', false],
    ['Off', false],
    ['false', false],
    ['0', false],
  ])('KEEPALIVE=%j means enabled %s', (value, enabled) => {
    expect(resolveKeepAliveOptions({}, { KEEPALIVE: value }).enabled).toBe(enabled);
  });

  it.each([['1'], ['340'], ['60']])('accepts KEEPALIVE_IDLE_SECONDS=%s', (value) => {
    expect(resolveKeepAliveOptions({}, { KEEPALIVE_IDLE_SECONDS: value }).idleSeconds).toBe(Number(value));
  });

  it.each([[1], [340]])('accepts idleSeconds %s', (idleSeconds) => {
    expect(resolveKeepAliveOptions({ idleSeconds }, {}).idleSeconds).toBe(idleSeconds);
  });

  const badIdleOptions: unknown[] = [
    0,
    350,
    341,
    3.5,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '60',
    'abc',
    '',
    null,
    true,
  ];
  it.each(badIdleOptions.map((value) => [value]))(
    'rejects idleSeconds %p naming the option, value and the 350 s reason',
    (value) => {
      expectInvalid(() => resolveKeepAliveOptions({ idleSeconds: value as number }, {}), 'idleSeconds', value, /350 s/);
    },
  );

  it.each([['0'], ['350'], ['3.5'], ['abc'], ['-5'], [''], [' 60'], ['1e2'], ['0x10']])(
    'rejects KEEPALIVE_IDLE_SECONDS=%j naming the variable, value and the 350 s reason',
    (value) => {
      expectInvalid(
        () => resolveKeepAliveOptions({}, { KEEPALIVE_IDLE_SECONDS: value }),
        'KEEPALIVE_IDLE_SECONDS',
        value,
        /350 s/,
      );
    },
  );

  it.each([['maybe'], ['yes'], [''], ['enabled']])('rejects KEEPALIVE=%j', (value) => {
    expectInvalid(() => resolveKeepAliveOptions({}, { KEEPALIVE: value }), 'KEEPALIVE', value, /on or off/);
  });

  it.each([['off'], [1], [null]])('rejects enabled %p', (value) => {
    expectInvalid(
      () => resolveKeepAliveOptions({ enabled: value as unknown as boolean }, {}),
      'enabled',
      value,
      /true or false/,
    );
  });

  it.each([[0], [-1], [2.5], ['10']])('rejects maxSockets %p', (value) => {
    expectInvalid(
      () => resolveKeepAliveOptions({ maxSockets: value as number }, {}),
      'maxSockets',
      value,
      /at least 1/,
    );
  });

  it.each([['0'], ['abc'], [''], ['1.5']])('rejects KEEPALIVE_MAX_SOCKETS=%j', (value) => {
    expectInvalid(
      () => resolveKeepAliveOptions({}, { KEEPALIVE_MAX_SOCKETS: value }),
      'KEEPALIVE_MAX_SOCKETS',
      value,
      /at least 1/,
    );
  });

  it('rejects unknown option keys', () => {
    expectInvalid(
      () => resolveKeepAliveOptions({ idleSecond: 30 } as never, {}),
      'options.idleSecond',
      'idleSecond',
      /not a known option/,
    );
  });

  it('an explicit option replaces a bad environment value without reading it', () => {
    expect(resolveKeepAliveOptions({ idleSeconds: 30 }, { KEEPALIVE_IDLE_SECONDS: 'abc' }).idleSeconds).toBe(30);
  });
});

function expectInvalid(run: () => unknown, field: string, value: unknown, rule: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidOptionError);
  const error = caught as InvalidOptionError;
  expect(error.name).toBe('InvalidOptionError');
  expect(error.field).toBe(field);
  expect(error.value).toBe(value);
  expect(error.message).toContain(field);
  expect(error.message).toMatch(rule);
}
