/**
 * Runs `ip`, `nft`, `conntrack` and `sysctl` for the lab, always scoped to one lab namespace
 * (`ip -n <ns>` or `ip netns exec <ns>`), never touching the root namespace's interfaces or rules.
 */
import { execFile, execFileSync } from 'node:child_process';
import { NetworkCommandError } from './network-errors';

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs a command and resolves with its output and exit code (never rejects on a non-zero exit). */
export function runCommand(command: string, args: readonly string[], input?: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new NetworkCommandError(command, args, null, String(stderr || error.message), error));
          return;
        }
        resolve({ stdout, stderr, code: error ? Number(error.code) : 0 });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Like runCommand but throws NetworkCommandError on a non-zero exit. */
export async function runChecked(command: string, args: readonly string[], input?: string): Promise<CommandResult> {
  const result = await runCommand(command, args, input);
  if (result.code !== 0) throw new NetworkCommandError(command, args, result.code, result.stderr);
  return result;
}

export function execInNamespace(
  namespace: string,
  command: string,
  args: readonly string[],
  input?: string,
): Promise<CommandResult> {
  return runCommand('ip', ['netns', 'exec', namespace, command, ...args], input);
}

export function ipIn(namespace: string, args: readonly string[]): Promise<CommandResult> {
  return runChecked('ip', ['-n', namespace, ...args]);
}

export function addNamespace(namespace: string): Promise<CommandResult> {
  return runChecked('ip', ['netns', 'add', namespace]);
}

export async function listNamespaces(): Promise<string[]> {
  const { stdout } = await runChecked('ip', ['netns', 'list']);
  // Lines look like "lk-abc-vpc (id: 3)" or just "lk-abc-vpc".
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name.length > 0);
}

/** Deletes a namespace; a namespace that is already gone is not an error (destroy is idempotent). */
export async function deleteNamespace(namespace: string): Promise<void> {
  const result = await runCommand('ip', ['netns', 'delete', namespace]);
  if (result.code !== 0 && !/No such file|not exist/i.test(result.stderr)) {
    throw new NetworkCommandError('ip', ['netns', 'delete', namespace], result.code, result.stderr);
  }
}

/** Synchronous variant for the process 'exit' hook, where nothing asynchronous runs any more. */
export function deleteNamespaceSync(namespace: string): void {
  try {
    execFileSync('ip', ['netns', 'delete', namespace], { stdio: 'ignore' });
  } catch {
    // Already gone, or nothing more can be done while the process exits.
  }
}

/** PIDs of processes whose network namespace is `namespace` (they keep it alive after `ip netns delete`). */
export async function namespacePids(namespace: string): Promise<number[]> {
  const result = await runCommand('ip', ['netns', 'pids', namespace]);
  if (result.code !== 0) return [];
  return result.stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}

export function namespacePidsSync(namespace: string): number[] {
  try {
    const stdout = execFileSync('ip', ['netns', 'pids', namespace], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return stdout
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => Number.isInteger(pid) && pid > 0);
  } catch {
    return [];
  }
}

export async function setSysctls(namespace: string, settings: Record<string, string>): Promise<void> {
  const assignments = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  const result = await execInNamespace(namespace, 'sysctl', ['-q', '-w', ...assignments]);
  if (result.code !== 0) throw new NetworkCommandError('sysctl', ['-w', ...assignments], result.code, result.stderr);
}

export async function applyNftables(namespace: string, ruleset: string): Promise<void> {
  const result = await execInNamespace(namespace, 'nft', ['-f', '-'], ruleset);
  if (result.code !== 0)
    throw new NetworkCommandError('nft', ['-f', '-', `(in ${namespace})`], result.code, result.stderr);
}

export async function listNftJson(namespace: string, args: readonly string[]): Promise<string> {
  const result = await execInNamespace(namespace, 'nft', ['-j', 'list', ...args]);
  if (result.code !== 0) throw new NetworkCommandError('nft', ['-j', 'list', ...args], result.code, result.stderr);
  return result.stdout;
}

/**
 * Deletes every conntrack entry in the namespace and returns how many went. conntrack-tools reports
 * "N flow entries have been deleted." on stderr and exits 1 when N is 0, so the count decides.
 */
export async function deleteConntrackEntries(namespace: string): Promise<number> {
  const result = await execInNamespace(namespace, 'conntrack', ['-D']);
  const match = /(\d+) flow entries have been deleted/.exec(result.stderr);
  if (!match) throw new NetworkCommandError('conntrack', ['-D', `(in ${namespace})`], result.code, result.stderr);
  return Number(match[1]);
}
