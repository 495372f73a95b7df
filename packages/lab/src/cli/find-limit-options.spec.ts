/** parseLabCommand's find-limit subcommand: defaults, --nat-idle, and bad values refused by flag and rule. */
import { InvalidLabInputError, LabUsageError } from '../lab-errors';
import { parseLabCommand } from './lab-options';

const now = new Date('2026-03-04T05:06:07.890Z');
const parse = (...argv: string[]) => parseLabCommand(argv, now, '/work/main');

describe('pnpm lab find-limit', () => {
  it('defaults to both paths, 10 s resolution, the 350 s idle, into lab-results/find-limit-<timestamp>', () => {
    expect(parse('find-limit')).toMatchObject({
      kind: 'find-limit',
      options: {
        paths: ['nat', 'endpoint'],
        resolutionSeconds: 10,
        timeScale: { natIdleSeconds: 21, natIdleRealSeconds: 350 },
        runtime: { name: 'nodejs24.x' },
        outDirectory: '/work/main/lab-results/find-limit-2026-03-04T05-06-07-890Z',
      },
    });
  });

  it('models another middlebox idle with --nat-idle, real-equivalent seconds', () => {
    expect(parse('find-limit', '--nat-idle', '300', '--paths', 'endpoint', '--resolution', '20')).toMatchObject({
      options: {
        paths: ['endpoint'],
        resolutionSeconds: 20,
        timeScale: { natIdleSeconds: 18, natIdleRealSeconds: 300 },
      },
    });
    // keepalive-off only: no headroom over the keepalive needed (a 100 s idle is 6 lab seconds).
    expect(parse('find-limit', '--nat-idle', '100')).toMatchObject({ options: { timeScale: { natIdleSeconds: 6 } } });
  });

  it.each([
    [['--resolution', '4'], /--resolution: "4" is invalid: must be from 5 s \(0.3 lab s at scale 0.06/],
    [['--resolution', '901'], /--resolution: .* to 900 s/],
    [['--nat-idle', '6001'], /--nat-idle: 6001 is invalid: .*\(0, 6000\]/],
    [['--nat-idle', 'x'], /--nat-idle: "x" is invalid: must be a plain decimal/],
    [['--paths', 'nat,nat'], /lists nat twice/],
    [['--runtime', 'nodejs18.x'], /--runtime/],
  ])('refuses %p', (argv, message) => {
    expect(() => parse('find-limit', ...argv)).toThrow(InvalidLabInputError);
    expect(() => parse('find-limit', ...argv)).toThrow(message);
  });

  it('refuses flags it does not take', () => {
    expect(() => parse('find-limit', '--clients', 'keepalive-off')).toThrow(LabUsageError);
  });

  it('has --help', () => {
    expect(parse('find-limit', '--help')).toEqual({ kind: 'help' });
  });
});
