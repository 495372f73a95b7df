/**
 * Command clients (docs/command-clients.md): any program the lab runs as a client in the vpc host, declared
 * as JSON `{ name, argv, env?, kernelProfile? }`. A declaration is checked completely here — unknown fields,
 * empty argv, an unknown argv placeholder, a program not found, a clashing name — so a bad one is refused
 * (InvalidLabInputError, exit 2) before any namespace exists.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { InvalidLabInputError } from '../lab-errors';
import { KERNEL_PROFILES, type KernelProfileName } from './kernel-profiles';

export interface CommandClient {
  /** The row name in the table, chart and results.json: lowercase letters, digits and dashes. */
  name: string;
  /** Program and arguments; `{placeholder}`s are filled per cell (COMMAND_PLACEHOLDERS). */
  argv: string[];
  /** Added to the lab's standard environment (docs/command-clients.md), after it. */
  env?: Record<string, string>;
  /** Runs only under this kernel profile; absent: under each profile of the run. */
  kernelProfile?: KernelProfileName;
}

/** What `{name}` in argv becomes for a cell (command-invocation.ts fills them in). */
export const COMMAND_PLACEHOLDERS = [
  'endpointUrl',
  'functionName',
  'payload',
  'durationSeconds',
  'timeoutSeconds',
  'region',
  'caBundle',
] as const;
export type CommandPlaceholder = (typeof COMMAND_PLACEHOLDERS)[number];

const FIELDS = ['name', 'argv', 'env', 'kernelProfile'];
/** Also part of the cell's callee function name: Lambda names allow letters, digits, '-' and '_' (64 chars). */
const NAME_RULE = /^[a-z][a-z0-9-]{0,39}$/;

export interface DeclarationContext {
  /** Where the declaration came from, for error fields: `--client`, `clients.json[2]`. */
  source: string;
  /** Names already taken (the built-in clients, earlier declarations). */
  takenNames: ReadonlySet<string>;
  /** PATH to look a bare program name up in. */
  searchPath: string | undefined;
}

export function parseCommandClient(value: unknown, context: DeclarationContext): CommandClient {
  const field = (name: string): string => `${context.source}.${name}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidLabInputError(context.source, value, 'must be a JSON object { name, argv, env?, kernelProfile? }');
  }
  const record = value as Record<string, unknown>;
  const unknownField = Object.keys(record).find((key) => !FIELDS.includes(key));
  if (unknownField !== undefined) {
    throw new InvalidLabInputError(field(unknownField), record[unknownField], `is not a field (${FIELDS.join(', ')})`);
  }
  const { name, argv, env, kernelProfile } = record;
  if (typeof name !== 'string' || !NAME_RULE.test(name)) {
    throw new InvalidLabInputError(
      field('name'),
      name,
      'must be 1-40 lowercase letters, digits or dashes, from a letter',
    );
  }
  if (context.takenNames.has(name)) {
    throw new InvalidLabInputError(field('name'), name, 'is already the name of another client');
  }
  if (!Array.isArray(argv) || argv.length === 0 || argv.some((item) => typeof item !== 'string' || item === '')) {
    throw new InvalidLabInputError(field('argv'), argv, 'must be a non-empty array of non-empty strings');
  }
  for (const item of argv as string[]) checkPlaceholders(field('argv'), item);
  resolveProgram(field('argv[0]'), argv[0] as string, context.searchPath);
  return {
    name,
    argv: argv as string[],
    ...(env === undefined ? {} : { env: parseEnv(field('env'), env) }),
    ...(kernelProfile === undefined ? {} : { kernelProfile: parseProfile(field('kernelProfile'), kernelProfile) }),
  };
}

/** A JSON array of declarations (a --client-file's content), names unique among themselves and the taken ones. */
export function parseCommandClientList(
  value: unknown,
  context: Omit<DeclarationContext, 'takenNames'> & { takenNames: Iterable<string> },
): CommandClient[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidLabInputError(context.source, value, 'must be a non-empty JSON array of client declarations');
  }
  const taken = new Set(context.takenNames);
  return value.map((item, index) => {
    const client = parseCommandClient(item, { ...context, source: `${context.source}[${index}]`, takenNames: taken });
    taken.add(client.name);
    return client;
  });
}

/** `{word}`: one of COMMAND_PLACEHOLDERS; any other brace use is refused so a typo cannot reach the program. */
function checkPlaceholders(field: string, item: string): void {
  for (const match of item.matchAll(/\{([^}]*)\}?/g)) {
    if (!(COMMAND_PLACEHOLDERS as readonly string[]).includes(match[1] ?? '') || !match[0].endsWith('}')) {
      throw new InvalidLabInputError(field, item, `placeholders must be one of {${COMMAND_PLACEHOLDERS.join('}, {')}}`);
    }
  }
}

/** Absolute path → that file; bare name → the first executable match on PATH (as execvp would find it). */
export function resolveProgram(field: string, program: string, searchPath: string | undefined): string {
  const candidates = isAbsolute(program)
    ? [program]
    : program.includes('/')
      ? []
      : (searchPath ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((directory) => join(directory, program));
  const found = candidates.find((candidate) => isExecutable(candidate));
  if (found === undefined) {
    throw new InvalidLabInputError(
      field,
      program,
      isAbsolute(program) || !program.includes('/')
        ? 'is not an executable file (absolute path, or a name found on PATH)'
        : 'must be an absolute path or a bare name found on PATH (the client runs in another directory)',
    );
  }
  return found;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function parseEnv(field: string, env: unknown): Record<string, string> {
  if (typeof env !== 'object' || env === null || Array.isArray(env)) {
    throw new InvalidLabInputError(field, env, 'must be an object of variable names to strings');
  }
  for (const [key, value] of Object.entries(env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
      throw new InvalidLabInputError(`${field}.${key}`, key, 'is not a variable name');
    if (typeof value !== 'string') throw new InvalidLabInputError(`${field}.${key}`, value, 'must be a string');
  }
  return env as Record<string, string>;
}

function parseProfile(field: string, profile: unknown): KernelProfileName {
  if ((KERNEL_PROFILES as readonly unknown[]).includes(profile)) return profile as KernelProfileName;
  throw new InvalidLabInputError(field, profile, `must be one of ${KERNEL_PROFILES.join(', ')}`);
}
