/**
 * What `pnpm lab` (cli-options.ts) and `pnpm bench` (bench/bench-options.ts) parse the same way: strict
 * flags (a typo must not silently run a minutes-long default), plain decimals, the output directory.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

import { InvalidLabInputError, LabUsageError } from '../lab-errors';

type StrictValues<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>['values'];

/** Unknown flags, missing values and stray arguments become a LabUsageError pointing at `--help`. */
export function parseStrictFlags<T extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: T,
  command: string,
): StrictValues<T> {
  // `pnpm lab -- --scale 1` may hand the separator through; it is not an argument.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new LabUsageError(
      `${error instanceof Error ? error.message : String(error)}; run \`pnpm ${command} -- --help\` for the options`,
      { cause: error },
    );
  }
}

/** Digits with an optional fraction only: Number() would take '', '0x10' and '1e3'. */
export function parseDecimal(field: string, text: string): number {
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(text.trim()))
    throw new InvalidLabInputError(field, text, 'must be a plain decimal number');
  return Number(text);
}

/** `--out` as an absolute path; by default `<folder>/<prefix><ISO time>` under the directory the user typed in. */
export function resolveOutDirectory(
  out: string | undefined,
  folder: string,
  baseDirectory: string,
  now: Date,
  prefix = '',
): string {
  if (out !== undefined && out.trim() === '') throw new InvalidLabInputError('--out', out, 'must be a directory path');
  const chosen = out ?? join(folder, `${prefix}${now.toISOString().replace(/[:.]/g, '-')}`);
  return isAbsolute(chosen) ? chosen : resolve(baseDirectory, chosen);
}
