/**
 * `pnpm lab`'s client selection: --clients, --client / --client-file (command clients,
 * docs/command-clients.md), --kernel-profiles and --preset. Everything is checked here — declarations,
 * that their programs exist, that Debian's boto3 imports when a boto3 client is chosen — so a bad choice
 * is refused (exit 2) before any namespace exists.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  BOTO3_CLIENT_DECLARATIONS,
  BOTO3_CLIENTS,
  type Boto3Client,
  type CommandClient,
  DEFAULT_KERNEL_PROFILE,
  KERNEL_PROFILES,
  type KernelProfileName,
  LAB_CLIENTS,
  PYTHON_EXECUTABLE,
  parseCommandClient,
  parseCommandClientList,
  resolveProgram,
} from '../harness';
import { InvalidLabInputError } from '../lab-errors';
import { oneOf, parseList } from './command-line';

export const LAB_PRESETS = ['python'] as const;

/** The default sweep's boto3 rows: the failure, the original fix, and the fix that works on any kernel. */
export const DEFAULT_BOTO3_CLIENTS: readonly Boto3Client[] = ['boto3-default', 'boto3-tcp-keepalive', 'boto3-keepidle'];

export interface ClientFlags {
  clients?: string;
  client?: string[];
  'client-file'?: string;
  'kernel-profiles'?: string;
  preset?: string;
}

export interface ClientSelection {
  clients: string[];
  commandClients: CommandClient[];
  kernelProfiles: KernelProfileName[];
}

export function parseClientSelection(
  flags: ClientFlags,
  searchPath: string | undefined = process.env.PATH,
): ClientSelection {
  const builtIn = new Set<string>([...LAB_CLIENTS, ...BOTO3_CLIENTS]);
  const declared = [
    ...(flags['client-file'] === undefined ? [] : readClientFile(flags['client-file'], builtIn, searchPath)),
  ];
  for (const [index, text] of (flags.client ?? []).entries()) {
    const taken = new Set([...builtIn, ...declared.map((client) => client.name)]);
    declared.push(
      parseCommandClient(parseJson(`--client[${index}]`, text), {
        source: `--client[${index}]`,
        takenNames: taken,
        searchPath,
      }),
    );
  }
  const declaredNames = declared.map((client) => client.name);
  const preset = flags.preset === undefined ? undefined : oneOf('--preset', flags.preset, LAB_PRESETS);
  if (preset !== undefined && (flags.clients !== undefined || flags['kernel-profiles'] !== undefined)) {
    throw new InvalidLabInputError(
      '--preset',
      preset,
      'chooses the clients and kernel profiles itself: drop --clients / --kernel-profiles',
    );
  }
  const defaults =
    preset === 'python'
      ? [...BOTO3_CLIENTS, ...declaredNames]
      : [...LAB_CLIENTS, ...DEFAULT_BOTO3_CLIENTS, ...declaredNames];
  const known = [...builtIn, ...declaredNames];
  const clients = parseList('--clients', flags.clients, defaults, (name) => oneOf('--clients', name, known));
  const kernelProfiles = parseList(
    '--kernel-profiles',
    flags['kernel-profiles'],
    preset === 'python' ? KERNEL_PROFILES : [DEFAULT_KERNEL_PROFILE],
    (name) => oneOf('--kernel-profiles', name, KERNEL_PROFILES),
  );
  const boto3 = clients.filter((name): name is Boto3Client => (BOTO3_CLIENTS as readonly string[]).includes(name));
  if (boto3.length > 0) requireDebianBoto3(searchPath);
  const commandClients = [
    ...boto3.map((name) => BOTO3_CLIENT_DECLARATIONS[name]),
    ...declared.filter((client) => clients.includes(client.name)),
  ];
  return { clients, commandClients, kernelProfiles };
}

function readClientFile(file: string, builtIn: ReadonlySet<string>, searchPath: string | undefined): CommandClient[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidLabInputError(
      '--client-file',
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  return parseCommandClientList(parseJson('--client-file', text), {
    source: '--client-file',
    takenNames: builtIn,
    searchPath,
  });
}

function parseJson(field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidLabInputError(
      field,
      text,
      `must be JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** The boto3 clients run Debian's python3-boto3 (./run installs it): refuse early when it is not there. */
function requireDebianBoto3(searchPath: string | undefined): void {
  resolveProgram('boto3 clients (python3)', PYTHON_EXECUTABLE, searchPath);
  const probe = spawnSync(PYTHON_EXECUTABLE, ['-c', 'import boto3'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.status !== 0) {
    const why = (probe.stderr || String(probe.error)).trim().split('\n').pop();
    throw new InvalidLabInputError(
      'boto3 clients',
      PYTHON_EXECUTABLE,
      `cannot import boto3 (${why}): install python3-boto3 (./run does)`,
    );
  }
}
