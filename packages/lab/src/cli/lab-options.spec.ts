/**
 * parseLabCommand: the sweep's defaults and every option, the faults subcommand, --help and --cleanup, and
 * bad input refused naming the field and the rule.
 */

import { LAB_CLIENTS } from '../harness';
import { InvalidLabInputError, LabUsageError } from '../lab-errors';
import { DEFAULT_BOTO3_CLIENTS } from './client-options';
import { HELP_TEXT, parseLabCommand } from './lab-options';

const now = new Date('2026-03-04T05:06:07.890Z');
const parse = (...argv: string[]) => parseLabCommand(argv, now, '/work/main');

describe('parseLabCommand', () => {
  it('parses the faults subcommand with its own options and a faults-<timestamp> directory', () => {
    expect(parse('faults')).toMatchObject({
      kind: 'faults',
      options: {
        outDirectory: '/work/main/lab-results/faults-2026-03-04T05-06-07-890Z',
        timeScale: { natIdleSeconds: 21 },
      },
    });
    expect(
      parse('--', 'faults', '--', '--rows', 'forget-flow,load', '--load-concurrency', '20', '--out', 'x'),
    ).toMatchObject({
      kind: 'faults',
      options: { only: ['forget-flow', 'load'], loadConcurrency: 20, outDirectory: '/work/main/x' },
    });
    expect(() => parse('faults', '--paths', 'nat')).toThrow(LabUsageError);
    expect(() => parse('faults', '--load-concurrency', '0')).toThrow('--load-concurrency');
  });

  it('defaults to the full sweep at the default scale into lab-results/<timestamp>', () => {
    const command = parse();
    expect(command.kind).toBe('run');
    if (command.kind !== 'run') return;
    expect(command.options).toMatchObject({
      paths: ['nat', 'endpoint'],
      // The rows themselves are client-options.spec.ts's concern; here: they reach the run's options.
      clients: [...LAB_CLIENTS, ...DEFAULT_BOTO3_CLIENTS],
      kernelProfiles: ['linux-default'],
      durationsSeconds: [100, 300, 340, 360, 400, 600, 900],
      outDirectory: '/work/main/lab-results/2026-03-04T05-06-07-890Z',
      concurrency: undefined,
    });
    expect(command.options.timeScale.natIdleSeconds).toBe(21);
  });

  it('reads every option, tolerating the "--" pnpm passes through', () => {
    const command = parse(
      '--',
      '--scale',
      '1',
      '--paths',
      'endpoint',
      '--clients',
      'keepalive-off,sdk-default',
      '--durations',
      '400,350.5',
      '--out',
      'out/x',
      '--concurrency',
      '4',
    );
    expect(command).toEqual({
      kind: 'run',
      options: expect.objectContaining({
        paths: ['endpoint'],
        clients: ['keepalive-off', 'sdk-default'],
        durationsSeconds: [350.5, 400],
        outDirectory: '/work/main/out/x',
        concurrency: 4,
      }),
    });
    if (command.kind === 'run') expect(command.options.timeScale.natIdleSeconds).toBe(350);
  });

  it('runs the clients on the stack default runtime, or on the one --runtime names; refuses others', () => {
    const byDefault = parse();
    expect(byDefault.kind === 'run' && byDefault.options.runtime).toMatchObject({ name: 'nodejs24.x', major: 24 });
    const on26 = parse('--runtime', 'nodejs26.x');
    expect(on26.kind === 'run' && on26.options.runtime.node).toMatch(/^26\./);
    const faults = parse('faults', '--runtime', 'nodejs22.x');
    expect(faults.kind === 'faults' && faults.options.runtime.name).toBe('nodejs22.x');
    expect(() => parse('--runtime', 'nodejs20.x')).toThrow(
      '--runtime: "nodejs20.x" is invalid: must be one of nodejs22.x, nodejs24.x, nodejs26.x',
    );
    expect(HELP_TEXT).toContain('--runtime <name>');
  });

  it('models another middlebox idle with --nat-idle, keeping the NAT idle above the keepalive', () => {
    const at300 = parse('--nat-idle', '300');
    expect(at300.kind === 'run' && at300.options.timeScale).toMatchObject({
      natIdleSeconds: 18,
      natIdleRealSeconds: 300,
    });
    // 100 s is 6 lab seconds: 2 s above the scaled 4 s keepalive, under the 3 s headroom the sweep needs.
    expect(() => parse('--nat-idle', '100')).toThrow(/--nat-idle: 100 is invalid: .*3 s above every keepalive/);
    expect(() => parse('faults', '--nat-idle', '300')).toThrow(LabUsageError);
    expect(HELP_TEXT).toContain('--nat-idle <s>');
  });

  it('answers --help and --cleanup without building a run', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('-h', '--scale', 'nonsense')).toEqual({ kind: 'help' });
    expect(parse('--cleanup')).toEqual({ kind: 'cleanup' });
    expect(() => parse('--cleanup', '--scale', '1')).toThrow(/--cleanup: "--scale" is invalid: takes no other option/);
    expect(HELP_TEXT).toContain('--durations <list>');
    expect(HELP_TEXT).toContain('sdk-own-agent');
  });

  it('rejects unknown flags, missing values and stray arguments with a usage error', () => {
    expect(() => parse('--sacle', '1')).toThrow(LabUsageError);
    expect(() => parse('--sacle', '1')).toThrow(/Unknown option '--sacle'.*--help/);
    expect(() => parse('--scale')).toThrow(/'--scale <value>' argument missing/);
    expect(() => parse('fast')).toThrow(/Unexpected argument 'fast'/);
  });

  it.each([
    [['--scale', 'abc'], /--scale: "abc" is invalid: must be a plain decimal number/],
    [['--scale', '0.01'], /scale: 0.01 is invalid: .*smallest scale/],
    [['--paths', 'nat,vpn'], /--paths: "vpn" is invalid: must be one of nat, endpoint/],
    [['--paths', 'nat,,endpoint'], /--paths: .* without empty items/],
    [['--clients', 'keepalive-off,keepalive-off'], /--clients: .* lists keepalive-off twice/],
    [['--durations', '100,0'], /--durations: "0" is invalid: each duration must be in \(0, 900\]/],
    [['--durations', '901'], /must be in \(0, 900\]/],
    [['--durations', '1e3'], /plain decimal number/],
    [['--concurrency', '0'], /--concurrency: "0" is invalid: must be a whole number ≥ 1/],
    [['--out', ''], /--out: "" is invalid/],
  ])('rejects %j naming the field and the rule', (argv, message) => {
    expect(() => parse(...argv)).toThrow(InvalidLabInputError);
    expect(() => parse(...argv)).toThrow(message);
  });
});
