/**
 * Writes modules/keepalive-caller from the KeepAliveCaller construct (`pnpm build` runs it; `--check` only
 * reports whether the directory is up to date):
 *   node stacks/dist/module/generate-module.js [--check] [OUTDIR]
 * variables.tf, outputs.tf and versions.tf come from our own emitter over the JSON synth (terraform/hcl-emit);
 * main.tf is cdktf's HCL for the resources and data sources (its renderer knows which attributes are blocks)
 * with its defects repaired (terraform/hcl-repair), formatted by @cdktf/hcl-tools — hclwrite's formatter,
 * the one `cdktf synth --hcl` uses.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from '@cdktf/hcl-tools';
import { LAMBDA_ZIP_NAME } from '@lambda-keepalive/lambda-bundle';
import { App, TerraformOutput, type TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AWS_PROVIDER_RANGE, AWS_PROVIDER_SOURCE, MODULE_REQUIRED_TERRAFORM } from '../config/terraform-versions';
import { HclRenderError } from '../errors';
import { workspaceBundleDir } from '../stacks/bundle-dirs';
import {
  type JsonOutput,
  type JsonVariable,
  renderOutput,
  renderTerraformBlock,
  renderVariable,
} from '../terraform/hcl-emit';
import { conditionListsToBlocks, unquoteDependsOn, unwrapInterpolationOnly } from '../terraform/hcl-repair';
import { KeepAliveCallerModuleStack, MODULE_ZIP_NAME } from './keepalive-caller-module';

export const MODULE_HEADER =
  '# Generated from stacks/src/module/keepalive-caller-module.ts by `pnpm build`. Do not edit: change the\n' +
  '# construct (stacks/src/constructs/keepalive-caller.ts) and rebuild.\n';

/** The module directory in this repository. */
export const MODULE_DIR = path.resolve(__dirname, '..', '..', '..', 'modules', 'keepalive-caller');

/** The files the generator owns in the module directory (the README beside them is written by hand). */
export type ModuleFiles = Readonly<Record<string, Buffer>>;

interface ModuleJson {
  readonly variable: Record<string, JsonVariable>;
  readonly output: Record<string, JsonOutput>;
  readonly provider?: unknown;
  readonly terraform?: unknown;
}

/** Top-level `resource "…"` and `data "…"` blocks of formatted HCL (they open and close at column 0). */
function resourceBlocks(hcl: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of hcl.split('\n')) {
    if (!current && (line.startsWith('resource "') || line.startsWith('data "'))) current = [];
    if (!current) continue;
    current.push(line);
    if (line === '}') {
      blocks.push(current.join('\n'));
      current = undefined;
    }
  }
  return blocks;
}

/** Logical ids of a stack's own variables or outputs in declaration order (the JSON synth sorts its keys). */
function declared(stack: TerraformStack, kind: typeof TerraformVariable | typeof TerraformOutput): string[] {
  return stack.node.children
    .filter((child) => child instanceof kind)
    .map((child) => (child as TerraformVariable | TerraformOutput).friendlyUniqueId);
}

/** Every file of the module, from the construct and the caller zip at `callerZip`. */
export async function generateModule(callerZip: string): Promise<ModuleFiles> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-module-'));
  try {
    const stack = new KeepAliveCallerModuleStack(new App({ outdir, skipValidation: true }), 'keepalive-caller');
    const json = JSON.parse(Testing.synth(stack, false)) as ModuleJson;
    if (json.provider !== undefined || json.terraform !== undefined) {
      throw new HclRenderError('a provider or terraform block in the module stack', JSON.stringify(json.terraform));
    }
    const rawHcl = Testing.synthHcl(stack, false) as string;
    const main = resourceBlocks(
      await format(unwrapInterpolationOnly(conditionListsToBlocks(unquoteDependsOn(rawHcl)))),
    ).join('\n\n');
    const variables = declared(stack, TerraformVariable).map((name) => renderVariable(name, json.variable[name] ?? {}));
    const outputs = declared(stack, TerraformOutput).map((name) =>
      renderOutput(name, json.output[name] ?? { value: null }),
    );
    const texts: Record<string, string> = {
      'versions.tf': renderTerraformBlock(MODULE_REQUIRED_TERRAFORM, AWS_PROVIDER_SOURCE, AWS_PROVIDER_RANGE),
      'variables.tf': variables.join('\n\n'),
      'main.tf': main,
      'outputs.tf': outputs.join('\n\n'),
    };
    const files: Record<string, Buffer> = {};
    for (const [name, body] of Object.entries(texts)) {
      files[name] = Buffer.from(`${MODULE_HEADER}\n${await format(`${body}\n`)}`);
    }
    files[MODULE_ZIP_NAME] = fs.readFileSync(callerZip);
    return files;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The file names under `dir` whose bytes differ from `files` (missing ones included). */
export function staleFiles(dir: string, files: ModuleFiles): string[] {
  return Object.entries(files)
    .filter(([name, bytes]) => {
      const target = path.join(dir, name);
      return !fs.existsSync(target) || !fs.readFileSync(target).equals(bytes);
    })
    .map(([name]) => name);
}

/** The workspace caller build's deployment zip, which the module ships. */
export const workspaceCallerZip = (): string =>
  path.join(workspaceBundleDir('@lambda-keepalive/caller'), LAMBDA_ZIP_NAME);

async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const dir = args.find((arg) => !arg.startsWith('--')) ?? MODULE_DIR;
  const files = await generateModule(workspaceCallerZip());
  const stale = staleFiles(dir, files);
  const shown = path.relative(process.cwd(), dir) || '.';
  if (check) {
    if (stale.length === 0) return 0;
    console.error(`${shown} is out of date (${stale.join(', ')}): run \`pnpm build\` and commit it`);
    return 1;
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const name of stale) {
    // Whole files only: written beside, then renamed over the old one.
    const target = path.join(dir, name);
    fs.writeFileSync(`${target}.tmp`, files[name] as Buffer);
    fs.renameSync(`${target}.tmp`, target);
  }
  console.log(`${shown}: ${stale.length > 0 ? `wrote ${stale.join(', ')}` : 'up to date'}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
