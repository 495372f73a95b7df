/**
 * `pnpm bench` options. Unknown flags and bad values are refused before anything runs (a typo must not
 * silently run a 5-minute default bench).
 */
import { DEFAULT_RUNTIME, type LambdaRuntime, RUNTIME_NAMES, SUPPORTED_RUNTIMES } from '@lambda-keepalive/runtimes';
import { BENCH_ITEMS, type BenchItem, type BenchOptions } from '../bench';
import { DEFAULT_SCALE, resolveTimeScale } from '../harness';
import { InvalidLabInputError } from '../lab-errors';
import { parseDecimal, parseStrictFlags, resolveOutDirectory } from './command-line';
import { parseRuntime } from './lab-options';

/**
 * Smallest scale the lab accepts (NAT idle 7 s: the SDK's delayed keepalive probes at 3 + 1 s and needs
 * 3 s headroom): the smoke run uses it so the netns items take seconds, not minutes.
 */
export const SMOKE_SCALE = 0.02;

export type BenchCommand = { kind: 'help' } | { kind: 'run'; options: BenchOptions };

export const BENCH_HELP_TEXT = `Usage: pnpm bench [-- options]

Measures @lambda-keepalive/client against its peers (sdk-default, sdk-own-agent, keepalive-off) in one
run: every figure is a ratio against a peer measured in the same run, interleaved, with its spread.

Options:
  --only <items>   comma-separated subset of ${BENCH_ITEMS.join(',')} (default: all)
  --scale <s>      lab time scale for survival/detection/probe-traffic, (0, 1] (default ${DEFAULT_SCALE})
  --smoke          tiny sample counts and the smallest scale: checks the bench works in seconds
  --runtimes <l>   runtimes whose Node runs cold start and detection, among ${RUNTIME_NAMES.join(',')}
                   (default: all; with --smoke only ${DEFAULT_RUNTIME.name})
  --out <dir>      output directory (default bench-results/<timestamp>)
  --help           this text

survival, detection and probe-traffic need root (network namespaces, nftables, conntrack); without it
they are skipped and the report says so. overhead, fanout and cold-start run on loopback.`;

const OPTION_SPEC = {
  only: { type: 'string' },
  scale: { type: 'string' },
  smoke: { type: 'boolean' },
  runtimes: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseBenchCommand(
  argv: readonly string[],
  now: Date = new Date(),
  baseDirectory = process.cwd(),
): BenchCommand {
  const values = parseStrictFlags(argv, OPTION_SPEC, 'bench');
  if (values.help) return { kind: 'help' };
  const smoke = values.smoke === true;
  const requestedScale =
    values.scale === undefined ? (smoke ? SMOKE_SCALE : DEFAULT_SCALE) : parseDecimal('--scale', values.scale);
  return {
    kind: 'run',
    options: {
      smoke,
      runtimes: parseRuntimes(values.runtimes, smoke),
      timeScale: resolveTimeScale(requestedScale),
      items: parseItems(values.only),
      outDirectory: resolveOutDirectory(values.out, 'bench-results', baseDirectory, now),
    },
  };
}

function parseItems(text: string | undefined): BenchItem[] {
  if (text === undefined) return [...BENCH_ITEMS];
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === ''))
    throw new InvalidLabInputError('--only', text, 'must be a comma-separated list without empty items');
  for (const item of items) {
    if (!(BENCH_ITEMS as readonly string[]).includes(item)) {
      throw new InvalidLabInputError(
        '--only',
        text,
        `"${item}" is not an item; must be among ${BENCH_ITEMS.join(', ')}`,
      );
    }
  }
  if (new Set(items).size !== items.length) throw new InvalidLabInputError('--only', text, 'lists an item twice');
  // Always the canonical order, whatever order was typed: the report reads the same every run.
  return BENCH_ITEMS.filter((item) => items.includes(item));
}

function parseRuntimes(text: string | undefined, smoke: boolean): LambdaRuntime[] {
  if (text === undefined) return smoke ? [DEFAULT_RUNTIME] : [...SUPPORTED_RUNTIMES];
  const names = text.split(',').map((name) => name.trim());
  if (new Set(names).size !== names.length) throw new InvalidLabInputError('--runtimes', text, 'lists a runtime twice');
  return names.map((name) => parseRuntime(name));
}
