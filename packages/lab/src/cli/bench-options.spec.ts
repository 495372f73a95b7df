/**
 * parseBenchCommand: defaults, --smoke and --only, --help before any validation, and usage errors for bad
 * flags, items and scales.
 */
import { BENCH_ITEMS } from '../bench/options';
import { InvalidLabInputError, LabUsageError } from '../lab-errors';
import { parseBenchCommand, SMOKE_SCALE } from './bench-options';

const NOW = new Date('2026-11-28T18:00:00.000Z');

describe('pnpm bench options', () => {
  it('defaults to every item, the default scale and a timestamped directory under the base', () => {
    const command = parseBenchCommand([], NOW, '/repo');
    expect(command).toEqual({
      kind: 'run',
      options: expect.objectContaining({
        smoke: false,
        items: [...BENCH_ITEMS],
        outDirectory: '/repo/bench-results/2026-11-28T18-00-00-000Z',
      }),
    });
    if (command.kind === 'run') expect(command.options.timeScale.natIdleSeconds).toBe(21);
  });

  it('--smoke picks the smallest scale unless --scale says otherwise; --only keeps the canonical order', () => {
    const smoke = parseBenchCommand(['--', '--smoke', '--only', 'cold-start,overhead', '--out', 'x'], NOW, '/repo');
    expect(smoke.kind === 'run' && smoke.options).toMatchObject({
      smoke: true,
      items: ['overhead', 'cold-start'],
      outDirectory: '/repo/x',
      timeScale: { requestedScale: SMOKE_SCALE },
    });
    const scaled = parseBenchCommand(['--smoke', '--scale', '0.1'], NOW);
    expect(scaled.kind === 'run' && scaled.options.timeScale.natIdleSeconds).toBe(35);
  });

  it('rejects unknown flags, stray arguments, unknown or repeated items and bad scales', () => {
    expect(() => parseBenchCommand(['--fast'])).toThrow(LabUsageError);
    expect(() => parseBenchCommand(['overhead'])).toThrow(LabUsageError);
    expect(() => parseBenchCommand(['--only', 'overhead,speed'])).toThrow(
      /--only: "overhead,speed" is invalid: "speed" is not an item/,
    );
    expect(() => parseBenchCommand(['--only', 'fanout,fanout'])).toThrow(/lists an item twice/);
    expect(() => parseBenchCommand(['--only', ''])).toThrow(InvalidLabInputError);
    expect(() => parseBenchCommand(['--scale', 'fast'])).toThrow(/--scale: "fast" is invalid/);
    expect(() => parseBenchCommand(['--scale', '0.01'])).toThrow(/smallest scale/);
    expect(() => parseBenchCommand(['--out', ' '])).toThrow(/--out/);
  });

  it('answers --help without validating anything else', () => {
    expect(parseBenchCommand(['--help'])).toEqual({ kind: 'help' });
  });
});
