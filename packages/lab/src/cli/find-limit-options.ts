/**
 * `pnpm lab find-limit`'s command line: which paths, the resolution, the modelled middlebox idle
 * (`--nat-idle`), the scale, the runtime and the output directory. Bad values are refused before the lab
 * exists, naming the flag and the rule.
 */

import type { FindLimitOptions } from '../find-limit';
import { LAB_PATHS, REAL_SECONDS } from '../harness';
import { InvalidLabInputError } from '../lab-errors';
import {
  oneOf,
  parseDecimal,
  parseList,
  parseRuntime,
  parseStrictFlags,
  parseTimeScale,
  resolveOutDirectory,
} from './command-line';

export type FindLimitCommand = { kind: 'help' } | { kind: 'find-limit'; options: FindLimitOptions };

export const DEFAULT_RESOLUTION_SECONDS = 10;
/**
 * The finest resolution, in lab seconds: an answer is ~0.15 s late (emulator and TLS before the callee
 * sleeps), and a busy 2-core machine adds as much again, so probes closer than this can't be told apart.
 */
export const MIN_RESOLUTION_LAB_SECONDS = 0.3;

export const FIND_LIMIT_HELP_TEXT = `       pnpm lab find-limit [-- --paths <list>] [--resolution <s>] [--nat-idle <s>]
                       [--scale <s>] [--runtime <name>] [--out <dir>]
  Finds each path's idle limit the way it is diagnosed on AWS: the caller's findIdleLimit diagnostic calls
  a sleeping callee at several durations at once with keepalive off, round after round (100-900 s, then
  inside the interval left), until the interval is no wider than --resolution (real-equivalent seconds,
  default ${DEFAULT_RESOLUTION_SECONDS}). --nat-idle <s> makes the middleboxes forget flows after <s> s
  instead of ${REAL_SECONDS.idleLimit} (an NLB or a Network Firewall has its own idle setting). Prints the
  interval, the calls and the callee-seconds spent; exit 1 if the interval is not within the resolution
  of the lab's NAT idle.`;

const OPTION_SPEC = {
  paths: { type: 'string' },
  resolution: { type: 'string' },
  'nat-idle': { type: 'string' },
  scale: { type: 'string' },
  runtime: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseFindLimitCommand(argv: readonly string[], now: Date, baseDirectory: string): FindLimitCommand {
  const values = parseStrictFlags(argv, OPTION_SPEC, 'lab');
  if (values.help) return { kind: 'help' };
  const timeScale = parseTimeScale({ scale: values.scale, natIdle: values['nat-idle'] }, false);
  return {
    kind: 'find-limit',
    options: {
      timeScale,
      paths: parseList('--paths', values.paths, LAB_PATHS, (text) => oneOf('--paths', text, LAB_PATHS)),
      resolutionSeconds: parseResolution(values.resolution, timeScale.scale),
      runtime: parseRuntime(values.runtime),
      outDirectory: resolveOutDirectory(values.out, 'lab-results', baseDirectory, now, 'find-limit-'),
    },
  };
}

function parseResolution(text: string | undefined, scale: number): number {
  if (text === undefined) return DEFAULT_RESOLUTION_SECONDS;
  const seconds = parseDecimal('--resolution', text);
  const finest = Math.ceil((MIN_RESOLUTION_LAB_SECONDS / scale) * 10) / 10;
  if (seconds < finest || seconds > REAL_SECONDS.functionTimeout) {
    throw new InvalidLabInputError(
      '--resolution',
      text,
      `must be from ${finest} s (${MIN_RESOLUTION_LAB_SECONDS} lab s at scale ${Number(scale.toFixed(6))}: ` +
        `the lab's timing noise) to ${REAL_SECONDS.functionTimeout} s`,
    );
  }
  return seconds;
}
