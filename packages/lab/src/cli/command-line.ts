/**
 * What `pnpm lab` (lab-options.ts, find-limit-options.ts) and `pnpm bench` (bench-options.ts) parse the same
 * way: strict flags (a typo must not silently run a minutes-long default), plain decimals, the output
 * directory, lists, names from a fixed set, the runtime.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

import { DEFAULT_RUNTIME, type LambdaRuntime, runtimeNamed, UnsupportedRuntimeError } from '@lambda-keepalive/runtimes';
import { DEFAULT_SCALE, resolveTimeScale, type TimeScale, withNatIdle } from '../harness';
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

/** A comma-separated list: no empty items, no duplicates, each item parsed (and so validated) on its own. */
export function parseList<T>(
  field: string,
  text: string | undefined,
  defaults: readonly string[],
  parseItem: (item: string) => T,
): T[] {
  const items = text === undefined ? [...defaults] : text.split(',').map((item) => item.trim());
  if (items.length === 0 || items.some((item) => item === '')) {
    throw new InvalidLabInputError(field, text, 'must be a comma-separated list without empty items');
  }
  const parsed = items.map(parseItem);
  const duplicate = parsed.find((value, index) => parsed.indexOf(value) !== index);
  if (duplicate !== undefined) throw new InvalidLabInputError(field, text, `lists ${String(duplicate)} twice`);
  return parsed;
}

/** One of a fixed set of names, else an error listing them. */
export function oneOf<T extends string>(field: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new InvalidLabInputError(field, text, `must be one of ${allowed.join(', ')}`);
}

/** `--runtime`, default the stack's runtime; an unknown name is a usage error naming the allowed ones. */
export function parseRuntime(text: string | undefined): LambdaRuntime {
  if (text === undefined) return DEFAULT_RUNTIME;
  try {
    return runtimeNamed(text, '--runtime');
  } catch (error) {
    if (!(error instanceof UnsupportedRuntimeError)) throw error;
    throw new InvalidLabInputError('--runtime', text, error.rule, { cause: error });
  }
}

/**
 * `--scale` and `--nat-idle` together: the scale first (it decides every lab duration), then the modelled
 * middlebox idle on it. `keepAliveHeadroom`: the run has keepalive clients the NAT idle must stay above.
 */
export function parseTimeScale(flags: { scale?: string; natIdle?: string }, keepAliveHeadroom: boolean): TimeScale {
  const timeScale = resolveTimeScale(flags.scale === undefined ? DEFAULT_SCALE : parseDecimal('--scale', flags.scale));
  if (flags.natIdle === undefined) return timeScale;
  return withNatIdle(timeScale, parseDecimal('--nat-idle', flags.natIdle), { field: '--nat-idle', keepAliveHeadroom });
}
