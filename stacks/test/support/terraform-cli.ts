/**
 * Test support: the terraform binary, run offline (no CLI config, no checkpoint call, no colour), and the
 * checks that need no provider: `fmt`, `console` for variable validation, `init`/`validate` of provider-free
 * configurations, `get` for module trees.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where Debian and HashiCorp's packages put terraform; PATH is searched too. */
const CANDIDATES = ['/usr/local/bin/terraform', '/usr/bin/terraform'];

export const TERRAFORM_BINARY: string | undefined = [
  ...CANDIDATES,
  ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'terraform')),
].find((candidate) => fs.existsSync(candidate));

/** Why a terraform check cannot run here, or undefined when it can. */
export const terraformSkipReason = (): string | undefined =>
  TERRAFORM_BINARY ? undefined : `no terraform binary (looked in ${CANDIDATES.join(', ')} and PATH)`;

/**
 * Runs the check only where terraform is installed; elsewhere prints why it did not run (CI installs none,
 * and no provider can be downloaded here in any case).
 */
export function withTerraform(check: (terraform: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const reason = terraformSkipReason();
    if (reason !== undefined || TERRAFORM_BINARY === undefined) {
      console.warn(`skipping a terraform check: ${reason}`);
      return;
    }
    await check(TERRAFORM_BINARY);
  };
}

export interface TerraformRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs terraform in `cwd`; its data directory (.terraform) goes to `dataDir`, by default inside `cwd`. */
export function runTerraform(
  terraform: string,
  args: string[],
  options: { cwd: string; input?: string; dataDir?: string },
): TerraformRun {
  const result = spawnSync(terraform, [...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: '/dev/null',
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      TF_DATA_DIR: options.dataDir ?? path.join(options.cwd, '.terraform'),
    },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The diagnostics `terraform console` prints for these variable values, evaluated on `dir`: a copy of the
 * variables alone, so no provider is needed. console exits 0 even when a validation fails: read stderr.
 */
export function validationErrors(terraform: string, dir: string, values: Record<string, string>): string {
  const args = ['console', '-no-color', ...Object.entries(values).map(([name, value]) => `-var=${name}=${value}`)];
  return runTerraform(terraform, args, { cwd: dir, input: 'true\n' }).stderr;
}

/**
 * The names of the variables whose validation `terraform console` reported as failed, in order: from the
 * source line each diagnostic quotes, `variable "name" {` in HCL or `"name": {` in JSON (pretty-printed).
 */
export function refusedVariables(stderr: string): string[] {
  const diagnostic = /Invalid value for variable[\s\S]*?\n\s*\d+:\s*(?:variable "([^"]+)"|"([^"]+)": \{)/g;
  return [...stderr.matchAll(diagnostic)].map((match) => (match[1] ?? match[2]) as string);
}
