/** `pnpm lab`'s command line: the sweep, faults, cleanup and help commands it parses to, and the help text. */

import { DEFAULT_RUNTIME, RUNTIME_NAMES } from '@lambda-keepalive/runtimes';
import type { FaultsRunOptions } from '../faults';
import {
  BOTO3_CLIENT_DESCRIPTIONS,
  BOTO3_CLIENTS,
  CLIENT_DESCRIPTIONS,
  DEFAULT_SCALE,
  KERNEL_PROFILE_DESCRIPTIONS,
  KERNEL_PROFILES,
  LAB_CLIENTS,
  LAB_PATHS,
  REAL_SECONDS,
} from '../harness';
import { InvalidLabInputError } from '../lab-errors';
import { DEFAULT_DURATIONS_SECONDS, type LabRunOptions } from '../sweep';
import { DEFAULT_BOTO3_CLIENTS, parseClientSelection } from './client-options';
import {
  oneOf,
  parseDecimal,
  parseList,
  parseRuntime,
  parseStrictFlags,
  parseTimeScale,
  resolveOutDirectory,
} from './command-line';
import { FIND_LIMIT_HELP_TEXT, type FindLimitCommand, parseFindLimitCommand } from './find-limit-options';

export { parseRuntime } from './command-line';

/** `pnpm lab` options. Unknown flags, stray arguments and bad values are refused before anything starts. */
export type LabCommand =
  | { kind: 'help' }
  | { kind: 'cleanup' }
  | { kind: 'run'; options: LabRunOptions }
  | { kind: 'faults'; options: FaultsRunOptions }
  | FindLimitCommand;

const SCALE_RANGE = `(0, 1]; 1 = real seconds (${REAL_SECONDS.idleLimit} s idle limit)`;

export const HELP_TEXT = `Usage: pnpm lab [-- options]

Runs the real caller bundle in a VPC-like network namespace against a local Lambda Invoke API emulator
running the real callee bundle, through a kernel NAT gateway and an interface endpoint that forget flows
idle ${REAL_SECONDS.idleLimit} s (scaled) like AWS Hyperplane, for several clients and callee durations.

Options:
  --scale <s>          time scale, ${SCALE_RANGE}. Default ${DEFAULT_SCALE}
  --nat-idle <s>       the middleboxes' idle, real-equivalent seconds (default ${REAL_SECONDS.idleLimit}):
                       another middlebox; the expectations move with it
  --paths <list>       ${LAB_PATHS.join(',')} (default: both)
  --clients <list>     built-in or declared clients; default: the four Node ones,
                       ${DEFAULT_BOTO3_CLIENTS.join(', ')} and every declared one
  --client <json>      declare a command client {"name","argv","env"?,"kernelProfile"?}; repeatable
                       (docs/command-clients.md: environment, {placeholders}, exit status = verdict)
  --client-file <f>    a JSON array of such declarations
  --kernel-profiles <list>
                       the vpc host's keepalive sysctls: ${KERNEL_PROFILES.join(',')} (default linux-default);
                       each profile gets its own lab network
  --preset python      the four boto3 clients under linux-default and low
  --durations <list>   callee durations in real-equivalent seconds, (0, ${REAL_SECONDS.functionTimeout}]
                       (default ${DEFAULT_DURATIONS_SECONDS.join(',')})
  --concurrency <n>    cells running at once (default: all cells)
  --runtime <name>     the Lambda runtime whose Node runs the clients: ${RUNTIME_NAMES.join(', ')}
                       (default ${DEFAULT_RUNTIME.name}, the stack's)
  --out <dir>          output directory (default lab-results/<timestamp>)
  --cleanup            remove network namespaces left by earlier runs, then exit
  --help               this text

       pnpm lab faults [-- --scale <s>] [--runtime <name>] [--rows <id prefixes|load>] [--load-concurrency <n>]
                       [--out <dir>]
  The fault matrix (NAT forgets/blackholes the flow, resets, killed or throttled service, callee errors,
  deadlines, bad input, 200-call load): each row's caller outcome, measured detection time vs its bound,
  and executions; exit 1 if any row misses its expectation.

${FIND_LIMIT_HELP_TEXT}

Clients:
${LAB_CLIENTS.map((client) => `  ${client.padEnd(23)}${CLIENT_DESCRIPTIONS[client]}`).join('\n')}
${BOTO3_CLIENTS.map((client) => `  ${client.padEnd(23)}${BOTO3_CLIENT_DESCRIPTIONS[client]}`).join('\n')}

Kernel profiles:
${KERNEL_PROFILES.map((profile) => `  ${profile.padEnd(23)}${KERNEL_PROFILE_DESCRIPTIONS[profile]}`).join('\n')}

Needs root (network namespaces, nftables, conntrack). Exit code: 0 all expectations met, 1 an expectation
failed (the shipped client lost a cell, keepalive-off survived past the idle limit, or a boto3 row differs
from its expected verdict), 2 usage/privileges or a bad client declaration (checked before anything starts).`;

const OPTION_SPEC = {
  scale: { type: 'string' },
  'nat-idle': { type: 'string' },
  runtime: { type: 'string' },
  paths: { type: 'string' },
  clients: { type: 'string' },
  client: { type: 'string', multiple: true },
  'client-file': { type: 'string' },
  'kernel-profiles': { type: 'string' },
  preset: { type: 'string' },
  durations: { type: 'string' },
  concurrency: { type: 'string' },
  out: { type: 'string' },
  cleanup: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseLabCommand(
  argv: readonly string[],
  now: Date = new Date(),
  baseDirectory = process.cwd(),
): LabCommand {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  if (args[0] === 'faults') return parseFaultsCommand(args.slice(1), now, baseDirectory);
  if (args[0] === 'find-limit') return parseFindLimitCommand(args.slice(1), now, baseDirectory);
  const values = parseStrictFlags(args, OPTION_SPEC, 'lab');
  if (values.help) return { kind: 'help' };
  if (values.cleanup) {
    const extra = Object.keys(values).filter((name) => name !== 'cleanup');
    if (extra.length > 0)
      throw new InvalidLabInputError('--cleanup', `--${extra.join(', --')}`, 'takes no other option');
    return { kind: 'cleanup' };
  }
  const durationsSeconds = parseList(
    '--durations',
    values.durations,
    DEFAULT_DURATIONS_SECONDS.map(String),
    parseDuration,
  );
  return {
    kind: 'run',
    options: {
      timeScale: parseTimeScale({ scale: values.scale, natIdle: values['nat-idle'] }, true),
      paths: parseList('--paths', values.paths, LAB_PATHS, (text) => oneOf('--paths', text, LAB_PATHS)),
      ...parseClientSelection(values),
      durationsSeconds: [...durationsSeconds].sort((a, b) => a - b),
      outDirectory: resolveOutDirectory(values.out, 'lab-results', baseDirectory, now),
      concurrency: values.concurrency === undefined ? undefined : parseConcurrency(values.concurrency),
      runtime: parseRuntime(values.runtime),
    },
  };
}

function parseDuration(text: string): number {
  const seconds = parseDecimal('--durations', text);
  if (seconds <= 0 || seconds > REAL_SECONDS.functionTimeout) {
    throw new InvalidLabInputError(
      '--durations',
      text,
      `each duration must be in (0, ${REAL_SECONDS.functionTimeout}] s (Lambda's maximum timeout)`,
    );
  }
  return seconds;
}

function parseConcurrency(text: string, field = '--concurrency'): number {
  const value = parseDecimal(field, text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidLabInputError(field, text, 'must be a whole number ≥ 1');
  return value;
}

const FAULTS_OPTION_SPEC = {
  scale: { type: 'string' },
  runtime: { type: 'string' },
  rows: { type: 'string' },
  'load-concurrency': { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseFaultsCommand(argv: readonly string[], now: Date, baseDirectory: string): LabCommand {
  const values = parseStrictFlags(argv, FAULTS_OPTION_SPEC, 'lab');
  if (values.help) return { kind: 'help' };
  return {
    kind: 'faults',
    options: {
      runtime: parseRuntime(values.runtime),
      timeScale: parseTimeScale({ scale: values.scale }, true),
      outDirectory: resolveOutDirectory(values.out, 'lab-results', baseDirectory, now, 'faults-'),
      ...(values.rows === undefined ? {} : { only: parseList('--rows', values.rows, [], (item) => item) }),
      ...(values['load-concurrency'] === undefined
        ? {}
        : { loadConcurrency: parseConcurrency(values['load-concurrency'], '--load-concurrency') }),
    },
  };
}
