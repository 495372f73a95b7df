/**
 * resolveKeepAliveOptions: defaults, option over environment over default, and every bad option or
 * KEEPALIVE* variable refused by name.
 */
import { InvalidOptionError } from './errors.js';
import { KEEPALIVE_DEFAULTS, resolveKeepAliveOptions } from './options.js';

describe('resolveKeepAliveOptions', () => {
  const DEFAULTS = { enabled: true, idleSeconds: 60, probeIntervalSeconds: 5, probeCount: 6, maxSockets: 1000 };
  it('defaults: on, idle 60 s, probes every 5 s × 6, 1000 sockets', () => {
    expect(resolveKeepAliveOptions({}, {})).toEqual(DEFAULTS);
    expect(KEEPALIVE_DEFAULTS).toEqual(DEFAULTS);
  });

  it('precedence: explicit option > environment > default', () => {
    const env = {
      KEEPALIVE: 'off',
      KEEPALIVE_IDLE_SECONDS: '120',
      KEEPALIVE_PROBE_INTERVAL_SECONDS: '9',
      KEEPALIVE_PROBE_COUNT: '4',
      KEEPALIVE_MAX_SOCKETS: '8',
    };
    expect(resolveKeepAliveOptions({}, env)).toEqual({
      enabled: false,
      idleSeconds: 120,
      probeIntervalSeconds: 9,
      probeCount: 4,
      maxSockets: 8,
    });
    const explicit = { enabled: true, idleSeconds: 30, probeIntervalSeconds: 2, probeCount: 3, maxSockets: 2 };
    expect(resolveKeepAliveOptions(explicit, env)).toEqual(explicit);
    expect(resolveKeepAliveOptions({ idleSeconds: 30, probeCount: 12 }, env)).toEqual({
      enabled: false,
      idleSeconds: 30,
      probeIntervalSeconds: 9,
      probeCount: 12,
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

  // 335 is the largest idle the default 5 s interval leaves room for (idle + interval ≤ 340, see below).
  it.each([['1'], ['335'], ['60']])('accepts KEEPALIVE_IDLE_SECONDS=%s', (value) => {
    expect(resolveKeepAliveOptions({}, { KEEPALIVE_IDLE_SECONDS: value }).idleSeconds).toBe(Number(value));
  });

  it.each([[1], [335]])('accepts idleSeconds %s', (idleSeconds) => {
    expect(resolveKeepAliveOptions({ idleSeconds }, {}).idleSeconds).toBe(idleSeconds);
  });

  it('idle 340 passes its own rule but leaves no probe interval: the interval is the setting refused', () => {
    expectInvalid(() => resolveKeepAliveOptions({ idleSeconds: 340 }, {}), 'probeIntervalSeconds', 5, /= 0 seconds/);
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

  it.each([
    [{ idleSeconds: 1 }, 339],
    [{ idleSeconds: 60 }, 280],
    [{ idleSeconds: 339 }, 1],
  ])('accepts probeIntervalSeconds up to 340 − idleSeconds: %p → %i', (options, largest) => {
    expect(resolveKeepAliveOptions({ ...options, probeIntervalSeconds: largest }, {}).probeIntervalSeconds).toBe(
      largest,
    );
    expect(resolveKeepAliveOptions({}, { KEEPALIVE_PROBE_INTERVAL_SECONDS: '1' }).probeIntervalSeconds).toBe(1);
  });

  it.each([[0], [281], [3.5], [-1], ['5'], [null], [Number.NaN]])(
    'rejects probeIntervalSeconds %p with idle 60 s, naming the 340 − idleSeconds rule',
    (value) => {
      expectInvalid(
        () => resolveKeepAliveOptions({ idleSeconds: 60, probeIntervalSeconds: value as number }, {}),
        'probeIntervalSeconds',
        value,
        new RegExp(
          'from 1 to 340 − idleSeconds \\(60\\) = 280 seconds: after one lost probe the next must still ' +
            'reach the middlebox before it forgets the flow idle 350 s',
        ),
      );
    },
  );

  it.each([['0'], ['281'], ['2.5'], [' 5'], ['1e1'], ['']])(
    'rejects KEEPALIVE_PROBE_INTERVAL_SECONDS=%j (idle from KEEPALIVE_IDLE_SECONDS=60)',
    (value) => {
      expectInvalid(
        () => resolveKeepAliveOptions({}, { KEEPALIVE_IDLE_SECONDS: '60', KEEPALIVE_PROBE_INTERVAL_SECONDS: value }),
        'KEEPALIVE_PROBE_INTERVAL_SECONDS',
        value,
        /340 − idleSeconds .*350 s/,
      );
    },
  );

  it('rejects the DEFAULT interval when the idle leaves no room for it, saying it is the default', () => {
    expectInvalid(
      () => resolveKeepAliveOptions({ idleSeconds: 338 }, {}),
      'probeIntervalSeconds',
      5,
      /= 2 seconds.*; 5 is the default: lower idleSeconds, or set probeIntervalSeconds \(KEEPALIVE_PROBE_INTERVAL/,
    );
    expect(resolveKeepAliveOptions({ idleSeconds: 338, probeIntervalSeconds: 2 }, {}).probeIntervalSeconds).toBe(2);
  });

  it.each([[1], [6], [127]])('accepts probeCount %s', (probeCount) => {
    expect(resolveKeepAliveOptions({ probeCount }, {}).probeCount).toBe(probeCount);
    expect(resolveKeepAliveOptions({}, { KEEPALIVE_PROBE_COUNT: String(probeCount) }).probeCount).toBe(probeCount);
  });

  it.each([[0], [128], [2.5], ['6'], [true]])('rejects probeCount %p naming Linux MAX_TCP_KEEPCNT', (value) => {
    expectInvalid(
      () => resolveKeepAliveOptions({ probeCount: value as number }, {}),
      'probeCount',
      value,
      /from 1 to 127 \(Linux MAX_TCP_KEEPCNT\)/,
    );
  });

  it.each([['0'], ['128'], ['6.0'], ['+6'], ['six'], ['']])('rejects KEEPALIVE_PROBE_COUNT=%j', (value) => {
    expectInvalid(
      () => resolveKeepAliveOptions({}, { KEEPALIVE_PROBE_COUNT: value }),
      'KEEPALIVE_PROBE_COUNT',
      value,
      /MAX_TCP_KEEPCNT/,
    );
  });

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
